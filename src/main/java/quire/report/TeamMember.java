package quire.report;

/** A member of the research team as COREQ items 1–5 ask about them. */
public record TeamMember(long id, String name, String role, String credentials, String occupation, String gender,
		String experience) {
}

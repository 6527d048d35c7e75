package quire.corpus;

/** What kind of data collection a document group holds; it decides the group's default strand. */
public enum GroupKind {

	FOCUS_GROUP("focus group", "focus groups", Strand.QUALITATIVE),
	INTERVIEW("individual interview", "individual interviews", Strand.QUALITATIVE),
	COUNSELLING_SESSION("counselling session (MI)", "counselling sessions (MI)", Strand.FIDELITY),
	FIELD_NOTES("field notes or other document", "field notes or other documents", Strand.QUALITATIVE);

	private final String singular;

	private final String plural;

	private final Strand defaultStrand;

	GroupKind(String singular, String plural, Strand defaultStrand) {
		this.singular = singular;
		this.plural = plural;
		this.defaultStrand = defaultStrand;
	}

	/** "focus group" for 1, "focus groups" otherwise. */
	public String label(long count) {
		return count == 1 ? singular : plural;
	}

	public String label() {
		return singular;
	}

	/** The strand a group of this kind belongs to unless a researcher says otherwise. */
	public Strand defaultStrand() {
		return defaultStrand;
	}

	/** Whether a document of this kind records a data-collection session (a focus group or an interview). */
	public boolean isQualitativeSession() {
		return this == FOCUS_GROUP || this == INTERVIEW;
	}

	/** The kind named by a CLI or API argument ("focus-group", "FOCUS_GROUP", "interview", "mi", ...). */
	public static GroupKind parse(String text) {
		String t = text.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_').replace(' ', '_');
		return switch (t) {
			case "FOCUS_GROUP", "FG" -> FOCUS_GROUP;
			case "INTERVIEW", "INDIVIDUAL_INTERVIEW" -> INTERVIEW;
			case "COUNSELLING_SESSION", "COUNSELING_SESSION", "MI", "MI_SESSION", "COUNSELLING" -> COUNSELLING_SESSION;
			case "FIELD_NOTES", "OTHER", "NOTES" -> FIELD_NOTES;
			default -> throw new IllegalArgumentException("unknown group kind '" + text
					+ "': use focus-group, interview, counselling-session or field-notes");
		};
	}

}

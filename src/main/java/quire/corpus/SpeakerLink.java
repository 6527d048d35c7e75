package quire.corpus;

/**
 * A speaker label of one document linked to the participant who speaks under it there, with how
 * many turns they speak and where the link came from.
 */
public record SpeakerLink(DocumentId document, String documentName, String speaker, long participantId,
		String participantLabel, LinkOrigin origin, int turns) {

	/** Longest participant label the database holds. */
	static final int MAX_LABEL = 200;

	/**
	 * The label of the participant a speaker gets in one document: "Sick-listed worker — mi-session-01",
	 * shortened to fit.
	 */
	public static String documentLabel(String speaker, String documentName) {
		String label = speaker.strip() + " — " + documentName.strip();
		return label.length() <= MAX_LABEL ? label : label.substring(0, MAX_LABEL);
	}

	/** The {@code n}-th variant of a label that is taken: "Moderator — fg (2)", still fitting. */
	public static String numbered(String label, int n) {
		String suffix = " (" + n + ")";
		String base = label.length() + suffix.length() <= MAX_LABEL ? label : label.substring(0, MAX_LABEL - suffix.length());
		return base + suffix;
	}

}

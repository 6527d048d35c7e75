package quire.corpus;

/** Where the link of a document's speaker to a participant came from. */
public enum LinkOrigin {

	/** The speaker has a participant of its own for this document (a role label, or a label first seen here). */
	DOCUMENT("own participant"),

	/**
	 * Proposed as the same person as elsewhere, because the label is the same (a person-like label, or a
	 * label the researcher described as one person before speakers were per document); awaiting review.
	 */
	PROPOSED("proposed: same label"),

	/** The researcher linked it, or accepted the proposal. */
	RESEARCHER("linked by researcher");

	private final String label;

	LinkOrigin(String label) {
		this.label = label;
	}

	/** For people: "proposed: same label". */
	public String label() {
		return label;
	}

}

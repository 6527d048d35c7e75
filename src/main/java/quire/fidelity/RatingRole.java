package quire.fidelity;

/**
 * What a rating is for: the session's primary rating, which results (means, SDs, shares at fair and
 * good) use, or a reliability rating (double-coding), which feeds the ICC only. A session has at most
 * one primary rating per {@link RatingSource}.
 */
public enum RatingRole {

	PRIMARY("primary"), RELIABILITY("reliability double-coding");

	private final String label;

	RatingRole(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}

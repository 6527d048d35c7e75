package quire.fidelity;

/** Where a summary score stands against a {@link Threshold}. */
public enum Level {

	/** Below the fair threshold. */
	BELOW_FAIR("below fair"),
	/** At or above the fair threshold, and below the good threshold if there is one. */
	FAIR("fair"),
	/** At or above the good threshold. */
	GOOD("good"),
	/** The score itself is not defined (e.g. R:Q without questions), so it has no level. */
	NOT_DEFINED("not defined");

	private final String label;

	Level(String label) {
		this.label = label;
	}

	/** The label for reports: "below fair", "fair", "good" or "not defined". */
	public String label() {
		return this.label;
	}

}

package quire.fidelity;

/** Where a rating comes from: a coding lab's results file, or coding in Quire. */
public enum RatingSource {

	LAB("coding lab"), QUIRE("coded in Quire");

	private final String label;

	RatingSource(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}

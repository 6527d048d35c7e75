package quire.fidelity;

/** How fidelity results are grouped. */
public enum ResultsBy {

	SESSION("Session"), COUNSELLOR("Counsellor");

	private final String label;

	ResultsBy(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}

package quire.coding;

/** Where a code comes from: the framework (deductive) or the data (inductive). */
public enum Origin {

	DEDUCTIVE("Deductive"), INDUCTIVE("Inductive");

	private final String label;

	Origin(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}

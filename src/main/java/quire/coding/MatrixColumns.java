package quire.coding;

/** What the columns of a framework matrix are. */
public enum MatrixColumns {

	DOCUMENTS("Documents"), GROUPS("Document groups"), SPEAKERS("Speakers");

	private final String label;

	MatrixColumns(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}

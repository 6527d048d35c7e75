package quire.coding;

/** What a memo is about: the project (its journal), a document, a code or a coding. */
public enum MemoTarget {

	PROJECT("Project journal"), DOCUMENT("Document"), CODE("Code"), CODING("Coding");

	private final String label;

	MemoTarget(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}

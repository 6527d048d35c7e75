package quire.corpus;

/** The type of a participant attribute. */
public enum AttributeKind {

	TEXT("Text"), NUMBER("Number"), DATE("Date (yyyy-mm-dd)"), CATEGORY("Category");

	private final String label;

	AttributeKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}

package quire.coding;

/**
 * The unit of analysis for inter-coder agreement; results depend on it, so reports name it.
 * Sentences are found within speaker turns with the JDK's locale-aware sentence rules until the
 * language-processing module provides stored sentence units.
 */
public enum AgreementUnit {

	CHARACTER("character"), SENTENCE("sentence"), TURN("speaker turn");

	private final String label;

	AgreementUnit(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}

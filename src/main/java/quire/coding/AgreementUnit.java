package quire.coding;

/**
 * The unit of analysis for inter-coder agreement; results depend on it, so reports name it.
 * Sentences are the document's stored sentence units (CoreNLP for English, rules for Norwegian; see
 * {@code quire.nlp}).
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

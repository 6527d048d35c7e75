package quire.coding;

/**
 * The unit of analysis for inter-coder agreement; results depend on it, so reports name it. Speaker turns
 * are the default; sentences are the document's stored sentence units (CoreNLP for English, rules for
 * Norwegian; see {@code quire.nlp}). Characters are available on request only and carry a caveat: nearly
 * every character is coded by nobody, so agreement is near 100 % whatever the coders did.
 */
public enum AgreementUnit {

	TURN("speaker turn", "speaker turns", ""), SENTENCE("sentence", "sentences", ""),
	CHARACTER("character", "characters", "character-level agreement, not comparable to unit-based figures");

	private final String label;

	private final String plural;

	private final String caveat;

	AgreementUnit(String label, String plural, String caveat) {
		this.label = label;
		this.plural = plural;
		this.caveat = caveat;
	}

	public String label() {
		return label;
	}

	/** The label for a count, e.g. "1 speaker turn", "212 speaker turns". */
	public String plural(long count) {
		return count == 1 ? label : plural;
	}

	/** What a reader must know about figures at this unit; empty when nothing. */
	public String caveat() {
		return caveat;
	}

	/**
	 * The unit named by a person: {@code turn}, {@code sentence} or {@code character}, any case.
	 * @throws IllegalArgumentException naming the value otherwise
	 */
	public static AgreementUnit parse(String text) {
		return switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
			case "turn", "speaker turn", "speaker-turn" -> TURN;
			case "sentence" -> SENTENCE;
			case "character", "char" -> CHARACTER;
			default -> throw new IllegalArgumentException("unknown unit '" + text + "': use turn, sentence or character");
		};
	}

}

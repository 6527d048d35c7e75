package quire.corpus;

import java.util.List;

/** A document's immutable text with its speaker turns, for reading, indexing and coding. */
public record Transcript(DocumentSummary document, String text, List<Turn> turns) {

	public Transcript {
		turns = List.copyOf(turns);
	}

	/** The words of one turn. */
	public String turnText(Turn turn) {
		return text.substring(turn.start(), turn.end());
	}

}

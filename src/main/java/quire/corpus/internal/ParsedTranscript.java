package quire.corpus.internal;

import java.util.List;

/** What a reader made of a file: its format, the normalised text to store, and the speaker turns in it. */
public record ParsedTranscript(String format, String text, List<ParsedTurn> turns) {

	public ParsedTranscript {
		turns = List.copyOf(turns);
		for (ParsedTurn t : turns) {
			if (t.end() > text.length()) {
				throw new IllegalArgumentException(
						"turn [" + t.start() + ", " + t.end() + ") lies outside the text of length " + text.length());
			}
		}
	}

}

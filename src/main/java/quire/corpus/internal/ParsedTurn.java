package quire.corpus.internal;

import org.jspecify.annotations.Nullable;

/**
 * A speaker turn found by a reader: {@code [start, end)} of the utterance words in the parsed text
 * (no label, no timestamp), with the speaker label and times in milliseconds where the file had them.
 */
public record ParsedTurn(@Nullable String speaker, int start, int end, @Nullable Long startMs, @Nullable Long endMs) {

	public ParsedTurn {
		if (start < 0 || end < start) {
			throw new IllegalArgumentException("turn range must satisfy 0 <= start <= end, was [" + start + ", " + end + ")");
		}
	}

	ParsedTurn withEndMs(@Nullable Long value) {
		return new ParsedTurn(speaker, start, end, startMs, value);
	}

}

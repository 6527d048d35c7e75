package quire.corpus;

import org.jspecify.annotations.Nullable;

/**
 * A speaker turn: the range {@code [start, end)} of the stored document text that one speaker said,
 * without the speaker label or timestamp. Times are milliseconds from the start of the recording,
 * where the file had them.
 */
public record Turn(int index, @Nullable String speaker, int start, int end, @Nullable Long startMs,
		@Nullable Long endMs) {

	public Turn {
		if (start < 0 || end < start) {
			throw new IllegalArgumentException("turn range must satisfy 0 <= start <= end, was [" + start + ", " + end + ")");
		}
	}

	/**
	 * The number people see and cite for the turn at a 0-based {@code index}: the first turn is 1.
	 * Every human-readable place (pages, CSV and Word exports, CLI text, messages) shows this number,
	 * and machine outputs give it as {@code turnNumber} beside the 0-based {@code turnIndex} that
	 * scripts use to index lists, so "turn 12" in a manuscript is the same turn wherever it was read.
	 */
	public static int number(int index) {
		return index + 1;
	}

	/** This turn's number as people see it: {@link #number(int)} of its index. */
	public int number() {
		return number(index);
	}

}

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

}

package quire.corpus;

/**
 * A sentence unit: the range {@code [start, end)} of a document's stored text inside one speaker
 * turn, without surrounding white space. Stored like speaker turns; coding, auto-coding and
 * agreement use it at sentence level.
 */
public record SentenceUnit(int index, int start, int end) {

	public SentenceUnit {
		if (start < 0 || end <= start) {
			throw new IllegalArgumentException("sentence range must satisfy 0 <= start < end, was [" + start + ", " + end + ")");
		}
	}

	/** Whether this sentence and {@code [otherStart, otherEnd)} share at least one character. */
	public boolean overlaps(int otherStart, int otherEnd) {
		return start < otherEnd && otherStart < end;
	}

}

package quire.fidelity.internal;

/**
 * A problem with one cell, row or column of a coding lab's results file.
 *
 * @param line the line in the file (line 1 is the header)
 * @param column the column's header as written in the file, or the field's name when the column is missing; empty
 * when the problem concerns the whole row or file
 * @param reason what is wrong, in plain English, e.g. {@code "6 is outside 1–5"}
 */
public record RowError(int line, String column, String reason) {

	public RowError {
		if (line < 1) {
			throw new IllegalArgumentException("a line number starts at 1, got " + line);
		}
		if (reason.isBlank()) {
			throw new IllegalArgumentException("a row error needs a reason");
		}
	}

	/** E.g. {@code line 7, column 'Empathy': 6 is outside 1–5}. */
	@Override
	public String toString() {
		return "line " + this.line + (this.column.isEmpty() ? "" : ", column '" + this.column + "'") + ": "
				+ this.reason;
	}

}

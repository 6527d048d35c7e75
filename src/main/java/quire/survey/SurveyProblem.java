package quire.survey;

import java.util.Objects;

/**
 * A problem with a survey file: with one cell, one row, one column or the whole file.
 *
 * @param line the line (CSV) or row number (Excel) in the file; line 1 is the header, and problems with the whole
 * file or the header are on line 1
 * @param column the column's header as written in the file; empty when the problem concerns a whole row or the
 * whole file
 * @param reason what is wrong, in plain English, naming the value, e.g. {@code "6 is not one of the value labels
 * (1–5)"}
 */
public record SurveyProblem(int line, String column, String reason) {

	public SurveyProblem {
		if (line < 1) {
			throw new IllegalArgumentException("a line number starts at 1, got " + line);
		}
		column = Objects.requireNonNull(column, "column").strip();
		if (Objects.requireNonNull(reason, "reason").isBlank()) {
			throw new IllegalArgumentException("a survey problem needs a reason");
		}
		reason = reason.strip();
	}

	/** A problem with the whole file or the header, on line 1 with no column. */
	public static SurveyProblem ofFile(String reason) {
		return new SurveyProblem(1, "", reason);
	}

	/** E.g. {@code line 7, column 'satisfaction': 6 is not one of the value labels (1–5)}. */
	@Override
	public String toString() {
		return "line " + this.line + (this.column.isEmpty() ? "" : ", column '" + this.column + "'") + ": "
				+ this.reason;
	}

}

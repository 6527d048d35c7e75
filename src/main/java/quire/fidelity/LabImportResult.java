package quire.fidelity;

import java.util.List;

/**
 * What a coding-lab import did or would do: ratings imported (new or replacing the same coder's
 * rating of the same session), sessions created, and every bad row with its line, column and reason.
 * When {@code applied} is false nothing was stored.
 */
public record LabImportResult(String fileName, boolean applied, int ratings, int sessionsCreated,
		List<Problem> problems, List<String> ignoredColumns) {

	/** One bad row or column. Line 1 is the header. */
	public record Problem(int line, String column, String reason) {

		@Override
		public String toString() {
			return "line " + line + (column.isEmpty() ? "" : ", column '" + column + "'") + ": " + reason;
		}

	}

	public LabImportResult {
		problems = List.copyOf(problems);
		ignoredColumns = List.copyOf(ignoredColumns);
	}

	public String describe() {
		if (!applied) {
			return fileName + ": nothing imported, " + problems.size() + " problem" + (problems.size() == 1 ? "" : "s");
		}
		return fileName + ": " + ratings + " rating" + (ratings == 1 ? "" : "s") + " imported, " + sessionsCreated
				+ " new session" + (sessionsCreated == 1 ? "" : "s")
				+ (problems.isEmpty() ? "" : ", " + problems.size() + " bad row(s) skipped");
	}

}

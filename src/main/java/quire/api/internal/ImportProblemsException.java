package quire.api.internal;

import java.util.List;

/**
 * A questionnaire or MITI lab file that was not imported, with every problem by line and column;
 * nothing of it was stored.
 */
final class ImportProblemsException extends RuntimeException {

	/** One bad line or cell; line 1 is the header. */
	record Problem(int line, String column, String reason) {
	}

	private final String fileName;

	private final List<Problem> problems;

	private final List<String> unknownIds;

	ImportProblemsException(String fileName, List<Problem> problems, List<String> unknownIds) {
		super(fileName + ": nothing imported, " + problems.size() + " problem(s)"
				+ (unknownIds.isEmpty() ? "" : ", " + unknownIds.size() + " id(s) that match no participant"));
		this.fileName = fileName;
		this.problems = List.copyOf(problems);
		this.unknownIds = List.copyOf(unknownIds);
	}

	String fileName() {
		return fileName;
	}

	List<Problem> problems() {
		return problems;
	}

	List<String> unknownIds() {
		return unknownIds;
	}

}

package quire.exchange;

import java.util.List;

import quire.project.ProjectId;

/**
 * What a {@code .qdpx} import made: the new project and how many users (coders), codes, text sources,
 * codings, cases and notes it took over, what it skipped and why (unsupported source kinds, codings
 * that do not fit their text), and warnings.
 */
public record QdpxReport(ProjectId projectId, String projectName, int users, int codes, int sources, int codings,
		int cases, int notes, List<String> skipped, List<String> warnings) {

	public QdpxReport {
		skipped = List.copyOf(skipped);
		warnings = List.copyOf(warnings);
	}

	/**
	 * The summary line the Exchange page and the CLI show above the skipped and warning lines: what
	 * was made, in Quire's words (a source is a document, a note a memo, a case a participant), and
	 * how many skip lines follow (a line can stand for several items of one kind, and says how many).
	 */
	public String describe() {
		return "Imported '" + projectName + "': " + count(sources, "document") + ", " + count(codings, "coding") + ", "
				+ count(notes, "memo") + ", " + count(codes, "code") + ", " + count(users, "coder") + ", "
				+ count(cases, "participant")
				+ (skipped.isEmpty() ? "; nothing skipped"
						: "; " + (skipped.size() == 1 ? "1 line below says" : skipped.size() + " lines below say")
								+ " what was skipped and why");
	}

	private static String count(int n, String thing) {
		return n + " " + thing + (n == 1 ? "" : "s");
	}

}

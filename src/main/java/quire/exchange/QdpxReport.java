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

	public String describe() {
		return "Imported '" + projectName + "': " + codes + " codes, " + sources + " sources, " + codings + " codings, "
				+ users + " coders, " + notes + " notes" + (skipped.isEmpty() ? "" : "; skipped " + skipped.size());
	}

}

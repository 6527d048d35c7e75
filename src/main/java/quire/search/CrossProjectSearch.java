package quire.search;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import quire.project.ProjectId;

/**
 * A search over every project the current user may read, with the same query syntax and filters as
 * {@link SearchRequest}. Codes are named (by name or path) because each project has its own
 * codebook: a project without a named "coded with" or "within" code has no hits. {@code projects}
 * narrows to some of the readable projects; empty means all of them.
 */
public record CrossProjectSearch(String query, @Nullable String group, @Nullable String speaker,
		List<String> codedWith, List<String> notCodedWith, @Nullable String within, Set<ProjectId> projects,
		int maxHitsPerProject) {

	public CrossProjectSearch {
		if (query.isBlank()) {
			throw new IllegalArgumentException("the search query is empty");
		}
		if (maxHitsPerProject < 1) {
			throw new IllegalArgumentException("maxHitsPerProject must be positive, was " + maxHitsPerProject);
		}
		codedWith = List.copyOf(codedWith);
		notCodedWith = List.copyOf(notCodedWith);
		projects = Set.copyOf(projects);
	}

	public static CrossProjectSearch of(String query) {
		return new CrossProjectSearch(query, null, null, List.of(), List.of(), null, Set.of(),
				SearchRequest.DEFAULT_MAX_HITS);
	}

}

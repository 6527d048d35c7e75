package quire.search;

import org.jspecify.annotations.Nullable;

import quire.corpus.DocumentId;
import quire.project.ProjectId;

/**
 * One search within a project. The query uses Quire's syntax: words, "phrases", AND/OR/NOT,
 * proximity ({@code "sick leave"~3}), wildcards ({@code motivat*}) and fuzzy terms
 * ({@code caseworker~}). Filters narrow to a document group, one document or one speaker label;
 * {@code null} means no filter. {@code maxHits} caps the keyword-in-context rows returned (counts
 * are always complete). {@code codes} narrows to turns coded (or not coded) with codes, or to hits
 * inside codings.
 */
public record SearchRequest(ProjectId project, String query, @Nullable String group, @Nullable DocumentId document,
		@Nullable String speaker, int maxHits, CodeFilter codes) {

	public static final int DEFAULT_MAX_HITS = 500;

	public SearchRequest {
		if (query.isBlank()) {
			throw new IllegalArgumentException("the search query is empty");
		}
		if (maxHits < 1) {
			throw new IllegalArgumentException("maxHits must be positive, was " + maxHits);
		}
	}

	/** A search without code filters. */
	public SearchRequest(ProjectId project, String query, @Nullable String group, @Nullable DocumentId document,
			@Nullable String speaker, int maxHits) {
		this(project, query, group, document, speaker, maxHits, CodeFilter.NONE);
	}

	public static SearchRequest of(ProjectId project, String query) {
		return new SearchRequest(project, query, null, null, null, DEFAULT_MAX_HITS);
	}

	public SearchRequest withCodes(CodeFilter filter) {
		return new SearchRequest(project, query, group, document, speaker, maxHits, filter);
	}

}

package quire.search;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The answer to a {@link SearchRequest}: keyword-in-context rows in document and text order, hit
 * counts per document (complete even when rows were capped), the total number of hits and of
 * matching turns. {@code indexCheck} is set while the index is being checked after an unclean stop:
 * the answer may then miss documents, and whoever shows it must say so ({@link IndexCheck#message()}).
 */
public record SearchResult(List<KwicHit> hits, List<DocumentHits> perDocument, int totalHits, int matchingTurns,
		boolean truncated, @Nullable IndexCheck indexCheck) {

	public SearchResult {
		hits = List.copyOf(hits);
		perDocument = List.copyOf(perDocument);
	}

	/** A complete answer (the index is trusted). */
	public SearchResult(List<KwicHit> hits, List<DocumentHits> perDocument, int totalHits, int matchingTurns,
			boolean truncated) {
		this(hits, perDocument, totalHits, matchingTurns, truncated, null);
	}

	/** This answer, marked as given while the index is checked. */
	SearchResult during(@Nullable IndexCheck check) {
		return check == null ? this : new SearchResult(hits, perDocument, totalHits, matchingTurns, truncated, check);
	}

}

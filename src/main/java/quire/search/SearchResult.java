package quire.search;

import java.util.List;

/**
 * The answer to a {@link SearchRequest}: keyword-in-context rows in document and text order, hit
 * counts per document (complete even when rows were capped), the total number of hits and of
 * matching turns.
 */
public record SearchResult(List<KwicHit> hits, List<DocumentHits> perDocument, int totalHits, int matchingTurns,
		boolean truncated) {

	public SearchResult {
		hits = List.copyOf(hits);
		perDocument = List.copyOf(perDocument);
	}

}

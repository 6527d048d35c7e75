package quire.search.opensearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.jspecify.annotations.Nullable;

import quire.search.internal.IndexedTranscript.CodedSpan;
import quire.search.internal.Kwic;
import quire.search.internal.QueryFactory;

/**
 * Locates the hits of a query in one turn's text, as the embedded index does: the turn is analysed
 * into a one-document {@link MemoryIndex} with Quire's analyzer for its language, the query (read by
 * Quire's {@link QueryFactory}) is matched with {@code Weight.matches}, and the hit spans are merged
 * so that overlapping matches are one hit. The cluster decides which turns match; this decides where
 * and how often, so KWIC rows and hit counts are the embedded index's (decision 022).
 */
final class HitLocator {

	private final Analyzer analyzer = QueryFactory.perLanguageAnalyzer();

	private final QueryFactory queries = new QueryFactory(analyzer);

	/**
	 * Reads a query with Quire's syntax.
	 * @throws IllegalArgumentException with the embedded index's message if it cannot be read
	 */
	Query parse(String query) {
		return queries.parse(query);
	}

	/**
	 * The hit spans {@code [start, end)} relative to the turn, in order, without overlaps; when
	 * {@code within} is given, only those inside a coding of one of those codes.
	 */
	List<int[]> locate(Query query, String field, String text, int turnStart, List<CodedSpan> codings,
			@Nullable Set<Long> within) {
		MemoryIndex turn = new MemoryIndex(true, false);
		turn.addField(field, text, analyzer);
		IndexSearcher searcher = turn.createSearcher();
		List<int[]> spans;
		try {
			Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
			spans = Kwic.spans(weight.matches(searcher.getIndexReader().leaves().get(0), 0));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot happen: a memory index failed: " + ex.getMessage(), ex);
		}
		return within == null ? spans : Kwic.inside(spans, turnStart, codings, within);
	}

}

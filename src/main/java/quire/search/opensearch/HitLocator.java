package quire.search.opensearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.jspecify.annotations.Nullable;

import quire.search.internal.IndexedTranscript.CodedSpan;
import quire.search.internal.QueryFactory;
import quire.search.internal.TurnFields;

/**
 * Locates the hits of a query in one turn's text, as the embedded index does: the turn is analysed
 * into a one-document {@link MemoryIndex} with Quire's analyzer for its language, the query (read by
 * Quire's {@link QueryFactory}) is matched with {@code Weight.matches}, and the hit spans are merged
 * so that overlapping matches are one hit. The cluster decides which turns match; this decides where
 * and how often, so KWIC rows and hit counts are the embedded index's (decision 022).
 */
final class HitLocator {

	/** Characters of context either side of a hit in a keyword-in-context row (as {@code TurnIndex.CONTEXT}). */
	static final int CONTEXT = 60;

	private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

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
			spans = spans(weight.matches(searcher.getIndexReader().leaves().get(0), 0));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot happen: a memory index failed: " + ex.getMessage(), ex);
		}
		return within == null ? spans : inside(spans, turnStart, codings, within);
	}

	private static List<int[]> spans(@Nullable Matches matches) throws IOException {
		List<int[]> spans = new ArrayList<>();
		if (matches == null) {
			return spans;
		}
		for (String field : TurnFields.TEXT_FIELDS) {
			MatchesIterator it = matches.getMatches(field);
			while (it != null && it.next()) {
				if (it.startOffset() >= 0 && it.endOffset() > it.startOffset()) {
					spans.add(new int[] { it.startOffset(), it.endOffset() });
				}
			}
		}
		spans.sort(Comparator.<int[]>comparingInt(s -> s[0]).thenComparingInt(s -> -s[1]));
		List<int[]> merged = new ArrayList<>();
		for (int[] s : spans) {
			if (merged.isEmpty() || s[0] >= merged.get(merged.size() - 1)[1]) {
				merged.add(s);
			}
		}
		return merged;
	}

	private static List<int[]> inside(List<int[]> spans, int turnStart, List<CodedSpan> codings, Set<Long> codes) {
		List<int[]> kept = new ArrayList<>(spans.size());
		for (int[] span : spans) {
			for (CodedSpan c : codings) {
				if (codes.contains(c.code()) && c.start() <= turnStart + span[0] && turnStart + span[1] <= c.end()) {
					kept.add(span);
					break;
				}
			}
		}
		return kept;
	}

	/** About {@link #CONTEXT} characters before a hit, cut at a word and marked with … when cut. */
	static String left(String text, int hitStart) {
		int from = Math.max(0, hitStart - CONTEXT);
		boolean cut = from > 0;
		if (cut) {
			int space = text.indexOf(' ', from);
			if (space >= 0 && space < hitStart) {
				from = space + 1;
			}
		}
		String s = collapse(text.substring(from, hitStart));
		return cut ? "…" + s.stripLeading() : s;
	}

	/** About {@link #CONTEXT} characters after a hit, cut at a word and marked with … when cut. */
	static String right(String text, int hitEnd) {
		int to = Math.min(text.length(), hitEnd + CONTEXT);
		boolean cut = to < text.length();
		if (cut) {
			int space = text.lastIndexOf(' ', to);
			if (space > hitEnd) {
				to = space;
			}
		}
		String s = collapse(text.substring(hitEnd, to));
		return cut ? s.stripTrailing() + "…" : s;
	}

	private static String collapse(String s) {
		return WHITE_SPACE.matcher(s).replaceAll(" ");
	}

}

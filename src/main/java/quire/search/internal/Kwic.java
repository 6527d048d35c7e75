package quire.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.jspecify.annotations.Nullable;

/**
 * Keyword-in-context pieces of a turn: where the hits lie in its text (from the offsets the index
 * stores, without re-analysis), which of them lie inside a coding, and the words either side of a
 * hit, cut at a word boundary within {@link #CONTEXT} characters.
 */
public final class Kwic {

	/** Characters of context either side of a hit in a keyword-in-context row. */
	public static final int CONTEXT = 60;

	private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

	private Kwic() {
	}

	/** Hit spans {@code [start, end)} in the turn's text, in order, without overlaps. */
	public static List<int[]> spans(@Nullable Matches matches) throws IOException {
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

	/** The spans (relative to the turn) that lie inside a coding of one of the codes. */
	public static List<int[]> inside(List<int[]> spans, int turnStart, List<IndexedTranscript.CodedSpan> codings,
			Set<Long> codes) {
		List<int[]> kept = new ArrayList<>(spans.size());
		for (int[] span : spans) {
			for (IndexedTranscript.CodedSpan c : codings) {
				if (codes.contains(c.code()) && c.start() <= turnStart + span[0] && turnStart + span[1] <= c.end()) {
					kept.add(span);
					break;
				}
			}
		}
		return kept;
	}

	/** The words before a hit: at most {@link #CONTEXT} characters, from a word start, "…" where cut. */
	public static String left(String text, int hitStart) {
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

	/** The words after a hit: at most {@link #CONTEXT} characters, to a word end, "…" where cut. */
	public static String right(String text, int hitEnd) {
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

package quire.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SlowImpactsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.AutomatonQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SloppyPhraseMatcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.util.BytesRef;

import org.jspecify.annotations.Nullable;

/**
 * Counts a turn's hits without {@code Weight.matches}, reusing one postings enumeration per word for
 * a whole segment, when the text query is built of words, word patterns (wildcards), exact phrases
 * and proximity phrases combined with AND/OR/NOT. Without phrases a turn's hits are the sum of its
 * matching words' frequencies: turns are analysed without synonyms, so no two matching tokens share
 * a position, and each distinct word is counted once however often the query names it. With
 * phrases the hits' offsets are read and overlapping ones merged, exactly as the KWIC rows do.
 * Proximity phrases ({@code "a b"~3}) are matched by Lucene's own {@link SloppyPhraseMatcher}, the
 * one {@code Weight.matches} uses, but built once per segment over reused postings instead of once
 * per turn, so its match intervals are the same (Lucene marks that class internal: an upgrade
 * that changes it breaks this build, and {@code TurnIndexTests.countsOfProximity…} pin the
 * result against {@code Weight.matches}). Fuzzy terms (whose rewrite keeps only the best
 * expansions) and one-word proximity phrases (which the query parser never produces) are not
 * counted here; the caller locates their hits instead.
 *
 * <p>
 * This keeps exact totals cheap: a frequent word matches a sixth of all turns, and
 * {@code Weight.matches} builds fresh postings enumerations for every one of them.
 */
final class HitCounter {

	private final List<Term> terms;

	private final List<MultiTermQuery> patterns;

	private final List<PhraseQuery> phrases;

	private final List<PhraseQuery> sloppy;

	private HitCounter(List<Term> terms, List<MultiTermQuery> patterns, List<PhraseQuery> phrases,
			List<PhraseQuery> sloppy) {
		this.terms = terms;
		this.patterns = patterns;
		this.phrases = phrases;
		this.sloppy = sloppy;
	}

	/** A counter for the text query, or empty when its hits must be located to be counted. */
	static Optional<HitCounter> of(Query text) {
		List<Term> terms = new ArrayList<>();
		List<MultiTermQuery> patterns = new ArrayList<>();
		List<PhraseQuery> phrases = new ArrayList<>();
		List<PhraseQuery> sloppy = new ArrayList<>();
		return collect(text, terms, patterns, phrases, sloppy)
				? Optional.of(new HitCounter(terms, patterns, phrases, sloppy)) : Optional.empty();
	}

	private static boolean collect(Query q, List<Term> terms, List<MultiTermQuery> patterns, List<PhraseQuery> phrases,
			List<PhraseQuery> sloppy) {
		if (q instanceof TermQuery t) {
			terms.add(t.getTerm());
			return true;
		}
		if (q instanceof BoostQuery b) {
			return collect(b.getQuery(), terms, patterns, phrases, sloppy);
		}
		if (q instanceof ConstantScoreQuery c) {
			return collect(c.getQuery(), terms, patterns, phrases, sloppy);
		}
		if (q instanceof FuzzyQuery) {
			return false;
		}
		if (q instanceof AutomatonQuery a) {
			// wildcard, prefix and regexp queries match every term their automaton accepts
			patterns.add(a);
			return true;
		}
		if (q instanceof PhraseQuery p) {
			if (p.getSlop() == 0 && p.getTerms().length > 0) {
				phrases.add(p);
				return true;
			}
			if (p.getSlop() > 0 && p.getTerms().length > 1) {
				sloppy.add(p);
				return true;
			}
			// a one-word phrase with a slop is rewritten to a word by Lucene; left to locating
			return false;
		}
		if (q instanceof BooleanQuery b) {
			for (BooleanClause clause : b.clauses()) {
				if (clause.occur() == BooleanClause.Occur.MUST_NOT) {
					continue;
				}
				if (!collect(clause.query(), terms, patterns, phrases, sloppy)) {
					return false;
				}
			}
			return true;
		}
		return false;
	}

	/**
	 * The postings of the counted words (and phrases) in one segment; with {@code locate} the hits'
	 * offsets are read too, for {@link Leaf#spans}.
	 */
	Leaf leaf(LeafReader reader, boolean locate) throws IOException {
		if (!locate && terms.isEmpty() && patterns.isEmpty() && sloppy.isEmpty() && phrases.size() == 1
				&& distinctWords(phrases.get(0))) {
			return onePhrase(reader, phrases.get(0));
		}
		boolean offsets = locate || !phrases.isEmpty() || !sloppy.isEmpty();
		int flags = offsets ? PostingsEnum.OFFSETS : PostingsEnum.FREQS;
		Map<String, Set<BytesRef>> words = new LinkedHashMap<>();
		for (Term term : terms) {
			words.computeIfAbsent(term.field(), f -> new LinkedHashSet<>()).add(term.bytes());
		}
		for (MultiTermQuery pattern : patterns) {
			Terms field = reader.terms(pattern.getField());
			if (field == null) {
				continue;
			}
			TermsEnum te = pattern.getTermsEnum(field);
			BytesRef term;
			while ((term = te.next()) != null) {
				words.computeIfAbsent(pattern.getField(), f -> new LinkedHashSet<>()).add(BytesRef.deepCopyOf(term));
			}
		}
		List<PostingsEnum> postings = new ArrayList<>();
		for (var field : words.entrySet()) {
			Terms terms = reader.terms(field.getKey());
			if (terms == null) {
				continue;
			}
			TermsEnum te = terms.iterator();
			for (BytesRef word : field.getValue()) {
				if (te.seekExact(word)) {
					postings.add(te.postings(null, flags));
				}
			}
		}
		List<Phrase> inLeaf = new ArrayList<>();
		for (PhraseQuery phrase : phrases) {
			Terms terms = reader.terms(phrase.getField());
			if (terms == null) {
				continue;
			}
			Term[] words2 = phrase.getTerms();
			PostingsEnum[] each = new PostingsEnum[words2.length];
			boolean all = true;
			for (int i = 0; i < words2.length && all; i++) {
				TermsEnum te = terms.iterator();
				if (te.seekExact(words2[i].bytes())) {
					each[i] = te.postings(null, PostingsEnum.OFFSETS);
				}
				else {
					all = false;
				}
			}
			if (all) {
				inLeaf.add(new Phrase(each, phrase.getPositions()));
			}
		}
		List<Sloppy> sloppyInLeaf = new ArrayList<>();
		for (PhraseQuery phrase : sloppy) {
			Sloppy s = sloppy(reader, phrase);
			if (s != null) {
				sloppyInLeaf.add(s);
			}
		}
		return new Leaf(postings.toArray(PostingsEnum[]::new), inLeaf, sloppyInLeaf, offsets, false);
	}

	private record Phrase(PostingsEnum[] postings, int[] positions) {
	}

	/** A proximity phrase in one segment: its words' postings and the matcher that walks them. */
	private record Sloppy(PostingsEnum[] postings, SloppyPhraseMatcher matcher) {
	}

	/** Scores are never asked for; the matcher only needs a scorer to exist. */
	private static final Similarity.SimScorer NO_SCORES = new Similarity.SimScorer() {

		@Override
		public float score(float freq, long norm) {
			return 1;
		}

	};

	/**
	 * The matcher {@code PhraseQuery}'s weight builds for {@code Weight.matches} (postings with
	 * offsets, one enumeration per phrase word even when a word repeats, in the phrase's order,
	 * positions relative to the first as its rewrite makes them), built once for the segment; or
	 * null when a word is not in it.
	 */
	private static @Nullable Sloppy sloppy(LeafReader reader, PhraseQuery phrase) throws IOException {
		Terms terms = reader.terms(phrase.getField());
		if (terms == null) {
			return null;
		}
		Term[] words = phrase.getTerms();
		int[] positions = phrase.getPositions();
		TermsEnum te = terms.iterator();
		PostingsEnum[] each = new PostingsEnum[words.length];
		PhraseQuery.PostingsAndFreq[] postings = new PhraseQuery.PostingsAndFreq[words.length];
		for (int i = 0; i < words.length; i++) {
			if (!te.seekExact(words[i].bytes())) {
				return null;
			}
			each[i] = te.postings(null, PostingsEnum.OFFSETS);
			postings[i] = new PhraseQuery.PostingsAndFreq(each[i], new SlowImpactsEnum(each[i]),
					positions[i] - positions[0], words[i]);
		}
		return new Sloppy(each, new SloppyPhraseMatcher(postings, phrase.getSlop(), ScoreMode.COMPLETE_NO_SCORES,
				NO_SCORES, 0f, true));
	}

	private static boolean distinctWords(PhraseQuery phrase) {
		return java.util.Arrays.stream(phrase.getTerms()).distinct().count() == phrase.getTerms().length;
	}

	/**
	 * One phrase of distinct words and nothing else: two of its occurrences can never overlap (a
	 * position holds one word), so counting start positions where every word lines up is exact, and
	 * positions are enough — no offsets, no spans to merge.
	 */
	private static Leaf onePhrase(LeafReader reader, PhraseQuery phrase) throws IOException {
		Terms terms = reader.terms(phrase.getField());
		Term[] words = phrase.getTerms();
		PostingsEnum[] each = new PostingsEnum[words.length];
		for (int i = 0; i < words.length; i++) {
			TermsEnum te = terms == null ? null : terms.iterator();
			if (te == null || !te.seekExact(words[i].bytes())) {
				return new Leaf(new PostingsEnum[0], List.of(), List.of(), false, false);
			}
			each[i] = te.postings(null, PostingsEnum.POSITIONS);
		}
		return new Leaf(new PostingsEnum[0], List.of(new Phrase(each, phrase.getPositions())), List.of(), false, true);
	}

	/** Counts hits of successive (increasing) turn ids of one segment. */
	static final class Leaf {

		private final PostingsEnum[] postings;

		private final List<Phrase> phrases;

		private final List<Sloppy> sloppy;

		private final boolean offsets;

		private final boolean onePhrase;

		private int[][] positions = new int[0][];

		private Leaf(PostingsEnum[] postings, List<Phrase> phrases, List<Sloppy> sloppy, boolean offsets,
				boolean onePhrase) {
			this.postings = postings;
			this.phrases = phrases;
			this.sloppy = sloppy;
			this.offsets = offsets;
			this.onePhrase = onePhrase;
		}

		int count(int doc) throws IOException {
			if (onePhrase) {
				return phraseCount(phrases.get(0), doc);
			}
			if (!offsets) {
				int n = 0;
				for (PostingsEnum p : postings) {
					if (advance(p, doc)) {
						n += p.freq();
					}
				}
				return n;
			}
			return spans(doc).size();
		}

		/** The turn's hit spans {@code [start, end)}, ordered, overlaps merged (needs {@code locate}). */
		List<int[]> spans(int doc) throws IOException {
			List<int[]> spans = new ArrayList<>();
			for (PostingsEnum p : postings) {
				if (advance(p, doc)) {
					for (int i = p.freq(); i > 0; i--) {
						p.nextPosition();
						spans.add(new int[] { p.startOffset(), p.endOffset() });
					}
				}
			}
			for (Phrase phrase : phrases) {
				phraseSpans(phrase, doc, spans);
			}
			for (Sloppy phrase : sloppy) {
				sloppySpans(phrase, doc, spans);
			}
			return merged(spans);
		}

		private static boolean advance(PostingsEnum p, int doc) throws IOException {
			int d = p.docID();
			if (d < doc) {
				d = p.advance(doc);
			}
			return d == doc;
		}

		/** Occurrences of a phrase of distinct words, from positions only, reusing its arrays. */
		private int phraseCount(Phrase phrase, int doc) throws IOException {
			PostingsEnum[] each = phrase.postings();
			for (PostingsEnum p : each) {
				if (!advance(p, doc)) {
					return 0;
				}
			}
			int n = each.length;
			if (positions.length != n) {
				positions = new int[n][16];
			}
			int[] lengths = new int[n];
			for (int i = 0; i < n; i++) {
				int freq = each[i].freq();
				if (positions[i].length < freq) {
					positions[i] = new int[Math.max(freq, positions[i].length * 2)];
				}
				for (int k = 0; k < freq; k++) {
					positions[i][k] = each[i].nextPosition();
				}
				lengths[i] = freq;
			}
			int[] offset = phrase.positions();
			int count = 0;
			for (int k = 0; k < lengths[0]; k++) {
				int base = positions[0][k] - offset[0];
				boolean match = true;
				for (int i = 1; i < n && match; i++) {
					match = java.util.Arrays.binarySearch(positions[i], 0, lengths[i], base + offset[i]) >= 0;
				}
				if (match) {
					count++;
				}
			}
			return count;
		}

		/** Occurrences of an exact phrase: each word at its position relative to the first. */
		private static void phraseSpans(Phrase phrase, int doc, List<int[]> spans) throws IOException {
			PostingsEnum[] each = phrase.postings();
			for (PostingsEnum p : each) {
				if (!advance(p, doc)) {
					return;
				}
			}
			int n = each.length;
			int[][] positions = new int[n][];
			int[][] starts = new int[n][];
			int[][] ends = new int[n][];
			for (int i = 0; i < n; i++) {
				int freq = each[i].freq();
				positions[i] = new int[freq];
				starts[i] = new int[freq];
				ends[i] = new int[freq];
				for (int k = 0; k < freq; k++) {
					positions[i][k] = each[i].nextPosition();
					starts[i][k] = each[i].startOffset();
					ends[i][k] = each[i].endOffset();
				}
			}
			int[] offset = phrase.positions();
			for (int k = 0; k < positions[0].length; k++) {
				int base = positions[0][k] - offset[0];
				int end = ends[0][k];
				boolean match = true;
				for (int i = 1; i < n && match; i++) {
					int at = java.util.Arrays.binarySearch(positions[i], base + offset[i]);
					if (at < 0) {
						match = false;
					}
					else {
						end = Math.max(end, ends[i][at]);
					}
				}
				if (match) {
					spans.add(new int[] { starts[0][k], end });
				}
			}
		}

		/**
		 * The match intervals of a proximity phrase, as {@code Weight.matches} reports them: the
		 * same matcher, reset on the turn once every word's postings stand on it.
		 */
		private static void sloppySpans(Sloppy phrase, int doc, List<int[]> spans) throws IOException {
			for (PostingsEnum p : phrase.postings()) {
				if (!advance(p, doc)) {
					return;
				}
			}
			SloppyPhraseMatcher matcher = phrase.matcher();
			matcher.resetPositions();
			while (matcher.nextMatch()) {
				spans.add(new int[] { matcher.startOffset(), matcher.endOffset() });
			}
		}

		/** The spans left after dropping empty ones and merging overlaps, as the KWIC rows do. */
		private static List<int[]> merged(List<int[]> spans) {
			spans.removeIf(s -> s[0] < 0 || s[1] <= s[0]);
			spans.sort(Comparator.<int[]>comparingInt(s -> s[0]).thenComparingInt(s -> -s[1]));
			List<int[]> kept = new ArrayList<>(spans.size());
			for (int[] s : spans) {
				if (kept.isEmpty() || s[0] >= kept.get(kept.size() - 1)[1]) {
					kept.add(s);
				}
			}
			return kept;
		}

	}

}

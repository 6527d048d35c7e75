package quire.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.AutomatonQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * Counts a turn's hits from postings frequencies, without locating them, when the text query is
 * built only of words and word patterns (terms, AND/OR/NOT, wildcards): then every occurrence of a
 * matching word is one hit, exactly as {@code Matches} would report it, because turns are analysed
 * without synonyms (no two matching tokens share a position). Phrases, proximity and fuzzy terms
 * (whose rewrite keeps only the best expansions) are not countable this way; the caller locates
 * their hits instead.
 *
 * <p>
 * This is what keeps exact totals cheap: a frequent word matches a sixth of all turns, and reading a
 * frequency is a few nanoseconds where locating the hits costs a fresh postings enumeration per turn.
 */
final class HitCounter {

	private final List<Term> terms;

	private final List<MultiTermQuery> patterns;

	private HitCounter(List<Term> terms, List<MultiTermQuery> patterns) {
		this.terms = terms;
		this.patterns = patterns;
	}

	/** A counter for the text query, or empty when its hits must be located to be counted. */
	static Optional<HitCounter> of(Query text) {
		List<Term> terms = new ArrayList<>();
		List<MultiTermQuery> patterns = new ArrayList<>();
		return collect(text, terms, patterns) ? Optional.of(new HitCounter(terms, patterns)) : Optional.empty();
	}

	private static boolean collect(Query q, List<Term> terms, List<MultiTermQuery> patterns) {
		if (q instanceof TermQuery t) {
			terms.add(t.getTerm());
			return true;
		}
		if (q instanceof BoostQuery b) {
			return collect(b.getQuery(), terms, patterns);
		}
		if (q instanceof ConstantScoreQuery c) {
			return collect(c.getQuery(), terms, patterns);
		}
		if (q instanceof AutomatonQuery a && !(q instanceof org.apache.lucene.search.FuzzyQuery)) {
			// wildcard, prefix and regexp queries match every term their automaton accepts
			patterns.add(a);
			return true;
		}
		if (q instanceof org.apache.lucene.search.PrefixQuery p) {
			patterns.add(p);
			return true;
		}
		if (q instanceof BooleanQuery b) {
			for (BooleanClause clause : b.clauses()) {
				if (clause.occur() == BooleanClause.Occur.MUST_NOT) {
					continue;
				}
				if (!collect(clause.query(), terms, patterns)) {
					return false;
				}
			}
			return true;
		}
		return false;
	}

	/** The postings of the counted words in one segment. */
	Leaf leaf(LeafReader reader) throws IOException {
		List<PostingsEnum> postings = new ArrayList<>();
		for (Term term : terms) {
			Terms field = reader.terms(term.field());
			if (field == null) {
				continue;
			}
			TermsEnum te = field.iterator();
			if (te.seekExact(term.bytes())) {
				postings.add(te.postings(null, PostingsEnum.FREQS));
			}
		}
		for (MultiTermQuery pattern : patterns) {
			Terms field = reader.terms(pattern.getField());
			if (field == null) {
				continue;
			}
			TermsEnum te = pattern.getTermsEnum(field);
			BytesRef term;
			while ((term = te.next()) != null) {
				postings.add(te.postings(null, PostingsEnum.FREQS));
			}
		}
		return new Leaf(postings.toArray(PostingsEnum[]::new));
	}

	/** Counts hits of successive (increasing) turn ids of one segment. */
	static final class Leaf {

		private final PostingsEnum[] postings;

		private Leaf(PostingsEnum[] postings) {
			this.postings = postings;
		}

		int count(int doc) throws IOException {
			int n = 0;
			for (PostingsEnum p : postings) {
				int d = p.docID();
				if (d < doc) {
					d = p.advance(doc);
				}
				if (d == doc) {
					n += p.freq();
				}
			}
			return n;
		}

	}

}

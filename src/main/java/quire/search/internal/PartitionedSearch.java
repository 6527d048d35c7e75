package quire.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;

import quire.corpus.DocumentId;
import quire.search.DocumentHits;
import quire.search.KwicHit;
import quire.search.SearchResult;

/**
 * Runs one search over the turn index: a pass over the matching turns, split into doc-id partitions
 * of about {@code partitionDocs} turns collected in parallel, one thread per core. Exact totals mean
 * visiting every matching turn, and at 10,000 transcripts that is up to half a million turns per
 * query, which one core does in tens of milliseconds (issue 10, docs/scale-out.md). A small index
 * is collected on the caller's thread, which is quicker than handing out tasks.
 */
final class PartitionedSearch implements AutoCloseable {

	/** About how many turns one search task collects (see {@link #partitions}). */
	static final int PARTITION_DOCS = 65_536;

	private final int partitionDocs;

	private final ExecutorService passes;

	PartitionedSearch(int partitionDocs) {
		if (partitionDocs < 1) {
			throw new IllegalArgumentException("partitionDocs must be at least 1, not " + partitionDocs);
		}
		this.partitionDocs = partitionDocs;
		this.passes = searchThreads();
	}

	private static ExecutorService searchThreads() {
		AtomicInteger n = new AtomicInteger();
		return Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), r -> {
			Thread t = new Thread(r, "quire-search-" + n.incrementAndGet());
			t.setDaemon(true);
			return t;
		});
	}

	/**
	 * One pass over the matching turns, segment by segment: hits are counted (from postings
	 * frequencies when the query allows, see {@link HitCounter}, unless {@code locateEveryHit}), per-document
	 * counts and the document-and-turn order come from doc values, and only the turns of the rows shown
	 * are located and loaded. Nothing is sorted but those rows' candidates, and no stored field is read
	 * for a turn that is only counted.
	 * @param query the whole query, filters included
	 * @param text the parsed text query, which the hit counter reads
	 */
	SearchResult collect(IndexSearcher searcher, Query query, Query text, int maxHits, CodeConstraints codes,
			boolean locateEveryHit) throws IOException {
		Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
		// the parsed query, not its rewrite: rewriting turns wildcards into wrappers the counter cannot read
		HitCounter counter = locateEveryHit ? null : HitCounter.of(text).orElse(null);
		List<Partition> partitions = partitions(searcher.getIndexReader().leaves(), partitionDocs);
		List<PartitionResult> results;
		if (searcher.getIndexReader().maxDoc() <= partitionDocs) {
			// a small index: one thread is quicker than handing out tasks
			results = new ArrayList<>(partitions.size());
			for (Partition partition : partitions) {
				results.add(pass(partition, weight, counter, codes.within(), maxHits));
			}
		}
		else {
			List<Future<PartitionResult>> futures = new ArrayList<>(partitions.size());
			for (Partition partition : partitions) {
				futures.add(passes.submit(() -> pass(partition, weight, counter, codes.within(), maxHits)));
			}
			results = new ArrayList<>(futures.size());
			for (Future<PartitionResult> future : futures) {
				results.add(join(future));
			}
		}
		Map<Long, DocumentCount> perDocument = new HashMap<>();
		List<Candidate> candidates = new ArrayList<>();
		int[] totals = new int[2];
		for (PartitionResult r : results) {
			r.perDocument().forEach((id, n) -> perDocument.merge(id, n, (a, b) -> {
				a.hits += b.hits;
				return a;
			}));
			candidates.addAll(r.candidates());
			totals[0] += r.totals()[0];
			totals[1] += r.totals()[1];
		}
		candidates.sort(Comparator.comparing(Candidate::name).thenComparingInt(Candidate::turn)
			.thenComparingInt(Candidate::globalDoc));
		List<KwicHit> rows = rows(searcher, weight, candidates, maxHits, codes.within());
		List<DocumentHits> counts = new ArrayList<>(perDocument.size());
		perDocument.forEach((id, n) -> counts.add(new DocumentHits(new DocumentId(id), n.name, n.hits)));
		counts.sort(Comparator.comparing(DocumentHits::documentName, String.CASE_INSENSITIVE_ORDER));
		int hits = totals[0];
		return new SearchResult(rows, counts, hits, totals[1], rows.size() < hits);
	}

	/** The rows of the first candidates, up to {@code maxHits}: their hits located and their turns loaded. */
	private static List<KwicHit> rows(IndexSearcher searcher, Weight weight, List<Candidate> candidates, int maxHits,
			@Nullable Set<Long> within) throws IOException {
		StoredFields stored = searcher.storedFields();
		List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
		List<KwicHit> rows = new ArrayList<>();
		for (Candidate c : candidates) {
			if (rows.size() == maxHits) {
				break;
			}
			LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(c.globalDoc(), leaves));
			int doc = c.globalDoc() - leaf.docBase;
			List<int[]> spans = Kwic.spans(weight.matches(leaf, doc));
			TurnDocuments.StoredTurn turn = TurnDocuments.StoredTurn.of(stored.document(c.globalDoc()));
			if (within != null) {
				spans = Kwic.inside(spans, turn.turnStart(), TurnDocuments.codings(leaf, doc), within);
			}
			String words = turn.text();
			for (int[] span : spans) {
				if (rows.size() == maxHits) {
					break;
				}
				rows.add(new KwicHit(turn.document(), turn.documentName(), c.turn(), turn.speaker(),
						turn.turnStart() + span[0], turn.turnStart() + span[1], Kwic.left(words, span[0]),
						words.substring(span[0], span[1]), Kwic.right(words, span[1])));
			}
		}
		return rows;
	}

	/** A range of doc ids in one segment that one search task collects. */
	record Partition(LeafReaderContext leaf, int from, int to) {
	}

	/** What one partition found: per-document hit counts, its best candidates, hits and turns. */
	private record PartitionResult(Map<Long, DocumentCount> perDocument, List<Candidate> candidates, int[] totals) {
	}

	/**
	 * Splits the segments into doc-id ranges of about {@code size} documents (a small segment is one
	 * range), so that the search tasks are of similar size however unevenly the segments are merged.
	 */
	static List<Partition> partitions(List<LeafReaderContext> leaves, int size) {
		List<Partition> out = new ArrayList<>();
		for (LeafReaderContext leaf : leaves) {
			int max = leaf.reader().maxDoc();
			int pieces = Math.max(1, (int) Math.round((double) max / size));
			for (int i = 0; i < pieces; i++) {
				int from = (int) ((long) max * i / pieces);
				int to = (int) ((long) max * (i + 1) / pieces);
				if (to > from) {
					out.add(new Partition(leaf, from, to));
				}
			}
		}
		return out;
	}

	private static PartitionResult pass(Partition partition, Weight weight, @Nullable HitCounter counter,
			@Nullable Set<Long> within, int maxHits) throws IOException {
		Map<Long, DocumentCount> perDocument = new HashMap<>();
		int[] totals = new int[2];
		return new PartitionResult(perDocument, score(partition.leaf(), partition.from(), partition.to(), weight,
				counter, within, maxHits, perDocument, totals), totals);
	}

	private static List<Candidate> score(LeafReaderContext leaf, int from, int to, Weight weight,
			@Nullable HitCounter counter, @Nullable Set<Long> within, int maxHits, Map<Long, DocumentCount> perDocument,
			int[] totals) throws IOException {
		BulkScorer scorer = weight.bulkScorer(leaf);
		if (scorer == null) {
			return List.of();
		}
		LeafPass pass = new LeafPass(leaf, weight, counter, within, maxHits, perDocument, totals);
		scorer.score(pass, leaf.reader().getLiveDocs(), from, to);
		return pass.candidates();
	}

	private static PartitionResult join(Future<PartitionResult> future) throws IOException {
		try {
			return future.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("the search was interrupted", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof IOException io) {
				throw io;
			}
			if (ex.getCause() instanceof RuntimeException re) {
				throw re;
			}
			throw new IllegalStateException(ex.getCause());
		}
	}

	/** Stops the search threads; a search still running finishes. */
	@Override
	public void close() {
		passes.shutdown();
	}

	/** Hits of a document, with its name (read once per document from doc values). */
	private static final class DocumentCount {

		final String name;

		int hits;

		DocumentCount(String name) {
			this.name = name;
		}

	}

	/** A turn that may become a row: its document name and turn number give the order of rows. */
	private record Candidate(BytesRef name, int turn, int globalDoc) {
	}

	/**
	 * Collects one segment: counts every matching turn and keeps the {@code maxHits} first turns in
	 * document-name and turn order (names compared by their per-segment ordinals, which sort as the
	 * names do).
	 */
	private static final class LeafPass implements LeafCollector {


		private final LeafReaderContext leaf;

		private final Weight weight;

		private final HitCounter.@Nullable Leaf counter;

		private final @Nullable Set<Long> within;

		private final int maxHits;

		private final Map<Long, DocumentCount> perDocument;

		private final int[] totals;

		private final NumericDocValues documentIds;

		private final SortedDocValues names;

		private final NumericDocValues turns;

		private final NumericDocValues turnStarts;

		private final @Nullable BinaryDocValues codingValues;

		/** Max-heap of the best candidates so far: ordinal << 32 | turn, with the doc in the low bits' twin. */
		private final PriorityQueue<long[]> best;

		private long lastDocument = Long.MIN_VALUE;

		private DocumentCount lastCount;

		LeafPass(LeafReaderContext leaf, Weight weight, @Nullable HitCounter counter, @Nullable Set<Long> within,
				int maxHits, Map<Long, DocumentCount> perDocument, int[] totals) throws IOException {
			this.leaf = leaf;
			this.weight = weight;
			this.counter = counter == null ? null : counter.leaf(leaf.reader(), within != null);
			this.within = within;
			this.maxHits = maxHits;
			this.perDocument = perDocument;
			this.totals = totals;
			this.documentIds = DocValues.getNumeric(leaf.reader(), TurnFields.DOCUMENT_ID);
			this.names = DocValues.getSorted(leaf.reader(), TurnFields.DOCUMENT_NAME);
			this.turns = DocValues.getNumeric(leaf.reader(), TurnFields.TURN);
			this.turnStarts = DocValues.getNumeric(leaf.reader(), TurnFields.TURN_START);
			// one forward-only iterator for the segment, not a new one per turn
			this.codingValues = within == null ? null : leaf.reader().getBinaryDocValues(TurnFields.CODINGS);
			this.best = new PriorityQueue<>(Math.min(maxHits, 1024) + 1,
					(a, b) -> a[0] != b[0] ? Long.compare(b[0], a[0]) : Long.compare(b[1], a[1]));
		}

		@Override
		public void setScorer(Scorable scorer) {
		}

		@Override
		public void collect(int doc) throws IOException {
			int n;
			if (counter != null && within == null) {
				n = counter.count(doc);
			}
			else {
				List<int[]> spans = counter != null ? counter.spans(doc) : Kwic.spans(weight.matches(leaf, doc));
				if (within != null && !spans.isEmpty()) {
					int turnStart = turnStarts.advanceExact(doc) ? (int) turnStarts.longValue() : 0;
					spans = Kwic.inside(spans, turnStart, TurnDocuments.codings(codingValues, doc), within);
				}
				n = spans.size();
			}
			if (n == 0) {
				return;
			}
			long document = documentIds.advanceExact(doc) ? documentIds.longValue() : -1;
			int ord = names.advanceExact(doc) ? names.ordValue() : -1;
			if (document != lastDocument) {
				lastDocument = document;
				lastCount = perDocument.get(document);
				if (lastCount == null) {
					lastCount = new DocumentCount(ord < 0 ? "" : names.lookupOrd(ord).utf8ToString());
					perDocument.put(document, lastCount);
				}
			}
			lastCount.hits += n;
			totals[0] += n;
			totals[1]++;
			int turn = turns.advanceExact(doc) ? (int) turns.longValue() : 0;
			long key = ((long) ord << 32) | (turn & 0xFFFFFFFFL);
			if (best.size() < maxHits) {
				best.add(new long[] { key, doc });
			}
			else if (key < best.peek()[0] || key == best.peek()[0] && doc < best.peek()[1]) {
				best.poll();
				best.add(new long[] { key, doc });
			}
		}

		List<Candidate> candidates() throws IOException {
			List<Candidate> out = new ArrayList<>(best.size());
			for (long[] c : best) {
				int ord = (int) (c[0] >> 32);
				out.add(new Candidate(ord < 0 ? new BytesRef() : BytesRef.deepCopyOf(names.lookupOrd(ord)),
						(int) c[0], leaf.docBase + (int) c[1]));
			}
			return out;
		}

	}

}

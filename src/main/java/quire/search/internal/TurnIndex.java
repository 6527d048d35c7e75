package quire.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteArrayDataOutput;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

import org.jspecify.annotations.Nullable;

import quire.corpus.DocumentId;
import quire.corpus.Language;
import quire.corpus.Transcript;
import quire.corpus.Turn;
import quire.project.ProjectId;
import quire.search.DocumentHits;
import quire.search.KwicHit;
import quire.search.SearchRequest;
import quire.search.SearchResult;

/**
 * The Lucene index of speaker turns: one Lucene document per turn, carrying project, document,
 * group, speaker and language as keyword fields and the turn's words in a per-language text field
 * with offsets, so hits are located without re-analysis. A document's turns are replaced
 * atomically; the next search sees every change made before it (near-real-time searcher). Thread-safe.
 *
 * <p>
 * Durability is grouped: a change is not fsynced on its own but committed with the changes of the
 * next {@link #COMMIT_DELAY_MS} (and on close). While changes are uncommitted a marker file lies in
 * the index folder. An index opened with the marker present was not closed cleanly; it keeps what
 * its last commit holds and {@link #needsCheck() needs a check}: start-up compares every document's
 * turn count and version ({@link #documents()}) with the database and re-indexes those that differ,
 * and the marker stays until {@link #checked()} (see
 * {@code docs/decisions/010-grouped-index-commits.md}). A commit per document spent two thirds of an
 * import in fsync and segment flushes.
 */
public final class TurnIndex implements TurnEngine {

	/** Characters of context either side of a hit in a keyword-in-context row. */
	static final int CONTEXT = 60;

	private static final FieldType TEXT_TYPE = textType();

	private static final java.util.regex.Pattern WHITE_SPACE = java.util.regex.Pattern.compile("\\s+");

	/**
	 * Commit data naming the fields' layout; version 2 added doc values for counts and coded ranges,
	 * version 3 each document's version (for the check after an unclean stop).
	 */
	static final String FORMAT_KEY = "quire.turns.format";

	static final String FORMAT = "3";

	private final Directory directory;

	private final IndexWriter writer;

	private final SearcherManager searchers;

	private final QueryFactory queries;

	private final ReentrantLock writeLock = new ReentrantLock();

	/** How long a change may stay uncommitted, in milliseconds. */
	static final long COMMIT_DELAY_MS = 1000;

	/** Present in the index folder while changes are uncommitted. */
	static final String UNCOMMITTED = "quire-uncommitted";

	private final ScheduledThreadPoolExecutor committer = committer();

	/** Guarded by writeLock: changes since the last commit, and whether a commit is scheduled. */
	/** Guards the marker file and the three fields below (taken after the write lock, never before it). */
	private final Object marker = new Object();

	private volatile boolean uncommitted;

	/** Changes promised by {@link #expectChange} and not yet applied. */
	private int expected;

	/** A promised change failed: the marker must stay. */
	private boolean keepMarker;

	private boolean commitScheduled;

	/** The index was not closed cleanly (or is new or was emptied) and is not checked yet: the marker must stay. */
	private boolean unchecked;

	/** Changes applied so far; guarded by the write lock. */
	private long applied;

	/**
	 * Counts every hit by locating it with {@code Weight.matches} instead of counting from postings
	 * ({@link HitCounter}); tests set it to compare both ways of counting on the same index.
	 */
	volatile boolean locateEveryHit;

	/** Set by a change, cleared by the search that refreshes the searcher. */
	private final AtomicBoolean stale = new AtomicBoolean();

	/** About how many turns one search task collects (see {@link #partitions}). */
	static final int PARTITION_DOCS = 65_536;

	private final int partitionDocs;

	/**
	 * Collects the partitions of a large index in parallel, one thread per core: exact totals mean
	 * visiting every matching turn, and at 10,000 transcripts that is up to half a million turns per
	 * query, which one core does in tens of milliseconds (issue 10, docs/scale-out.md).
	 */
	private final ExecutorService passes;

	private TurnIndex(Directory directory, int partitionDocs) throws IOException {
		if (partitionDocs < 1) {
			throw new IllegalArgumentException("partitionDocs must be at least 1, not " + partitionDocs);
		}
		this.partitionDocs = partitionDocs;
		this.passes = searchThreads();
		Analyzer analyzer = QueryFactory.perLanguageAnalyzer();
		this.directory = directory;
		// An index left with uncommitted changes by a crash keeps its last commit and is checked against
		// the database; one written before the current fields existed, or unreadable, is emptied; a new
		// one is filled by the same check. Until the check is done the marker stays on disk, so a crash
		// during the check is followed by another check.
		boolean crashed = java.util.Arrays.asList(directory.listAll()).contains(UNCOMMITTED);
		boolean existed = DirectoryReader.indexExists(directory);
		boolean readable = existed && readable(directory);
		this.writer = new IndexWriter(directory, new IndexWriterConfig(analyzer).setOpenMode(
				existed && !readable ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
		writer.setLiveCommitData(Map.of(FORMAT_KEY, FORMAT).entrySet());
		if (!readable) {
			writer.commit();
		}
		this.unchecked = crashed || !readable;
		if (unchecked) {
			markUncommitted();
		}
		this.searchers = new SearcherManager(writer, null);
		this.queries = new QueryFactory(analyzer);
	}

	/** Whether the last commit can be read and has the current fields' layout. */
	private static boolean readable(Directory directory) {
		try {
			return FORMAT.equals(SegmentInfos.readLatestCommit(directory).getUserData().get(FORMAT_KEY));
		}
		catch (IOException ex) {
			org.slf4j.LoggerFactory.getLogger(TurnIndex.class)
				.warn("The search index cannot be read ({}); it is emptied and filled from the database", ex.getMessage());
			return false;
		}
	}

	/**
	 * Whether this index must be compared with the database before searches can trust it: it was not
	 * closed cleanly, is new, or was emptied (older layout or unreadable). {@link #checked()} ends it.
	 */
	@Override
	public boolean needsCheck() {
		synchronized (marker) {
			return unchecked;
		}
	}

	/**
	 * The check against the database is done (every document that differed is re-indexed): the next
	 * commit may remove the marker, so the next start trusts the index again.
	 */
	@Override
	public void checked() {
		synchronized (marker) {
			unchecked = false;
		}
		commitQuietly();
	}

	/** Every document the index holds, with its turn count and version, read from doc values. */
	@Override
	public Map<DocumentId, IndexedDocument> documents() {
		return read(searcher -> {
			Map<Long, long[]> found = new HashMap<>();
			for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
				NumericDocValues ids = DocValues.getNumeric(leaf.reader(), TurnFields.DOCUMENT_ID);
				NumericDocValues versions = DocValues.getNumeric(leaf.reader(), TurnFields.VERSION);
				var live = leaf.reader().getLiveDocs();
				for (int doc = ids.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = ids.nextDoc()) {
					if (live != null && !live.get(doc)) {
						continue;
					}
					long version = versions.advanceExact(doc) ? versions.longValue() : 0;
					long[] d = found.computeIfAbsent(ids.longValue(), k -> new long[] { 0, version });
					d[0]++;
					if (d[1] != version) {
						d[1] = version ^ 0x5bd1e995L; // turns of two versions: differs from both
					}
				}
			}
			Map<DocumentId, IndexedDocument> out = new HashMap<>(found.size() * 2);
			found.forEach((id, d) -> out.put(new DocumentId(id), new IndexedDocument((int) d[0], d[1])));
			return out;
		});
	}

	/** Opens (or creates) the index in a folder. */
	public static TurnIndex open(Path folder) throws IOException {
		return new TurnIndex(FSDirectory.open(folder), PARTITION_DOCS);
	}

	/** Opens (or creates) the index in any Lucene directory, e.g. in memory for tests. */
	public static TurnIndex open(Directory directory) throws IOException {
		return new TurnIndex(directory, PARTITION_DOCS);
	}

	/** As {@link #open(Directory)}, with search tasks of about {@code partitionDocs} turns (for tests). */
	static TurnIndex open(Directory directory, int partitionDocs) throws IOException {
		return new TurnIndex(directory, partitionDocs);
	}

	private static ExecutorService searchThreads() {
		java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
		return Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), r -> {
			Thread t = new Thread(r, "quire-search-" + n.incrementAndGet());
			t.setDaemon(true);
			return t;
		});
	}

	/** Indexes a transcript's turns without codes, replacing any earlier version of the document. */
	public void replaceDocument(Transcript transcript) {
		replaceDocument(new IndexedTranscript(transcript, Map.of()));
	}

	/** Indexes a transcript's turns with their codes, replacing any earlier version of the document in one step. */
	@Override
	public void replaceDocument(IndexedTranscript indexed) {
		Transcript transcript = indexed.transcript();
		List<Document> docs = new ArrayList<>(transcript.turns().size());
		for (Turn turn : transcript.turns()) {
			docs.add(toLucene(indexed, turn));
		}
		update(() -> writer.updateDocuments(documentTerm(transcript.document().id()), docs));
	}

	@Override
	public void deleteDocument(DocumentId id) {
		update(() -> writer.deleteDocuments(documentTerm(id)));
	}

	@Override
	public void deleteProject(ProjectId id) {
		update(() -> writer.deleteDocuments(new Term(TurnFields.PROJECT, id.toString())));
	}

	/** Replaces the whole index with the given transcripts, in one commit. */
	@Override
	public void rebuild(Iterable<IndexedTranscript> all) {
		update(() -> {
			writer.deleteAll();
			for (IndexedTranscript t : all) {
				for (Turn turn : t.transcript().turns()) {
					writer.addDocument(toLucene(t, turn));
				}
			}
		});
		try {
			commit();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("the rebuilt search index could not be committed: " + ex.getMessage(), ex);
		}
	}

	@Override
	public boolean isEmpty() {
		return read(searcher -> searcher.getIndexReader().numDocs() == 0);
	}

	/** The number of indexed turns of a project. */
	@Override
	public long turnCount(ProjectId project) {
		return read(searcher -> (long) searcher.count(new TermQuery(new Term(TurnFields.PROJECT, project.toString()))));
	}

	/**
	 * Runs a search: keyword-in-context rows in document-name and turn order, capped at
	 * {@code maxHits}, with complete counts.
	 * @throws IllegalArgumentException if the query cannot be read
	 */
	@Override
	public SearchResult search(SearchRequest request) {
		return search(request, CodeConstraints.NONE);
	}

	/**
	 * Runs a search with code constraints (already expanded to code ids with their sub-codes).
	 * @throws IllegalArgumentException if the query cannot be read
	 */
	@Override
	public SearchResult search(SearchRequest request, CodeConstraints codes) {
		Query text = queries.parse(request.query());
		BooleanQuery.Builder query = new BooleanQuery.Builder().add(text, Occur.MUST)
			.add(new TermQuery(new Term(TurnFields.PROJECT, request.project().toString())), Occur.FILTER);
		if (request.group() != null) {
			query.add(new TermQuery(new Term(TurnFields.GROUP, request.group())), Occur.FILTER);
		}
		if (request.document() != null) {
			query.add(new TermQuery(documentTerm(request.document())), Occur.FILTER);
		}
		if (request.speaker() != null) {
			query.add(new TermQuery(new Term(TurnFields.SPEAKER, request.speaker())), Occur.FILTER);
		}
		for (Set<Long> anyOf : codes.codedWithAll()) {
			query.add(anyCode(anyOf), Occur.FILTER);
		}
		if (!codes.notCodedWith().isEmpty()) {
			query.add(anyCode(codes.notCodedWith()), Occur.MUST_NOT);
		}
		if (codes.within() != null) {
			// a hit inside a coding lies in a turn that coding overlaps, so the turn carries the code
			query.add(anyCode(codes.within()), Occur.FILTER);
		}
		try {
			return read(searcher -> collect(searcher, query.build(), text, request.maxHits(), codes));
		}
		catch (IndexSearcher.TooManyClauses ex) {
			throw new IllegalArgumentException("cannot run the query '" + request.query()
					+ "': too many words match; make the wildcard or fuzzy term more specific", ex);
		}
	}

	private static Query anyCode(Set<Long> ids) {
		BooleanQuery.Builder any = new BooleanQuery.Builder();
		if (ids.isEmpty()) {
			// a code with no id cannot match: an empty set means "coded with nothing", which no turn is
			any.add(new TermQuery(new Term(TurnFields.CODE, "none")), Occur.SHOULD);
		}
		for (Long id : ids) {
			any.add(new TermQuery(new Term(TurnFields.CODE, id.toString())), Occur.SHOULD);
		}
		return any.build();
	}

	/**
	 * One pass over the matching turns, segment by segment: hits are counted (from postings
	 * frequencies when the query allows, see {@link HitCounter}), per-document counts and the
	 * document-and-turn order come from doc values, and only the turns of the rows shown are located
	 * and loaded. Nothing is sorted but those rows' candidates, and no stored field is read for a turn
	 * that is only counted.
	 */
	private SearchResult collect(IndexSearcher searcher, Query query, Query text, int maxHits, CodeConstraints codes)
			throws IOException {
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
		StoredFields stored = searcher.storedFields();
		List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
		List<KwicHit> rows = new ArrayList<>();
		for (Candidate c : candidates) {
			if (rows.size() == maxHits) {
				break;
			}
			LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(c.globalDoc(), leaves));
			int doc = c.globalDoc() - leaf.docBase;
			List<int[]> spans = spans(weight.matches(leaf, doc));
			Document d = stored.document(c.globalDoc());
			int turnStart = d.getField(TurnFields.TURN_START).numericValue().intValue();
			if (codes.within() != null) {
				spans = inside(spans, turnStart, codings(leaf, doc), codes.within());
			}
			String words = textOf(d);
			DocumentId id = new DocumentId(Long.parseLong(d.get(TurnFields.DOCUMENT)));
			String name = d.get(TurnFields.DOCUMENT_NAME);
			String speaker = d.get(TurnFields.SPEAKER);
			for (int[] span : spans) {
				if (rows.size() == maxHits) {
					break;
				}
				rows.add(new KwicHit(id, name, c.turn(), speaker, turnStart + span[0], turnStart + span[1],
						left(words, span[0]), words.substring(span[0], span[1]), right(words, span[1])));
			}
		}
		List<DocumentHits> counts = new ArrayList<>(perDocument.size());
		perDocument.forEach((id, n) -> counts.add(new DocumentHits(new DocumentId(id), n.name, n.hits)));
		counts.sort(Comparator.comparing(DocumentHits::documentName, String.CASE_INSENSITIVE_ORDER));
		int hits = totals[0];
		return new SearchResult(rows, counts, hits, totals[1], rows.size() < hits);
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
		private final java.util.PriorityQueue<long[]> best;

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
			this.best = new java.util.PriorityQueue<>(Math.min(maxHits, 1024) + 1,
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
				List<int[]> spans = counter != null ? counter.spans(doc) : spans(weight.matches(leaf, doc));
				if (within != null && !spans.isEmpty()) {
					int turnStart = turnStarts.advanceExact(doc) ? (int) turnStarts.longValue() : 0;
					spans = inside(spans, turnStart, codings(codingValues, doc), within);
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

	/** The codings stored with a turn: (code, start, end) triples in document offsets. */
	private static List<IndexedTranscript.CodedSpan> codings(LeafReaderContext leaf, int doc) throws IOException {
		return codings(leaf.reader().getBinaryDocValues(TurnFields.CODINGS), doc);
	}

	/** The codings of a turn from a segment's iterator, which must not have passed {@code doc}. */
	private static List<IndexedTranscript.CodedSpan> codings(@Nullable BinaryDocValues values, int doc)
			throws IOException {
		if (values == null || !values.advanceExact(doc)) {
			return List.of();
		}
		BytesRef bytes = values.binaryValue();
		ByteArrayDataInput in = new ByteArrayDataInput(bytes.bytes, bytes.offset, bytes.length);
		List<IndexedTranscript.CodedSpan> out = new ArrayList<>();
		while (!in.eof()) {
			long code = in.readVLong();
			int start = in.readVInt();
			out.add(new IndexedTranscript.CodedSpan(code, start, start + in.readVInt()));
		}
		return out;
	}

	private static BytesRef encode(List<IndexedTranscript.CodedSpan> codings) {
		byte[] buffer = new byte[codings.size() * 19];
		ByteArrayDataOutput out = new ByteArrayDataOutput(buffer);
		try {
			for (IndexedTranscript.CodedSpan c : codings) {
				out.writeVLong(c.code());
				out.writeVInt(c.start());
				out.writeVInt(c.end() - c.start());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot happen: writing to a byte array", ex);
		}
		return new BytesRef(buffer, 0, out.getPosition());
	}

	/** The spans (relative to the turn) that lie inside a coding of one of the codes. */
	private static List<int[]> inside(List<int[]> spans, int turnStart, List<IndexedTranscript.CodedSpan> codings,
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

	/** Hit spans {@code [start, end)} in the turn's text, in order, without overlaps. */
	private static List<int[]> spans(Matches matches) throws IOException {
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

	private static String textOf(Document doc) {
		String en = doc.get(TurnFields.TEXT_EN);
		return en != null ? en : doc.get(TurnFields.TEXT_NO);
	}

	private static Document toLucene(IndexedTranscript indexed, Turn turn) {
		Transcript t = indexed.transcript();
		Set<Long> codes = indexed.codes(turn.index());
		List<IndexedTranscript.CodedSpan> codings = indexed.codings(turn.index());
		var d = t.document();
		Document doc = new Document();
		doc.add(new StringField(TurnFields.PROJECT, d.projectId().toString(), Field.Store.NO));
		doc.add(new StringField(TurnFields.DOCUMENT, d.id().toString(), Field.Store.YES));
		doc.add(new NumericDocValuesField(TurnFields.DOCUMENT_ID, d.id().value()));
		doc.add(new NumericDocValuesField(TurnFields.VERSION, indexed.version()));
		doc.add(new StoredField(TurnFields.DOCUMENT_NAME, d.name()));
		doc.add(new SortedDocValuesField(TurnFields.DOCUMENT_NAME, new BytesRef(d.name())));
		if (d.group() != null) {
			doc.add(new StringField(TurnFields.GROUP, d.group(), Field.Store.NO));
		}
		if (turn.speaker() != null) {
			doc.add(new StringField(TurnFields.SPEAKER, turn.speaker(), Field.Store.YES));
		}
		doc.add(new StringField(TurnFields.LANGUAGE, d.language().code(), Field.Store.NO));
		doc.add(new StoredField(TurnFields.TURN, turn.index()));
		doc.add(new NumericDocValuesField(TurnFields.TURN, turn.index()));
		doc.add(new StoredField(TurnFields.TURN_START, turn.start()));
		doc.add(new NumericDocValuesField(TurnFields.TURN_START, turn.start()));
		for (Long code : codes) {
			doc.add(new StringField(TurnFields.CODE, code.toString(), Field.Store.NO));
		}
		if (!codings.isEmpty()) {
			doc.add(new BinaryDocValuesField(TurnFields.CODINGS, encode(codings)));
		}
		String field = d.language() == Language.NORWEGIAN ? TurnFields.TEXT_NO : TurnFields.TEXT_EN;
		doc.add(new Field(field, t.turnText(turn), TEXT_TYPE));
		return doc;
	}

	private static Term documentTerm(DocumentId id) {
		return new Term(TurnFields.DOCUMENT, id.toString());
	}

	private static FieldType textType() {
		FieldType type = new FieldType();
		type.setTokenized(true);
		type.setStored(true);
		type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
		type.freeze();
		return type;
	}

	private interface IndexChange {

		void apply() throws IOException;

	}

	private interface SearcherFunction<T> {

		T apply(IndexSearcher searcher) throws IOException;

	}

	/**
	 * Applies one change; the next search sees it and a commit within {@link #COMMIT_DELAY_MS} makes
	 * it durable. Changes are serialised, so a full rebuild and a document update arriving at the same
	 * time (start-up rebuild while an import event is handled) cannot interleave and leave a
	 * document's turns twice.
	 */
	private void update(IndexChange change) {
		writeLock.lock();
		try {
			markUncommitted();
			change.apply();
			applied++;
			stale.set(true);
			if (!commitScheduled) {
				commitScheduled = true;
				committer.schedule(this::commitQuietly, COMMIT_DELAY_MS, TimeUnit.MILLISECONDS);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("the search index could not be updated: " + ex.getMessage(), ex);
		}
		finally {
			writeLock.unlock();
		}
	}

	private void markUncommitted() throws IOException {
		synchronized (marker) {
			if (!uncommitted) {
				try {
					IndexOutput out = directory.createOutput(UNCOMMITTED, IOContext.DEFAULT);
					out.close();
				}
				catch (java.nio.file.FileAlreadyExistsException ex) {
					// a marker left by an earlier process: it says the same, so it stays
				}
				directory.sync(List.of(UNCOMMITTED));
				directory.syncMetaData();
				uncommitted = true;
			}
		}
	}

	/**
	 * A change is promised: it will be applied later (by {@link SearchService}'s indexer thread) and
	 * the event that asked for it is done now. The marker is on disk before this returns and stays
	 * until the promised change is applied and committed, so a crash in between rebuilds the index.
	 */
	@Override
	public void expectChange() {
		// not the write lock: an import must not wait for the analysis of the document before it
		synchronized (marker) {
			try {
				markUncommitted();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("the search index could not be marked: " + ex.getMessage(), ex);
			}
			expected++;
		}
	}

	/**
	 * A promised change was applied, or failed ({@code applied == false}); after a failure the marker
	 * stays for good, so the next start rebuilds the index from the database.
	 */
	@Override
	public void expectedChangeDone(boolean applied) {
		synchronized (marker) {
			expected--;
			if (!applied) {
				keepMarker = true;
			}
		}
	}

	/** Refreshes the searcher (releasing files only older searchers used) and commits. */
	@Override
	public void commitAndRelease() throws IOException {
		stale.set(false);
		searchers.maybeRefreshBlocking();
		commit();
		writer.deleteUnusedFiles();
	}

	/** Commits every change so far and removes the marker unless a promised change is still outstanding. */
	void commit() throws IOException {
		long seen;
		writeLock.lock();
		try {
			commitScheduled = false;
			if (!uncommitted || !writer.isOpen()) {
				return;
			}
			seen = applied;
		}
		finally {
			writeLock.unlock();
		}
		// Outside the write lock: flushing and syncing take tens of milliseconds, and an indexer
		// waiting for them meanwhile was a fifth of a bulk import. Every change applied before
		// `seen` was read is in the writer, so this commit holds it.
		writer.commit();
		writeLock.lock();
		try {
			synchronized (marker) {
				if (applied == seen && expected == 0 && !keepMarker && !unchecked) {
					try {
						directory.deleteFile(UNCOMMITTED);
					}
					catch (java.nio.file.NoSuchFileException ex) {
						// gone already: nothing is left to say
					}
					directory.syncMetaData();
					uncommitted = false;
				}
				// otherwise a change came meanwhile; it scheduled the next commit, which tries again
			}
		}
		finally {
			writeLock.unlock();
		}
	}

	private static ScheduledThreadPoolExecutor committer() {
		ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
			Thread t = new Thread(r, "quire-index-commit");
			t.setDaemon(true);
			return t;
		});
		// on close the pending delayed commit is dropped; close commits itself
		executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
		return executor;
	}

	private void commitQuietly() {
		try {
			commit();
		}
		catch (IOException | RuntimeException ex) {
			// the marker stays, so the next start rebuilds the index from the database
			org.slf4j.LoggerFactory.getLogger(TurnIndex.class)
				.warn("The search index could not be committed; it will be rebuilt at the next start: {}", ex.getMessage());
		}
	}

	private <T> T read(SearcherFunction<T> function) {
		try {
			if (stale.getAndSet(false)) {
				searchers.maybeRefreshBlocking();
			}
			IndexSearcher searcher = searchers.acquire();
			try {
				return function.apply(searcher);
			}
			finally {
				searchers.release(searcher);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("the search index could not be read: " + ex.getMessage(), ex);
		}
	}

	@Override
	public void close() throws IOException {
		passes.shutdown();
		committer.shutdown();
		try {
			committer.awaitTermination(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		commit();
		searchers.close();
		writer.close();
		directory.close();
	}

}

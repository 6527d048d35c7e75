package quire.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.LoggerFactory;

import quire.corpus.DocumentId;
import quire.corpus.Transcript;
import quire.corpus.Turn;
import quire.project.ProjectId;
import quire.search.SearchRequest;
import quire.search.SearchResult;

/**
 * The Lucene index of speaker turns: one Lucene document per turn ({@link TurnDocuments}), carrying
 * project, document, group, speaker and language as keyword fields and the turn's words in a
 * per-language text field with offsets, so hits are located without re-analysis. A document's turns
 * are replaced atomically; the next search sees every change made before it (near-real-time
 * searcher). Thread-safe.
 *
 * <p>
 * This class coordinates; the work is done by {@link TurnDocuments} (a turn as a Lucene document and
 * back), {@link GroupedCommitter} (grouped commits and the crash marker), {@link PartitionedSearch}
 * (the per-core pass over the matching turns) and {@link Kwic} (hit spans and their context).
 *
 * <p>
 * Durability is grouped: a change is not fsynced on its own but committed with the changes of the
 * next {@link #COMMIT_DELAY_MS} (and on close). While changes are uncommitted a marker file lies in
 * the index folder. An index opened with the marker present was not closed cleanly; it keeps what
 * its last commit holds and {@link #needsCheck() needs a check}: start-up compares every document's
 * turn count and version ({@link #documents()}) with the database and re-indexes those that differ,
 * and the marker stays until {@link #checked()} (see
 * {@code docs/decisions/010-grouped-index-commits.md}).
 */
public final class TurnIndex implements TurnEngine {

	/** Characters of context either side of a hit in a keyword-in-context row. */
	static final int CONTEXT = Kwic.CONTEXT;

	/**
	 * Commit data naming the fields' layout; version 2 added doc values for counts and coded ranges,
	 * version 3 each document's version (for the check after an unclean stop).
	 */
	static final String FORMAT_KEY = "quire.turns.format";

	static final String FORMAT = "3";

	/** How long a change may stay uncommitted, in milliseconds. */
	static final long COMMIT_DELAY_MS = GroupedCommitter.COMMIT_DELAY_MS;

	/** Present in the index folder while changes are uncommitted. */
	static final String UNCOMMITTED = GroupedCommitter.UNCOMMITTED;

	/** About how many turns one search task collects (see {@link PartitionedSearch}). */
	static final int PARTITION_DOCS = PartitionedSearch.PARTITION_DOCS;

	private final Directory directory;

	private final IndexWriter writer;

	private final SearcherManager searchers;

	private final QueryFactory queries;

	private final GroupedCommitter commits;

	private final PartitionedSearch passes;

	/**
	 * Counts every hit by locating it with {@code Weight.matches} instead of counting from postings
	 * ({@link HitCounter}); tests set it to compare both ways of counting on the same index.
	 */
	volatile boolean locateEveryHit;

	/** Set by a change, cleared by the search that refreshes the searcher. */
	private final AtomicBoolean stale = new AtomicBoolean();

	private TurnIndex(Directory directory, int partitionDocs) throws IOException {
		this.passes = new PartitionedSearch(partitionDocs);
		Analyzer analyzer = QueryFactory.perLanguageAnalyzer();
		this.directory = directory;
		// An index left with uncommitted changes by a crash keeps its last commit and is checked against
		// the database; one written before the current fields existed, or unreadable, is emptied; a new
		// one is filled by the same check. Until the check is done the marker stays on disk, so a crash
		// during the check is followed by another check.
		boolean crashed = Arrays.asList(directory.listAll()).contains(UNCOMMITTED);
		boolean existed = DirectoryReader.indexExists(directory);
		boolean readable = existed && readable(directory);
		this.writer = new IndexWriter(directory, new IndexWriterConfig(analyzer).setOpenMode(
				existed && !readable ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
		writer.setLiveCommitData(Map.of(FORMAT_KEY, FORMAT).entrySet());
		if (!readable) {
			writer.commit();
		}
		this.commits = new GroupedCommitter(directory, writer, crashed || !readable, () -> stale.set(true));
		this.searchers = new SearcherManager(writer, null);
		this.queries = new QueryFactory(analyzer);
	}

	/** Whether the last commit can be read and has the current fields' layout. */
	private static boolean readable(Directory directory) {
		try {
			return FORMAT.equals(SegmentInfos.readLatestCommit(directory).getUserData().get(FORMAT_KEY));
		}
		catch (IOException ex) {
			LoggerFactory.getLogger(TurnIndex.class)
				.warn("The search index cannot be read ({}); it is emptied and filled from the database", ex.getMessage());
			return false;
		}
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

	/**
	 * Whether this index must be compared with the database before searches can trust it: it was not
	 * closed cleanly, is new, or was emptied (older layout or unreadable). {@link #checked()} ends it.
	 */
	@Override
	public boolean needsCheck() {
		return commits.needsCheck();
	}

	/**
	 * The check against the database is done (every document that differed is re-indexed): the next
	 * commit may remove the marker, so the next start trusts the index again.
	 */
	@Override
	public void checked() {
		commits.checked();
	}

	/** Every document the index holds, with its turn count and version, read from doc values. */
	@Override
	public Map<DocumentId, IndexedDocument> documents() {
		return read(TurnDocuments::held);
	}

	/** Indexes a transcript's turns without codes, replacing any earlier version of the document. */
	public void replaceDocument(Transcript transcript) {
		replaceDocument(new IndexedTranscript(transcript, Map.of()));
	}

	/** Indexes a transcript's turns with their codes, replacing any earlier version of the document in one step. */
	@Override
	public void replaceDocument(IndexedTranscript indexed) {
		var docs = TurnDocuments.of(indexed);
		commits.update(() -> writer.updateDocuments(
				TurnDocuments.documentTerm(indexed.transcript().document().id()), docs));
	}

	@Override
	public void deleteDocument(DocumentId id) {
		commits.update(() -> writer.deleteDocuments(TurnDocuments.documentTerm(id)));
	}

	@Override
	public void deleteProject(ProjectId id) {
		commits.update(() -> writer.deleteDocuments(new Term(TurnFields.PROJECT, id.toString())));
	}

	/** Replaces the whole index with the given transcripts, in one commit. */
	@Override
	public void rebuild(Iterable<IndexedTranscript> all) {
		commits.update(() -> {
			writer.deleteAll();
			for (IndexedTranscript t : all) {
				for (Turn turn : t.transcript().turns()) {
					writer.addDocument(TurnDocuments.toLucene(t, turn));
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
			query.add(new TermQuery(TurnDocuments.documentTerm(request.document())), Occur.FILTER);
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
		boolean locate = locateEveryHit;
		try {
			return read(searcher -> passes.collect(searcher, query.build(), text, request.maxHits(), codes, locate));
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

	/** See {@link PartitionedSearch#partitions}. */
	static List<PartitionedSearch.Partition> partitions(List<LeafReaderContext> leaves, int size) {
		return PartitionedSearch.partitions(leaves, size);
	}

	/** See {@link Kwic#left}. */
	static String left(String text, int hitStart) {
		return Kwic.left(text, hitStart);
	}

	/** See {@link Kwic#right}. */
	static String right(String text, int hitEnd) {
		return Kwic.right(text, hitEnd);
	}

	/**
	 * A change is promised: it will be applied later (by {@code SearchService}'s indexer thread) and
	 * the event that asked for it is done now. The marker is on disk before this returns and stays
	 * until the promised change is applied and committed, so a crash in between rebuilds the index.
	 */
	@Override
	public void expectChange() {
		commits.expectChange();
	}

	/**
	 * A promised change was applied, or failed ({@code applied == false}); after a failure the marker
	 * stays for good, so the next start rebuilds the index from the database.
	 */
	@Override
	public void expectedChangeDone(boolean applied) {
		commits.expectedChangeDone(applied);
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
		commits.commit();
	}

	private interface SearcherFunction<T> {

		T apply(IndexSearcher searcher) throws IOException;

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
		passes.close();
		commits.close();
		searchers.close();
		writer.close();
		directory.close();
	}

}

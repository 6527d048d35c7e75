package quire.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;

import quire.coding.Code;
import quire.coding.CodeId;
import quire.coding.CodebookChanged;
import quire.coding.CodebookService;
import quire.coding.Coding;
import quire.coding.CodingChanged;
import quire.coding.CodingService;
import quire.corpus.CorpusService;
import quire.corpus.DocumentDeleted;
import quire.corpus.DocumentId;
import quire.corpus.DocumentImported;
import quire.corpus.DocumentSummary;
import quire.corpus.Transcript;
import quire.corpus.Turn;
import quire.project.Project;
import quire.project.ProjectAccess;
import quire.project.ProjectDeleted;
import quire.project.ProjectId;
import quire.project.ProjectRole;
import quire.project.ProjectService;
import quire.search.internal.CodeConstraints;
import quire.search.internal.IndexedTranscript;
import quire.search.internal.TurnEngine;
import quire.search.internal.TurnEngines;

/**
 * Full-text search over the speaker turns of a project. The Lucene index under
 * {@code QUIRE_HOME/index} is derived from the database: it follows {@link DocumentImported} and
 * {@link DocumentDeleted} (replayed at start-up if an update was interrupted) and can always be
 * rebuilt. The index is reached through the {@code TurnEngine} port, chosen by
 * {@code quire.search.engine} ({@code lucene}, the default, or {@code opensearch}; docs/scale-out.md).
 */
@Service
public class SearchService implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(SearchService.class);

	private final CorpusService corpus;

	private final CodingService codings;

	private final CodebookService codebook;

	private final TurnEngine index;

	private final ProjectService projects;

	/** Locks that serialise re-indexing per document (by id, striped). */
	private final Object[] stripes = new Object[64];

	/** Updates per document that have arrived and not finished. */
	private final java.util.concurrent.ConcurrentHashMap<DocumentId, AtomicInteger> pending = new java.util.concurrent.ConcurrentHashMap<>();

	private final ProjectAccess access;

	/** Indexes imported documents, one at a time, up to {@link #QUEUE} waiting. */
	private final java.util.concurrent.ThreadPoolExecutor indexer = new java.util.concurrent.ThreadPoolExecutor(1, 1,
			0, java.util.concurrent.TimeUnit.MILLISECONDS, new java.util.concurrent.ArrayBlockingQueue<>(QUEUE), r -> {
				Thread t = new Thread(r, "quire-indexer");
				t.setDaemon(true);
				return t;
			}, (task, executor) -> task.run()); // queue full, or shutting down: the caller indexes the document itself

	private static final int QUEUE = 16;

	/** Guards {@link #queued}. */
	private final Object queue = new Object();

	/** Documents handed to the indexer and not indexed yet. */
	private int queued;

	SearchService(CorpusService corpus, CodingService codings, CodebookService codebook, ProjectService projects,
			ProjectAccess access, @Value("${quire.home}") Path home,
			@Value("${quire.search.engine:" + TurnEngines.LUCENE + "}") String engine,
			org.springframework.core.env.Environment environment) {
		this.projects = projects;
		for (int i = 0; i < stripes.length; i++) {
			stripes[i] = new Object();
		}
		this.access = access;
		this.corpus = corpus;
		this.codings = codings;
		this.codebook = codebook;
		try {
			this.index = TurnEngines.open(engine, home, environment);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot open the search index under " + home.resolve("index")
					+ " (is another Quire using this home?): " + ex.getMessage(), ex);
		}
	}

	/**
	 * Runs a search.
	 * @throws IllegalArgumentException if the query cannot be read; the message says why
	 */
	public SearchResult search(SearchRequest request) {
		access.require(request.project(), ProjectRole.VIEWER);
		settled();
		IndexCheck before = indexCheck().orElse(null);
		if (request.codes().isEmpty()) {
			return index.search(request).during(before);
		}
		return index.search(request, constraints(request.project(), request.codes())).during(before);
	}

	/**
	 * How far the check of the index after an unclean stop has got, or empty when the index is trusted
	 * (no check was needed, or it is done). While it is present, searches may miss documents.
	 */
	public Optional<IndexCheck> indexCheck() {
		if (checkFailure != null) {
			return Optional.of(new IndexCheck(checkedDocuments.get(), checkTotal, checkFailure));
		}
		return checking ? Optional.of(new IndexCheck(checkedDocuments.get(), checkTotal, null)) : Optional.empty();
	}

	/**
	 * Waits until the check after an unclean stop is done (or has failed), telling {@code progress}
	 * about once a second how far it has got; returns at once when no check runs. For the command
	 * line, whose one search should be complete.
	 */
	public void awaitIndexCheck(java.util.function.Consumer<IndexCheck> progress) throws InterruptedException {
		Thread running = checker;
		while (running != null && running.isAlive()) {
			indexCheck().ifPresent(progress);
			running.join(1000);
		}
	}

	/**
	 * Searches every project the current user may read (or the chosen ones among them), grouped by
	 * project; projects without hits are left out. A project the user does not belong to is never
	 * searched, so it contributes no hit and no count.
	 * @throws IllegalArgumentException if the query cannot be read
	 */
	public List<ProjectHits> searchAll(CrossProjectSearch request) {
		List<ProjectHits> out = new ArrayList<>();
		for (Project p : projects.list()) {
			if (!request.projects().isEmpty() && !request.projects().contains(p.id())) {
				continue;
			}
			var filter = crossProjectCodes(p.id(), request);
			if (filter.isEmpty()) {
				continue;
			}
			SearchResult result = search(new SearchRequest(p.id(), request.query(), request.group(), null,
					request.speaker(), request.maxHitsPerProject(), filter.get()));
			if (result.totalHits() > 0) {
				out.add(new ProjectHits(p, result));
			}
		}
		return out;
	}

	/** The code filter in one project's codebook; empty if a required code does not exist there. */
	private java.util.Optional<CodeFilter> crossProjectCodes(ProjectId project, CrossProjectSearch request) {
		List<CodeId> with = new ArrayList<>();
		for (String name : request.codedWith()) {
			var code = codebook.findCode(project, name);
			if (code.isEmpty()) {
				return java.util.Optional.empty();
			}
			with.add(code.get().id());
		}
		List<CodeId> without = request.notCodedWith()
			.stream()
			.flatMap(name -> codebook.findCode(project, name).stream())
			.map(Code::id)
			.toList();
		CodeId within = null;
		if (request.within() != null) {
			var code = codebook.findCode(project, request.within());
			if (code.isEmpty()) {
				return java.util.Optional.empty();
			}
			within = code.get().id();
		}
		return java.util.Optional.of(new CodeFilter(with, without, within));
	}

	/** How many speaker turns of a project the index holds (equal to the project's turns once it has caught up). */
	public long indexedTurns(ProjectId project) {
		settled();
		return index.turnCount(project);
	}

	/**
	 * Applies and commits every change so far and lets go of files only older searchers used, so the
	 * index folder holds just the current index (the benchmark measures its size; a backup copies it).
	 */
	public void commitIndex() {
		settled();
		try {
			index.commitAndRelease();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("the search index could not be committed: " + ex.getMessage(), ex);
		}
	}

	// ---- the check after an unclean stop (decision 010) -------------------------------------------

	/** Whether the check after an unclean stop is running. */
	private volatile boolean checking;

	/** Documents compared so far, of {@link #checkTotal}. */
	private final AtomicInteger checkedDocuments = new AtomicInteger();

	private volatile int checkTotal;

	/** Why the check failed, if it did. */
	private volatile @Nullable String checkFailure;

	/** Set at shutdown: the check stops, the marker stays and the next start checks again. */
	private volatile boolean stopping;

	private volatile @Nullable Thread checker;

	/**
	 * An index that was not closed cleanly (a killed process), is new or was emptied is checked
	 * against the database before searches trust it: on a thread of its own, so the app starts at
	 * once and searches meanwhile say how far the check has got. Spring Boot runs this after
	 * "started", before command-line runners and the first request.
	 */
	@EventListener(ApplicationStartedEvent.class)
	void checkIfNeeded() {
		if (!index.needsCheck()) {
			return;
		}
		int documents = corpus.allDocuments().size();
		if (documents == 0 && index.isEmpty()) {
			index.checked(); // nothing to compare: a new home
			return;
		}
		checking = true;
		checkTotal = documents;
		Thread t = new Thread(this::check, "quire-index-check");
		t.setDaemon(true);
		checker = t;
		t.start();
	}

	/**
	 * Compares every document's turn count and version in the index with the database and re-indexes
	 * exactly those that differ (missing, stale, or of a deleted document); then the index is trusted
	 * again. Events handled meanwhile re-index through the same per-document lock, so they and the
	 * check cannot undo each other.
	 */
	private void check() {
		long start = System.nanoTime();
		try {
			Map<DocumentId, TurnEngine.IndexedDocument> held = index.documents();
			List<DocumentSummary> all = corpus.allDocuments();
			checkTotal = all.size();
			int reindexed = 0;
			Set<DocumentId> present = new HashSet<>();
			for (DocumentSummary d : all) {
				if (stopping) {
					return;
				}
				present.add(d.id());
				TurnEngine.IndexedDocument indexed = held.get(d.id());
				boolean same = indexed == null ? d.turnCount() == 0
						: indexed.turns() == d.turnCount() && indexed.version() == version(d, codings.codings(d.id(), null));
				if (!same) {
					reindex(d.id());
					reindexed++;
				}
				checkedDocuments.incrementAndGet();
			}
			int removed = 0;
			for (DocumentId id : held.keySet()) {
				if (!present.contains(id) && !stopping) {
					reindex(id);
					removed++;
				}
			}
			if (stopping) {
				return;
			}
			index.checked();
			log.info("Checked the search index after an unclean stop: {} documents, {} re-indexed, {} removed, in {} ms",
					all.size(), reindexed, removed, (System.nanoTime() - start) / 1_000_000);
		}
		catch (RuntimeException ex) {
			checkFailure = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
			log.warn("The search index could not be checked; it is checked again at the next start", ex);
		}
		finally {
			checking = false;
		}
	}

	private static long version(DocumentSummary document, List<Coding> codings) {
		List<IndexedTranscript.CodedSpan> spans = new ArrayList<>(codings.size());
		for (Coding c : codings) {
			spans.add(new IndexedTranscript.CodedSpan(c.codeId().value(), c.start(), c.end()));
		}
		return IndexedTranscript.version(document, spans);
	}

	/** Rebuilds the whole index from the database; returns the number of documents indexed. */
	public int rebuild() {
		var ids = corpus.allDocumentIds();
		index.rebuild(() -> ids.stream()
			.map(corpus::transcript)
			.flatMap(java.util.Optional::stream)
			.map(this::withCodes)
			.iterator());
		return ids.size();
	}

	/**
	 * A new document is indexed by the indexer thread, so the importing thread goes on with the next
	 * file while Lucene analyses this one (in a bulk import the two take about as long). The index is
	 * marked before the event is done, and searches wait for queued documents (see {@link #settled}).
	 */
	@ApplicationModuleListener
	void on(DocumentImported event) {
		DocumentId id = event.documentId();
		index.expectChange();
		synchronized (queue) {
			queued++;
		}
		Runnable task = () -> {
			boolean applied = false;
			try {
				reindex(id);
				applied = true;
			}
			catch (RuntimeException ex) {
				log.warn("Document {} could not be indexed; the index is rebuilt at the next start: {}", id.value(),
						ex.getMessage());
			}
			finally {
				index.expectedChangeDone(applied);
				synchronized (queue) {
					queued--;
					queue.notifyAll();
				}
			}
		};
		indexer.execute(task); // a full queue runs the task on this thread: an import never outruns the index far
	}

	/**
	 * Waits until every document handed to the indexer thread is indexed, so a search sees every
	 * import that finished before it (as it did when imports were indexed on their own thread).
	 */
	private void settled() {
		synchronized (queue) {
			boolean interrupted = false;
			while (queued > 0) {
				try {
					queue.wait();
				}
				catch (InterruptedException ex) {
					interrupted = true;
				}
			}
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@ApplicationModuleListener
	void on(CodingChanged event) {
		reindex(event.documentId());
	}

	@ApplicationModuleListener
	void on(CodebookChanged event) {
		for (var d : corpus.documents(event.projectId())) {
			reindex(d.id());
		}
	}

	/**
	 * Writes a document's turns as the database holds them now. The listeners run on several threads
	 * at once; without a lock, an update that read the database before a colleague's coding could be
	 * written after the update that included it, and the index would miss that coding. Reading and
	 * writing one document is therefore serialised, and an update that sees a later one of the same
	 * document waiting leaves the work to it (a burst of codings re-indexes the document once or twice,
	 * not once per coding). A document that is gone is removed.
	 */
	private void reindex(DocumentId id) {
		AtomicInteger waiting = pending.computeIfAbsent(id, k -> new AtomicInteger());
		waiting.incrementAndGet();
		synchronized (stripes[(int) Math.floorMod(id.value(), (long) stripes.length)]) {
			try {
				if (waiting.get() > 1) {
					return;
				}
				corpus.transcript(id).map(this::withCodes).ifPresentOrElse(index::replaceDocument,
						() -> index.deleteDocument(id));
			}
			finally {
				if (waiting.decrementAndGet() == 0) {
					pending.remove(id, waiting);
				}
			}
		}
	}

	/**
	 * The transcript with the codes overlapping each turn and those codings' ranges. Codings come
	 * sorted by start, so each turn looks only at codings that start before it ends.
	 */
	private IndexedTranscript withCodes(Transcript t) {
		Map<Integer, Set<Long>> byTurn = new HashMap<>();
		Map<Integer, List<IndexedTranscript.CodedSpan>> spans = new HashMap<>();
		List<Coding> all = codings.codings(t.document().id(), null);
		long version = version(t.document(), all);
		for (Turn turn : t.turns()) {
			int end = Math.max(turn.end(), turn.start() + 1);
			for (Coding c : all) {
				if (c.start() >= end) {
					break;
				}
				if (c.overlaps(turn.start(), end)) {
					byTurn.computeIfAbsent(turn.index(), k -> new HashSet<>()).add(c.codeId().value());
					spans.computeIfAbsent(turn.index(), k -> new ArrayList<>())
						.add(new IndexedTranscript.CodedSpan(c.codeId().value(), c.start(), c.end()));
				}
			}
		}
		return new IndexedTranscript(t, byTurn, spans, version);
	}

	private CodeConstraints constraints(ProjectId project, CodeFilter filter) {
		List<Code> all = codebook.codes(project);
		List<Set<Long>> allOf = filter.codedWithAll().stream().map(id -> descendants(all, id)).toList();
		Set<Long> none = new HashSet<>();
		filter.notCodedWith().forEach(id -> none.addAll(descendants(all, id)));
		Set<Long> within = filter.within() == null ? null : descendants(all, filter.within());
		return new CodeConstraints(allOf, none, within);
	}

	private static Set<Long> descendants(List<Code> all, CodeId root) {
		if (all.stream().noneMatch(c -> c.id().equals(root))) {
			throw new IllegalArgumentException("no code with id " + root.value() + " in this project");
		}
		Set<Long> ids = new HashSet<>();
		ids.add(root.value());
		boolean grew = true;
		while (grew) {
			grew = false;
			for (Code c : all) {
				if (c.parentId() != null && ids.contains(c.parentId().value()) && ids.add(c.id().value())) {
					grew = true;
				}
			}
		}
		return ids;
	}

	@ApplicationModuleListener
	void on(ProjectDeleted event) {
		index.deleteProject(event.projectId());
	}

	@ApplicationModuleListener
	void on(DocumentDeleted event) {
		reindex(event.documentId());
	}

	@Override
	public void destroy() throws IOException {
		stopping = true;
		Thread running = checker;
		if (running != null) {
			try {
				running.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		indexer.shutdown();
		try {
			if (!indexer.awaitTermination(10, java.util.concurrent.TimeUnit.MINUTES)) {
				log.warn("The indexer did not finish; the index is rebuilt at the next start");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		Objects.requireNonNull(index).close();
	}

}

package quire.search.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import quire.coding.Coding;
import quire.coding.CodingService;
import quire.corpus.CorpusService;
import quire.corpus.DocumentId;
import quire.corpus.DocumentSummary;
import quire.corpus.Transcript;
import quire.corpus.Turn;

/**
 * Writes documents into a {@link TurnEngine} as the database holds them: a transcript with the codes
 * overlapping each turn and those codings' ranges ({@link IndexedTranscript}). Re-indexing one
 * document is serialised, and an imported document is indexed on a thread of its own, so the
 * importing thread goes on with the next file while the index analyses this one (in a bulk import
 * the two take about as long). Thread-safe.
 */
public final class DocumentIndexer {

	private static final Logger log = LoggerFactory.getLogger(DocumentIndexer.class);

	/** Documents that may wait for the indexer thread before an import indexes its own. */
	private static final int QUEUE = 16;

	private final TurnEngine index;

	private final CorpusService corpus;

	private final CodingService codings;

	/** Locks that serialise re-indexing per document (by id, striped). */
	private final Object[] stripes = new Object[64];

	/** Updates per document that have arrived and not finished. */
	private final ConcurrentHashMap<DocumentId, AtomicInteger> pending = new ConcurrentHashMap<>();

	/** Indexes imported documents, one at a time, up to {@link #QUEUE} waiting. */
	private final ThreadPoolExecutor indexer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
			new ArrayBlockingQueue<>(QUEUE), r -> {
				Thread t = new Thread(r, "quire-indexer");
				t.setDaemon(true);
				return t;
			}, (task, executor) -> task.run()); // queue full, or shutting down: the caller indexes the document itself

	/** Guards {@link #queued}. */
	private final Object queue = new Object();

	/** Documents handed to the indexer and not indexed yet. */
	private int queued;

	public DocumentIndexer(TurnEngine index, CorpusService corpus, CodingService codings) {
		this.index = index;
		this.corpus = corpus;
		this.codings = codings;
		for (int i = 0; i < stripes.length; i++) {
			stripes[i] = new Object();
		}
	}

	/**
	 * Indexes a new document on the indexer thread. The index is marked before this returns, so the
	 * event that asked for it may be done; searches wait for queued documents (see {@link #settled}).
	 */
	public void indexLater(DocumentId id) {
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
	public void settled() {
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

	/**
	 * Writes a document's turns as the database holds them now. Listeners run on several threads at
	 * once; without a lock, an update that read the database before a colleague's coding could be
	 * written after the update that included it, and the index would miss that coding. Reading and
	 * writing one document is therefore serialised, and an update that sees a later one of the same
	 * document waiting leaves the work to it (a burst of codings re-indexes the document once or twice,
	 * not once per coding). A document that is gone is removed.
	 */
	public void reindex(DocumentId id) {
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

	/** Replaces the whole index with every document of the database; returns the number of documents. */
	public int rebuild() {
		var ids = corpus.allDocumentIds();
		index.rebuild(() -> ids.stream()
			.map(corpus::transcript)
			.flatMap(Optional::stream)
			.map(this::withCodes)
			.iterator());
		return ids.size();
	}

	/** The {@link IndexedTranscript#version} the database gives a document now. */
	public long versionInDatabase(DocumentSummary document) {
		return version(document, codings.codings(document.id(), null));
	}

	private static long version(DocumentSummary document, List<Coding> codings) {
		List<IndexedTranscript.CodedSpan> spans = new ArrayList<>(codings.size());
		for (Coding c : codings) {
			spans.add(new IndexedTranscript.CodedSpan(c.codeId().value(), c.start(), c.end()));
		}
		return IndexedTranscript.version(document, spans);
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

	/** Lets the indexer thread finish the documents handed to it (waiting up to ten minutes). */
	public void shutdown() {
		indexer.shutdown();
		try {
			if (!indexer.awaitTermination(10, TimeUnit.MINUTES)) {
				log.warn("The indexer did not finish; the index is rebuilt at the next start");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}

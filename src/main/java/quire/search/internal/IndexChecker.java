package quire.search.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import quire.corpus.CorpusService;
import quire.corpus.DocumentId;
import quire.corpus.DocumentSummary;
import quire.search.IndexCheck;

/**
 * The check of the index after an unclean stop (decision 010): an index that was not closed cleanly
 * (a killed process), is new or was emptied is compared with the database before searches trust it,
 * on a thread of its own, so the app starts at once and searches meanwhile say how far the check has
 * got ({@link IndexCheckProgress}).
 */
public final class IndexChecker {

	private static final Logger log = LoggerFactory.getLogger(IndexChecker.class);

	private final TurnEngine index;

	private final CorpusService corpus;

	private final DocumentIndexer documents;

	private final IndexCheckProgress progress;

	/** Set at shutdown: the check stops, the marker stays and the next start checks again. */
	private volatile boolean stopping;

	private volatile @Nullable Thread checker;

	public IndexChecker(TurnEngine index, CorpusService corpus, DocumentIndexer documents, IndexCheckProgress progress) {
		this.index = index;
		this.corpus = corpus;
		this.documents = documents;
		this.progress = progress;
	}

	/** Starts the check on its own thread if the index needs one; a new home with nothing in it is trusted at once. */
	public void startIfNeeded() {
		if (!index.needsCheck()) {
			return;
		}
		int all = corpus.allDocuments().size();
		if (all == 0 && index.isEmpty()) {
			index.checked(); // nothing to compare: a new home
			return;
		}
		progress.started(all);
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
			progress.total(all.size());
			int reindexed = 0;
			Set<DocumentId> present = new HashSet<>();
			for (DocumentSummary d : all) {
				if (stopping) {
					return;
				}
				present.add(d.id());
				TurnEngine.IndexedDocument indexed = held.get(d.id());
				boolean same = indexed == null ? d.turnCount() == 0
						: indexed.turns() == d.turnCount() && indexed.version() == documents.versionInDatabase(d);
				if (!same) {
					documents.reindex(d.id());
					reindexed++;
				}
				progress.documentChecked();
			}
			int removed = 0;
			for (DocumentId id : held.keySet()) {
				if (!present.contains(id) && !stopping) {
					documents.reindex(id);
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
			progress.failed(ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage());
			log.warn("The search index could not be checked; it is checked again at the next start", ex);
		}
		finally {
			progress.finished();
		}
	}

	/**
	 * Waits until the check is done (or has failed), telling {@code report} about once a second how
	 * far it has got; returns at once when no check runs.
	 */
	public void await(Consumer<IndexCheck> report) throws InterruptedException {
		Thread running = checker;
		while (running != null && running.isAlive()) {
			progress.current().ifPresent(report);
			running.join(1000);
		}
	}

	/** Stops a running check and waits for its thread; the index stays marked, so the next start checks again. */
	public void stop() {
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
	}

}

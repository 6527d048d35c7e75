package quire.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
import org.slf4j.LoggerFactory;

/**
 * Grouped durability of the turn index (decision 010): a change is not fsynced on its own but
 * committed with the changes of the next {@link #COMMIT_DELAY_MS} (and on close). While changes are
 * uncommitted, promised ({@link #expectChange}) or the index is not checked yet, a marker file
 * ({@link #UNCOMMITTED}) lies in the index folder, so a start that finds it knows the index may have
 * lost changes. A commit per document spent two thirds of an import in fsync and segment flushes.
 *
 * <p>
 * Changes are serialised by one write lock; the marker's state is guarded by a monitor taken after
 * the write lock, never before it.
 */
final class GroupedCommitter implements AutoCloseable {

	/** How long a change may stay uncommitted, in milliseconds. */
	static final long COMMIT_DELAY_MS = 1000;

	/** Present in the index folder while changes are uncommitted. */
	static final String UNCOMMITTED = "quire-uncommitted";

	/** One change to the index writer. */
	interface IndexChange {

		void apply() throws IOException;

	}

	private final Directory directory;

	private final IndexWriter writer;

	/** Told after every applied change, under the write lock (the searcher is then stale). */
	private final Runnable changed;

	private final ReentrantLock writeLock = new ReentrantLock();

	private final ScheduledThreadPoolExecutor committer = committer();

	/** Guards the marker file and the fields below it (taken after the write lock, never before it). */
	private final Object marker = new Object();

	private volatile boolean uncommitted;

	/** Changes promised by {@link #expectChange} and not yet applied. */
	private int expected;

	/** A promised change failed: the marker must stay. */
	private boolean keepMarker;

	/** The index was not closed cleanly (or is new or was emptied) and is not checked yet: the marker must stay. */
	private boolean unchecked;

	/** Whether a commit is scheduled; guarded by the write lock. */
	private boolean commitScheduled;

	/** Changes applied so far; guarded by the write lock. */
	private long applied;

	/**
	 * @param unchecked whether the index must be checked against the database before the marker may go
	 *     (it then goes on disk at once)
	 * @param changed told after every applied change
	 */
	GroupedCommitter(Directory directory, IndexWriter writer, boolean unchecked, Runnable changed) throws IOException {
		this.directory = directory;
		this.writer = writer;
		this.changed = changed;
		this.unchecked = unchecked;
		if (unchecked) {
			markUncommitted();
		}
	}

	/** Whether the index is to be compared with the database before searches can trust it. */
	boolean needsCheck() {
		synchronized (marker) {
			return unchecked;
		}
	}

	/** The check against the database is done: the next commit may remove the marker. */
	void checked() {
		synchronized (marker) {
			unchecked = false;
		}
		commitQuietly();
	}

	/**
	 * Applies one change; the next search sees it and a commit within {@link #COMMIT_DELAY_MS} makes
	 * it durable. Changes are serialised, so a full rebuild and a document update arriving at the same
	 * time (start-up rebuild while an import event is handled) cannot interleave and leave a
	 * document's turns twice.
	 */
	void update(IndexChange change) {
		writeLock.lock();
		try {
			markUncommitted();
			change.apply();
			applied++;
			changed.run();
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
				catch (FileAlreadyExistsException ex) {
					// a marker left by an earlier process: it says the same, so it stays
				}
				directory.sync(List.of(UNCOMMITTED));
				directory.syncMetaData();
				uncommitted = true;
			}
		}
	}

	/**
	 * A change is promised: the marker is on disk before this returns and stays until the promised
	 * change is applied and committed, so a crash in between is followed by a check.
	 */
	void expectChange() {
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
	 * stays for good, so the next start checks the index against the database.
	 */
	void expectedChangeDone(boolean applied) {
		synchronized (marker) {
			expected--;
			if (!applied) {
				keepMarker = true;
			}
		}
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
					catch (NoSuchFileException ex) {
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
			LoggerFactory.getLogger(TurnIndex.class)
				.warn("The search index could not be committed; it will be rebuilt at the next start: {}", ex.getMessage());
		}
	}

	/** Drops the scheduled commit and commits now; the writer stays open for its owner to close. */
	@Override
	public void close() throws IOException {
		committer.shutdown();
		try {
			committer.awaitTermination(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		commit();
	}

}

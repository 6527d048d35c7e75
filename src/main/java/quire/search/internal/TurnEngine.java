package quire.search.internal;

import java.io.Closeable;
import java.io.IOException;
import java.util.Map;

import quire.corpus.DocumentId;
import quire.project.ProjectId;
import quire.search.SearchResult;
import quire.search.SearchRequest;

/**
 * The search port: what {@code SearchService} needs from an index of speaker turns, one indexed
 * record per turn, derived from the database and rebuildable from it. {@link TurnIndex}, the
 * embedded Lucene index under {@code QUIRE_HOME/index}, is the implementation Quire ships; another
 * engine (docs/scale-out.md) implements the same operations with the same meaning, and
 * {@link TurnEngines} chooses one by {@code quire.search.engine}. Implementations are thread-safe.
 *
 * <p>
 * Durability (decision 010) is part of the port because the start-up check depends on it: an engine
 * that may have lost changes in a crash says so through {@link #needsCheck()}, and
 * {@link #documents()} lets the check compare what it holds with the database.
 */
public interface TurnEngine extends Closeable {

	/** Indexes a transcript's turns with their codes, replacing any earlier version of the document in one step. */
	void replaceDocument(IndexedTranscript indexed);

	void deleteDocument(DocumentId id);

	void deleteProject(ProjectId id);

	/** Replaces the whole index with the given transcripts; searches keep answering meanwhile or wait for it. */
	void rebuild(Iterable<IndexedTranscript> all);

	boolean isEmpty();

	/** The number of indexed turns of a project. */
	long turnCount(ProjectId project);

	/**
	 * Runs a search: keyword-in-context rows in document-name and turn order, capped at
	 * {@code maxHits}, with complete counts.
	 * @throws IllegalArgumentException if the query cannot be read
	 */
	default SearchResult search(SearchRequest request) {
		return search(request, CodeConstraints.NONE);
	}

	/**
	 * Runs a search with code constraints (already expanded to code ids with their sub-codes).
	 * @throws IllegalArgumentException if the query cannot be read
	 */
	SearchResult search(SearchRequest request, CodeConstraints codes);

	/** A document as the index holds it: its number of turns and its {@link IndexedTranscript#version}. */
	record IndexedDocument(int turns, long version) {
	}

	/** Every document the index holds, with its turn count and version. */
	Map<DocumentId, IndexedDocument> documents();

	/**
	 * Whether the index must be compared with the database before searches can trust it (it may have
	 * lost changes, is new, or was emptied). {@link #checked()} ends it.
	 */
	boolean needsCheck();

	/** The check against the database is done: every document that differed is re-indexed. */
	void checked();

	/**
	 * A change is promised: it will be applied later (by {@code SearchService}'s indexer thread) and the
	 * event that asked for it is done now. Until it is applied and durable, a crash must be followed by
	 * a check.
	 */
	void expectChange();

	/** A promised change was applied, or failed ({@code applied == false}: the next start must check). */
	void expectedChangeDone(boolean applied);

	/**
	 * Makes every change so far durable and visible and lets go of what only older searchers used
	 * (the benchmark measures the index's size; a backup copies it).
	 */
	void commitAndRelease() throws IOException;

}

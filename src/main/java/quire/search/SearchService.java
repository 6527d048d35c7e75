package quire.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;

import quire.corpus.CorpusService;
import quire.corpus.DocumentDeleted;
import quire.corpus.DocumentImported;
import quire.project.ProjectId;
import quire.search.internal.TurnIndex;

/**
 * Full-text search over the speaker turns of a project. The Lucene index under
 * {@code QUIRE_HOME/index} is derived from the database: it follows {@link DocumentImported} and
 * {@link DocumentDeleted} (replayed at start-up if an update was interrupted) and can always be
 * rebuilt.
 */
@Service
public class SearchService implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(SearchService.class);

	private final CorpusService corpus;

	private final TurnIndex index;

	SearchService(CorpusService corpus, @Value("${quire.home}") Path home) {
		this.corpus = corpus;
		try {
			this.index = TurnIndex.open(home.resolve("index"));
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
		return index.search(request);
	}

	/** How many speaker turns of a project the index holds (equal to the project's turns once it has caught up). */
	public long indexedTurns(ProjectId project) {
		return index.turnCount(project);
	}

	/** Rebuilds the whole index from the database; returns the number of documents indexed. */
	public int rebuild() {
		var ids = corpus.allDocumentIds();
		index.rebuild(() -> ids.stream().map(corpus::transcript).flatMap(java.util.Optional::stream).iterator());
		return ids.size();
	}

	@ApplicationModuleListener
	void on(DocumentImported event) {
		corpus.transcript(event.documentId()).ifPresent(index::replaceDocument);
	}

	@ApplicationModuleListener
	void on(DocumentDeleted event) {
		index.deleteDocument(event.documentId());
	}

	/** A lost or new index (a fresh home, a deleted folder) is rebuilt from the database at start-up. */
	@EventListener(ApplicationReadyEvent.class)
	void rebuildIfMissing() {
		if (index.isEmpty() && !corpus.allDocumentIds().isEmpty()) {
			log.info("The search index is empty but the database has documents: rebuilding it");
			int n = rebuild();
			log.info("Rebuilt the search index: {} documents", n);
		}
	}

	@Override
	public void destroy() throws IOException {
		Objects.requireNonNull(index).close();
	}

}

package quire.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

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
import quire.coding.CodingChanged;
import quire.coding.CodingService;
import quire.corpus.CorpusService;
import quire.corpus.DocumentDeleted;
import quire.corpus.DocumentImported;
import quire.project.Project;
import quire.project.ProjectAccess;
import quire.project.ProjectDeleted;
import quire.project.ProjectId;
import quire.project.ProjectRole;
import quire.project.ProjectService;
import quire.search.internal.CodeConstraints;
import quire.search.internal.DocumentIndexer;
import quire.search.internal.IndexCheckProgress;
import quire.search.internal.IndexChecker;
import quire.search.internal.TurnEngine;
import quire.search.internal.TurnEngines;

/**
 * Full-text search over the speaker turns of a project. The Lucene index under
 * {@code QUIRE_HOME/index} is derived from the database: it follows {@link DocumentImported} and
 * {@link DocumentDeleted} (replayed at start-up if an update was interrupted) and can always be
 * rebuilt. The index is reached through the {@code TurnEngine} port, chosen by
 * {@code quire.search.engine} ({@code lucene}, the default, or {@code opensearch}; docs/scale-out.md).
 * This service checks access and hands the work to {@link DocumentIndexer} (keeping the index in step
 * with the database) and {@link IndexChecker} (the check after an unclean stop).
 */
@Service
public class SearchService implements DisposableBean {

	private final CorpusService corpus;

	private final CodebookService codebook;

	private final TurnEngine index;

	private final ProjectService projects;

	private final ProjectAccess access;

	private final DocumentIndexer documents;

	private final IndexCheckProgress checkProgress;

	private final IndexChecker checker;

	SearchService(CorpusService corpus, CodingService codings, CodebookService codebook, ProjectService projects,
			ProjectAccess access, IndexCheckProgress checkProgress, @Value("${quire.home}") Path home,
			@Value("${quire.search.engine:" + TurnEngines.LUCENE + "}") String engine,
			org.springframework.core.env.Environment environment) {
		this.projects = projects;
		this.access = access;
		this.corpus = corpus;
		this.codebook = codebook;
		try {
			this.index = TurnEngines.open(engine, home, environment);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot open the search index under " + home.resolve("index")
					+ " (is another Quire using this home?): " + ex.getMessage(), ex);
		}
		this.documents = new DocumentIndexer(index, corpus, codings);
		this.checkProgress = checkProgress;
		this.checker = new IndexChecker(index, corpus, documents, checkProgress);
	}

	/**
	 * Runs a search.
	 * @throws IllegalArgumentException if the query cannot be read; the message says why
	 */
	public SearchResult search(SearchRequest request) {
		access.require(request.project(), ProjectRole.VIEWER);
		documents.settled();
		IndexCheck before = indexCheck().orElse(null);
		if (request.codes().isEmpty()) {
			return index.search(request).during(before);
		}
		CodeConstraints codes = CodeConstraints.of(codebook.codes(request.project()), request.codes());
		return index.search(request, codes).during(before);
	}

	/**
	 * How far the check of the index after an unclean stop has got, or empty when the index is trusted
	 * (no check was needed, or it is done). While it is present, searches may miss documents.
	 */
	public Optional<IndexCheck> indexCheck() {
		return checkProgress.current();
	}

	/**
	 * Waits until the check after an unclean stop is done (or has failed), telling {@code progress}
	 * about once a second how far it has got; returns at once when no check runs. For the command
	 * line, whose one search should be complete.
	 */
	public void awaitIndexCheck(Consumer<IndexCheck> progress) throws InterruptedException {
		checker.await(progress);
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
	private Optional<CodeFilter> crossProjectCodes(ProjectId project, CrossProjectSearch request) {
		List<CodeId> with = new ArrayList<>();
		for (String name : request.codedWith()) {
			var code = codebook.findCode(project, name);
			if (code.isEmpty()) {
				return Optional.empty();
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
				return Optional.empty();
			}
			within = code.get().id();
		}
		return Optional.of(new CodeFilter(with, without, within));
	}

	/** How many speaker turns of a project the index holds (equal to the project's turns once it has caught up). */
	public long indexedTurns(ProjectId project) {
		documents.settled();
		return index.turnCount(project);
	}

	/**
	 * Applies and commits every change so far and lets go of files only older searchers used, so the
	 * index folder holds just the current index (the benchmark measures its size; a backup copies it).
	 */
	public void commitIndex() {
		documents.settled();
		try {
			index.commitAndRelease();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("the search index could not be committed: " + ex.getMessage(), ex);
		}
	}

	/**
	 * An index that was not closed cleanly (a killed process), is new or was emptied is checked
	 * against the database before searches trust it (decision 010, {@link IndexChecker}): on a thread
	 * of its own, so the app starts at once and searches meanwhile say how far the check has got.
	 * Spring Boot runs this after "started", before command-line runners and the first request.
	 */
	@EventListener(ApplicationStartedEvent.class)
	void checkIfNeeded() {
		checker.startIfNeeded();
	}

	/** Rebuilds the whole index from the database; returns the number of documents indexed. */
	public int rebuild() {
		return documents.rebuild();
	}

	/**
	 * A new document is indexed by the indexer thread, so the importing thread goes on with the next
	 * file while Lucene analyses this one. The index is marked before the event is done, and searches
	 * wait for queued documents.
	 */
	@ApplicationModuleListener
	void on(DocumentImported event) {
		documents.indexLater(event.documentId());
	}

	@ApplicationModuleListener
	void on(CodingChanged event) {
		documents.reindex(event.documentId());
	}

	@ApplicationModuleListener
	void on(CodebookChanged event) {
		for (var d : corpus.documents(event.projectId())) {
			documents.reindex(d.id());
		}
	}

	@ApplicationModuleListener
	void on(ProjectDeleted event) {
		index.deleteProject(event.projectId());
	}

	@ApplicationModuleListener
	void on(DocumentDeleted event) {
		documents.reindex(event.documentId());
	}

	@Override
	public void destroy() throws IOException {
		checker.stop();
		documents.shutdown();
		index.close();
	}

}

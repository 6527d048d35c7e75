package quire.corpus;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import quire.corpus.internal.DocumentStore;
import quire.corpus.internal.ImportPipeline;
import quire.corpus.internal.ImportPipeline.PreparedFile;
import quire.corpus.internal.ParsedTranscript;
import quire.corpus.internal.ParticipantStore;
import quire.corpus.internal.SentenceStore;
import quire.project.AuditLog;
import quire.project.ProjectAccess;
import quire.project.ProjectId;
import quire.project.ProjectRole;
import quire.project.ProjectService;
import quire.security.Actors;

/**
 * The corpus of a project: imports files into documents with speaker turns, lists and reads them,
 * deletes them. An import is one transaction: a rejected file leaves nothing behind, and
 * {@link DocumentImported} is published only for a committed document. This service checks access,
 * records the audit trail, opens transactions and publishes events; the SQL is in
 * {@link DocumentStore}, {@link SentenceStore} and {@link ParticipantStore}, the parsing and the bulk
 * import's transactions in {@link ImportPipeline}.
 */
@Service
@Transactional(readOnly = true)
public class CorpusService {

	/** The longest file name an import accepts, as most file systems do. */
	public static final int MAX_FILE_NAME = ImportPipeline.MAX_FILE_NAME;

	/**
	 * How many files a bulk import commits together: a commit writes the database's changed pages,
	 * so one per file cost a fifth of an import; a group of 16 transcripts (about 1 MB) is still
	 * small enough to hold and to redo.
	 */
	public static final int IMPORT_GROUP = ImportPipeline.GROUP;

	private final DocumentStore documents;

	private final SentenceStore sentenceUnits;

	private final ParticipantStore people;

	private final ImportPipeline pipeline;

	private final ApplicationEventPublisher events;

	private final Clock clock = Clock.systemUTC();

	private final ProjectAccess access;

	private final AuditLog audit;

	private final ObjectProvider<SentenceSplitter> splitter;

	private final SpeakerLinkStore links;

	private final Actors actors;

	private final ProjectService projects;

	CorpusService(DocumentStore documents, SentenceStore sentenceUnits, ParticipantStore people, ImportPipeline pipeline,
			ApplicationEventPublisher events, ObjectProvider<SentenceSplitter> splitter, ProjectAccess access,
			AuditLog audit, Actors actors, SpeakerLinkStore links, ProjectService projects) {
		this.projects = projects;
		this.documents = documents;
		this.sentenceUnits = sentenceUnits;
		this.people = people;
		this.pipeline = pipeline;
		this.events = events;
		this.splitter = splitter;
		this.access = access;
		this.audit = audit;
		this.actors = actors;
		this.links = links;
	}

	/** The largest file an import accepts, in bytes. */
	public long maxFileSize() {
		return pipeline.maxFileSize();
	}

	/**
	 * Why a file would be refused before it touches the database (unreadable, empty, binary, too large),
	 * or empty when it can be read. Duplicates within the project are not checked here.
	 */
	public Optional<String> unreadable(ImportRequest request) {
		return pipeline.unreadable(request);
	}

	/**
	 * Imports many files into a project, {@link #IMPORT_GROUP} per transaction, reading and parsing
	 * the next group on another thread while one is stored. Each file is all or nothing: a rejected
	 * file is rolled back to the savepoint before it and reported, the rest of its group is imported.
	 * Nothing of a group is visible, and no {@link DocumentImported} is published, before the group
	 * is committed, so the outcomes are final when {@code report} gets them. {@code files} supply the requests in order and are called on that thread;
	 * one that throws {@link ImportRejectedException} (an unreadable file) is reported as rejected.
	 * {@code report} gets each group's outcomes, in order, once the group is committed. A group the
	 * database refuses for a reason other than a file is stored again file by file, so only the file
	 * that fails is left out, with the database's reason.
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public void importFiles(ProjectId project, List<Supplier<ImportRequest>> files,
			Consumer<List<ImportOutcome>> report) {
		access.require(project, ProjectRole.CODER);
		try (ImportPipeline.Slot slot = pipeline.slot(actors.current().name())) {
			pipeline.importFiles(files, (request, prepared) -> store(project, request, prepared), report);
		}
	}

	/**
	 * Imports one file into a project. The file is read and parsed before the transaction opens, so a
	 * large file holds no database connection while it is parsed; the transaction joins the caller's,
	 * if there is one (an archive import is all or nothing).
	 * @throws ImportRejectedException naming the file and the reason; nothing was stored
	 * @throws ImportsBusyException if the current person already runs as many imports as allowed
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	public ImportResult importDocument(ProjectId project, ImportRequest request) {
		try (ImportPipeline.Slot slot = pipeline.slot(actors.current().name())) {
			return pipeline.importOne(request, (r, prepared) -> {
				access.require(project, ProjectRole.CODER);
				return store(project, r, prepared);
			});
		}
	}

	/** The most speaker turns (or subtitle cues) one file may have. */
	public int maxTurns() {
		return pipeline.maxTurns();
	}

	/** Stores one prepared file in the current transaction: its document, text and turns, audited, announced. */
	private ImportResult store(ProjectId project, ImportRequest request, PreparedFile prepared) {
		if (prepared.early()) {
			throw Objects.requireNonNull(prepared.rejection());
		}
		String fileName = prepared.fileName();
		String sha = Objects.requireNonNull(prepared.sha256());
		// Imports into one project take turns from here to their commit: each looks for an existing
		// twin, name, group and participant and inserts what it does not find. Parsing happened
		// before, so the wait is for the inserts only.
		projects.lockForChanges(project);
		Optional<String> twin = documents.nameWithContent(project, sha);
		if (twin.isPresent()) {
			throw new ImportRejectedException(fileName,
					"this file was already imported into the project as '" + twin.get() + "'");
		}
		if (prepared.rejection() != null) {
			throw prepared.rejection();
		}
		ParsedTranscript parsed = Objects.requireNonNull(prepared.parsed());
		Language language = Objects.requireNonNull(prepared.language());
		List<String> notes = new ArrayList<>(prepared.notes());
		int words = prepared.words();
		String wanted = ImportPipeline.stem(fileName);
		String name = documents.uniqueName(project, wanted);
		if (!name.equals(wanted)) {
			notes.add("a document named '" + wanted + "' exists already; imported as '" + name + "'");
		}
		String group = request.group() == null || request.group().isBlank() ? null : request.group().strip();
		Long groupId = group == null ? null : documents.groupId(project, group);
		Instant now = clock.instant();
		DocumentId id = documents.insert(new DocumentStore.NewDocument(project, groupId, name, fileName, parsed.format(),
				language, sha, request.content().length, parsed.turns().size(), words, now), parsed.text());
		Map<String, Long> participants = new LinkedHashMap<>();
		documents.insertTurns(id, parsed.turns(),
				speaker -> participants.computeIfAbsent(speaker, label -> links.linkAtImport(project, id, name, label)));
		// Sentence units are derived data and are stored after the import, when imports pause (the
		// language-processing module follows DocumentImported); until then sentences(id) finds them.
		DocumentSummary summary = new DocumentSummary(id, project, name, group, language, parsed.format(),
				parsed.turns().size(), words, now);
		audit.record(project, "import", "document '" + name + "' (" + words + " words, " + parsed.turns().size() + " turns)");
		// last, so nothing can fail after it: a bulk import rolls a failed file back to its savepoint,
		// and an event's listeners are registered when it is published
		events.publishEvent(new DocumentImported(id, project));
		return new ImportResult(summary, notes);
	}

	/** The documents of a project, by name. */
	public List<DocumentSummary> documents(ProjectId project) {
		access.require(project, ProjectRole.VIEWER);
		return documents.documents(project);
	}

	public Optional<DocumentSummary> document(DocumentId id) {
		return documents.document(id);
	}

	public Optional<DocumentSummary> findDocument(ProjectId project, String name) {
		return documents.findByName(project, name);
	}

	/**
	 * The documents of a project in the group of exactly that name, by id, without an access check:
	 * for modules that filter their own rows by group (codings) and must not join the corpus tables.
	 */
	public List<DocumentId> documentsInGroup(ProjectId project, String group) {
		return documents.idsInGroup(project, group);
	}

	/** A document's text and speaker turns; empty if there is no such document or the current actor may not read it. */
	public Optional<Transcript> transcript(DocumentId id) {
		return document(id).filter(summary -> access.can(summary.projectId(), ProjectRole.VIEWER))
			.map(summary -> new Transcript(summary, documents.body(id), documents.turns(id)));
	}

	/**
	 * A document's sentence units as stored (by {@link #storeSentences}, which the language-processing
	 * module calls after an import); for a document whose units are not stored yet, they are found now,
	 * by the same splitter, and not stored.
	 */
	public List<SentenceUnit> sentences(DocumentId id) {
		List<SentenceUnit> stored = sentenceUnits.stored(id);
		if (!stored.isEmpty()) {
			return stored;
		}
		SentenceSplitter sentences = splitter.getIfAvailable();
		return sentences == null ? List.of()
				: transcript(id).map(t -> sentences.split(t.text(), t.turns(), t.document().language())).orElse(List.of());
	}

	/** Who found a document's stored sentence units ({@code corenlp}, {@code rules}), if they are stored. */
	public Optional<String> sentenceMethod(DocumentId id) {
		return sentenceUnits.method(id);
	}

	/** Replaces a document's stored sentence units (for a backfill, or when a better splitter becomes available). */
	@Transactional
	public void storeSentences(DocumentId id, List<SentenceUnit> units, String method) {
		Transcript t = transcript(id).orElseThrow(() -> new IllegalArgumentException("no document with id " + id));
		for (SentenceUnit u : units) {
			if (u.end() > t.text().length()) {
				throw new IllegalArgumentException("sentence [" + u.start() + ", " + u.end() + ") reaches past the text of '"
						+ t.document().name() + "' (" + t.text().length() + " characters)");
			}
		}
		sentenceUnits.delete(id);
		sentenceUnits.insert(id, units, method);
	}

	/** Documents whose sentence units are not stored yet (just imported, or imported before they were kept). */
	public List<DocumentId> documentsWithoutSentences() {
		return sentenceUnits.documentsWithout();
	}

	/**
	 * A new document made from another by replacing parts of its text (such as de-identification):
	 * its turns and sentence units move with the text, speaker labels are passed through
	 * {@code speakers}, and participants stay linked. The original is not changed. Publishes
	 * {@link DocumentImported} for the copy.
	 * @throws IllegalArgumentException if the original does not exist, the name is taken or the edits do not fit
	 */
	@Transactional
	public DocumentSummary createEditedCopy(DocumentId original, String name, TextEdits edits,
			UnaryOperator<@Nullable String> speakers) {
		Transcript t = transcript(original).orElseThrow(() -> new IllegalArgumentException("no document with id " + original));
		DocumentSummary source = t.document();
		if (name.isBlank()) {
			throw new IllegalArgumentException("the new document needs a name");
		}
		if (findDocument(source.projectId(), name).isPresent()) {
			throw new IllegalArgumentException("a document named '" + name.strip() + "' exists already in the project");
		}
		if (!edits.isEmpty() && edits.edits().getLast().end() > t.text().length()) {
			throw new IllegalArgumentException("the edits reach past the text of '" + source.name() + "'");
		}
		String text = edits.apply(t.text());
		byte[] bytes = utf8(text);
		String sha = ImportPipeline.sha256(bytes);
		if (documents.hasContent(source.projectId(), sha)) {
			throw new IllegalArgumentException("the edited text is the same as a document already in the project");
		}
		List<SentenceUnit> originalSentences = sentences(original);
		List<Turn> turns = new ArrayList<>();
		int words = 0;
		for (Turn turn : t.turns()) {
			int start = edits.mapStart(turn.start());
			int end = Math.max(start, edits.mapEnd(turn.end()));
			turns.add(new Turn(turn.index(), speakers.apply(turn.speaker()), start, end, turn.startMs(), turn.endMs()));
			words += countWords(text, start, end);
		}
		DocumentId id = documents.insertCopy(original, name.strip(), text, sha, bytes.length, words, clock.instant());
		for (Turn turn : turns) {
			documents.moveTurn(id, turn);
		}
		links.copyLinks(original, id, speakers);
		List<SentenceUnit> sentences = new ArrayList<>();
		for (SentenceUnit s : originalSentences) {
			int start = edits.mapStart(s.start());
			int end = edits.mapEnd(s.end());
			if (end > start) {
				sentences.add(new SentenceUnit(sentences.size(), start, end));
			}
		}
		sentenceUnits.insert(id, sentences, sentenceMethod(original).orElse("rules"));
		events.publishEvent(new DocumentImported(id, source.projectId()));
		return document(id).orElseThrow();
	}

	/** Every document id in every project, for rebuilding derived data such as the search index. */
	public List<DocumentId> allDocumentIds() {
		return documents.allIds();
	}

	/**
	 * Every document in every project, by id, without an access check: for checking derived data such
	 * as the search index against the database.
	 */
	public List<DocumentSummary> allDocuments() {
		return documents.all();
	}

	/** The document groups of a project, by name. */
	public List<String> groups(ProjectId project) {
		return documents.groups(project);
	}

	/**
	 * The participants of a project with their turn counts: a speaker label of a document links to one
	 * participant (see {@link SpeakerLinkService}); people without transcripts have none.
	 */
	public List<Participant> participants(ProjectId project) {
		return people.participants(project);
	}

	/** The distinct speaker labels of a project's transcripts, by label (for filters on the speaker of a turn). */
	public List<String> speakers(ProjectId project) {
		return people.speakers(project);
	}

	/** Deletes a document with its turns, and the participants made for its speakers that nothing else uses. */
	@Transactional
	public void delete(DocumentId id) {
		DocumentSummary summary = document(id)
			.orElseThrow(() -> new IllegalArgumentException("no document with id " + id));
		access.require(summary.projectId(), ProjectRole.OWNER);
		audit.record(summary.projectId(), "delete", "document '" + summary.name() + "'");
		links.forgetDocument(id);
		sentenceUnits.delete(id);
		documents.delete(id);
		events.publishEvent(new DocumentDeleted(id, summary.projectId()));
	}

	static int countWords(String text, int start, int end) {
		return Words.count(text, start, end);
	}

	/** The upload limit for people, e.g. "50 MB" (binary megabytes, as file managers show them). */
	public String maxFileSizeLabel() {
		return ImportPipeline.megabytes(pipeline.maxFileSize());
	}

	static byte[] utf8(String s) {
		return s.getBytes(StandardCharsets.UTF_8);
	}

}

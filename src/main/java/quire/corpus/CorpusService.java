package quire.corpus;

import quire.project.AuditLog;
import quire.project.ProjectRole;
import quire.project.ProjectAccess;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Supplier;

import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.annotation.Transactional;

import quire.corpus.internal.LanguageGuesser;
import quire.corpus.internal.ParsedTranscript;
import quire.corpus.internal.ParsedTurn;
import quire.corpus.internal.TranscriptReaders;
import quire.project.ProjectId;

/**
 * The corpus of a project: imports files into documents with speaker turns, lists and reads them,
 * deletes them. An import is one transaction: a rejected file leaves nothing behind, and
 * {@link DocumentImported} is published only for a committed document.
 */
@Service
@Transactional(readOnly = true)
public class CorpusService {

	private static final String SUMMARY_SQL = """
			select d.id, d.project_id, d.name, g.name as group_name, d.language, d.format, d.turn_count,
			       d.word_count, d.imported_at
			from document d left join document_group g on g.id = d.group_id
			""";

	private static final int BATCH_SIZE = 500;

	private static final int[] TURN_TYPES = { Types.BIGINT, Types.INTEGER, Types.BIGINT, Types.VARCHAR, Types.INTEGER,
			Types.INTEGER, Types.BIGINT, Types.BIGINT };

	private static final int[] SENTENCE_TYPES = { Types.BIGINT, Types.INTEGER, Types.INTEGER, Types.INTEGER,
			Types.VARCHAR };

	private final JdbcClient jdbc;

	private final JdbcTemplate batchJdbc;

	private final ApplicationEventPublisher events;

	private final long maxFileSize;

	private final Clock clock = Clock.systemUTC();

	private final ProjectAccess access;

	private final AuditLog audit;

	private final ObjectProvider<SentenceSplitter> splitter;

	private final PlatformTransactionManager transactions;

	private final SpeakerLinkStore links;

	/** The most speaker turns (or cues) one file may have ({@code quire.import.max-turns}). */
	private final int maxTurns;

	/** How many imports one person may run at once ({@code quire.import.max-concurrent-per-user}). */
	private final int maxConcurrentImports;

	/** Imports running, by the name of the person who started them. */
	private final java.util.concurrent.ConcurrentHashMap<String, Integer> running = new java.util.concurrent.ConcurrentHashMap<>();

	private final quire.security.Actors actors;

	CorpusService(JdbcClient jdbc, JdbcTemplate batchJdbc, ApplicationEventPublisher events,
			@Value("${quire.import.max-file-size:52428800}") long maxFileSize, ObjectProvider<SentenceSplitter> splitter,
			ProjectAccess access, AuditLog audit, PlatformTransactionManager transactions,
			@Value("${quire.import.max-turns:" + TranscriptReaders.DEFAULT_MAX_TURNS + "}") int maxTurns,
			@Value("${quire.import.max-concurrent-per-user:2}") int maxConcurrentImports, quire.security.Actors actors,
			SpeakerLinkStore links) {
		if (maxTurns < 1) {
			throw new IllegalArgumentException("quire.import.max-turns must be at least 1, not " + maxTurns);
		}
		if (maxConcurrentImports < 1) {
			throw new IllegalArgumentException(
					"quire.import.max-concurrent-per-user must be at least 1, not " + maxConcurrentImports);
		}
		this.maxTurns = maxTurns;
		this.maxConcurrentImports = maxConcurrentImports;
		this.actors = actors;
		this.transactions = transactions;
		this.links = links;
		this.access = access;
		this.audit = audit;
		this.jdbc = jdbc;
		this.batchJdbc = batchJdbc;
		this.events = events;
		this.maxFileSize = maxFileSize;
		this.splitter = splitter;
	}

	/** The longest file name an import accepts, as most file systems do. */
	public static final int MAX_FILE_NAME = 255;

	private static ImportRejectedException nameTooLong(String fileName) {
		return new ImportRejectedException(fileName.substring(0, 40) + "…", "the file name is longer than "
				+ MAX_FILE_NAME + " characters (" + fileName.length() + "); rename the file");
	}

	/** The largest file an import accepts, in bytes. */
	public long maxFileSize() {
		return maxFileSize;
	}

	/**
	 * Why a file would be refused before it touches the database (unreadable, empty, binary, too large),
	 * or empty when it can be read. Duplicates within the project are not checked here.
	 */
	public Optional<String> unreadable(ImportRequest request) {
		if (baseName(request.fileName()).length() > MAX_FILE_NAME) {
			return Optional.of(nameTooLong(baseName(request.fileName())).reason());
		}
		try {
			if (request.content().length > maxFileSize) {
				return Optional.of("the file is " + megabytes(request.content().length) + ", larger than the upload limit of "
						+ megabytes(maxFileSize));
			}
			TranscriptReaders.read(baseName(request.fileName()), request.content(), maxTurns);
			return Optional.empty();
		}
		catch (ImportRejectedException ex) {
			return Optional.of(ex.reason());
		}
	}

	/**
	 * How many files a bulk import commits together: a commit writes the database's changed pages,
	 * so one per file cost a fifth of an import; a group of 16 transcripts (about 1 MB) is still
	 * small enough to hold and to redo.
	 */
	public static final int IMPORT_GROUP = 16;

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
		try (Slot slot = slot()) {
			importGroups(project, files, report);
		}
	}

	private void importGroups(ProjectId project, List<Supplier<ImportRequest>> files,
			Consumer<List<ImportOutcome>> report) {
		ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
			Thread t = new Thread(r, "quire-import-reader");
			t.setDaemon(true);
			return t;
		});
		try {
			Future<List<Item>> next = reader.submit(() -> read(files, 0));
			for (int from = 0; from < files.size(); from += IMPORT_GROUP) {
				List<Item> group = next.get();
				int following = from + IMPORT_GROUP;
				next = following < files.size() ? reader.submit(() -> read(files, following)) : null;
				report.accept(storeCommitted(project, group));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("the import was interrupted", ex);
		}
		catch (ExecutionException ex) {
			throw ex.getCause() instanceof RuntimeException r ? r
					: new IllegalStateException("the files could not be read: " + ex.getCause().getMessage(), ex.getCause());
		}
		finally {
			reader.shutdownNow();
		}
	}

	/** A file of a bulk import: its request and what preparing it found, or why it could not be read. */
	private record Item(@Nullable ImportRequest request, @Nullable Prepared prepared,
			@Nullable ImportRejectedException unreadable) {
	}

	private List<Item> read(List<Supplier<ImportRequest>> files, int from) {
		List<Item> items = new ArrayList<>(IMPORT_GROUP);
		for (Supplier<ImportRequest> file : files.subList(from, Math.min(files.size(), from + IMPORT_GROUP))) {
			try {
				ImportRequest request = file.get();
				items.add(new Item(request, prepare(request), null));
			}
			catch (ImportRejectedException ex) {
				items.add(new Item(null, null, ex));
			}
		}
		return items;
	}

	/** One group in its own transaction; if the database refuses it, each file in its own. */
	private List<ImportOutcome> storeCommitted(ProjectId project, List<Item> group) {
		TransactionTemplate transaction = new TransactionTemplate(transactions);
		try {
			return Objects.requireNonNull(transaction.execute(status -> storeGroup(project, group, status)));
		}
		catch (RuntimeException groupFailed) {
			List<ImportOutcome> out = new ArrayList<>(group.size());
			for (Item item : group) {
				try {
					out.addAll(Objects.requireNonNull(transaction.execute(status -> storeGroup(project, List.of(item), status))));
				}
				catch (RuntimeException ex) {
					String name = baseName(Objects.requireNonNull(item.request()).fileName());
					out.add(new ImportOutcome(name, null, new ImportRejectedException(name,
							"the database could not store it (" + ex.getMessage() + ")", ex)));
				}
			}
			return out;
		}
	}

	private List<ImportOutcome> storeGroup(ProjectId project, List<Item> group, TransactionStatus status) {
		List<ImportOutcome> out = new ArrayList<>(group.size());
		for (Item item : group) {
			if (item.unreadable() != null) {
				out.add(new ImportOutcome(item.unreadable().fileName(), null, item.unreadable()));
				continue;
			}
			ImportRequest request = Objects.requireNonNull(item.request());
			Object savepoint = status.createSavepoint();
			try {
				ImportResult result = store(project, request, Objects.requireNonNull(item.prepared()));
				status.releaseSavepoint(savepoint);
				out.add(new ImportOutcome(baseName(request.fileName()), result, null));
			}
			catch (ImportRejectedException ex) {
				status.rollbackToSavepoint(savepoint);
				out.add(new ImportOutcome(ex.fileName(), null, ex));
			}
		}
		return out;
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
		try (Slot slot = slot()) {
			Prepared prepared = prepare(request);
			return Objects.requireNonNull(new TransactionTemplate(transactions).execute(status -> {
				access.require(project, ProjectRole.CODER);
				return store(project, request, prepared);
			}));
		}
	}

	/** One of the current person's import slots, given back on close. */
	private interface Slot extends AutoCloseable {

		@Override
		void close();

	}

	/** Takes an import slot for the current person, or refuses when all theirs are taken. */
	private Slot slot() {
		String who = actors.current().name();
		boolean[] taken = new boolean[1];
		running.compute(who, (k, n) -> {
			int now = n == null ? 0 : n;
			taken[0] = now < maxConcurrentImports;
			return taken[0] ? now + 1 : now;
		});
		if (!taken[0]) {
			throw new ImportsBusyException(maxConcurrentImports);
		}
		return () -> running.compute(who, (k, n) -> n == null || n <= 1 ? null : n - 1);
	}

	/** The most speaker turns (or subtitle cues) one file may have. */
	public int maxTurns() {
		return maxTurns;
	}

	/**
	 * The part of an import that needs no database: size check, digest, parsing, language guess and
	 * word count. A bulk import prepares the next group's files on its reader thread.
	 */
	private Prepared prepare(ImportRequest request) {
		String fileName = baseName(request.fileName());
		byte[] content = request.content();
		if (fileName.length() > MAX_FILE_NAME) {
			return Prepared.refused(nameTooLong(fileName));
		}
		if (content.length > maxFileSize) {
			return Prepared.refused(new ImportRejectedException(fileName, "the file is " + megabytes(content.length)
					+ ", larger than the upload limit of " + megabytes(maxFileSize)));
		}
		String sha = sha256(content);
		try {
			ParsedTranscript parsed = TranscriptReaders.read(fileName, content, maxTurns);
			List<String> notes = new ArrayList<>();
			Language language = request.language();
			if (language == null) {
				language = LanguageGuesser.guess(parsed.text());
				notes.add("language guessed as " + language.label());
			}
			int words = 0;
			for (ParsedTurn turn : parsed.turns()) {
				words += countWords(parsed.text(), turn.start(), turn.end());
			}
			return new Prepared(fileName, sha, parsed, language, notes, words, null, false);
		}
		catch (ImportRejectedException ex) {
			return new Prepared(fileName, sha, null, null, List.of(), 0, ex, false);
		}
	}

	/** A file prepared for storing, or why it cannot be imported ({@code early}: before the duplicate check). */
	private record Prepared(String fileName, @Nullable String sha, @Nullable ParsedTranscript parsed,
			@Nullable Language language, List<String> notes, int words, @Nullable ImportRejectedException rejection,
			boolean early) {

		static Prepared refused(ImportRejectedException ex) {
			return new Prepared(ex.fileName(), null, null, null, List.of(), 0, ex, true);
		}

	}

	private ImportResult store(ProjectId project, ImportRequest request, Prepared prepared) {
		if (prepared.early()) {
			throw Objects.requireNonNull(prepared.rejection());
		}
		String fileName = prepared.fileName();
		byte[] content = request.content();
		String sha = Objects.requireNonNull(prepared.sha());
		// Imports into one project take turns from here to their commit: each looks for an existing
		// twin, name, group and participant and inserts what it does not find, and two uploads at once
		// both inserted the participant "Interviewer" (a 500 for one of them; ApiCrashRecoveryTests).
		// Parsing happened before, so the wait is for the inserts only.
		jdbc.sql("select id from project where id = ? " + projectLock()).param(project.value()).query(Long.class).optional();
		Optional<String> twin = jdbc.sql("select name from document where project_id = ? and content_sha256 = ?")
			.params(project.value(), sha)
			.query(String.class)
			.optional();
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
		String wanted = stem(fileName);
		String name = uniqueName(project, wanted);
		if (!name.equals(wanted)) {
			notes.add("a document named '" + wanted + "' exists already; imported as '" + name + "'");
		}
		Long groupId = request.group() == null || request.group().isBlank() ? null
				: groupId(project, request.group().strip());
		Instant now = clock.instant();
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into document (project_id, group_id, name, name_key, original_name, format, language,
				                      content_sha256, size_bytes, turn_count, word_count, imported_at)
				values (?, ?, ?, lower(?), ?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(project.value(), groupId, name, name, fileName, parsed.format(), language.code(), sha, content.length,
					parsed.turns().size(), words, Timestamp.from(now))
			.update(keys, "id");
		DocumentId id = new DocumentId(keys.getKeyAs(Number.class).longValue());
		insertBody(id, parsed.text());
		Map<String, Long> participants = new LinkedHashMap<>();
		List<Object[]> turnRows = new ArrayList<>(parsed.turns().size());
		int index = 0;
		for (ParsedTurn turn : parsed.turns()) {
			Long participant = turn.speaker() == null ? null
					: participants.computeIfAbsent(turn.speaker(), label -> links.linkAtImport(project, id, name, label));
			turnRows.add(new Object[] { id.value(), index++, participant, turn.speaker(), turn.start(), turn.end(),
					turn.startMs(), turn.endMs() });
		}
		batch("""
				insert into speaker_turn (document_id, turn_index, participant_id, speaker, start_offset, end_offset,
				                          start_ms, end_ms)
				values (?, ?, ?, ?, ?, ?, ?, ?)
				""", turnRows, TURN_TYPES);
		// Sentence units are derived data and are stored after the import, when imports pause (the
		// language-processing module follows DocumentImported); until then sentences(id) finds them.
		DocumentSummary summary = new DocumentSummary(id, project, name,
				request.group() == null || request.group().isBlank() ? null : request.group().strip(), language,
				parsed.format(), parsed.turns().size(), words, now);
		audit.record(project, "import", "document '" + name + "' (" + words + " words, " + parsed.turns().size() + " turns)");
		// last, so nothing can fail after it: a bulk import rolls a failed file back to its savepoint,
		// and an event's listeners are registered when it is published
		events.publishEvent(new DocumentImported(id, project));
		return new ImportResult(summary, notes);
	}

	/** The lock clause that makes imports into one project take turns, found once from the database. */
	private volatile @Nullable String projectLock;

	/**
	 * {@code for update} on H2; on PostgreSQL {@code for no key update}, which does not block the
	 * key-share locks that inserts elsewhere take on the project row for their foreign keys (a coding
	 * or an audit entry in the same project need not wait for an import).
	 */
	private String projectLock() {
		String lock = projectLock;
		if (lock == null) {
			String product = Objects.requireNonNull(batchJdbc.execute(
					(java.sql.Connection c) -> c.getMetaData().getDatabaseProductName()));
			lock = product.toLowerCase(Locale.ROOT).contains("postgres") ? "for no key update" : "for update";
			projectLock = lock;
		}
		return lock;
	}

	/** The documents of a project, by name. */
	public List<DocumentSummary> documents(ProjectId project) {
		access.require(project, ProjectRole.VIEWER);
		return jdbc.sql(SUMMARY_SQL + " where d.project_id = ? order by lower(d.name)")
			.param(project.value())
			.query(CorpusService::summary)
			.list();
	}

	public Optional<DocumentSummary> document(DocumentId id) {
		return jdbc.sql(SUMMARY_SQL + " where d.id = ?").param(id.value()).query(CorpusService::summary).optional();
	}

	public Optional<DocumentSummary> findDocument(ProjectId project, String name) {
		return jdbc.sql(SUMMARY_SQL + " where d.project_id = ? and d.name_key = lower(?)")
			.params(project.value(), name.strip())
			.query(CorpusService::summary)
			.optional();
	}

	/** A document's text and speaker turns; empty if there is no such document or the current actor may not read it. */
	public Optional<Transcript> transcript(DocumentId id) {
		return document(id).filter(summary -> access.can(summary.projectId(), ProjectRole.VIEWER)).map(summary -> {
			String text = jdbc.sql("select body from document_body where document_id = ?").param(id.value())
				.query(String.class)
				.single();
			List<Turn> turns = jdbc.sql("""
					select turn_index, speaker, start_offset, end_offset, start_ms, end_ms
					from speaker_turn where document_id = ? order by turn_index
					""").param(id.value()).query((rs, row) -> new Turn(rs.getInt(1), rs.getString(2), rs.getInt(3),
					rs.getInt(4), nullableLong(rs, 5), nullableLong(rs, 6))).list();
			return new Transcript(summary, text, turns);
		});
	}

	/**
	 * A document's sentence units as stored (by {@link #storeSentences}, which the language-processing
	 * module calls after an import); for a document whose units are not stored yet, they are found now,
	 * by the same splitter, and not stored.
	 */
	public List<SentenceUnit> sentences(DocumentId id) {
		List<SentenceUnit> stored = jdbc.sql("""
				select unit_index, start_offset, end_offset from sentence_unit where document_id = ? order by unit_index
				""").param(id.value()).query((rs, row) -> new SentenceUnit(rs.getInt(1), rs.getInt(2), rs.getInt(3))).list();
		if (!stored.isEmpty()) {
			return stored;
		}
		SentenceSplitter sentences = splitter.getIfAvailable();
		return sentences == null ? List.of()
				: transcript(id).map(t -> sentences.split(t.text(), t.turns(), t.document().language())).orElse(List.of());
	}

	/** Who found a document's stored sentence units ({@code corenlp}, {@code rules}), if they are stored. */
	public Optional<String> sentenceMethod(DocumentId id) {
		return jdbc.sql("select max(method) from sentence_unit where document_id = ?")
			.param(id.value())
			.query(String.class)
			.optional();
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
		jdbc.sql("delete from sentence_unit where document_id = ?").param(id.value()).update();
		insertSentences(id, units, method);
	}

	/** Documents whose sentence units are not stored yet (just imported, or imported before they were kept). */
	public List<DocumentId> documentsWithoutSentences() {
		return jdbc.sql("""
				select d.id from document d
				where d.turn_count > 0 and not exists (select 1 from sentence_unit s where s.document_id = d.id)
				order by d.id
				""").query((rs, row) -> new DocumentId(rs.getLong(1))).list();
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
		String sha = sha256(bytes);
		if (jdbc.sql("select count(*) from document where project_id = ? and content_sha256 = ?")
			.params(source.projectId().value(), sha)
			.query(Integer.class)
			.single() > 0) {
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
		Instant now = clock.instant();
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into document (project_id, group_id, name, name_key, original_name, format, language,
				                      content_sha256, size_bytes, turn_count, word_count, imported_at, derived_from)
				select project_id, group_id, ?, lower(?), original_name, format, language, ?, ?, turn_count, ?, ?,
				       coalesce(derived_from, id)
				from document where id = ?
				""")
			.params(name.strip(), name.strip(), sha, bytes.length, words, Timestamp.from(now), original.value())
			.update(keys, "id");
		DocumentId id = new DocumentId(keys.getKeyAs(Number.class).longValue());
		insertBody(id, text);
		jdbc.sql("""
				insert into speaker_turn (document_id, turn_index, participant_id, speaker, start_offset, end_offset,
				                          start_ms, end_ms)
				select ?, turn_index, participant_id, speaker, start_offset, end_offset, start_ms, end_ms
				from speaker_turn where document_id = ?
				""").params(id.value(), original.value()).update();
		for (Turn turn : turns) {
			jdbc.sql("update speaker_turn set speaker = ?, start_offset = ?, end_offset = ? where document_id = ? and turn_index = ?")
				.params(turn.speaker(), turn.start(), turn.end(), id.value(), turn.index())
				.update();
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
		insertSentences(id, sentences, sentenceMethod(original).orElse("rules"));
		events.publishEvent(new DocumentImported(id, source.projectId()));
		return document(id).orElseThrow();
	}

	/**
	 * Stores a document's text in its own table: the document rows stay small, so queries that scan
	 * them (names, groups, lists) do not read every transcript's text (migration V12).
	 */
	private void insertBody(DocumentId id, String text) {
		jdbc.sql("insert into document_body (document_id, body) values (?, ?)").params(id.value(), text).update();
	}

	private void insertSentences(DocumentId id, List<SentenceUnit> units, String method) {
		List<Object[]> rows = new ArrayList<>(units.size());
		int index = 0;
		for (SentenceUnit u : units) {
			rows.add(new Object[] { id.value(), index++, u.start(), u.end(), method });
		}
		batch("insert into sentence_unit (document_id, unit_index, start_offset, end_offset, method) values (?, ?, ?, ?, ?)",
				rows, SENTENCE_TYPES);
	}

	/**
	 * Inserts rows in JDBC batches: a transcript has hundreds of turns and sentences, and one
	 * statement per row spent most of an import's database time in round trips and statement
	 * preparation (issue 10). The SQL types are given so that null columns bind the same way on H2
	 * and PostgreSQL.
	 */
	private void batch(String sql, List<Object[]> rows, int[] types) {
		for (int from = 0; from < rows.size(); from += BATCH_SIZE) {
			batchJdbc.batchUpdate(sql, rows.subList(from, Math.min(rows.size(), from + BATCH_SIZE)), types);
		}
	}

	/** Every document id in every project, for rebuilding derived data such as the search index. */
	public List<DocumentId> allDocumentIds() {
		return jdbc.sql("select id from document order by id").query((rs, row) -> new DocumentId(rs.getLong(1)))
			.list();
	}

	/**
	 * Every document in every project, by id, without an access check: for checking derived data such
	 * as the search index against the database.
	 */
	public List<DocumentSummary> allDocuments() {
		return jdbc.sql(SUMMARY_SQL + " order by d.id").query(CorpusService::summary).list();
	}

	/** The document groups of a project, by name. */
	public List<String> groups(ProjectId project) {
		return jdbc.sql("select name from document_group where project_id = ? order by lower(name)")
			.param(project.value())
			.query(String.class)
			.list();
	}

	/**
	 * The participants of a project with their turn counts: a speaker label of a document links to one
	 * participant (see {@link SpeakerLinkService}); people without transcripts have none.
	 */
	public List<Participant> participants(ProjectId project) {
		return jdbc.sql("""
				select p.id, p.label, count(t.turn_index) as turns
				from participant p left join speaker_turn t on t.participant_id = p.id
				where p.project_id = ? group by p.id, p.label order by lower(p.label)
				""").param(project.value()).query((rs, row) -> new Participant(rs.getLong(1), rs.getString(2),
				rs.getInt(3))).list();
	}

	/** The distinct speaker labels of a project's transcripts, by label (for filters on the speaker of a turn). */
	public List<String> speakers(ProjectId project) {
		return jdbc.sql("""
				select distinct l.speaker from speaker_link l join document d on d.id = l.document_id
				where d.project_id = ? order by l.speaker
				""").param(project.value()).query(String.class).list();
	}

	/** Deletes a document with its turns, and the participants made for its speakers that nothing else uses. */
	@Transactional
	public void delete(DocumentId id) {
		DocumentSummary summary = document(id)
			.orElseThrow(() -> new IllegalArgumentException("no document with id " + id));
		access.require(summary.projectId(), ProjectRole.OWNER);
		audit.record(summary.projectId(), "delete", "document '" + summary.name() + "'");
		links.forgetDocument(id);
		jdbc.sql("delete from speaker_turn where document_id = ?").param(id.value()).update();
		jdbc.sql("delete from sentence_unit where document_id = ?").param(id.value()).update();
		jdbc.sql("delete from document_body where document_id = ?").param(id.value()).update();
		jdbc.sql("delete from document where id = ?").param(id.value()).update();
		events.publishEvent(new DocumentDeleted(id, summary.projectId()));
	}

	static int countWords(String text, int start, int end) {
		return Words.count(text, start, end);
	}

	private String uniqueName(ProjectId project, String wanted) {
		String candidate = wanted;
		for (int i = 2; findDocument(project, candidate).isPresent(); i++) {
			candidate = wanted + " (" + i + ")";
		}
		return candidate;
	}

	private long groupId(ProjectId project, String name) {
		return jdbc.sql("select id from document_group where project_id = ? and name = ?")
			.params(project.value(), name)
			.query(Long.class)
			.optional()
			.orElseGet(() -> {
				var keys = new GeneratedKeyHolder();
				jdbc.sql("insert into document_group (project_id, name) values (?, ?)")
					.params(project.value(), name)
					.update(keys, "id");
				return keys.getKeyAs(Number.class).longValue();
			});
	}

	private static DocumentSummary summary(ResultSet rs, int row) throws SQLException {
		return new DocumentSummary(new DocumentId(rs.getLong("id")), new ProjectId(rs.getLong("project_id")),
				rs.getString("name"), rs.getString("group_name"),
				Language.parse(rs.getString("language")).orElse(Language.ENGLISH), rs.getString("format"),
				rs.getInt("turn_count"), rs.getInt("word_count"), rs.getTimestamp("imported_at").toInstant());
	}

	private static @Nullable Long nullableLong(ResultSet rs, int column) throws SQLException {
		long v = rs.getLong(column);
		return rs.wasNull() ? null : v;
	}

	/** The file name without any folder part. */
	static String baseName(String fileName) {
		String n = fileName.replace('\\', '/');
		return n.substring(n.lastIndexOf('/') + 1).strip();
	}

	/** The default document name: the file name without its extension. */
	static String stem(String fileName) {
		int dot = fileName.lastIndexOf('.');
		String s = dot > 0 ? fileName.substring(0, dot) : fileName;
		return s.length() > 250 ? s.substring(0, 250) : s;
	}

	/** The upload limit for people, e.g. "50 MB" (binary megabytes, as file managers show them). */
	public String maxFileSizeLabel() {
		return megabytes(maxFileSize);
	}

	private static String megabytes(long bytes) {
		double mb = bytes / (1024.0 * 1024.0);
		return mb == Math.rint(mb) ? String.format(Locale.ROOT, "%.0f MB", mb)
				: String.format(Locale.ROOT, "%.1f MB", mb);
	}

	private static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this Java runtime", ex);
		}
	}

	static byte[] utf8(String s) {
		return s.getBytes(StandardCharsets.UTF_8);
	}

}

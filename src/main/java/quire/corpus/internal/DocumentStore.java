package quire.corpus.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import quire.corpus.DocumentId;
import quire.corpus.DocumentSummary;
import quire.corpus.Language;
import quire.corpus.Turn;
import quire.project.ProjectId;

/**
 * The SQL of documents, their text, groups and speaker turns ({@code document}, {@code document_body},
 * {@code document_group}, {@code speaker_turn}). Access checks, audit, events and transactions are the
 * caller's ({@code CorpusService}).
 */
@Component
public class DocumentStore {

	private static final String SUMMARY_SQL = """
			select d.id, d.project_id, d.name, g.name as group_name, d.language, d.format, d.turn_count,
			       d.word_count, d.imported_at
			from document d left join document_group g on g.id = d.group_id
			""";

	private static final int[] TURN_TYPES = { Types.BIGINT, Types.INTEGER, Types.BIGINT, Types.VARCHAR, Types.INTEGER,
			Types.INTEGER, Types.BIGINT, Types.BIGINT };

	private final JdbcClient jdbc;

	private final JdbcTemplate batchJdbc;

	DocumentStore(JdbcClient jdbc, JdbcTemplate batchJdbc) {
		this.jdbc = jdbc;
		this.batchJdbc = batchJdbc;
	}

	/** A new document's row: what the import found in the file. */
	public record NewDocument(ProjectId project, @Nullable Long groupId, String name, String originalName, String format,
			Language language, String sha256, long sizeBytes, int turnCount, int wordCount, Instant importedAt) {
	}

	/** The documents of a project, by name. */
	public List<DocumentSummary> documents(ProjectId project) {
		return jdbc.sql(SUMMARY_SQL + " where d.project_id = ? order by lower(d.name)")
			.param(project.value())
			.query(DocumentStore::summary)
			.list();
	}

	public Optional<DocumentSummary> document(DocumentId id) {
		return jdbc.sql(SUMMARY_SQL + " where d.id = ?").param(id.value()).query(DocumentStore::summary).optional();
	}

	/** The document of a project with that name, compared as the name key is (lower case, stripped). */
	public Optional<DocumentSummary> findByName(ProjectId project, String name) {
		return jdbc.sql(SUMMARY_SQL + " where d.project_id = ? and d.name_key = lower(?)")
			.params(project.value(), name.strip())
			.query(DocumentStore::summary)
			.optional();
	}

	/** Every document in every project, by id. */
	public List<DocumentSummary> all() {
		return jdbc.sql(SUMMARY_SQL + " order by d.id").query(DocumentStore::summary).list();
	}

	/** Every document id in every project, in order. */
	public List<DocumentId> allIds() {
		return jdbc.sql("select id from document order by id").query((rs, row) -> new DocumentId(rs.getLong(1))).list();
	}

	/** The documents of a project in the group of exactly that name, by id. */
	public List<DocumentId> idsInGroup(ProjectId project, String group) {
		return jdbc.sql("""
				select d.id from document d join document_group g on g.id = d.group_id
				where d.project_id = ? and g.name = ? order by d.id
				""").params(project.value(), group).query((rs, row) -> new DocumentId(rs.getLong(1))).list();
	}

	/** The stored text of a document that exists. */
	public String body(DocumentId id) {
		return jdbc.sql("select body from document_body where document_id = ?").param(id.value())
			.query(String.class)
			.single();
	}

	/** A document's speaker turns in order. */
	public List<Turn> turns(DocumentId id) {
		return jdbc.sql("""
				select turn_index, speaker, start_offset, end_offset, start_ms, end_ms
				from speaker_turn where document_id = ? order by turn_index
				""").param(id.value()).query((rs, row) -> new Turn(rs.getInt(1), rs.getString(2), rs.getInt(3),
				rs.getInt(4), nullableLong(rs, 5), nullableLong(rs, 6))).list();
	}

	/** The document groups of a project, by name. */
	public List<String> groups(ProjectId project) {
		return jdbc.sql("select name from document_group where project_id = ? order by lower(name)")
			.param(project.value())
			.query(String.class)
			.list();
	}

	/** The name of the project's document with that content digest (an earlier import of the same file). */
	public Optional<String> nameWithContent(ProjectId project, String sha256) {
		return jdbc.sql("select name from document where project_id = ? and content_sha256 = ?")
			.params(project.value(), sha256)
			.query(String.class)
			.optional();
	}

	/** Whether a document of the project has that content digest. */
	public boolean hasContent(ProjectId project, String sha256) {
		return jdbc.sql("select count(*) from document where project_id = ? and content_sha256 = ?")
			.params(project.value(), sha256)
			.query(Integer.class)
			.single() > 0;
	}

	/** {@code wanted}, or the first of "wanted (2)", "wanted (3)", … that no document of the project has. */
	public String uniqueName(ProjectId project, String wanted) {
		String candidate = wanted;
		for (int i = 2; findByName(project, candidate).isPresent(); i++) {
			candidate = wanted + " (" + i + ")";
		}
		return candidate;
	}

	/** The id of the project's group of that name, made when missing. */
	public long groupId(ProjectId project, String name) {
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

	/** Inserts a document's row and its text. */
	public DocumentId insert(NewDocument d, String text) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into document (project_id, group_id, name, name_key, original_name, format, language,
				                      content_sha256, size_bytes, turn_count, word_count, imported_at)
				values (?, ?, ?, lower(?), ?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(d.project().value(), d.groupId(), d.name(), d.name(), d.originalName(), d.format(), d.language().code(),
					d.sha256(), d.sizeBytes(), d.turnCount(), d.wordCount(), Timestamp.from(d.importedAt()))
			.update(keys, "id");
		DocumentId id = new DocumentId(keys.getKeyAs(Number.class).longValue());
		insertBody(id, text);
		return id;
	}

	/**
	 * Inserts a new document's speaker turns in batches, numbered in order; {@code participant} gives
	 * the participant linked to a speaker label (called once per turn with a speaker, in turn order).
	 */
	public void insertTurns(DocumentId id, List<ParsedTurn> turns, Function<String, Long> participant) {
		List<Object[]> rows = new ArrayList<>(turns.size());
		int index = 0;
		for (ParsedTurn turn : turns) {
			Long person = turn.speaker() == null ? null : participant.apply(turn.speaker());
			rows.add(new Object[] { id.value(), index++, person, turn.speaker(), turn.start(), turn.end(), turn.startMs(),
					turn.endMs() });
		}
		JdbcBatches.insert(batchJdbc, """
				insert into speaker_turn (document_id, turn_index, participant_id, speaker, start_offset, end_offset,
				                          start_ms, end_ms)
				values (?, ?, ?, ?, ?, ?, ?, ?)
				""", rows, TURN_TYPES);
	}

	/**
	 * Inserts a copy of a document under a new name with new text: its group, format, language,
	 * original file name and turn count come from the original, which it is derived from; its turns are
	 * the original's until {@link #moveTurn} moves them.
	 */
	public DocumentId insertCopy(DocumentId original, String name, String text, String sha256, long sizeBytes,
			int wordCount, Instant importedAt) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into document (project_id, group_id, name, name_key, original_name, format, language,
				                      content_sha256, size_bytes, turn_count, word_count, imported_at, derived_from)
				select project_id, group_id, ?, lower(?), original_name, format, language, ?, ?, turn_count, ?, ?,
				       coalesce(derived_from, id)
				from document where id = ?
				""")
			.params(name, name, sha256, sizeBytes, wordCount, Timestamp.from(importedAt), original.value())
			.update(keys, "id");
		DocumentId id = new DocumentId(keys.getKeyAs(Number.class).longValue());
		insertBody(id, text);
		jdbc.sql("""
				insert into speaker_turn (document_id, turn_index, participant_id, speaker, start_offset, end_offset,
				                          start_ms, end_ms)
				select ?, turn_index, participant_id, speaker, start_offset, end_offset, start_ms, end_ms
				from speaker_turn where document_id = ?
				""").params(id.value(), original.value()).update();
		return id;
	}

	/** Sets a turn's speaker label and range (the turn keeps its participant and times). */
	public void moveTurn(DocumentId id, Turn turn) {
		jdbc.sql("update speaker_turn set speaker = ?, start_offset = ?, end_offset = ? where document_id = ? and turn_index = ?")
			.params(turn.speaker(), turn.start(), turn.end(), id.value(), turn.index())
			.update();
	}

	/** Deletes a document's row, text and turns (sentence units and speaker links are deleted apart). */
	public void delete(DocumentId id) {
		jdbc.sql("delete from speaker_turn where document_id = ?").param(id.value()).update();
		jdbc.sql("delete from document_body where document_id = ?").param(id.value()).update();
		jdbc.sql("delete from document where id = ?").param(id.value()).update();
	}

	/**
	 * Stores a document's text in its own table: the document rows stay small, so queries that scan
	 * them (names, groups, lists) do not read every transcript's text (migration V12).
	 */
	private void insertBody(DocumentId id, String text) {
		jdbc.sql("insert into document_body (document_id, body) values (?, ?)").params(id.value(), text).update();
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

}

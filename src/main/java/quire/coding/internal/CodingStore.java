package quire.coding.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import quire.coding.CodeId;
import quire.coding.Coding;
import quire.coding.CodingId;
import quire.coding.CodingQuery;
import quire.coding.RemovedCoding;
import quire.coding.TextSpan;
import quire.corpus.DocumentId;
import quire.project.ProjectId;

/**
 * The SQL of codings ({@code coding}) and of the memos that travel with them ({@code memo} rows on a
 * coding or a document). Checks, audit, events and transactions are the caller's.
 */
@Component
public class CodingStore {

	private static final String SELECT = "select id, document_id, code_id, start_offset, end_offset, coder, created_at from coding ";

	private final JdbcClient jdbc;

	CodingStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One coding by id. */
	public Optional<Coding> find(CodingId id) {
		return jdbc.sql(SELECT + "where id = ?").param(id.value()).query((rs, n) -> map(rs)).optional();
	}

	/** A document's codings by start offset; all coders when {@code coder} is null. */
	public List<Coding> byDocument(DocumentId document, @Nullable String coder) {
		if (coder == null) {
			return jdbc.sql(SELECT + "where document_id = ? order by start_offset, end_offset desc, id")
				.param(document.value())
				.query((rs, n) -> map(rs))
				.list();
		}
		return jdbc.sql(SELECT + "where document_id = ? and coder = ? order by start_offset, end_offset desc, id")
			.params(document.value(), coder)
			.query((rs, n) -> map(rs))
			.list();
	}

	/** All codings of a project; all coders when {@code coder} is null. */
	public List<Coding> byProject(ProjectId project, @Nullable String coder) {
		if (coder == null) {
			return jdbc.sql(SELECT + "where project_id = ? order by document_id, start_offset, id")
				.param(project.value())
				.query((rs, n) -> map(rs))
				.list();
		}
		return jdbc.sql(SELECT + "where project_id = ? and coder = ? order by document_id, start_offset, id")
			.params(project.value(), coder)
			.query((rs, n) -> map(rs))
			.list();
	}

	/**
	 * One page of a keyset walk over a project's codings in id order. The query's group is given as
	 * its documents ({@code inGroup}, non-empty), or null when the query names no group.
	 */
	public List<Coding> page(ProjectId project, CodingQuery query, long after, int limit,
			@Nullable List<DocumentId> inGroup) {
		StringBuilder sql = new StringBuilder(SELECT).append("where project_id = ? and id > ?");
		List<Object> params = new ArrayList<>(List.of(project.value(), after));
		if (!query.codes().isEmpty()) {
			sql.append(" and code_id in (").append(String.join(", ", Collections.nCopies(query.codes().size(), "?")))
				.append(")");
			query.codes().stream().map(CodeId::value).sorted().forEach(params::add);
		}
		if (query.coder() != null) {
			sql.append(" and coder = ?");
			params.add(query.coder());
		}
		if (query.document() != null) {
			sql.append(" and document_id = ?");
			params.add(query.document().value());
		}
		if (inGroup != null) {
			sql.append(" and document_id in (").append(String.join(", ", Collections.nCopies(inGroup.size(), "?")))
				.append(")");
			inGroup.forEach(d -> params.add(d.value()));
		}
		sql.append(" order by id limit ?");
		params.add(limit);
		return jdbc.sql(sql.toString()).params(params).query((rs, n) -> map(rs)).list();
	}

	/** The names of everyone who has coded in a project, alphabetically. */
	public List<String> coders(ProjectId project) {
		return jdbc.sql("select distinct coder from coding where project_id = ? order by coder")
			.param(project.value())
			.query(String.class)
			.list();
	}

	/** Whether the coder has coded exactly this span with this code. */
	public boolean exists(TextSpan s, CodeId code, String coder) {
		return jdbc.sql("select count(*) from coding where document_id = ? and code_id = ? and coder = ? "
				+ "and start_offset = ? and end_offset = ?")
			.params(s.documentId().value(), code.value(), coder, s.start(), s.end())
			.query(Integer.class)
			.single() > 0;
	}

	/** The coding of exactly this span with this code by this coder, other than {@code except} (if given). */
	public Optional<Coding> twin(DocumentId document, CodeId code, String coder, int start, int end,
			@Nullable CodingId except) {
		if (except == null) {
			return jdbc.sql(SELECT + "where document_id = ? and code_id = ? and coder = ? "
					+ "and start_offset = ? and end_offset = ?")
				.params(document.value(), code.value(), coder, start, end)
				.query((rs, n) -> map(rs))
				.optional();
		}
		return jdbc.sql(SELECT + "where document_id = ? and code_id = ? and coder = ? "
				+ "and start_offset = ? and end_offset = ? and id <> ?")
			.params(document.value(), code.value(), coder, start, end, except.value())
			.query((rs, n) -> map(rs))
			.optional();
	}

	/** Inserts a coding made at {@code createdAt}; returns its new id. */
	public CodingId insert(ProjectId project, DocumentId document, CodeId code, int start, int end, String coder,
			Instant createdAt) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("insert into coding (project_id, document_id, code_id, start_offset, end_offset, coder, created_at) "
				+ "values (?, ?, ?, ?, ?, ?, ?)")
			.params(project.value(), document.value(), code.value(), start, end, coder, Timestamp.from(createdAt))
			.update(keys, "id");
		return new CodingId(keys.getKeyAs(Number.class).longValue());
	}

	/** The memos on a coding, by id, as they are needed to put them back. */
	public List<RemovedCoding.RemovedMemo> memosOn(CodingId id) {
		return jdbc.sql("""
				select id, project_id, author, title, body, created_at, updated_at from memo
				where target_kind = 'CODING' and target_id = ? order by id""")
			.param(id.value())
			.query((rs, n) -> new RemovedCoding.RemovedMemo(rs.getLong("id"), rs.getLong("project_id"), rs.getString("author"),
					rs.getString("title"), rs.getString("body"), rs.getTimestamp("created_at").toInstant(),
					rs.getTimestamp("updated_at").toInstant()))
			.list();
	}

	/** Deletes a coding and the memos on it. */
	public void deleteWithMemos(CodingId id) {
		jdbc.sql("delete from memo where target_kind = 'CODING' and target_id = ?").param(id.value()).update();
		delete(id);
	}

	/** Deletes a coding (its memos stay). */
	public void delete(CodingId id) {
		jdbc.sql("delete from coding where id = ?").param(id.value()).update();
	}

	/** Puts a removed coding back, with its id, coder and creation time, at {@code [start, end)}, and its memos. */
	public void restore(ProjectId project, Coding coding, int start, int end, List<RemovedCoding.RemovedMemo> memos) {
		jdbc.sql("insert into coding (id, project_id, document_id, code_id, start_offset, end_offset, coder, created_at) "
				+ "values (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(coding.id().value(), project.value(), coding.documentId().value(), coding.codeId().value(),
					start, end, coding.coder(), Timestamp.from(coding.createdAt()))
			.update();
		for (RemovedCoding.RemovedMemo m : memos) {
			jdbc.sql("insert into memo (id, project_id, target_kind, target_id, author, title, body, created_at, updated_at) "
					+ "values (?, ?, 'CODING', ?, ?, ?, ?, ?, ?)")
				.params(m.id(), m.projectId(), coding.id().value(), m.author(), m.title(), m.body(),
						Timestamp.from(m.createdAt()), Timestamp.from(m.updatedAt()))
				.update();
		}
	}

	/** Moves the memos on one coding to another. */
	public void moveMemos(CodingId from, CodingId to) {
		jdbc.sql("update memo set target_id = ? where target_kind = 'CODING' and target_id = ?")
			.params(to.value(), from.value())
			.update();
	}

	/** Sets a coding's offsets. */
	public void resize(CodingId id, int start, int end) {
		jdbc.sql("update coding set start_offset = ?, end_offset = ? where id = ?")
			.params(start, end, id.value())
			.update();
	}

	/**
	 * Copies the memos on a coding or document ({@code kind} is {@code CODING} or {@code DOCUMENT}) to
	 * another target of the same kind, titles and bodies passed through {@code rewrite}.
	 */
	public void copyMemos(String kind, long fromId, long toId, UnaryOperator<String> rewrite) {
		record Row(long projectId, String author, String title, String body, Timestamp created, Timestamp updated) {
		}
		List<Row> memos = jdbc.sql("""
				select project_id, author, title, body, created_at, updated_at from memo
				where target_kind = ? and target_id = ? order by id""")
			.params(kind, fromId)
			.query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getTimestamp(5),
					rs.getTimestamp(6)))
			.list();
		for (Row m : memos) {
			jdbc.sql("""
					insert into memo (project_id, target_kind, target_id, author, title, body, created_at, updated_at)
					values (?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(m.projectId(), kind, toId, m.author(), rewrite.apply(m.title()), rewrite.apply(m.body()),
						m.created(), m.updated())
				.update();
		}
	}

	/** Deletes the memos on a deleted document and on codings that no longer exist. */
	public void deleteMemosOfDeletedDocument(DocumentId document) {
		jdbc.sql("delete from memo where target_kind = 'DOCUMENT' and target_id = ?").param(document.value()).update();
		jdbc.sql("delete from memo where target_kind = 'CODING' and target_id not in (select id from coding)").update();
	}

	private static Coding map(ResultSet rs) throws SQLException {
		return new Coding(new CodingId(rs.getLong(1)), new DocumentId(rs.getLong(2)), new CodeId(rs.getLong(3)),
				rs.getInt(4), rs.getInt(5), rs.getString(6), rs.getTimestamp(7).toInstant());
	}

}

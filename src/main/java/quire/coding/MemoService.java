package quire.coding;

import quire.project.AuditLog;
import quire.project.ProjectRole;
import quire.project.ProjectAccess;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import quire.project.ProjectId;

/** Memos: a project journal and notes on documents, codes and codings. */
@Service
@Transactional(readOnly = true)
public class MemoService {

	private static final String SELECT = "select id, project_id, target_kind, target_id, author, title, body, created_at, updated_at from memo ";

	private final JdbcClient jdbc;

	private final Clock clock = Clock.systemUTC();

	private final ProjectAccess access;

	private final AuditLog audit;

	MemoService(JdbcClient jdbc, ProjectAccess access, AuditLog audit) {
		this.access = access;
		this.audit = audit;
		this.jdbc = jdbc;
	}

	/** Writes a memo; the project journal takes a null target id. */
	@Transactional
	public Memo write(ProjectId project, MemoTarget target, @Nullable Long targetId, String author, String title,
			String body) {
		access.require(project, ProjectRole.CODER);
		audit.record(project, "memo", "written: '" + title + "'");
		if ((target == MemoTarget.PROJECT) != (targetId == null)) {
			throw new IllegalArgumentException(target == MemoTarget.PROJECT ? "a journal entry has no target"
					: "a memo on a " + target.label().toLowerCase() + " needs its id");
		}
		String text = check(body, author);
		if (targetId != null) {
			String table = switch (target) {
				case DOCUMENT -> "document";
				case CODE -> "code";
				case CODING -> "coding";
				case PROJECT -> throw new IllegalStateException("unreachable");
			};
			boolean exists = jdbc.sql("select count(*) from " + table + " where id = ? and project_id = ?")
				.params(targetId, project.value())
				.query(Integer.class)
				.single() > 0;
			if (!exists) {
				throw new IllegalArgumentException("no " + target.label().toLowerCase() + " with id " + targetId
						+ " in this project");
			}
		}
		Instant now = clock.instant();
		var keys = new GeneratedKeyHolder();
		jdbc.sql("insert into memo (project_id, target_kind, target_id, author, title, body, created_at, updated_at) "
				+ "values (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(project.value(), target.name(), targetId, author.strip(), title(title), text, Timestamp.from(now),
					Timestamp.from(now))
			.update(keys, "id");
		return memo(keys.getKeyAs(Number.class).longValue()).orElseThrow();
	}

	/** Changes a memo's title and text. */
	@Transactional
	public Memo edit(long id, String title, String body) {
		access.require(memoProject(id), ProjectRole.CODER);
		Memo memo = memo(id).orElseThrow(() -> new IllegalArgumentException("no memo with id " + id));
		audit.record(memoProject(id), "memo", "edited '" + memo.title() + "'", "memo=" + id);
		jdbc.sql("update memo set title = ?, body = ?, updated_at = ? where id = ?")
			.params(title(title), check(body, memo.author()), Timestamp.from(clock.instant()), id)
			.update();
		return memo(id).orElseThrow();
	}

	@Transactional
	public void delete(long id) {
		access.require(memoProject(id), ProjectRole.CODER);
		audit.record(memoProject(id), "memo", "deleted '" + memo(id).map(Memo::title).orElse("?") + "'", "memo=" + id);
		jdbc.sql("delete from memo where id = ?").param(id).update();
	}

	public Optional<Memo> memo(long id) {
		return jdbc.sql(SELECT + "where id = ?").param(id).query((rs, n) -> map(rs)).optional();
	}

	/** Memos on one target, oldest first; the journal when the target is the project. */
	public List<Memo> memos(ProjectId project, MemoTarget target, @Nullable Long targetId) {
		if (targetId == null) {
			return jdbc.sql(SELECT + "where project_id = ? and target_kind = ? order by created_at, id")
				.params(project.value(), target.name())
				.query((rs, n) -> map(rs))
				.list();
		}
		return jdbc.sql(SELECT + "where project_id = ? and target_kind = ? and target_id = ? order by created_at, id")
			.params(project.value(), target.name(), targetId)
			.query((rs, n) -> map(rs))
			.list();
	}

	/** Every memo of a project, newest first. */
	public List<Memo> all(ProjectId project) {
		return jdbc.sql(SELECT + "where project_id = ? order by updated_at desc, id desc")
			.param(project.value())
			.query((rs, n) -> map(rs))
			.list();
	}

	private static String check(String body, String author) {
		if (body.isBlank()) {
			throw new IllegalArgumentException("a memo needs some text");
		}
		if (author.isBlank()) {
			throw new IllegalArgumentException("a memo needs an author");
		}
		return body.strip();
	}

	private static String title(String title) {
		String t = title.strip();
		return t.length() > 300 ? t.substring(0, 300) : t;
	}

	private static Memo map(java.sql.ResultSet rs) throws java.sql.SQLException {
		long target = rs.getLong(4);
		Long targetId = rs.wasNull() ? null : target;
		return new Memo(rs.getLong(1), new ProjectId(rs.getLong(2)), MemoTarget.valueOf(rs.getString(3)), targetId,
				rs.getString(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant(),
				rs.getTimestamp(9).toInstant());
	}


	private ProjectId memoProject(long id) {
		return memo(id).map(Memo::projectId).orElseThrow(() -> new IllegalArgumentException("no memo with id " + id));
	}

}

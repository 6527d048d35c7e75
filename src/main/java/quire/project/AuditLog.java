package quire.project;

import quire.tabular.SpreadsheetCells;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.annotation.Transactional;

import quire.security.AccessRefusedException;
import quire.security.Actor;
import quire.security.Actors;

/**
 * A project's audit log: who imported, coded, deleted, exported what and when. Services record an
 * entry inside the transaction of the change itself, so the log holds exactly the changes that were
 * committed. Only owners read it.
 */
@Service
@Transactional(readOnly = true)
public class AuditLog {

	private static final int MAX_TARGET = 2000;

	private final JdbcClient jdbc;

	private final Actors actors;

	private final Clock clock = Clock.systemUTC();

	private final TransactionTemplate separate;

	AuditLog(JdbcClient jdbc, Actors actors, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.actors = actors;
		this.separate = new TransactionTemplate(transactions);
		this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Records what the current actor did, e.g. {@code record(p, "import", "document 'FG1.txt'")}.
	 * Inside a changing transaction the entry commits (or rolls back) with the change; inside a
	 * read-only one (an export) it is written in a transaction of its own.
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	public void record(ProjectId project, String action, String target) {
		if (TransactionSynchronizationManager.isActualTransactionActive()
				&& !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
			insert(project, action, target);
		}
		else {
			separate.executeWithoutResult(status -> insert(project, action, target));
		}
	}

	private void insert(ProjectId project, String action, String target) {
		String what = target.length() > MAX_TARGET ? target.substring(0, MAX_TARGET - 1) + "…" : target;
		jdbc.sql("insert into audit_event (project_id, at, actor, action, target) values (?, ?, ?, ?, ?)")
			.params(project.value(), Timestamp.from(clock.instant()), actors.current().name(), action, what)
			.update();
	}

	/** The newest entries first, at most {@code limit}. Owners only. */
	public List<AuditEntry> entries(ProjectId project, int limit) {
		requireOwner(project);
		return jdbc.sql("select id, project_id, at, actor, action, target from audit_event where project_id = ? "
				+ "order by at desc, id desc")
			.param(project.value())
			.withMaxRows(limit)
			.query((rs, n) -> new AuditEntry(rs.getLong("id"), new ProjectId(rs.getLong("project_id")),
					rs.getTimestamp("at").toInstant(), rs.getString("actor"), rs.getString("action"),
					rs.getString("target")))
			.list();
	}

	/** The whole log as CSV (oldest first), cells that look like spreadsheet formulas neutralised. Owners only. */
	public String csv(ProjectId project) {
		requireOwner(project);
		StringWriter out = new StringWriter();
		try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
			.setHeader("time (UTC)", "who", "action", "what")
			.get())) {
			jdbc.sql("select at, actor, action, target from audit_event where project_id = ? order by at, id")
				.param(project.value())
				.query(rs -> {
					try {
						csv.printRecord(rs.getTimestamp("at").toInstant().toString(), SpreadsheetCells.neutralise(rs.getString("actor")),
								SpreadsheetCells.neutralise(rs.getString("action")), SpreadsheetCells.neutralise(rs.getString("target")));
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
				});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		record(project, "export", "audit log (CSV)");
		return out.toString();
	}

	private void requireOwner(ProjectId project) {
		Actor actor = actors.current();
		if (actor instanceof Actor.Local) {
			return;
		}
		boolean owner = actor instanceof Actor.User u && jdbc
			.sql("select count(*) from project_member where project_id = ? and user_id = ? and role = 'OWNER'")
			.params(project.value(), u.id().value())
			.query(Long.class)
			.single() > 0;
		if (!owner) {
			throw new AccessRefusedException("Only the project's owners may read its audit log.");
		}
	}


}

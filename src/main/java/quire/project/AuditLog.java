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
	 * Records what the current actor did, in words, e.g. {@code record(p, "import", "document 'FG1.txt'")}.
	 * Inside a changing transaction the entry commits (or rolls back) with the change; inside a
	 * read-only one (an export) it is written in a transaction of its own. Record what a person did,
	 * once per action: a recalculation that follows from it (counts, an index) is not an entry of its own.
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	public void record(ProjectId project, String action, String target) {
		record(project, action, target, "");
	}

	/**
	 * Records an entry whose words ({@code target}: code and document names, the first words of the
	 * text) come with the ids of the rows it touched ({@code ids}, e.g. {@code "coding=12 code=3
	 * document=4 [120, 180)"}): the log shows the words, the CSV export has both.
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	public void record(ProjectId project, String action, String target, String ids) {
		if (TransactionSynchronizationManager.isActualTransactionActive()
				&& !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
			insert(project, action, target, ids);
		}
		else {
			separate.executeWithoutResult(status -> insert(project, action, target, ids));
		}
	}

	/**
	 * The first words of a text as the log quotes it: at most eight words or 60 characters, on one
	 * line, in quotation marks, with an ellipsis when cut: {@code “So what brings you in today…”}.
	 */
	public static String firstWords(String text) {
		String line = text.strip().replaceAll("\\s+", " ");
		String[] words = line.split(" ");
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < words.length && i < 8; i++) {
			if (out.length() + words[i].length() + 1 > 60) {
				break;
			}
			if (!out.isEmpty()) {
				out.append(' ');
			}
			out.append(words[i]);
		}
		if (out.isEmpty() && !line.isEmpty()) {
			out.append(line, 0, Math.min(59, line.length()));
		}
		boolean cut = out.length() < line.length();
		return "\u201c" + out + (cut ? "\u2026" : "") + "\u201d";
	}

	private void insert(ProjectId project, String action, String target, String ids) {
		String what = target.length() > MAX_TARGET ? target.substring(0, MAX_TARGET - 1) + "…" : target;
		String which = ids.length() > 500 ? ids.substring(0, 499) + "…" : ids;
		jdbc.sql("insert into audit_event (project_id, at, actor, action, target, ids) values (?, ?, ?, ?, ?, ?)")
			.params(project.value(), Timestamp.from(clock.instant()), actors.current().name(), action, what, which)
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

	/**
	 * The whole log as CSV (oldest first) with the ids of the rows each entry touched, cells that look
	 * like spreadsheet formulas neutralised. Owners only.
	 */
	public String csv(ProjectId project) {
		requireOwner(project);
		StringWriter out = new StringWriter();
		try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
			.setHeader("time (UTC)", "who", "action", "what", "ids")
			.get())) {
			jdbc.sql("select at, actor, action, target, ids from audit_event where project_id = ? order by at, id")
				.param(project.value())
				.query(rs -> {
					try {
						csv.printRecord(rs.getTimestamp("at").toInstant().toString(), SpreadsheetCells.neutralise(rs.getString("actor")),
								SpreadsheetCells.neutralise(rs.getString("action")), SpreadsheetCells.neutralise(rs.getString("target")),
								SpreadsheetCells.neutralise(rs.getString("ids")));
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

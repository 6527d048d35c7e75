package quire.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Security events that belong to no project — a sign-in lock for an account or a client address —
 * kept in the database beside the projects' audit logs and read by administrators (User accounts
 * page).
 */
@Service
@Transactional(readOnly = true)
public class SecurityLog {

	private static final int MAX_TARGET = 2000;

	private final JdbcClient jdbc;

	private final Actors actors;

	private final Clock clock = Clock.systemUTC();

	SecurityLog(JdbcClient jdbc, Actors actors) {
		this.jdbc = jdbc;
		this.actors = actors;
	}

	/** One event: when, who (a person, or a client address for a sign-in attempt), what and about what. */
	public record Entry(Instant at, String actor, String action, String target) {
	}

	/** Records an event in a transaction of its own, e.g. {@code ("192.0.2.7", "sign-in locked", "account 'anna' …")}. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void record(String actor, String action, String target) {
		String what = target.length() > MAX_TARGET ? target.substring(0, MAX_TARGET - 1) + "…" : target;
		String who = actor.length() > 100 ? actor.substring(0, 100) : actor;
		jdbc.sql("insert into security_event (at, actor, action, target) values (?, ?, ?, ?)")
			.params(Timestamp.from(clock.instant()), who, action, what)
			.update();
	}

	/** The newest events first, at most {@code limit}. Administrators only. */
	public List<Entry> entries(int limit) {
		actors.requireAdmin("read the sign-in log");
		return jdbc.sql("select at, actor, action, target from security_event order by at desc, id desc")
			.withMaxRows(limit)
			.query((rs, n) -> new Entry(rs.getTimestamp("at").toInstant(), rs.getString("actor"),
					rs.getString("action"), rs.getString("target")))
			.list();
	}

}

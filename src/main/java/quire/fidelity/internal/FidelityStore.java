package quire.fidelity.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import quire.corpus.DocumentId;
import quire.fidelity.Behaviour;
import quire.fidelity.MitiCounts;
import quire.fidelity.MitiGlobals;
import quire.fidelity.MitiScores;
import quire.fidelity.MitiSession;
import quire.fidelity.MitiSessionId;
import quire.fidelity.Rating;
import quire.fidelity.RatingRole;
import quire.fidelity.RatingSource;
import quire.fidelity.Summary;
import quire.fidelity.Threshold;
import quire.fidelity.ThresholdSet;
import quire.project.ProjectId;

/**
 * The SQL behind the fidelity API: MITI sessions ({@code miti_session}), ratings ({@code miti_rating}),
 * a project's own threshold sets ({@code miti_threshold_set}) and its chosen one ({@code miti_settings}).
 * No access checks or audit entries: the services that call it do those.
 */
@Component
public class FidelityStore {

	private static final String COUNT_COLUMNS = "gi, persuade, pwp, q, sr, cr, af, seek, emph, confront";

	private static final Behaviour[] COUNT_ORDER = { Behaviour.GI, Behaviour.PERSUADE, Behaviour.PWP, Behaviour.Q,
			Behaviour.SR, Behaviour.CR, Behaviour.AF, Behaviour.SEEK, Behaviour.EMPH, Behaviour.CONFRONT };

	private final JdbcClient jdbc;

	FidelityStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The stored identity, source and role of a coder's rating of a session. */
	public record StoredRating(long id, RatingSource source, RatingRole role) {
	}

	/** A project's sessions by label. */
	public List<MitiSession> sessions(ProjectId project) {
		return jdbc.sql("select * from miti_session where project_id = ? order by label")
			.param(project.value())
			.query((rs, n) -> session(rs))
			.list();
	}

	/** A MITI session, without an access check. */
	public Optional<MitiSession> session(MitiSessionId id) {
		return jdbc.sql("select * from miti_session where id = ?").param(id.value()).query((rs, n) -> session(rs)).optional();
	}

	/** Creates a session or updates the one with the same label; returns its id. */
	public MitiSessionId saveSession(ProjectId project, String label, @Nullable DocumentId document, String counsellor,
			@Nullable String client, @Nullable LocalDate date, @Nullable Integer firstTurn, @Nullable Integer lastTurn) {
		Optional<Long> existing = jdbc.sql("select id from miti_session where project_id = ? and label = ?")
			.params(project.value(), label)
			.query(Long.class)
			.optional();
		if (existing.isPresent()) {
			jdbc.sql("update miti_session set document_id = ?, counsellor = ?, client = ?, session_date = ?, first_turn = ?, "
					+ "last_turn = ? where id = ?")
				.params(document == null ? null : document.value(), counsellor, client, date == null ? null : Date.valueOf(date),
						firstTurn, lastTurn, existing.get())
				.update();
			return new MitiSessionId(existing.get());
		}
		var keys = new GeneratedKeyHolder();
		jdbc.sql("insert into miti_session (project_id, label, document_id, counsellor, client, session_date, first_turn, "
				+ "last_turn) values (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(project.value(), label, document == null ? null : document.value(), counsellor, client,
					date == null ? null : Date.valueOf(date), firstTurn, lastTurn)
			.update(keys, "id");
		return new MitiSessionId(keys.getKeyAs(Number.class).longValue());
	}

	/** Deletes a session (its ratings go with it). */
	public void deleteSession(MitiSessionId id) {
		jdbc.sql("delete from miti_session where id = ?").param(id.value()).update();
	}

	/** The project of a MITI session, for the access check. */
	public ProjectId sessionProject(MitiSessionId id) {
		return jdbc.sql("select project_id from miti_session where id = ?")
			.param(id.value())
			.query(Long.class)
			.optional()
			.map(ProjectId::new)
			.orElseThrow(() -> new IllegalArgumentException("no MITI session with id " + id.value()));
	}

	/** A session's label in quotes, or its id when there is no such session. */
	public String sessionLabel(MitiSessionId session) {
		return jdbc.sql("select label from miti_session where id = ?").param(session.value()).query(String.class).optional()
			.map(l -> "'" + l + "'")
			.orElse(String.valueOf(session.value()));
	}

	/**
	 * Stores one coder's rating of a session, replacing that coder's earlier one (which keeps its role
	 * unless it moves to another source).
	 */
	public void storeRating(MitiSessionId session, String coder, RatingSource source, @Nullable MitiGlobals globals,
			MitiCounts counts, Instant now) {
		List<Object> values = new ArrayList<>(List.of(source.name()));
		values.add(globals == null ? null : globals.cct());
		values.add(globals == null ? null : globals.sst());
		values.add(globals == null ? null : globals.partnership());
		values.add(globals == null ? null : globals.empathy());
		for (Behaviour b : COUNT_ORDER) {
			values.add(counts.get(b));
		}
		values.add(Timestamp.from(now));
		Optional<StoredRating> existing = stored(session, coder);
		if (existing.isPresent()) {
			// update in place, so the rating keeps its id and its role (unless it moves to another source)
			StoredRating old = existing.get();
			List<Object> update = new ArrayList<>(values);
			update.add(old.source() == source ? old.role().name() : newRole(session, source).name());
			update.add(old.id());
			jdbc.sql("update miti_rating set source = ?, cct = ?, sst = ?, partnership = ?, empathy = ?, "
					+ "gi = ?, persuade = ?, pwp = ?, q = ?, sr = ?, cr = ?, af = ?, seek = ?, emph = ?, confront = ?, updated_at = ?, "
					+ "rating_role = ? where id = ?")
				.params(update)
				.update();
			return;
		}
		List<Object> insert = new ArrayList<>(List.of(session.value(), coder));
		insert.addAll(values);
		insert.add(newRole(session, source).name());
		jdbc.sql("insert into miti_rating (session_id, coder, source, cct, sst, partnership, empathy, " + COUNT_COLUMNS
				+ ", updated_at, rating_role) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(insert)
			.update();
	}

	public Optional<StoredRating> stored(MitiSessionId session, String coder) {
		return jdbc.sql("select id, source, rating_role from miti_rating where session_id = ? and coder = ?")
			.params(session.value(), coder)
			.query((rs, n) -> new StoredRating(rs.getLong("id"), RatingSource.valueOf(rs.getString("source")),
					RatingRole.valueOf(rs.getString("rating_role"))))
			.optional();
	}

	/** The coders who rated a session, in the order first recorded. */
	public List<String> coders(MitiSessionId session) {
		return jdbc.sql("select coder from miti_rating where session_id = ? order by id")
			.param(session.value()).query(String.class).list();
	}

	/**
	 * Gives a rating its role; making it primary makes the session's other rating of the same source
	 * that was primary a reliability rating.
	 */
	public void setRole(MitiSessionId session, StoredRating rating, RatingRole role) {
		if (role == RatingRole.PRIMARY) {
			jdbc.sql("update miti_rating set rating_role = 'RELIABILITY' where session_id = ? and source = ? and id <> ?")
				.params(session.value(), rating.source().name(), rating.id())
				.update();
		}
		jdbc.sql("update miti_rating set rating_role = ? where id = ?").params(role.name(), rating.id()).update();
	}

	/** Primary when the session has no primary rating of {@code source} yet, else reliability. */
	private RatingRole newRole(MitiSessionId session, RatingSource source) {
		long primaries = jdbc.sql("select count(*) from miti_rating where session_id = ? and source = ? and rating_role = 'PRIMARY'")
			.params(session.value(), source.name())
			.query(Long.class)
			.single();
		return primaries == 0 ? RatingRole.PRIMARY : RatingRole.RELIABILITY;
	}

	/** Updates the behaviour counts of a coder's Quire rating of a session, if there is one. */
	public void updateCounts(MitiSessionId session, String coder, MitiCounts counts, Instant now) {
		List<Object> params = new ArrayList<>();
		for (Behaviour b : COUNT_ORDER) {
			params.add(counts.get(b));
		}
		params.add(Timestamp.from(now));
		params.add(session.value());
		params.add(coder);
		jdbc.sql("update miti_rating set gi = ?, persuade = ?, pwp = ?, q = ?, sr = ?, cr = ?, af = ?, seek = ?, emph = ?, "
				+ "confront = ?, updated_at = ? where session_id = ? and coder = ? and source = 'QUIRE'")
			.params(params)
			.update();
	}

	/** Every rating of a project, by session label and then in the order first recorded. */
	public List<Rating> ratings(ProjectId project) {
		Map<Long, MitiSession> sessions = new HashMap<>();
		sessions(project).forEach(s -> sessions.put(s.id().value(), s));
		return jdbc.sql("select r.* from miti_rating r join miti_session s on s.id = r.session_id where s.project_id = ? "
				+ "order by s.label, r.id")
			.param(project.value())
			.query((rs, n) -> {
				MitiGlobals globals = globals(rs);
				MitiCounts counts = counts(rs);
				return new Rating(sessions.get(rs.getLong("session_id")), rs.getString("coder"),
						RatingSource.valueOf(rs.getString("source")), globals, counts,
						globals == null ? null : MitiScores.of(globals, counts), RatingRole.valueOf(rs.getString("rating_role")));
			})
			.list();
	}

	/** The sources ({@link RatingSource} names) of a project's ratings. */
	public List<String> sources(ProjectId project) {
		return jdbc.sql("select distinct r.source from miti_rating r join miti_session s on s.id = r.session_id "
				+ "where s.project_id = ?")
			.param(project.value())
			.query(String.class)
			.list();
	}

	/** The name of the threshold set the project chose, if it chose one. */
	public Optional<String> chosenThresholdSet(ProjectId project) {
		return jdbc.sql("select threshold_set from miti_settings where project_id = ?")
			.param(project.value())
			.query(String.class)
			.optional();
	}

	/** The project's own threshold sets by name. */
	public List<ThresholdSet> thresholdSets(ProjectId project) {
		return jdbc.sql("select * from miti_threshold_set where project_id = ? order by name")
			.param(project.value())
			.query((rs, n) -> {
				Map<Summary, Threshold> t = new EnumMap<>(Summary.class);
				threshold(rs, "relational", Summary.RELATIONAL, t);
				threshold(rs, "technical", Summary.TECHNICAL, t);
				threshold(rs, "pct_cr", Summary.PERCENT_CR, t);
				threshold(rs, "rq", Summary.RQ, t);
				return new ThresholdSet(rs.getString("name"), t);
			})
			.list();
	}

	/** Saves one of the project's own threshold sets under {@code name}, replacing one of that name. */
	public void saveThresholdSet(ProjectId project, String name, ThresholdSet set) {
		jdbc.sql("delete from miti_threshold_set where project_id = ? and name = ?").params(project.value(), name)
			.update();
		List<Object> params = new ArrayList<>(List.of(project.value(), name));
		for (Summary s : List.of(Summary.RELATIONAL, Summary.TECHNICAL, Summary.PERCENT_CR, Summary.RQ)) {
			Optional<Threshold> t = set.threshold(s);
			params.add(t.map(Threshold::fair).orElse(null));
			params.add(t.map(Threshold::good).orElse(null));
		}
		jdbc.sql("insert into miti_threshold_set (project_id, name, relational_fair, relational_good, technical_fair, "
				+ "technical_good, pct_cr_fair, pct_cr_good, rq_fair, rq_good) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(params)
			.update();
	}

	/** Records the threshold set the project uses. */
	public void chooseThresholdSet(ProjectId project, String name) {
		jdbc.sql("delete from miti_settings where project_id = ?").param(project.value()).update();
		jdbc.sql("insert into miti_settings (project_id, threshold_set) values (?, ?)").params(project.value(), name).update();
	}

	private static void threshold(ResultSet rs, String column, Summary summary, Map<Summary, Threshold> out)
			throws SQLException {
		double fair = rs.getDouble(column + "_fair");
		if (rs.wasNull()) {
			return;
		}
		double good = rs.getDouble(column + "_good");
		out.put(summary, new Threshold(fair, rs.wasNull() ? null : good));
	}

	private static MitiSession session(ResultSet rs) throws SQLException {
		long document = rs.getLong("document_id");
		DocumentId doc = rs.wasNull() ? null : new DocumentId(document);
		Date date = rs.getDate("session_date");
		int first = rs.getInt("first_turn");
		Integer firstTurn = rs.wasNull() ? null : first;
		int last = rs.getInt("last_turn");
		Integer lastTurn = rs.wasNull() ? null : last;
		return new MitiSession(new MitiSessionId(rs.getLong("id")), new ProjectId(rs.getLong("project_id")),
				rs.getString("label"), doc, rs.getString("counsellor"), rs.getString("client"),
				date == null ? null : date.toLocalDate(), firstTurn, lastTurn);
	}

	private static @Nullable MitiGlobals globals(ResultSet rs) throws SQLException {
		int cct = rs.getInt("cct");
		boolean missing = rs.wasNull();
		int sst = rs.getInt("sst");
		missing |= rs.wasNull();
		int partnership = rs.getInt("partnership");
		missing |= rs.wasNull();
		int empathy = rs.getInt("empathy");
		missing |= rs.wasNull();
		return missing ? null : new MitiGlobals(cct, sst, partnership, empathy);
	}

	private static MitiCounts counts(ResultSet rs) throws SQLException {
		return MitiCounts.of(rs.getInt("gi"), rs.getInt("persuade"), rs.getInt("pwp"), rs.getInt("q"), rs.getInt("sr"),
				rs.getInt("cr"), rs.getInt("af"), rs.getInt("seek"), rs.getInt("emph"), rs.getInt("confront"));
	}

}

package quire.report;

import quire.project.AuditLog;
import quire.project.ProjectRole;
import quire.project.ProjectAccess;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import quire.corpus.DocumentId;
import quire.project.ProjectId;

/** The study record: research team, data-collection sessions and member checks. */
@Service
@Transactional(readOnly = true)
public class StudyRecordService {

	private final JdbcClient jdbc;

	private final ProjectAccess access;

	private final AuditLog audit;

	StudyRecordService(JdbcClient jdbc, ProjectAccess access, AuditLog audit) {
		this.access = access;
		this.audit = audit;
		this.jdbc = jdbc;
	}

	public List<TeamMember> team(ProjectId project) {
		return jdbc.sql("select * from team_member where project_id = ? order by id").param(project.value())
			.query((rs, n) -> new TeamMember(rs.getLong("id"), rs.getString("name"), rs.getString("role"), rs.getString("credentials"),
					rs.getString("occupation"), rs.getString("gender"), rs.getString("experience")))
			.list();
	}

	@Transactional
	public void addTeamMember(ProjectId project, String name, String role, String credentials, String occupation, String gender,
			String experience) {
		access.require(project, ProjectRole.CODER);
		audit.record(project, "study record", "team member '" + name + "' added");
		jdbc.sql("insert into team_member (project_id, name, role, credentials, occupation, gender, experience) values (?, ?, ?, ?, ?, ?, ?)")
			.params(project.value(), text(name, "a team member needs a name", 200), text(role, "a team member needs a role", 100),
					limit(credentials, 200), limit(occupation, 300), limit(gender, 50), limit(experience, 1000))
			.update();
	}

	@Transactional
	public void removeTeamMember(long id) {
		access.require(rowProject("team_member", id), ProjectRole.CODER);
		audit.record(rowProject("team_member", id), "study record", "team member removed");
		jdbc.sql("delete from team_member where id = ?").param(id).update();
	}

	public List<CollectionSession> sessions(ProjectId project) {
		return jdbc.sql("select * from collection_session where project_id = ? order by held_on, id").param(project.value())
			.query((rs, n) -> {
				long doc = rs.getLong("document_id");
				DocumentId document = rs.wasNull() ? null : new DocumentId(doc);
				Date held = rs.getDate("held_on");
				int duration = rs.getInt("duration_min");
				Integer minutes = rs.wasNull() ? null : duration;
				return new CollectionSession(rs.getLong("id"), document, held == null ? null : held.toLocalDate(),
						rs.getString("moderator"), rs.getString("co_moderator"), rs.getString("setting"),
						rs.getString("others_present"), rs.getString("recording"), rs.getString("field_notes"), minutes);
			})
			.list();
	}

	@Transactional
	public void addSession(ProjectId project, @Nullable DocumentId document, @Nullable LocalDate heldOn, String moderator,
			String coModerator, String setting, String othersPresent, String recording, String fieldNotes,
			@Nullable Integer durationMinutes) {
		access.require(project, ProjectRole.CODER);
		audit.record(project, "study record", "data-collection session added");
		if (durationMinutes != null && (durationMinutes < 1 || durationMinutes > 1000)) {
			throw new IllegalArgumentException("a duration must be between 1 and 1000 minutes, was " + durationMinutes);
		}
		jdbc.sql("insert into collection_session (project_id, document_id, held_on, moderator, co_moderator, setting, others_present, "
				+ "recording, field_notes, duration_min) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(project.value(), document == null ? null : document.value(), heldOn == null ? null : Date.valueOf(heldOn),
					limit(moderator, 200), limit(coModerator, 200), limit(setting, 500), limit(othersPresent, 500), limit(recording, 100),
					limit(fieldNotes, 500), durationMinutes)
			.update();
	}

	@Transactional
	public void removeSession(long id) {
		access.require(rowProject("collection_session", id), ProjectRole.CODER);
		audit.record(rowProject("collection_session", id), "study record", "data-collection session removed");
		jdbc.sql("delete from collection_session where id = ?").param(id).update();
	}

	public List<MemberCheck> memberChecks(ProjectId project) {
		return jdbc.sql("select * from member_check where project_id = ? order by checked_on, id").param(project.value())
			.query((rs, n) -> {
				Date on = rs.getDate("checked_on");
				return new MemberCheck(rs.getLong("id"), rs.getString("who"), rs.getString("what"), on == null ? null : on.toLocalDate(),
						rs.getString("response"));
			})
			.list();
	}

	@Transactional
	public void addMemberCheck(ProjectId project, String who, String what, @Nullable LocalDate on, String response) {
		access.require(project, ProjectRole.CODER);
		audit.record(project, "study record", "member check added");
		jdbc.sql("insert into member_check (project_id, who, what, checked_on, response) values (?, ?, ?, ?, ?)")
			.params(project.value(), text(who, "say who read it", 200), text(what, "say what they read", 500),
					on == null ? null : Date.valueOf(on), limit(response, 2000))
			.update();
	}

	@Transactional
	public void removeMemberCheck(long id) {
		access.require(rowProject("member_check", id), ProjectRole.CODER);
		audit.record(rowProject("member_check", id), "study record", "member check removed");
		jdbc.sql("delete from member_check where id = ?").param(id).update();
	}

	private static String text(String value, String message, int max) {
		String v = value == null ? "" : value.strip();
		if (v.isEmpty()) {
			throw new IllegalArgumentException(message);
		}
		return limit(v, max);
	}

	private static String limit(@Nullable String value, int max) {
		String v = value == null ? "" : value.strip();
		if (v.length() > max) {
			throw new IllegalArgumentException("at most " + max + " characters, got " + v.length());
		}
		return v;
	}


	/** The project a study-record row belongs to, for the access check. */
	private ProjectId rowProject(String table, long id) {
		return jdbc.sql("select project_id from " + table + " where id = ?")
			.param(id)
			.query(Long.class)
			.optional()
			.map(ProjectId::new)
			.orElseThrow(() -> new IllegalArgumentException("no entry with id " + id));
	}

}

package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import quire.corpus.SpeakerLink;
import quire.corpus.SpeakerRoles;

/**
 * Speakers are per document, people are participants (issue 18). Before this version a speaker label
 * was one participant across the whole project, so "Sick-listed worker" in three MI sessions was one
 * person. This migration gives every (document, speaker) a link to a participant with where the link
 * came from, and splits what the old rule merged:
 * <ul>
 * <li>a role label ({@link SpeakerRoles#isRole}) that speaks in several documents becomes one participant
 * per document, "Sick-listed worker — mi-session-01"; the old participant goes once no turn is left to it;
 * <li>unless the researcher has entered data about it (an attribute value or questionnaire answers): that
 * data describes one person, so the participant is kept with all its documents, and each link is a
 * proposal for the researcher to review (accept, or reject to give that document's speaker its own
 * participant). Nothing the researcher entered is copied to people it may not describe, and nothing is lost;
 * <li>a person-like label keeps its participant; its links in documents after the first are proposals.
 * </ul>
 * Codings, memos and ratings point at documents, codes and sessions, never at participants, so they are
 * untouched. Written in Java because the role rule is {@link SpeakerRoles}, which SQL cannot call; the
 * statements run on H2 and PostgreSQL.
 */
public class V16__speakers_per_document extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws SQLException {
		Connection c = context.getConnection();
		try (Statement s = c.createStatement()) {
			s.execute("alter table participant add column for_document bigint references document (id) on delete set null");
			s.execute("""
					create table speaker_link (
					    document_id    bigint not null references document (id) on delete cascade,
					    speaker        varchar(200) not null,
					    participant_id bigint not null references participant (id) on delete cascade,
					    origin         varchar(10) not null,
					    primary key (document_id, speaker),
					    constraint speaker_link_origin check (origin in ('DOCUMENT', 'PROPOSED', 'RESEARCHER'))
					)""");
			s.execute("create index speaker_link_participant on speaker_link (participant_id)");
		}
		// every participant with the documents it speaks in, in import order
		Map<Long, Participant> participants = new LinkedHashMap<>();
		try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
				select distinct p.id, p.project_id, p.label, t.document_id, d.name, t.speaker
				from participant p
				join speaker_turn t on t.participant_id = p.id
				join document d on d.id = t.document_id
				where t.speaker is not null
				order by p.id, t.document_id, t.speaker""")) {
			while (rs.next()) {
				long id = rs.getLong(1);
				Participant p = participants.get(id);
				if (p == null) {
					p = new Participant(id, rs.getLong(2), rs.getString(3), new ArrayList<>());
					participants.put(id, p);
				}
				p.uses().add(new Use(rs.getLong(4), rs.getString(5), rs.getString(6)));
			}
		}
		for (Participant p : participants.values()) {
			Set<Long> documents = new HashSet<>();
			p.uses().forEach(u -> documents.add(u.document()));
			boolean shared = documents.size() > 1;
			if (!shared) {
				for (Use u : p.uses()) {
					link(c, u, p.id(), "DOCUMENT");
				}
				continue;
			}
			if (SpeakerRoles.isRole(p.label()) && !hasResearcherData(c, p.id())) {
				for (Use u : p.uses()) {
					long own = createParticipant(c, p.project(), SpeakerLink.documentLabel(u.speaker(), u.documentName()),
							u.document());
					try (PreparedStatement ps = c.prepareStatement(
							"update speaker_turn set participant_id = ? where document_id = ? and speaker = ? and participant_id = ?")) {
						ps.setLong(1, own);
						ps.setLong(2, u.document());
						ps.setString(3, u.speaker());
						ps.setLong(4, p.id());
						ps.executeUpdate();
					}
					link(c, u, own, "DOCUMENT");
				}
				try (PreparedStatement ps = c.prepareStatement(
						"delete from participant where id = ? and not exists (select 1 from speaker_turn where participant_id = ?)")) {
					ps.setLong(1, p.id());
					ps.setLong(2, p.id());
					ps.executeUpdate();
				}
			}
			else {
				long first = p.uses().get(0).document();
				boolean role = SpeakerRoles.isRole(p.label());
				for (Use u : p.uses()) {
					// a role label kept for its data is a proposal everywhere; a person's first document is not
					link(c, u, p.id(), !role && u.document() == first ? "DOCUMENT" : "PROPOSED");
				}
			}
		}
	}

	private static boolean hasResearcherData(Connection c, long participant) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement("""
				select (select count(*) from participant_value where participant_id = ?)
				     + (select count(*) from survey_response where participant_id = ?)""")) {
			ps.setLong(1, participant);
			ps.setLong(2, participant);
			try (ResultSet rs = ps.executeQuery()) {
				rs.next();
				return rs.getLong(1) > 0;
			}
		}
	}

	private static long createParticipant(Connection c, long project, String wanted, long document) throws SQLException {
		String label = wanted;
		for (int i = 2; exists(c, project, label); i++) {
			label = SpeakerLink.numbered(wanted, i);
		}
		try (PreparedStatement ps = c.prepareStatement(
				"insert into participant (project_id, label, for_document) values (?, ?, ?)", new String[] { "id" })) {
			ps.setLong(1, project);
			ps.setString(2, label);
			ps.setLong(3, document);
			ps.executeUpdate();
			try (ResultSet keys = ps.getGeneratedKeys()) {
				keys.next();
				return keys.getLong(1);
			}
		}
	}

	private static boolean exists(Connection c, long project, String label) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement("select count(*) from participant where project_id = ? and label = ?")) {
			ps.setLong(1, project);
			ps.setString(2, label);
			try (ResultSet rs = ps.executeQuery()) {
				rs.next();
				return rs.getLong(1) > 0;
			}
		}
	}

	private static void link(Connection c, Use u, long participant, String origin) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement(
				"insert into speaker_link (document_id, speaker, participant_id, origin) values (?, ?, ?, ?)")) {
			ps.setLong(1, u.document());
			ps.setString(2, u.speaker());
			ps.setLong(3, participant);
			ps.setString(4, origin);
			ps.executeUpdate();
		}
	}

	private record Participant(long id, long project, String label, List<Use> uses) {
	}

	private record Use(long document, String documentName, String speaker) {
	}

}

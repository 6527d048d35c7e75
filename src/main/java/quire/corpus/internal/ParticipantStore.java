package quire.corpus.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import quire.corpus.Participant;
import quire.project.ProjectId;

/**
 * Reads who speaks in a project's documents ({@code participant}, {@code speaker_link}) for the corpus
 * API, and for modules that keep data per participant and must not join the corpus tables themselves.
 */
@Component
public class ParticipantStore {

	private final JdbcClient jdbc;

	ParticipantStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The participants of a project with their turn counts, by label. */
	public List<Participant> participants(ProjectId project) {
		return jdbc.sql("""
				select p.id, p.label, count(t.turn_index) as turns
				from participant p left join speaker_turn t on t.participant_id = p.id
				where p.project_id = ? group by p.id, p.label order by lower(p.label)
				""").param(project.value()).query((rs, row) -> new Participant(rs.getLong(1), rs.getString(2),
				rs.getInt(3))).list();
	}

	/**
	 * The labels of a project's participants by id, in the database's order of labels (its collation,
	 * as an {@code order by label} elsewhere would sort them).
	 */
	public Map<Long, String> labels(ProjectId project) {
		Map<Long, String> out = new LinkedHashMap<>();
		jdbc.sql("select id, label from participant where project_id = ? order by label, id")
			.param(project.value())
			.query((rs, row) -> out.put(rs.getLong(1), rs.getString(2)))
			.list();
		return out;
	}

	/** The distinct speaker labels of a project's transcripts, by label. */
	public List<String> speakers(ProjectId project) {
		return jdbc.sql("""
				select distinct l.speaker from speaker_link l join document d on d.id = l.document_id
				where d.project_id = ? order by l.speaker
				""").param(project.value()).query(String.class).list();
	}

}

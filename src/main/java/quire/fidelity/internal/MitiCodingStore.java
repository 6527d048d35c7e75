package quire.fidelity.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import quire.fidelity.Behaviour;
import quire.fidelity.MitiSessionId;
import quire.fidelity.SuggestionUse;
import quire.project.ProjectId;

/**
 * The SQL behind MITI coding in Quire: where counsellor utterances are split ({@code miti_split}), each
 * coder's suggestion threshold ({@code miti_suggestion_threshold}) and what coders did with suggestions
 * ({@code miti_suggestion_use}). No access checks or audit entries: the service that calls it does those.
 */
@Component
public class MitiCodingStore {

	private final JdbcClient jdbc;

	MitiCodingStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The document offsets at which the session's counsellor utterances are split. */
	public List<Integer> splits(MitiSessionId id) {
		return jdbc.sql("select split_at from miti_split where session_id = ?")
			.param(id.value())
			.query(Integer.class)
			.list();
	}

	public void addSplit(MitiSessionId id, int offset) {
		jdbc.sql("insert into miti_split (session_id, split_at) values (?, ?)").params(id.value(), offset).update();
	}

	public void removeSplit(MitiSessionId id, int offset) {
		jdbc.sql("delete from miti_split where session_id = ? and split_at = ?").params(id.value(), offset).update();
	}

	/** The coder's suggestion threshold in the project, if the coder set one. */
	public Optional<Double> suggestionThreshold(ProjectId project, String coder) {
		return jdbc.sql("select threshold from miti_suggestion_threshold where project_id = ? and coder = ?")
			.params(project.value(), coder)
			.query(Double.class)
			.optional();
	}

	public void setSuggestionThreshold(ProjectId project, String coder, double threshold) {
		jdbc.sql("delete from miti_suggestion_threshold where project_id = ? and coder = ?").params(project.value(), coder)
			.update();
		jdbc.sql("insert into miti_suggestion_threshold (project_id, coder, threshold) values (?, ?, ?)")
			.params(project.value(), coder, threshold)
			.update();
	}

	/** Records the coder's decision on the suggestion for the utterance starting at {@code start}, replacing an earlier one. */
	public void recordSuggestionOutcome(MitiSessionId id, String coder, int start, Behaviour suggested, Behaviour chosen) {
		forgetSuggestionOutcome(id, coder, start);
		jdbc.sql("insert into miti_suggestion_use (session_id, coder, utterance_start, suggested, chosen) values (?, ?, ?, ?, ?)")
			.params(id.value(), coder, start, suggested.name(), chosen.name())
			.update();
	}

	public void forgetSuggestionOutcome(MitiSessionId id, String coder, int start) {
		jdbc.sql("delete from miti_suggestion_use where session_id = ? and coder = ? and utterance_start = ?")
			.params(id.value(), coder, start)
			.update();
	}

	/** Accepted and changed suggestions per session and coder of the project, by session label and coder. */
	public List<SuggestionUse> suggestionUse(ProjectId project) {
		return jdbc.sql("""
				select s.id, s.label, u.coder,
				       sum(case when u.suggested = u.chosen then 1 else 0 end) as accepted,
				       sum(case when u.suggested = u.chosen then 0 else 1 end) as changed
				from miti_suggestion_use u join miti_session s on s.id = u.session_id
				where s.project_id = ?
				group by s.id, s.label, u.coder
				order by s.label, u.coder""")
			.param(project.value())
			.query((rs, i) -> new SuggestionUse(new MitiSessionId(rs.getLong(1)), rs.getString(2), rs.getString(3),
					rs.getInt(4), rs.getInt(5)))
			.list();
	}

}

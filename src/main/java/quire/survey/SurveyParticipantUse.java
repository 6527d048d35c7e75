package quire.survey;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import quire.corpus.ParticipantUse;

/** Tells the corpus that a participant with questionnaire answers is in use (and must be kept). */
@Component
class SurveyParticipantUse implements ParticipantUse {

	private final JdbcClient jdbc;

	SurveyParticipantUse(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean uses(long participantId) {
		return jdbc.sql("select count(*) from survey_response where participant_id = ?")
			.param(participantId)
			.query(Long.class)
			.single() > 0;
	}

}

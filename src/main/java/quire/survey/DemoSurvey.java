package quire.survey;

import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import quire.corpus.DemoProject;
import quire.corpus.DemoProjectCreated;

/**
 * Gives the demo project the questionnaire of seed 002 (satisfaction, usefulness, timing appropriate,
 * preferred timing) answered by 112 of the 180 sick-listed workers ({@code corpora/demo/questionnaire.csv},
 * written for Quire), linked to the participants the corpus module created first.
 */
@Component
class DemoSurvey {

	static final String FILE = "questionnaire.csv";

	private final SurveyService survey;

	DemoSurvey(SurveyService survey) {
		this.survey = survey;
	}

	@EventListener
	@Order(10)
	void on(DemoProjectCreated event) {
		SurveyImport result = survey.importQuestionnaire(event.projectId(), "Sick-listed workers' questionnaire", FILE,
				DemoProject.read(FILE), "id", null, false);
		if (!result.applied()) {
			throw new IllegalStateException("the demo " + FILE + " does not import: " + result.problems() + " "
					+ result.unknownIds());
		}
	}

}

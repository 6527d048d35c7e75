package quire.analysis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import quire.corpus.StudyDesignService;
import quire.fidelity.FidelityService;
import quire.fidelity.Rating;
import quire.fidelity.RatingSource;
import quire.project.ProjectId;
import quire.survey.Questionnaire;
import quire.survey.SurveyService;

/** The study design across modules: document strands, MITI sessions by rating source, questionnaires. */
@Service
@Transactional(readOnly = true)
public class StudyService {

	private final StudyDesignService design;

	private final FidelityService fidelity;

	private final SurveyService survey;

	StudyService(StudyDesignService design, FidelityService fidelity, SurveyService survey) {
		this.design = design;
		this.fidelity = fidelity;
		this.survey = survey;
	}

	public StudyOverview overview(ProjectId project) {
		Map<RatingSource, Set<Object>> sessions = new LinkedHashMap<>();
		for (Rating r : fidelity.ratings(project)) {
			sessions.computeIfAbsent(r.source(), s -> new HashSet<>()).add(r.session().id());
		}
		List<StudyOverview.RatingSourceCount> sources = new ArrayList<>();
		for (RatingSource source : RatingSource.values()) {
			int n = sessions.getOrDefault(source, Set.of()).size();
			if (n > 0) {
				sources.add(new StudyOverview.RatingSourceCount(source.name().toLowerCase(java.util.Locale.ROOT),
						(n == 1 ? "session " : "sessions ") + labelOf(source), n));
			}
		}
		List<StudyOverview.QuestionnaireStrand> questionnaires = new ArrayList<>();
		for (Questionnaire q : survey.questionnaires(project)) {
			questionnaires.add(new StudyOverview.QuestionnaireStrand(q.name(), survey.respondents(q).size(), q.variables().size()));
		}
		return new StudyOverview(design.design(project), sources, questionnaires);
	}

	private static String labelOf(RatingSource source) {
		return switch (source) {
			case LAB -> "rated by the coding lab";
			case QUIRE -> "coded in Quire";
			default -> source.label();
		};
	}

}

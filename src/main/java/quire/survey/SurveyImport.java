package quire.survey;

import java.util.List;

/**
 * What a questionnaire import found or did. {@code proposed} is the variable codebook Quire proposes
 * (or the one used). When {@code applied} is false nothing was stored: {@code problems} lists every
 * bad cell by line and column, {@code unknownIds} every id that matches no participant.
 */
public record SurveyImport(String fileName, boolean applied, int rows, int valuesStored, List<String> changes,
		List<VariableSpec> proposed, List<SurveyProblem> problems, List<String> unknownIds) {

	public SurveyImport {
		changes = List.copyOf(changes);
		proposed = List.copyOf(proposed);
		problems = List.copyOf(problems);
		unknownIds = List.copyOf(unknownIds);
	}

	public String describe() {
		if (!applied) {
			return fileName + ": nothing imported — " + problems.size() + " problem(s)"
					+ (unknownIds.isEmpty() ? "" : ", " + unknownIds.size() + " unknown id(s)");
		}
		return fileName + ": " + rows + " respondents, " + valuesStored + " answers"
				+ (changes.isEmpty() ? "" : ", " + changes.size() + " changed since the last import");
	}

}

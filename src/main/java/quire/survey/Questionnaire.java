package quire.survey;

import java.time.Instant;
import java.util.List;

import quire.project.ProjectId;

/** An imported questionnaire: its id column and variable codebook. */
public record Questionnaire(long id, ProjectId projectId, String name, String idColumn, String fileName, Instant importedAt,
		List<VariableSpec> variables) {

	public Questionnaire {
		variables = List.copyOf(variables);
	}

}

package quire.api.internal;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import quire.project.Project;
import quire.survey.Questionnaire;
import quire.survey.SurveyImport;
import quire.survey.SurveyService;
import quire.survey.VariableSpec;

/** Questionnaires: the variable codebook, the responses, and CSV/XLSX import. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Questionnaires")
class SurveyApi {

	private final SurveyService survey;

	private final ApiSupport api;

	SurveyApi(SurveyService survey, ApiSupport api) {
		this.survey = survey;
		this.api = api;
	}

	@GetMapping("/projects/{projectId}/questionnaires")
	@Operation(summary = "The questionnaires with their variables: label, level, value labels, missing codes")
	List<Dto.QuestionnaireDto> questionnaires(@PathVariable long projectId, HttpServletRequest request) {
		Project p = api.read(projectId, request);
		return survey.questionnaires(p.id()).stream().map(Dto.QuestionnaireDto::of).toList();
	}

	@GetMapping("/projects/{projectId}/questionnaires/{questionnaireId}/responses")
	@Operation(summary = "One row per respondent: the participant label and the answers by variable column")
	List<Dto.ResponseDto> responses(@PathVariable long projectId, @PathVariable long questionnaireId,
			HttpServletRequest request) {
		Project p = api.read(projectId, request);
		Questionnaire q = survey.questionnaires(p.id()).stream().filter(x -> x.id() == questionnaireId).findFirst()
			.orElseThrow(() -> new ApiNotFoundException("no questionnaire with id " + questionnaireId + " in project "
					+ projectId));
		Map<String, Map<String, String>> rows = new TreeMap<>();
		for (String respondent : survey.respondents(q)) {
			rows.put(respondent, new java.util.LinkedHashMap<>());
		}
		for (VariableSpec v : q.variables()) {
			survey.answers(q, v.column())
				.forEach((participant, answer) -> rows.computeIfAbsent(participant, k -> new java.util.LinkedHashMap<>())
					.put(v.column(), answer));
		}
		return rows.entrySet().stream().map(e -> new Dto.ResponseDto(e.getKey(), e.getValue())).toList();
	}

	@PostMapping(value = "/projects/{projectId}/questionnaires")
	@Operation(summary = "Imports (or re-imports) a questionnaire CSV or XLSX with the proposed codebook; coders and owners",
			description = "The same checks as the Questionnaires page: every bad cell is reported by line and column in "
					+ "a 400 problem (file, line, column, reason, problems[]) and nothing is stored. Ids that match no "
					+ "participant are refused unless addUnknown is true.")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "multipart/form-data"))
	ResponseEntity<Dto.QuestionnaireImportDto> importQuestionnaire(@PathVariable long projectId,
			@RequestPart("file") MultipartFile file, @RequestParam(required = false) @Nullable String name,
			@RequestParam(defaultValue = "id") String idColumn, @RequestParam(defaultValue = "false") boolean addUnknown,
			HttpServletRequest request) throws IOException {
		Project p = api.write(projectId, request);
		String fileName = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "upload.csv"
				: file.getOriginalFilename();
		String qName = name == null || name.isBlank() ? fileName.replaceAll("\\.[^.]+$", "") : name.strip();
		SurveyImport result = survey.importQuestionnaire(p.id(), qName, fileName, file.getBytes(), idColumn, null,
				addUnknown);
		if (!result.applied()) {
			throw new ImportProblemsException(fileName, result.problems().stream()
				.map(x -> new ImportProblemsException.Problem(x.line(), x.column(), x.reason()))
				.toList(), result.unknownIds());
		}
		long id = survey.questionnaire(p.id(), qName).map(Questionnaire::id).orElse(0L);
		return ResponseEntity.created(URI.create("/api/v1/projects/" + projectId + "/questionnaires/" + id + "/responses"))
			.body(new Dto.QuestionnaireImportDto(fileName, qName, result.rows(), result.valuesStored(), result.changes(),
					addUnknown ? result.unknownIds() : List.of()));
	}

}

package quire.api.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import quire.fidelity.FidelityService;
import quire.fidelity.LabImportResult;
import quire.fidelity.ResultsBy;
import quire.fidelity.ResultsSource;
import quire.fidelity.ThresholdSet;
import quire.project.Project;

/** MITI 4.2.1: sessions, results per session or counsellor, and coding-lab CSV import. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "MITI fidelity")
class FidelityApi {

	private final FidelityService fidelity;

	private final ApiSupport api;

	FidelityApi(FidelityService fidelity, ApiSupport api) {
		this.fidelity = fidelity;
		this.api = api;
	}

	@GetMapping("/projects/{projectId}/miti/sessions")
	@Operation(summary = "The MI sessions: label, counsellor, client, date, transcript and coded segment")
	List<Dto.MitiSessionDto> sessions(@PathVariable long projectId, HttpServletRequest request) {
		Project p = api.read(projectId, request);
		return fidelity.sessions(p.id()).stream().map(Dto.MitiSessionDto::of).toList();
	}

	@GetMapping("/projects/{projectId}/miti/results")
	@Operation(summary = "MITI results per session or counsellor and overall: summary scores, globals and behaviour counts",
			description = "n, mean, SD, min and max of each score over the sessions' primary ratings of one source "
					+ "(`source`: lab, quire or pooled; the coding lab's by default where the project has lab ratings), "
					+ "named with n in `caption`; reliability (double-coding) ratings are never in the means. Undefined ratios "
					+ "are null and counted in notDefined. atLeastFair and good are the shares of sessions at those "
					+ "levels of the named threshold set (the project's chosen set unless `thresholds` names another).")
	Dto.MitiResultsDto results(@PathVariable long projectId,
			@Parameter(description = "session or counsellor") @RequestParam(defaultValue = "counsellor") String by,
			@RequestParam(required = false) @Nullable String thresholds,
			@Parameter(description = "lab, quire or pooled (default: lab where the project has lab ratings, else quire)")
			@RequestParam(required = false) @Nullable String source, HttpServletRequest request) {
		Project p = api.read(projectId, request);
		ResultsBy grouping = switch (by.strip().toLowerCase(java.util.Locale.ROOT)) {
			case "session" -> ResultsBy.SESSION;
			case "counsellor", "counselor" -> ResultsBy.COUNSELLOR;
			default -> throw new IllegalArgumentException("by is session or counsellor, was '" + by + "'");
		};
		ThresholdSet set = thresholds == null || thresholds.isBlank() ? fidelity.thresholdSet(p.id())
				: fidelity.thresholdSet(p.id(), thresholds)
					.orElseThrow(() -> new IllegalArgumentException("no threshold set '" + thresholds + "'; sets are "
							+ String.join(", ", fidelity.thresholdSets(p.id()).stream().map(ThresholdSet::name).toList())));
		ResultsSource from = source == null || source.isBlank() ? fidelity.defaultSource(p.id()) : ResultsSource.parse(source);
		return Dto.MitiResultsDto.of(fidelity.results(p.id(), grouping, set, from));
	}

	@PostMapping(value = "/projects/{projectId}/miti/lab-results")
	@Operation(summary = "Imports a coding lab's MITI CSV (one row per rated session); coders and owners",
			description = "The same reader as the MITI page: when any row is bad nothing is stored and the answer is a "
					+ "400 problem with file, line, column and reason of every bad row, unless goodRowsOnly is true. "
					+ "`map=Header=field` (repeatable) maps columns Quire does not recognise.")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "multipart/form-data"))
	Dto.LabImportDto importLab(@PathVariable long projectId, @RequestPart("file") MultipartFile file,
			@RequestParam(defaultValue = "false") boolean goodRowsOnly,
			@Parameter(description = "Header=field, e.g. 'Rater=coder'; repeatable") @RequestParam(required = false) @Nullable List<String> map,
			HttpServletRequest request) throws IOException {
		Project p = api.write(projectId, request);
		String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "upload.csv"
				: file.getOriginalFilename();
		Map<String, String> mapping = new LinkedHashMap<>();
		for (String m : map == null ? List.<String>of() : map) {
			int eq = m.lastIndexOf('=');
			if (eq < 1) {
				throw new IllegalArgumentException("a column mapping is Header=field, was '" + m + "'; fields are "
						+ String.join(", ", FidelityService.labFields()));
			}
			mapping.put(m.substring(0, eq).strip(), m.substring(eq + 1).strip());
		}
		LabImportResult result = fidelity.importLab(p.id(), name, file.getBytes(), mapping, goodRowsOnly);
		List<ImportProblemsException.Problem> problems = result.problems().stream()
			.map(x -> new ImportProblemsException.Problem(x.line(), x.column(), x.reason()))
			.toList();
		if (!result.applied()) {
			throw new ImportProblemsException(name, problems, List.of());
		}
		return new Dto.LabImportDto(name, result.ratings(), result.sessionsCreated(), problems, result.ignoredColumns());
	}

}

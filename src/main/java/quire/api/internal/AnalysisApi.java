package quire.api.internal;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import quire.analysis.JointDisplayService;
import quire.coding.CodeId;
import quire.coding.CodebookService;
import quire.coding.MatrixRow;
import quire.coding.RetrievalService;
import quire.corpus.Attribute;
import quire.corpus.ParticipantService;
import quire.project.Project;
import quire.report.ReportService;

/** Joint displays (RE-AIM and codes × participant attribute) and the COREQ checklist. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Mixed methods and report")
class AnalysisApi {

	private final JointDisplayService joint;

	private final RetrievalService retrieval;

	private final CodebookService codebook;

	private final ParticipantService participants;

	private final ReportService report;

	private final ApiSupport api;

	AnalysisApi(JointDisplayService joint, RetrievalService retrieval, CodebookService codebook,
			ParticipantService participants, ReportService report, ApiSupport api) {
		this.joint = joint;
		this.retrieval = retrieval;
		this.codebook = codebook;
		this.participants = participants;
		this.report = report;
		this.api = api;
	}

	@GetMapping("/projects/{projectId}/joint-displays/re-aim")
	@Operation(summary = "The RE-AIM joint display: per dimension its themes with exemplar quotes, MITI and questionnaire evidence")
	List<Dto.ReAimRowDto> reAim(@PathVariable long projectId, @RequestParam(required = false) @Nullable String coder,
			HttpServletRequest request) {
		Project p = api.read(projectId, request);
		return joint.reAim(p.id(), coder == null || coder.isBlank() ? null : coder).stream().map(Dto.ReAimRowDto::of).toList();
	}

	@GetMapping("/projects/{projectId}/joint-displays/codes-by-attribute")
	@Operation(summary = "Codes (or RE-AIM dimensions) × the values of a participant attribute: segments and participants per cell")
	Dto.AttributeMatrixDto codesByAttribute(@PathVariable long projectId,
			@Parameter(description = "a participant attribute's name", required = true) @RequestParam(required = false) @Nullable String attribute,
			@Parameter(description = "code ids, paths or names as rows (themes count their sub-codes); RE-AIM dimensions when absent") @RequestParam(required = false) @Nullable List<String> codes,
			@RequestParam(required = false) @Nullable String coder, HttpServletRequest request) {
		Project p = api.read(projectId, request);
		if (attribute == null || attribute.isBlank()) {
			throw new IllegalArgumentException("the parameter 'attribute' is required: a participant attribute's name");
		}
		Attribute a = participants.attribute(p.id(), attribute)
			.orElseThrow(() -> new IllegalArgumentException("no participant attribute '" + attribute + "'"));
		List<MatrixRow> rows;
		if (codes == null || codes.isEmpty()) {
			rows = retrieval.dimensionRows(p.id());
		}
		else {
			List<CodeId> ids = codes.stream().map(c -> {
				String w = c.strip();
				var found = w.matches("\\d+") ? codebook.code(new CodeId(Long.parseLong(w))).filter(x -> x.projectId().equals(p.id()))
						: codebook.findCode(p.id(), w);
				return found.orElseThrow(() -> new IllegalArgumentException("no code '" + w + "' in this project")).id();
			}).toList();
			rows = retrieval.codeRows(p.id(), ids);
		}
		return Dto.AttributeMatrixDto.of(joint.codesByAttribute(p.id(), rows, a, coder == null || coder.isBlank() ? null : coder));
	}

	@GetMapping("/projects/{projectId}/coreq")
	@Operation(summary = "The 32-item COREQ checklist: per item whether it is filled from the data, answered by the authors, or missing")
	List<Dto.ChecklistDto> coreq(@PathVariable long projectId, HttpServletRequest request) {
		Project p = api.read(projectId, request);
		return report.checklist(p.id()).stream().map(Dto.ChecklistDto::of).toList();
	}

}

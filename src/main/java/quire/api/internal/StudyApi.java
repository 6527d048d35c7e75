package quire.api.internal;

import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import quire.analysis.StudyService;
import quire.corpus.CorpusService;
import quire.corpus.DocumentId;
import quire.corpus.GroupKind;
import quire.corpus.Strand;
import quire.corpus.StudyDesignService;
import quire.project.Project;

/** The study design: strands, document groups' kinds, MITI sources and questionnaires. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Study design")
class StudyApi {

	private final StudyService study;

	private final StudyDesignService design;

	private final CorpusService corpus;

	private final ApiSupport api;

	StudyApi(StudyService study, StudyDesignService design, CorpusService corpus, ApiSupport api) {
		this.study = study;
		this.design = design;
		this.corpus = corpus;
		this.api = api;
	}

	/** A group's design: a kind and optionally a strand, or {@code infer: true} to let Quire infer them. */
	record GroupDesignBody(@Nullable String kind, @Nullable String strand, @Nullable Boolean infer) {
	}

	@GetMapping("/projects/{projectId}/study")
	@Operation(summary = "The study design: each strand with its n, each document group's kind and strand, MITI sessions by rating source, questionnaires")
	Map<String, Object> study(@PathVariable long projectId, HttpServletRequest request) {
		Project p = api.read(projectId, request);
		Map<DocumentId, String> names = new HashMap<>();
		corpus.documents(p.id()).forEach(d -> names.put(d.id(), d.name()));
		return study.overview(p.id()).asMap(id -> names.getOrDefault(id, String.valueOf(id.value())));
	}

	@PutMapping("/projects/{projectId}/study/groups/{group}")
	@Operation(summary = "Set a document group's kind and strand (strand defaults to the kind's usual one), or infer them again with {\"infer\": true}")
	Map<String, Object> setGroup(@PathVariable long projectId, @PathVariable String group, @RequestBody GroupDesignBody body,
			HttpServletRequest request) {
		Project p = api.write(projectId, request);
		if (Boolean.TRUE.equals(body.infer())) {
			design.resetDesign(p.id(), group);
		}
		else {
			if (body.kind() == null || body.kind().isBlank()) {
				throw new IllegalArgumentException("give a kind (focus-group, interview, counselling-session or field-notes), or infer: true");
			}
			design.setDesign(p.id(), group, GroupKind.parse(body.kind()),
					body.strand() == null || body.strand().isBlank() ? null : Strand.parse(body.strand()));
		}
		return study(projectId, request);
	}

}

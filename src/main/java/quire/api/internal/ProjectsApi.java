package quire.api.internal;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import quire.corpus.Attribute;
import quire.corpus.CorpusService;
import quire.corpus.DocumentId;
import quire.corpus.ImportRejectedException;
import quire.corpus.ImportRequest;
import quire.corpus.Language;
import quire.corpus.ParticipantRow;
import quire.corpus.ParticipantService;
import quire.corpus.Transcript;
import quire.project.Project;
import quire.project.ProjectAccess;
import quire.project.ProjectService;

/** Projects, their documents with speaker turns, participants and attributes; document import. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Projects and corpus")
class ProjectsApi {

	private final ProjectService projects;

	private final ProjectAccess access;

	private final CorpusService corpus;

	private final ParticipantService participants;

	private final ApiSupport api;

	ProjectsApi(ProjectService projects, ProjectAccess access, CorpusService corpus, ParticipantService participants,
			ApiSupport api) {
		this.projects = projects;
		this.access = access;
		this.corpus = corpus;
		this.participants = participants;
		this.api = api;
	}

	@GetMapping("/projects")
	@Operation(summary = "The projects the token's user belongs to, with their role")
	List<Dto.ProjectDto> projects() {
		return projects.list().stream()
			.map(p -> Dto.ProjectDto.of(p, access.role(p.id()).map(r -> r.label()).orElse("")))
			.toList();
	}

	@GetMapping("/projects/{projectId}")
	@Operation(summary = "One project")
	Dto.ProjectDto project(@PathVariable long projectId, HttpServletRequest request) {
		Project p = api.read(projectId, request);
		return Dto.ProjectDto.of(p, access.role(p.id()).map(r -> r.label()).orElse(""));
	}

	@GetMapping("/projects/{projectId}/documents")
	@Operation(summary = "The project's documents")
	List<Dto.DocumentDto> documents(@PathVariable long projectId, HttpServletRequest request) {
		Project p = api.read(projectId, request);
		return corpus.documents(p.id()).stream().map(Dto.DocumentDto::of).toList();
	}

	@GetMapping("/projects/{projectId}/documents/{documentId}")
	@Operation(summary = "A document with its speaker turns and sentence units (text and character offsets)",
			description = "A turn's `index` counts from 0; its `number` counts from 1 and is the turn number the pages, "
					+ "exports and CLI show, the one to cite.")
	Dto.TranscriptDto document(@PathVariable long projectId, @PathVariable long documentId, HttpServletRequest request) {
		Project p = api.read(projectId, request);
		Transcript t = corpus.transcript(new DocumentId(documentId))
			.filter(x -> x.document().projectId().equals(p.id()))
			.orElseThrow(() -> new ApiNotFoundException("no document with id " + documentId + " in project " + projectId));
		return Dto.TranscriptDto.of(t, corpus.sentences(t.document().id()));
	}

	@PostMapping(value = "/projects/{projectId}/documents")
	@Operation(summary = "Imports a transcript (.txt, .docx, .pdf, .vtt, .srt) as the upload page does; coders and owners")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "multipart/form-data"))
	ResponseEntity<Dto.ImportedDocumentDto> importDocument(@PathVariable long projectId, @RequestPart("file") MultipartFile file,
			@RequestParam(required = false) @Nullable String group, @RequestParam(required = false) @Nullable String language,
			HttpServletRequest request) throws IOException {
		Project p = api.write(projectId, request);
		String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "upload"
				: file.getOriginalFilename();
		Language lang = null;
		if (language != null && !language.isBlank()) {
			lang = Language.parse(language)
				.orElseThrow(() -> new ImportRejectedException(name, "unknown language '" + language + "'; use en or no"));
		}
		var result = corpus.importDocument(p.id(), new ImportRequest(name, file.getBytes(), group, lang));
		return ResponseEntity
			.created(URI.create("/api/v1/projects/" + projectId + "/documents/" + result.document().id().value()))
			.body(Dto.ImportedDocumentDto.of(result));
	}

	@GetMapping("/projects/{projectId}/attributes")
	@Operation(summary = "The participant attributes (typed; categories in order)")
	List<Dto.AttributeDto> attributes(@PathVariable long projectId, HttpServletRequest request) {
		Project p = api.read(projectId, request);
		return participants.attributes(p.id()).stream().map(Dto.AttributeDto::of).toList();
	}

	@GetMapping("/projects/{projectId}/participants")
	@Operation(summary = "The participants with their attribute values by attribute name")
	List<Dto.ParticipantDto> participants(@PathVariable long projectId, HttpServletRequest request) {
		Project p = api.read(projectId, request);
		List<Attribute> attributes = participants.attributes(p.id());
		return participants.participants(p.id()).stream().map(r -> participant(r, attributes)).toList();
	}

	static Dto.ParticipantDto participant(ParticipantRow r, List<Attribute> attributes) {
		return new Dto.ParticipantDto(r.participant().id(), r.participant().label(), r.participant().turns(),
				attributeMap(r, attributes));
	}

	/** The values that are set, by attribute name in the attributes' order. */
	static Map<String, String> attributeMap(ParticipantRow r, List<Attribute> attributes) {
		Map<String, String> values = new LinkedHashMap<>();
		for (Attribute a : attributes) {
			String v = r.value(a);
			if (!v.isEmpty()) {
				values.put(a.name(), v);
			}
		}
		return values;
	}

}

package quire.api.internal;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import quire.corpus.CorpusService;
import quire.corpus.DocumentId;
import quire.corpus.SpeakerLink;
import quire.corpus.SpeakerLinkService;
import quire.project.Project;

/**
 * Speakers are per document, people are participants: which participant speaks under each label of
 * each document, linking and unlinking, and the review of proposals (same label, maybe the same person).
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Projects and corpus")
class SpeakersApi {

	private final SpeakerLinkService speakers;

	private final CorpusService corpus;

	private final ApiSupport api;

	SpeakersApi(SpeakerLinkService speakers, CorpusService corpus, ApiSupport api) {
		this.speakers = speakers;
		this.corpus = corpus;
		this.api = api;
	}

	/** A speaker of a document with its participant and where the link came from. */
	record SpeakerLinkDto(long documentId, String document, String speaker, long participantId, String participant,
			String origin, int turns) {
		static SpeakerLinkDto of(SpeakerLink l) {
			return new SpeakerLinkDto(l.document().value(), l.documentName(), l.speaker(), l.participantId(),
					l.participantLabel(), l.origin().name().toLowerCase(Locale.ROOT), l.turns());
		}
	}

	/** Link a speaker of the document to a participant (by id). */
	record LinkSpeaker(@Nullable String speaker, @Nullable Long participantId) {
	}

	/** A speaker of the document. */
	record SpeakerRef(@Nullable String speaker) {
	}

	/** Accept or reject the proposal for a speaker of the document. */
	record Review(@Nullable String speaker, @Nullable String decision) {
	}

	@GetMapping("/projects/{projectId}/speakers")
	@Operation(summary = "Every speaker of every document with the participant it is linked to",
			description = "origin: document (its own participant), proposed (same label as a participant elsewhere; "
					+ "awaiting review) or researcher (linked or accepted). proposed=true lists only proposals.")
	List<SpeakerLinkDto> speakers(@PathVariable long projectId, @RequestParam(required = false) boolean proposed,
			HttpServletRequest request) {
		Project p = api.read(projectId, request);
		return (proposed ? speakers.proposals(p.id()) : speakers.links(p.id())).stream().map(SpeakerLinkDto::of).toList();
	}

	@PutMapping("/projects/{projectId}/documents/{documentId}/speakers")
	@Operation(summary = "Links a speaker of the document to a participant of the project; coders and owners")
	SpeakerLinkDto link(@PathVariable long projectId, @PathVariable long documentId, @RequestBody LinkSpeaker body,
			HttpServletRequest request) {
		Project p = api.write(projectId, request);
		DocumentId document = document(p, documentId);
		if (body.participantId() == null) {
			throw new IllegalArgumentException("participantId is required (see GET /projects/" + projectId + "/participants)");
		}
		return SpeakerLinkDto.of(speakers.link(document, speaker(body.speaker()), body.participantId()));
	}

	@PostMapping("/projects/{projectId}/documents/{documentId}/speakers/unlink")
	@Operation(summary = "Gives a speaker of the document a participant of its own for this document; coders and owners")
	SpeakerLinkDto unlink(@PathVariable long projectId, @PathVariable long documentId, @RequestBody SpeakerRef body,
			HttpServletRequest request) {
		Project p = api.write(projectId, request);
		return SpeakerLinkDto.of(speakers.unlink(document(p, documentId), speaker(body.speaker())));
	}

	@PostMapping("/projects/{projectId}/documents/{documentId}/speakers/review")
	@Operation(summary = "Accepts or rejects the proposal for a speaker of the document (decision accept or reject); coders and owners")
	SpeakerLinkDto review(@PathVariable long projectId, @PathVariable long documentId, @RequestBody Review body,
			HttpServletRequest request) {
		Project p = api.write(projectId, request);
		DocumentId document = document(p, documentId);
		String speaker = speaker(body.speaker());
		String decision = body.decision() == null ? "" : body.decision().strip().toLowerCase(Locale.ROOT);
		return SpeakerLinkDto.of(switch (decision) {
			case "accept" -> speakers.accept(document, speaker);
			case "reject" -> speakers.reject(document, speaker);
			default -> throw new IllegalArgumentException("decision must be accept or reject, was '" + decision + "'");
		});
	}

	private DocumentId document(Project p, long documentId) {
		return corpus.document(new DocumentId(documentId))
			.filter(d -> d.projectId().equals(p.id()))
			.map(d -> d.id())
			.orElseThrow(() -> new ApiNotFoundException("no document with id " + documentId + " in project " + p.id().value()));
	}

	private static String speaker(@Nullable String speaker) {
		if (speaker == null || speaker.isBlank()) {
			throw new IllegalArgumentException("speaker is required: a speaker label of the document");
		}
		return speaker;
	}

}

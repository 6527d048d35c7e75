package quire.api.internal;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import quire.corpus.CorpusService;
import quire.corpus.DocumentId;
import quire.media.MediaContent;
import quire.media.MediaService;
import quire.media.Recording;
import quire.project.Project;

/**
 * Recordings of documents: attach (the request body is the file), list, stream with HTTP range
 * requests (206 with {@code Content-Range}, 416 for a range past the end), detach. Viewers may list
 * and play; coders and owners attach and detach.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Recordings")
class MediaApi {

	private final MediaService media;

	private final CorpusService corpus;

	private final ApiSupport api;

	MediaApi(MediaService media, CorpusService corpus, ApiSupport api) {
		this.media = media;
		this.corpus = corpus;
		this.api = api;
	}

	record RecordingDto(long documentId, String format, String contentType, boolean video, String originalName,
			long sizeBytes, @Nullable Long durationMs, Instant attached) {
		static RecordingDto of(Recording r) {
			return new RecordingDto(r.documentId().value(), r.format().name().toLowerCase(java.util.Locale.ROOT),
					r.format().contentType(), r.format().video(), r.originalName(), r.sizeBytes(), r.durationMillis(),
					r.attachedAt());
		}
	}

	@GetMapping("/projects/{projectId}/media")
	@Operation(summary = "The project's recordings (one per document at most)")
	List<RecordingDto> list(@PathVariable long projectId, HttpServletRequest request) {
		Project p = api.read(projectId, request);
		return media.list(p.id()).stream().map(RecordingDto::of).toList();
	}

	@PutMapping("/projects/{projectId}/documents/{documentId}/media")
	@Operation(summary = "Attaches the request body as the document's recording (mp3, m4a/aac, wav, ogg/opus, mp4, "
			+ "webm; the type is read from the content), replacing one attached before; coders and owners")
	ResponseEntity<RecordingDto> attach(@PathVariable long projectId, @PathVariable long documentId,
			@RequestParam(required = false) @Nullable String name, HttpServletRequest request) throws IOException {
		Project p = api.write(projectId, request);
		DocumentId id = document(p, projectId, documentId);
		Recording r = media.attach(id, name == null || name.isBlank() ? "recording" : name, request.getInputStream());
		return ResponseEntity.created(URI.create(request.getRequestURI())).body(RecordingDto.of(r));
	}

	@GetMapping("/projects/{projectId}/documents/{documentId}/media")
	@Operation(summary = "The document's recording, with HTTP range requests (Range: bytes=...) so players can seek")
	ResponseEntity<Resource> play(@PathVariable long projectId, @PathVariable long documentId,
			HttpServletRequest request) {
		Project p = api.read(projectId, request);
		MediaContent content = media.open(document(p, projectId, documentId))
			.orElseThrow(() -> new ApiNotFoundException("document " + documentId + " has no recording"));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(content.recording().format().contentType()))
			.header("Accept-Ranges", "bytes")
			.body(new FileSystemResource(content.file()));
	}

	@DeleteMapping("/projects/{projectId}/documents/{documentId}/media")
	@Operation(summary = "Detaches the document's recording and deletes its file; coders and owners")
	ResponseEntity<Void> detach(@PathVariable long projectId, @PathVariable long documentId, HttpServletRequest request) {
		Project p = api.write(projectId, request);
		if (!media.detach(document(p, projectId, documentId))) {
			throw new ApiNotFoundException("document " + documentId + " has no recording");
		}
		return ResponseEntity.noContent().build();
	}

	private DocumentId document(Project p, long projectId, long documentId) {
		return corpus.document(new DocumentId(documentId))
			.filter(d -> d.projectId().equals(p.id()))
			.map(d -> d.id())
			.orElseThrow(() -> new ApiNotFoundException("no document with id " + documentId + " in project " + projectId));
	}

}

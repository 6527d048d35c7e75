package quire.media.internal;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import quire.corpus.DocumentId;
import quire.media.MediaContent;
import quire.media.MediaService;

/**
 * What the web page's {@code <audio>}/{@code <video>} element plays: the signed-in user's session
 * decides, through {@link MediaService#open}, whether they may read the document's project (a viewer
 * may; anyone else gets 404, as if there were no recording). Range requests give 206 with
 * {@code Content-Range} (Spring answers an unsatisfiable range with 416), so the player can seek.
 */
@RestController
class MediaStreamController {

	/** The path the page's player loads; {@code {id}} is the document id. */
	static final String PATH = "/recordings/{documentId}";

	private final MediaService media;

	MediaStreamController(MediaService media) {
		this.media = media;
	}

	@GetMapping(PATH)
	ResponseEntity<Resource> play(@PathVariable long documentId) {
		return media.open(new DocumentId(documentId))
			.map(MediaStreamController::body)
			.orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).build());
	}

	private static ResponseEntity<Resource> body(MediaContent content) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(content.recording().format().contentType()))
			.header("Accept-Ranges", "bytes")
			.header("Cache-Control", "private, max-age=0, must-revalidate")
			.body(new FileSystemResource(content.file()));
	}

}

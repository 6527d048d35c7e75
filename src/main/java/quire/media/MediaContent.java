package quire.media;

import java.nio.file.Path;

/** A recording and where its bytes are, for streaming (the caller may read it; see {@link MediaService#open}). */
public record MediaContent(Recording recording, Path file) {
}

/**
 * Recordings: one audio or video file per document, kept under {@code QUIRE_HOME/media}
 * ({@code quire.media.folder}), its format read from the content and its duration from the file's
 * headers. Public API: {@link quire.media.MediaService} and its records; the files go with their
 * document ({@link quire.corpus.DocumentDeleted}) and project.
 */
@ApplicationModule(allowedDependencies = { "corpus", "corpus :: ui", "project", "security", "ui" })
@NullMarked
package quire.media;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

package quire.media;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import quire.corpus.DocumentId;
import quire.project.ProjectId;

/**
 * A recording attached to a document: its format (read from the content), the name it was uploaded
 * under, its size, and its duration when the file's headers tell it ({@code null} otherwise, e.g.
 * for WebM, whose duration the player reads).
 */
public record Recording(DocumentId documentId, ProjectId projectId, MediaFormat format, String originalName,
		long sizeBytes, @Nullable Long durationMillis, Instant attachedAt) {

	/** "12:03" or "1:02:03"; "unknown" without a duration. */
	public String durationText() {
		return durationMillis == null ? "unknown" : clock(durationMillis / 1000.0);
	}

	/** Seconds as m:ss or h:mm:ss (whole seconds, rounded down). */
	public static String clock(double seconds) {
		long s = (long) Math.floor(Math.max(0, seconds));
		long h = s / 3600;
		long m = (s % 3600) / 60;
		long r = s % 60;
		return h > 0 ? "%d:%02d:%02d".formatted(h, m, r) : "%d:%02d".formatted(m, r);
	}

	/** "interview.mp3 — MP3 audio, 12:03, 11.2 MB" */
	public String describe() {
		return originalName + " — " + format.label() + ", " + durationText() + ", "
				+ "%.1f MB".formatted(sizeBytes / 1_048_576.0);
	}

}

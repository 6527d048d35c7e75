package quire.media.internal;

import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.jaudiotagger.audio.AudioFile;
import org.jaudiotagger.audio.AudioFileIO;

import quire.media.MediaFormat;

/**
 * Reads a recording's duration from its headers with jaudiotagger (mp3, m4a/mp4, wav, ogg). WebM is
 * not among its formats; there the duration stays unknown and the player reads it. A file whose
 * headers cannot be read keeps an unknown duration too: the browser, not Quire, decodes it.
 */
public final class MediaProbe {

	static {
		// jaudiotagger logs every header it reads at INFO and every oddity at WARNING
		Logger.getLogger("org.jaudiotagger").setLevel(Level.SEVERE);
	}

	private MediaProbe() {
	}

	public static OptionalLong durationMillis(Path file, MediaFormat format) {
		if (format == MediaFormat.WEBM) {
			return OptionalLong.empty();
		}
		try {
			AudioFile audio = AudioFileIO.readAs(file.toFile(), format.extension());
			double seconds = audio.getAudioHeader().getPreciseTrackLength();
			return seconds > 0 ? OptionalLong.of(Math.round(seconds * 1000)) : OptionalLong.empty();
		}
		catch (Exception | LinkageError ex) {
			return OptionalLong.empty();
		}
	}

}

package quire.media.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/**
 * Writes small synthetic WAV files (8 kHz, 8-bit mono, about 8 KB a second) with the JDK's
 * {@code javax.sound.sampled}: silence with a short tone at each given moment. The demo's recordings
 * are made this way at demo time, so no media is kept in the repository; a tone marks where each
 * turn starts, so one can hear that the player and the transcript are in step.
 */
public final class ToneWav {

	public static final float RATE = 8000f;

	private ToneWav() {
	}

	/** A WAV of {@code lengthMillis}, with a 250 ms tone of {@code hz[i]} starting at {@code startsMillis[i]}. */
	public static byte[] tones(long lengthMillis, List<Long> startsMillis, List<Integer> hz) {
		int frames = (int) Math.max(1, lengthMillis * (long) RATE / 1000);
		byte[] pcm = new byte[frames];
		java.util.Arrays.fill(pcm, (byte) 128); // 8-bit WAV is unsigned: 128 is silence
		for (int i = 0; i < startsMillis.size(); i++) {
			int from = (int) (startsMillis.get(i) * (long) RATE / 1000);
			int length = (int) (RATE / 4);
			double step = 2 * Math.PI * hz.get(i) / RATE;
			for (int f = 0; f < length && from + f < frames; f++) {
				if (from + f >= 0) {
					pcm[from + f] = (byte) (128 + Math.round(60 * Math.sin(step * f)));
				}
			}
		}
		AudioFormat format = new AudioFormat(RATE, 8, 1, false, false);
		try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm), format, frames)) {
			ByteArrayOutputStream out = new ByteArrayOutputStream(frames + 64);
			AudioSystem.write(in, AudioFileFormat.Type.WAVE, out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

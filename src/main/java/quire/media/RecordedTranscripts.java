package quire.media;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A recording uploaded together with its timed transcript: {@code interview.mp3} and
 * {@code interview.vtt} (or {@code .srt}) become one document with its recording, all or nothing —
 * if the recording is refused (not a format browsers play, too large) the transcript is not imported
 * either, and if the transcript is refused the recording is not kept. Files pair by their name
 * without the extension, ignoring case; which file is a recording is guessed from its name only to
 * pair it, and then read from its content like every recording. {@link MediaService#importTogether}
 * imports a pair.
 */
public final class RecordedTranscripts {

	/** Transcript endings a recording pairs with: the timed formats. */
	public static final List<String> TRANSCRIPT_ENDINGS = List.of(".vtt", ".srt");

	/** Endings of the recording files browsers play (the content decides; the name only pairs). */
	public static final List<String> RECORDING_ENDINGS = List.of(".mp3", ".m4a", ".aac", ".mp4", ".m4v", ".wav", ".ogg",
			".oga", ".opus", ".webm");

	private RecordedTranscripts() {
	}

	/** Whether the file's name ends like a recording (.mp3, .wav, …). */
	public static boolean isRecordingName(String fileName) {
		return endsWithAny(fileName, RECORDING_ENDINGS);
	}

	/** Whether the file's name ends like a timed transcript (.vtt, .srt). */
	public static boolean isTimedTranscriptName(String fileName) {
		return endsWithAny(fileName, TRANSCRIPT_ENDINGS);
	}

	/** The name that pairs files: without folder and extension, in lower case. */
	public static String pairingName(String fileName) {
		String n = fileName.replace('\\', '/');
		n = n.substring(n.lastIndexOf('/') + 1).strip();
		int dot = n.lastIndexOf('.');
		return (dot > 0 ? n.substring(0, dot) : n).toLowerCase(Locale.ROOT);
	}

	/**
	 * The pairs among some file names: each timed transcript with the one recording of the same name,
	 * transcript name to recording name, in the order the transcripts come. A name with two
	 * recordings (or two transcripts) pairs with none, since which belongs together is unclear.
	 */
	public static Map<String, String> pairs(Collection<String> fileNames) {
		Map<String, List<String>> transcripts = new LinkedHashMap<>();
		Map<String, List<String>> recordings = new LinkedHashMap<>();
		for (String name : fileNames) {
			if (isTimedTranscriptName(name)) {
				transcripts.computeIfAbsent(pairingName(name), k -> new java.util.ArrayList<>()).add(name);
			}
			else if (isRecordingName(name)) {
				recordings.computeIfAbsent(pairingName(name), k -> new java.util.ArrayList<>()).add(name);
			}
		}
		Map<String, String> out = new LinkedHashMap<>();
		transcripts.forEach((key, names) -> {
			List<String> r = recordings.getOrDefault(key, List.of());
			if (names.size() == 1 && r.size() == 1) {
				out.put(names.get(0), r.get(0));
			}
		});
		return out;
	}

	private static boolean endsWithAny(String fileName, List<String> endings) {
		String n = fileName.strip().toLowerCase(Locale.ROOT);
		return endings.stream().anyMatch(n::endsWith);
	}

}

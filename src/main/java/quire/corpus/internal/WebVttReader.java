package quire.corpus.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import quire.corpus.ImportRejectedException;

/**
 * Reads WebVTT captions (Teams, Zoom and others): cues with optional identifiers, timing lines and
 * settings; NOTE, STYLE and REGION blocks are skipped. The speaker comes from a {@code <v Name>}
 * voice span, else from a {@code Name:} prefix.
 */
final class WebVttReader {

	/** A WebVTT timestamp: hours are optional and may have any number of digits ("100:00:05.000"). */
	private static final String TS = "((?:\\d{1,9}:)?\\d{1,2}:\\d{2}[.,]\\d{1,3})";

	private static final Pattern TIMING = Pattern.compile("^\\s*" + TS + "\\s*-->\\s*" + TS + "(?:\\s+.*)?$");

	private static final Pattern VOICE = Pattern.compile("<v(?:\\.[^\\s>]+)*\\s+([^>]+)>");

	private WebVttReader() {
	}

	static ParsedTranscript read(String fileName, String text, int maxCues) {
		String[] lines = text.split("\n", -1);
		if (lines.length == 0 || !lines[0].strip().startsWith("WEBVTT")) {
			throw new ImportRejectedException(fileName, "not a WebVTT file: the first line must be WEBVTT (line 1)");
		}
		List<Cue> cues = new ArrayList<>();
		int i = 1;
		while (i < lines.length) {
			if (lines[i].isBlank()) {
				i++;
				continue;
			}
			String first = lines[i].strip();
			if (first.startsWith("NOTE") || first.equals("STYLE") || first.equals("REGION")) {
				while (i < lines.length && !lines[i].isBlank()) {
					i++;
				}
				continue;
			}
			int timingLine = first.contains("-->") ? i : i + 1;
			if (timingLine >= lines.length) {
				throw new ImportRejectedException(fileName, "cue without a timing line (line " + (i + 1) + ")");
			}
			Matcher m = TIMING.matcher(lines[timingLine]);
			if (!m.matches()) {
				throw new ImportRejectedException(fileName, "cannot read the cue timing '" + lines[timingLine].strip()
						+ "' (line " + (timingLine + 1) + "); expected hh:mm:ss.mmm --> hh:mm:ss.mmm");
			}
			String bad = CueRenderer.badTiming(m.group(1), m.group(2));
			if (bad != null) {
				throw new ImportRejectedException(fileName, "broken cue timing '" + lines[timingLine].strip() + "' (line "
						+ (timingLine + 1) + "): " + bad);
			}
			long start = SpeakerTurnParser.millis(m.group(1));
			long end = SpeakerTurnParser.millis(m.group(2));
			StringBuilder payload = new StringBuilder();
			i = timingLine + 1;
			while (i < lines.length && !lines[i].isBlank()) {
				payload.append(payload.isEmpty() ? "" : "\n").append(lines[i]);
				i++;
			}
			Matcher voice = VOICE.matcher(payload);
			if (voice.find()) {
				cues.add(new Cue(start, end, CueRenderer.blankToNull(voice.group(1)), CueRenderer.clean(payload.toString())));
			}
			else {
				cues.add(CueRenderer.withSpeakerFromWords(start, end, CueRenderer.clean(payload.toString())));
			}
			if (cues.size() > maxCues) {
				throw TranscriptReaders.tooMany(fileName, cues.size(), "cues", maxCues, true);
			}
		}
		return CueRenderer.render(fileName, "vtt", cues, maxCues);
	}

}

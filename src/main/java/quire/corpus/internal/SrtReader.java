package quire.corpus.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import quire.corpus.ImportRejectedException;

/**
 * Reads SubRip (.srt) subtitles: numbered blocks of a timing line and text lines. The speaker comes
 * from a {@code Name:}, {@code - Name:} or {@code [Name]} prefix on the block's text.
 */
final class SrtReader {

	private static final String TS = "(\\d{1,9}:\\d{2}:\\d{2}[,.]\\d{1,3})";

	private static final Pattern TIMING = Pattern.compile("^\\s*" + TS + "\\s*-->\\s*" + TS + ".*$");

	private SrtReader() {
	}

	static ParsedTranscript read(String fileName, String text, int maxCues) {
		String[] lines = text.split("\n", -1);
		List<Cue> cues = new ArrayList<>();
		int i = 0;
		while (i < lines.length) {
			if (lines[i].isBlank()) {
				i++;
				continue;
			}
			int timingLine = lines[i].strip().matches("\\d+") ? i + 1 : i;
			if (timingLine >= lines.length) {
				throw new ImportRejectedException(fileName, "subtitle block without a timing line (line " + (i + 1) + ")");
			}
			Matcher m = TIMING.matcher(lines[timingLine]);
			if (!m.matches()) {
				throw new ImportRejectedException(fileName, "not a SubRip file: cannot read the timing '"
						+ lines[timingLine].strip() + "' (line " + (timingLine + 1)
						+ "); expected hh:mm:ss,mmm --> hh:mm:ss,mmm");
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
			cues.add(CueRenderer.withSpeakerFromWords(start, end, CueRenderer.clean(payload.toString())));
			if (cues.size() > maxCues) {
				throw TranscriptReaders.tooMany(fileName, cues.size(), "cues", maxCues, true);
			}
		}
		return CueRenderer.render(fileName, "srt", cues, maxCues);
	}

}

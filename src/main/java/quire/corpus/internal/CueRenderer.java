package quire.corpus.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Turns subtitle cues into a readable transcript: consecutive cues of one speaker merge into one
 * turn (Teams and Zoom split utterances), and each turn becomes one line
 * {@code [hh:mm:ss] Speaker: words}. Cue numbers and timing lines are not part of what was said and
 * are not stored.
 */
final class CueRenderer {

	private static final Pattern TAG = Pattern.compile("<[^>]*>");

	private static final Pattern SPEAKER_PREFIX = Pattern
		.compile("^\\s*(?:-\\s*)?\\[?([\\p{L}][\\p{L}\\p{N}.'’\\- ]{0,39}?)\\]?\\s*:\\s+");

	private static final Pattern BRACKET_SPEAKER = Pattern.compile("^\\s*\\[([\\p{L}][\\p{L}\\p{N}.'’\\- ]{0,39})\\]\\s*");

	private CueRenderer() {
	}

	/**
	 * The transcript of the cues. Runs of one speaker's cues are gathered first and their words
	 * joined once, so the work is linear in the cues (joining cue by cue copied the turn so far each
	 * time: a million one-speaker cues took minutes and gigabytes).
	 * @throws ImportRejectedException if there are more than {@code maxCues} cues
	 */
	static ParsedTranscript render(String fileName, String format, List<Cue> cues, int maxCues) {
		if (cues.size() > maxCues) {
			throw TranscriptReaders.tooMany(fileName, cues.size(), "cues", maxCues, false);
		}
		List<Cue> merged = new ArrayList<>();
		int from = 0;
		while (from < cues.size()) {
			Cue first = cues.get(from);
			if (first.words().isBlank()) {
				from++;
				continue;
			}
			StringBuilder words = new StringBuilder(first.words());
			long endMs = first.endMs();
			int to = from + 1;
			while (first.speaker() != null && to < cues.size()
					&& (cues.get(to).words().isBlank() || Objects.equals(first.speaker(), cues.get(to).speaker()))) {
				Cue next = cues.get(to++);
				if (!next.words().isBlank()) {
					words.append(' ').append(next.words());
					endMs = next.endMs();
				}
			}
			merged.add(new Cue(first.startMs(), endMs, first.speaker(), words.toString()));
			from = to;
		}
		StringBuilder text = new StringBuilder();
		List<ParsedTurn> turns = new ArrayList<>();
		for (Cue cue : merged) {
			if (!text.isEmpty()) {
				text.append('\n');
			}
			text.append('[').append(clock(cue.startMs())).append("] ");
			if (cue.speaker() != null) {
				text.append(cue.speaker()).append(": ");
			}
			int start = text.length();
			text.append(cue.words());
			turns.add(new ParsedTurn(cue.speaker(), start, text.length(), cue.startMs(), cue.endMs()));
		}
		return new ParsedTranscript(format, text.toString(), turns);
	}

	/** Cue payload lines to words: tags stripped, entities decoded, whitespace collapsed. */
	static String clean(String payload) {
		String s = TAG.matcher(payload).replaceAll("");
		s = s.replace("&nbsp;", " ")
			.replace("&lrm;", "")
			.replace("&rlm;", "")
			.replace("&lt;", "<")
			.replace("&gt;", ">")
			.replace("&quot;", "\"")
			.replace("&#39;", "'")
			.replace("&amp;", "&");
		return s.replaceAll("\\s+", " ").strip();
	}

	/** A {@code Name: words}, {@code - Name: words} or {@code [Name] words} prefix, split off. */
	static Cue withSpeakerFromWords(long start, long end, String words) {
		Matcher m = SPEAKER_PREFIX.matcher(words);
		if (m.find() && SpeakerTurnParser.validLabel(m.group(1))) {
			return new Cue(start, end, m.group(1).strip(), words.substring(m.end()).strip());
		}
		m = BRACKET_SPEAKER.matcher(words);
		if (m.find() && SpeakerTurnParser.validLabel(m.group(1))) {
			return new Cue(start, end, m.group(1).strip(), words.substring(m.end()).strip());
		}
		return new Cue(start, end, null, words);
	}

	/**
	 * Why a cue's timing cannot be right, or null: minutes or seconds of 60 or more (e.g.
	 * {@code 00:00:75.000}), or an end before the start.
	 */
	static @Nullable String badTiming(String start, String end) {
		for (String time : List.of(start, end)) {
			String[] parts = time.split("[.,]")[0].split(":");
			for (int i = 1; i < parts.length; i++) {
				if (Integer.parseInt(parts[i]) >= 60) {
					return "'" + time + "' has " + (i == parts.length - 1 ? "seconds" : "minutes") + " of 60 or more";
				}
			}
		}
		if (SpeakerTurnParser.millis(end) < SpeakerTurnParser.millis(start)) {
			return "the cue ends (" + end + ") before it starts (" + start + ")";
		}
		return null;
	}

	static String clock(long ms) {
		long s = ms / 1000;
		return String.format(Locale.ROOT, "%02d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
	}

	static @Nullable String blankToNull(@Nullable String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

}

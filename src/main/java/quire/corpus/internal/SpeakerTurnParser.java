package quire.corpus.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import quire.corpus.SpeakerRoles;

import org.jspecify.annotations.Nullable;

/**
 * Finds speaker turns in plain transcript text (from .txt, .docx or .pdf), line by line. A turn
 * starts at a line such as {@code [00:12:03] Anna: …}, {@code 00:12:03 Anna: …},
 * {@code Anna [00:12:03]: …}, {@code MI Caseworker 2: …}, or Teams' Word layout of a line
 * {@code Anna Smith   0:03} followed by the words. Following lines continue the turn; text before
 * the first labelled line becomes turns without a speaker, one per paragraph.
 *
 * <p>
 * A label is 1–5 words (at most 40 characters) starting with a letter. Without a timestamp, a
 * label counts only when it is used on at least two lines, ends in a number ("Participant 7"), or
 * names a transcript role ("Moderator", "Interviewer", "Intervjuer"), so that a sentence like
 * "Note: the recording started late" stays text.
 */
final class SpeakerTurnParser {

	/** m:ss, mm:ss or h:mm:ss with hours of any length (a recording past 99 hours stays timed). */
	private static final String TIME = "((?:\\d{1,9}:)?\\d{1,2}:\\d{2}(?:[.,]\\d{1,3})?)";

	private static final String LABEL = "([\\p{L}][\\p{L}\\p{N}.'’\\- ]{0,39}?)";

	private static final Pattern TIME_LABEL = Pattern
		.compile("^\\s*[\\[(]?" + TIME + "[\\])]?\\s+" + LABEL + "\\s*:(?:\\s+|$)");

	private static final Pattern LABEL_TIME = Pattern
		.compile("^\\s*" + LABEL + "\\s*[\\[(]" + TIME + "[\\])]\\s*:(?:\\s+|$)");

	private static final Pattern LABEL_ONLY = Pattern.compile("^\\s*" + LABEL + "\\s*:(?:\\s+|$)");

	private static final Pattern TEAMS_HEADER = Pattern.compile("^\\s*" + LABEL + "\\s+" + TIME + "\\s*$");

	private SpeakerTurnParser() {
	}

	/** A turn-starting line: who speaks, when, and where the words begin (or -1: on the next line). */
	private record Start(String speaker, @Nullable Long ms, int wordsFrom) {
	}

	static List<ParsedTurn> parse(String text) {
		return parse("", text, Integer.MAX_VALUE);
	}

	/**
	 * The turns of {@code text}.
	 * @throws quire.corpus.ImportRejectedException as soon as more than {@code maxTurns} are found
	 */
	static List<ParsedTurn> parse(String fileName, String text, int maxTurns) {
		List<int[]> lines = lines(text);
		Map<String, Integer> labelUse = new HashMap<>();
		for (int[] line : lines) {
			Matcher m = LABEL_ONLY.matcher(text.substring(line[0], line[1]));
			if (m.find() && validLabel(m.group(1))) {
				labelUse.merge(m.group(1).strip(), 1, Integer::sum);
			}
		}
		List<ParsedTurn> turns = new ArrayList<>();
		Builder current = null;
		for (int[] line : lines) {
			String s = text.substring(line[0], line[1]);
			Start start = start(s, line[0], labelUse);
			if (start != null) {
				close(current, turns);
				if (turns.size() > maxTurns) {
					throw TranscriptReaders.tooMany(fileName, turns.size(), "speaker turns", maxTurns, true);
				}
				current = new Builder(start.speaker(), start.ms());
				if (start.wordsFrom() >= 0 && start.wordsFrom() < line[1]) {
					current.extend(firstNonBlank(text, start.wordsFrom(), line[1]), line[1]);
				}
			}
			else if (s.isBlank()) {
				if (current != null && current.speaker == null) {
					close(current, turns);
					current = null;
				}
			}
			else {
				if (current == null) {
					current = new Builder(null, null);
				}
				current.extend(firstNonBlank(text, line[0], line[1]), line[1]);
			}
		}
		close(current, turns);
		return withEndTimes(turns);
	}

	private static @Nullable Start start(String line, int offset, Map<String, Integer> labelUse) {
		Matcher m = TIME_LABEL.matcher(line);
		if (m.find() && validLabel(m.group(2))) {
			return new Start(m.group(2).strip(), millis(m.group(1)), offset + m.end());
		}
		m = LABEL_TIME.matcher(line);
		if (m.find() && validLabel(m.group(1))) {
			return new Start(m.group(1).strip(), millis(m.group(2)), offset + m.end());
		}
		m = TEAMS_HEADER.matcher(line);
		if (m.find() && validLabel(m.group(1))) {
			return new Start(m.group(1).strip(), millis(m.group(2)), -1);
		}
		m = LABEL_ONLY.matcher(line);
		if (m.find() && validLabel(m.group(1)) && speakerWithoutTime(m.group(1).strip(), labelUse)) {
			return new Start(m.group(1).strip(), null, offset + m.end());
		}
		return null;
	}

	private static boolean speakerWithoutTime(String label, Map<String, Integer> labelUse) {
		if (labelUse.getOrDefault(label, 0) >= 2 || Character.isDigit(label.charAt(label.length() - 1))) {
			return true;
		}
		for (String word : label.split("\\s+")) {
			if (SpeakerRoles.isRoleWord(word)) {
				return true;
			}
		}
		return false;
	}

	static boolean validLabel(String raw) {
		String label = raw.strip();
		if (label.isEmpty() || label.length() > 40 || !Character.isLetter(label.charAt(0))) {
			return false;
		}
		String[] words = label.split("\\s+");
		if (words.length > 5) {
			return false;
		}
		// A label's words are capitalised or numbers, except short particles ("van", "de", "la").
		int lower = 0;
		for (String w : words) {
			if (Character.isLowerCase(w.charAt(0))) {
				lower++;
			}
		}
		return Character.isUpperCase(label.charAt(0)) && lower <= words.length / 2;
	}

	/** Parses {@code h:mm:ss}, {@code mm:ss} and either with {@code .mmm} or {@code ,mmm}. */
	static long millis(String time) {
		String[] main = time.split("[.,]");
		String[] parts = main[0].split(":");
		long seconds = 0;
		for (String p : parts) {
			seconds = seconds * 60 + Long.parseLong(p);
		}
		long ms = 0;
		if (main.length > 1) {
			String frac = (main[1] + "00").substring(0, 3);
			ms = Long.parseLong(frac);
		}
		return seconds * 1000 + ms;
	}

	/**
	 * Each timed turn ends when the next timed turn starts (if that is not earlier). One pass from the
	 * end, carrying the next start, so a long transcript without timestamps costs no more than one with
	 * them (looking ahead from every turn was quadratic: 80,000 untimed turns took a minute).
	 */
	private static List<ParsedTurn> withEndTimes(List<ParsedTurn> turns) {
		ParsedTurn[] out = new ParsedTurn[turns.size()];
		Long next = null;
		for (int i = turns.size() - 1; i >= 0; i--) {
			ParsedTurn t = turns.get(i);
			out[i] = t.startMs() != null && next != null && next >= t.startMs() ? t.withEndMs(next) : t;
			if (t.startMs() != null) {
				next = t.startMs();
			}
		}
		return java.util.Arrays.asList(out);
	}

	private static void close(@Nullable Builder b, List<ParsedTurn> turns) {
		if (b != null && b.start >= 0 && b.end > b.start) {
			turns.add(new ParsedTurn(b.speaker, b.start, b.end, b.ms, null));
		}
	}

	private static int firstNonBlank(String text, int from, int to) {
		int i = from;
		while (i < to && Character.isWhitespace(text.charAt(i))) {
			i++;
		}
		return i;
	}

	/** Line ranges {@code [start, end)} without the newline. */
	private static List<int[]> lines(String text) {
		List<int[]> lines = new ArrayList<>();
		int start = 0;
		for (int i = 0; i <= text.length(); i++) {
			if (i == text.length() || text.charAt(i) == '\n') {
				lines.add(new int[] { start, i });
				start = i + 1;
			}
		}
		return lines;
	}

	private static final class Builder {

		final @Nullable String speaker;

		final @Nullable Long ms;

		int start = -1;

		int end = -1;

		Builder(@Nullable String speaker, @Nullable Long ms) {
			this.speaker = speaker;
			this.ms = ms;
		}

		void extend(int from, int to) {
			if (from >= to) {
				return;
			}
			if (start < 0) {
				start = from;
			}
			end = to;
		}

	}

}

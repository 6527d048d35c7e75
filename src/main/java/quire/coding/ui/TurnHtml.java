package quire.coding.ui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import quire.coding.Code;
import quire.coding.CodeId;
import quire.coding.Coding;
import quire.coding.CodingId;
import quire.corpus.Transcript;
import quire.corpus.Turn;

/**
 * Builds the HTML of a transcript's speaker turns on the server, so the browser gets one element per
 * turn instead of one component per time, speaker, word span and stripe. A turn's HTML is its
 * timestamp, its speaker (coloured by order of first appearance), a stripe margin with one
 * absolutely positioned {@code span.stripe} per coding that overlaps the turn (its lane from
 * {@link #lanes}, its code's colour, {@code data-coding} holding the coding id, and the code path and
 * coder as its hover title), and the words in {@code div.words} whose {@code data-offset} is the turn's start
 * in the document text, with the hit or the selected coding's words marked.
 *
 * <p>
 * Every piece of user data (text, speaker, code path and name, coder) is HTML-escaped, and a code
 * colour is written only if it is a hex colour, so a transcript cannot inject markup or styles. The
 * words element's text content is exactly the turn's text, which the browser-side selection mapping
 * relies on.
 */
final class TurnHtml {

	/** Pixels per stripe lane (a 5 px stripe and a gap). */
	static final int LANE_WIDTH = 7;

	private static final int SPEAKER_COLOURS = 8;

	private static final Pattern HEX_COLOUR = Pattern.compile("#[0-9A-Fa-f]{3,8}");

	private static final String UNKNOWN_COLOUR = "#999";

	/** The words marked in a turn: a search hit (also given the id "hit") or the selected coding's words. */
	record Mark(int start, int end, boolean hit) {
	}

	/** One rendering: each turn's inner HTML in turn order, and how many stripe lanes the widest turn needs. */
	record Rendering(List<String> turns, int laneCount) {
	}

	private final Transcript transcript;

	private final Map<String, Integer> speakerColours = new HashMap<>();

	TurnHtml(Transcript transcript) {
		this.transcript = transcript;
		for (Turn turn : transcript.turns()) {
			if (turn.speaker() != null) {
				speakerColours.computeIfAbsent(turn.speaker(), s -> speakerColours.size() % SPEAKER_COLOURS);
			}
		}
	}

	/**
	 * Renders every turn.
	 * @param visible the codings to show, sorted by start (as {@code CodingService.codings} returns them)
	 * @param codes looks a coding's code up; null for a code that is gone (drawn grey, named "?")
	 * @param selected the selected coding, whose stripe and words are highlighted, or null
	 * @param hitTurn the index of the turn that holds the search hit, or -1
	 * @param hitStart the hit's start in document offsets (used only if it lies within {@code hitTurn})
	 * @param hitEnd the hit's end in document offsets
	 */
	Rendering render(List<Coding> visible, Function<CodeId, @Nullable Code> codes, @Nullable CodingId selected,
			int hitTurn, int hitStart, int hitEnd) {
		int[] lanes = lanes(visible);
		int laneCount = 0;
		for (int lane : lanes) {
			laneCount = Math.max(laneCount, lane + 1);
		}
		List<Turn> turns = transcript.turns();
		List<List<Integer>> perTurn = new ArrayList<>(turns.size());
		for (int i = 0; i < turns.size(); i++) {
			perTurn.add(new ArrayList<>());
		}
		for (int i = 0; i < visible.size(); i++) {
			Coding c = visible.get(i);
			for (int t = firstTurnReaching(turns, c.start()); t < turns.size(); t++) {
				Turn turn = turns.get(t);
				if (turn.start() >= c.end()) {
					break;
				}
				if (c.overlaps(turn.start(), Math.max(turn.end(), turn.start() + 1))) {
					perTurn.get(t).add(i);
				}
			}
		}
		Coding selectedCoding = selected == null ? null
				: visible.stream().filter(c -> c.id().equals(selected)).findFirst().orElse(null);
		List<String> html = new ArrayList<>(turns.size());
		for (int t = 0; t < turns.size(); t++) {
			Turn turn = turns.get(t);
			Mark mark = null;
			if (selectedCoding != null && selectedCoding.overlaps(turn.start(), turn.end())) {
				mark = new Mark(Math.max(turn.start(), selectedCoding.start()), Math.min(turn.end(), selectedCoding.end()),
						false);
			}
			else if (turn.index() == hitTurn && hitStart >= turn.start() && hitEnd <= turn.end() && hitStart < hitEnd) {
				mark = new Mark(hitStart, hitEnd, true);
			}
			StringBuilder out = new StringBuilder(turn.end() - turn.start() + 160);
			appendTurn(out, turn, mark);
			appendStripes(out, turn, perTurn.get(t), visible, lanes, codes, selected);
			appendWords(out, turn, mark);
			html.add(out.toString());
		}
		return new Rendering(List.copyOf(html), laneCount);
	}

	/** The first turn (turns are in document order and do not overlap) that ends at or after {@code offset}. */
	private static int firstTurnReaching(List<Turn> turns, int offset) {
		int lo = 0;
		int hi = turns.size();
		while (lo < hi) {
			int mid = (lo + hi) >>> 1;
			if (turns.get(mid).end() < offset) {
				lo = mid + 1;
			}
			else {
				hi = mid;
			}
		}
		return lo;
	}

	private void appendTurn(StringBuilder out, Turn turn, @Nullable Mark mark) {
		out.append("<span class=\"time\">");
		if (turn.startMs() != null) {
			out.append(clock(turn.startMs()));
		}
		out.append("</span><span class=\"speaker");
		if (turn.speaker() != null) {
			out.append(" speaker-").append(speakerColours.get(turn.speaker()));
		}
		out.append("\">");
		if (turn.speaker() != null) {
			escape(out, turn.speaker());
		}
		out.append("</span>");
	}

	private static void appendStripes(StringBuilder out, Turn turn, List<Integer> indexes, List<Coding> visible,
			int[] lanes, Function<CodeId, @Nullable Code> codes, @Nullable CodingId selected) {
		out.append("<span class=\"stripes\">");
		double length = Math.max(1, turn.end() - turn.start());
		for (int i : indexes) {
			Coding c = visible.get(i);
			Code code = codes.apply(c.codeId());
			double top = (Math.max(c.start(), turn.start()) - turn.start()) / length * 100;
			double bottom = (Math.min(c.end(), turn.end()) - turn.start()) / length * 100;
			String colour = code != null && HEX_COLOUR.matcher(code.colour()).matches() ? code.colour() : UNKNOWN_COLOUR;
			out.append("<span class=\"stripe");
			if (c.id().equals(selected)) {
				out.append(" selected");
			}
			out.append("\" data-coding=\"").append(c.id().value()).append("\" title=\"");
			escape(out, code == null ? "?" : code.path());
			out.append(" — ");
			escape(out, c.coder());
			out.append("\" style=\"left:").append(lanes[i] * LANE_WIDTH).append("px;top:");
			percent(out, top);
			out.append(";height:");
			percent(out, Math.max(4, bottom - top));
			out.append(";background:").append(colour).append("\"></span>");
		}
		out.append("</span>");
	}

	private void appendWords(StringBuilder out, Turn turn, @Nullable Mark mark) {
		String text = transcript.text();
		out.append("<div class=\"words\" data-offset=\"").append(turn.start()).append("\">");
		if (mark == null) {
			escape(out, text, turn.start(), turn.end());
		}
		else {
			escape(out, text, turn.start(), mark.start());
			out.append(mark.hit() ? "<span class=\"hit\" id=\"hit\">" : "<span class=\"coded\">");
			escape(out, text, mark.start(), mark.end());
			out.append("</span>");
			escape(out, text, mark.end(), turn.end());
		}
		out.append("</div>");
	}

	/** A percentage with one decimal, as {@code String.format(Locale.ROOT, "%.1f%%", value)} writes it, without its cost. */
	private static void percent(StringBuilder out, double value) {
		long tenths = Math.round(value * 10);
		out.append(tenths / 10).append('.').append(tenths % 10).append('%');
	}

	/** Greedy interval colouring: the first lane whose last coding ended before this one starts. */
	static int[] lanes(List<Coding> sorted) {
		int[] lanes = new int[sorted.size()];
		List<Integer> laneEnds = new ArrayList<>();
		for (int i = 0; i < sorted.size(); i++) {
			Coding c = sorted.get(i);
			int lane = -1;
			for (int l = 0; l < laneEnds.size(); l++) {
				if (laneEnds.get(l) <= c.start()) {
					lane = l;
					break;
				}
			}
			if (lane < 0) {
				lane = laneEnds.size();
				laneEnds.add(c.end());
			}
			else {
				laneEnds.set(lane, c.end());
			}
			lanes[i] = lane;
		}
		return lanes;
	}

	static String clock(long ms) {
		long s = ms / 1000;
		StringBuilder out = new StringBuilder(8);
		twoDigits(out, s / 3600).append(':');
		twoDigits(twoDigits(out, (s / 60) % 60).append(':'), s % 60);
		return out.toString();
	}

	private static StringBuilder twoDigits(StringBuilder out, long value) {
		return (value < 10 ? out.append('0') : out).append(value);
	}

	/** The text with {@code & < > " '} as character references: safe as element content and as a quoted attribute. */
	static String escape(String text) {
		StringBuilder out = new StringBuilder(text.length() + 16);
		escape(out, text);
		return out.toString();
	}

	private static void escape(StringBuilder out, String text) {
		escape(out, text, 0, text.length());
	}

	private static void escape(StringBuilder out, String text, int from, int to) {
		for (int i = from; i < to; i++) {
			char ch = text.charAt(i);
			switch (ch) {
				case '&' -> out.append("&amp;");
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&#39;");
				default -> out.append(ch);
			}
		}
	}

}

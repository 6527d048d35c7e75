package quire.exchange.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How another tool counted the characters of a source's plain text when it wrote selection offsets.
 * REFI-QDA says "character offsets" and tools disagree on what a character is: .NET and Java tools
 * count UTF-16 units (an emoji is two), Python tools code points (an emoji is one); some count the
 * CR LF of a Windows line break as one character, and a tool that counted CR LF may have written the
 * text inline in {@code project.qde}, where the XML parser turns every CR LF into LF. A byte-order
 * mark is an encoding signature, but some tools count it. {@link #PLAIN} counts the text as the
 * archive holds it: UTF-16 units, line breaks as stored, no byte-order mark.
 * @param bomCounted the byte-order mark at the start of the text is offset 0
 * @param lineBreaks how line breaks were counted
 * @param codePoints a character outside the Basic Multilingual Plane counts one, not two
 */
record Counting(boolean bomCounted, LineBreaks lineBreaks, boolean codePoints) {

	enum LineBreaks {

		AS_STORED, CRLF_AS_ONE, LF_AS_TWO

	}

	static final Counting PLAIN = new Counting(false, LineBreaks.AS_STORED, false);

	/** A selection as another tool wrote it: offsets in its counting, and its name (often its first words). */
	record Span(int start, int end, String name) {
	}

	/** Name-to-text agreement outweighs word boundaries: it is rare by chance. */
	private static final int NAME_MATCH = 4;

	/**
	 * The counting under which the selections fit the text best: most of their ends on word
	 * boundaries, and their names (where a tool writes the selected words as the name) matching the
	 * words they cover. Only countings that differ on this text compete; {@link #PLAIN} wins ties, so
	 * it stays unless the selections say otherwise.
	 */
	static Counting choose(String original, List<Span> spans) {
		Counting best = PLAIN;
		if (spans.isEmpty()) {
			return best;
		}
		int bestScore = score(original, PLAIN.positions(original), spans);
		for (Counting candidate : candidates(original)) {
			int score = score(original, candidate.positions(original), spans);
			if (score > bestScore) {
				best = candidate;
				bestScore = score;
			}
		}
		return best;
	}

	/** The countings other than {@link #PLAIN} that give different offsets on this text. */
	static List<Counting> candidates(String original) {
		boolean bom = original.startsWith("\uFEFF");
		boolean crlf = original.contains("\r\n");
		boolean lf = original.replace("\r\n", "").indexOf('\n') >= 0;
		boolean astral = original.codePoints().anyMatch(Character::isSupplementaryCodePoint);
		List<Counting> out = new ArrayList<>();
		for (boolean b : bom ? new boolean[] { false, true } : new boolean[] { false }) {
			for (LineBreaks l : LineBreaks.values()) {
				if ((l == LineBreaks.CRLF_AS_ONE && !crlf) || (l == LineBreaks.LF_AS_TWO && !lf)) {
					continue;
				}
				for (boolean c : astral ? new boolean[] { false, true } : new boolean[] { false }) {
					Counting candidate = new Counting(b, l, c);
					if (!candidate.equals(PLAIN)) {
						out.add(candidate);
					}
				}
			}
		}
		return out;
	}

	/**
	 * For each offset in this counting, the UTF-16 index into {@code original} (which keeps a leading
	 * U+FEFF); the last entry is the end of the text, so the array is one longer than the text is in
	 * this counting. An offset between the CR and LF this counting imagined maps after the line break.
	 */
	int[] positions(String original) {
		int n = original.length();
		int[] out = new int[2 * n + 2];
		int c = 0;
		int i = 0;
		if (original.startsWith("\uFEFF")) {
			if (bomCounted) {
				out[c++] = 0;
			}
			i = 1;
		}
		while (i < n) {
			char ch = original.charAt(i);
			if (ch == '\r' && i + 1 < n && original.charAt(i + 1) == '\n') {
				out[c++] = i;
				if (lineBreaks != LineBreaks.CRLF_AS_ONE) {
					out[c++] = i + 1;
				}
				i += 2;
			}
			else if (ch == '\n') {
				out[c++] = i;
				if (lineBreaks == LineBreaks.LF_AS_TWO) {
					out[c++] = i + 1;
				}
				i++;
			}
			else if (Character.isHighSurrogate(ch) && i + 1 < n && Character.isLowSurrogate(original.charAt(i + 1))) {
				out[c++] = i;
				if (!codePoints) {
					out[c++] = i + 1;
				}
				i += 2;
			}
			else {
				out[c++] = i++;
			}
		}
		out[c] = n;
		return Arrays.copyOf(out, c + 1);
	}

	/** What this counting means, for the import report; empty for {@link #PLAIN}. */
	String describe() {
		List<String> parts = new ArrayList<>();
		if (bomCounted) {
			parts.add("the byte-order mark at the start counted as a character");
		}
		if (lineBreaks == LineBreaks.CRLF_AS_ONE) {
			parts.add("each CR LF line break counted as one character");
		}
		if (lineBreaks == LineBreaks.LF_AS_TWO) {
			parts.add("each line break counted as two characters (CR LF)");
		}
		if (codePoints) {
			parts.add("each character outside the Basic Multilingual Plane (such as an emoji) counted as one, not two");
		}
		return String.join(", ", parts);
	}

	private static int score(String original, int[] positions, List<Span> spans) {
		int length = positions.length - 1;
		int score = 0;
		for (Span s : spans) {
			if (s.start() < 0 || s.end() <= s.start() || s.end() > length) {
				continue;
			}
			int from = positions[s.start()];
			int to = positions[s.end()];
			score += boundary(original, from) + boundary(original, to);
			if (nameMatches(original.substring(from, to), s.name())) {
				score += NAME_MATCH;
			}
		}
		return score;
	}

	/** 1 if a selection may start or end at {@code k}: not inside a word or a surrogate pair. */
	private static int boundary(String text, int k) {
		if (k <= 0 || k >= text.length()) {
			return 1;
		}
		if (Character.isLowSurrogate(text.charAt(k)) && Character.isHighSurrogate(text.charAt(k - 1))) {
			return 0;
		}
		return word(text.codePointBefore(k)) && word(text.codePointAt(k)) ? 0 : 1;
	}

	private static boolean word(int codePoint) {
		return Character.isLetterOrDigit(codePoint) || Character.getType(codePoint) == Character.NON_SPACING_MARK;
	}

	private static boolean nameMatches(String covered, String name) {
		String n = squash(name.replaceAll("(\\.\\.\\.|…)\\s*$", ""));
		String c = squash(covered);
		return n.length() >= 4 && c.length() >= 4 && (c.startsWith(n) || n.startsWith(c));
	}

	private static String squash(String s) {
		return s.replaceAll("\\s+", " ").strip();
	}

}

package quire.corpus;

import java.util.ArrayList;
import java.util.List;

/**
 * Quire's word: a run of letters and digits ({@code \p{L}}, {@code \p{N}}), with an apostrophe
 * ({@code '}, {@code ’}) or hyphen joining two such runs ("don't", "return-to-work" are one word).
 * The word counts of documents, turns and reports and the benchmark corpus all count these. A
 * scanner rather than the equivalent regular expression
 * {@code [\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*}: counting words was a seventh of an import's
 * own time with the expression, and the scanner finds the same words (WordsTests).
 */
public final class Words {

	private Words() {
	}

	/** The number of words in {@code text[start, end)}. */
	public static int count(CharSequence text, int start, int end) {
		int n = 0;
		int i = start;
		while (i < end) {
			int next = wordEnd(text, i, end);
			if (next > i) {
				n++;
				i = next;
			}
			else {
				i += Character.charCount(Character.codePointAt(text, i));
			}
		}
		return n;
	}

	/** The words of {@code text[start, end)} as {@code [start, end)} ranges, in order. */
	public static List<int[]> spans(CharSequence text, int start, int end) {
		List<int[]> out = new ArrayList<>();
		int i = start;
		while (i < end) {
			int next = wordEnd(text, i, end);
			if (next > i) {
				out.add(new int[] { i, next });
				i = next;
			}
			else {
				i += Character.charCount(Character.codePointAt(text, i));
			}
		}
		return out;
	}

	/** The end of the word starting at {@code i}, or {@code i} if no word starts there. */
	private static int wordEnd(CharSequence text, int i, int end) {
		int j = run(text, i, end);
		if (j == i) {
			return i;
		}
		while (j < end) {
			char c = text.charAt(j);
			if (c != '\'' && c != '’' && c != '-') {
				break;
			}
			int k = run(text, j + 1, end);
			if (k == j + 1) {
				break;
			}
			j = k;
		}
		return j;
	}

	/** The end of the run of letters and digits starting at {@code i}. */
	private static int run(CharSequence text, int i, int end) {
		while (i < end) {
			char c = text.charAt(i);
			if (c < 0x80) {
				if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z' || c >= '0' && c <= '9') {
					i++;
					continue;
				}
				return i;
			}
			int cp = Character.codePointAt(text, i);
			int width = Character.charCount(cp);
			if (i + width > end || !letterOrNumber(cp)) {
				return i;
			}
			i += width;
		}
		return i;
	}

	private static boolean letterOrNumber(int cp) {
		return switch (Character.getType(cp)) {
			case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
					Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER,
					Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
			default -> false;
		};
	}

}

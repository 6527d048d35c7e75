package quire.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The word scanner against the regular expression it replaced, on chosen and random text. */
class WordsTests {

	private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’\\-][\\p{L}\\p{N}]+)*");

	/** Letters, digits, joiners, spaces, punctuation, a combining mark, Nl/No numbers, a supplementary letter. */
	private static final String[] PIECES = { "a", "Z", "ø", "Å", "7", "'", "’", "-", " ", ".", ",", "\n", "\u0301",
			"Ⅻ", "²", "𝐀", "😀", "é", "日", "--", "''" };

	@Test
	void countsWordsJoinedByApostrophesAndHyphens() {
		String text = "Don't stop: return-to-work is a 3-step plan - really'; ’tis 2² Ⅻ 𝐀𝐁 ok";
		assertThat(Words.count(text, 0, text.length())).isEqualTo(regexCount(text, 0, text.length())).isEqualTo(13);
		assertThat(Words.spans("it's -x y-", 0, 10)).extracting(s -> "it's -x y-".substring(s[0], s[1]))
			.containsExactly("it's", "x", "y");
	}

	@Test
	void findsTheSameWordsAsTheExpressionOnRandomText() {
		SplittableRandom random = new SplittableRandom(42);
		for (int round = 0; round < 5_000; round++) {
			StringBuilder b = new StringBuilder();
			int pieces = random.nextInt(40);
			for (int i = 0; i < pieces; i++) {
				b.append(PIECES[random.nextInt(PIECES.length)]);
			}
			String text = b.toString();
			int start = text.isEmpty() ? 0 : random.nextInt(text.length());
			int end = start + (text.length() == start ? 0 : random.nextInt(text.length() - start + 1));
			assertThat(spans(Words.spans(text, start, end))).as("words of [%s] in [%d, %d)", text, start, end)
				.isEqualTo(regexSpans(text, start, end));
			assertThat(Words.count(text, start, end)).isEqualTo(regexCount(text, start, end));
		}
	}

	private static List<String> spans(List<int[]> spans) {
		return spans.stream().map(s -> s[0] + "-" + s[1]).toList();
	}

	private static List<String> regexSpans(String text, int start, int end) {
		Matcher m = WORD.matcher(text).region(start, end);
		List<String> out = new ArrayList<>();
		while (m.find()) {
			out.add(m.start() + "-" + m.end());
		}
		return out;
	}

	private static int regexCount(String text, int start, int end) {
		return regexSpans(text, start, end).size();
	}

}

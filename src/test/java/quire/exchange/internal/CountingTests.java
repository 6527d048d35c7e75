package quire.exchange.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import quire.exchange.internal.Counting.LineBreaks;
import quire.exchange.internal.Counting.Span;

/** Choosing how another tool counted characters from where its selections fall. */
final class CountingTests {

	static final String TEXT = "\uFEFFModerator: Hi \uD83D\uDE00 there.\r\nP1: I am back \uD83D\uDE00 at work.\r\nP1: It is good.";

	@Test
	void positionsMapEachCountingOntoTheStoredText() {
		// "Hi" is at UTF-16 index 12 (after the BOM), offset 11 when the BOM is not counted
		assertThat(Counting.PLAIN.positions(TEXT)[11]).isEqualTo(12);
		assertThat(new Counting(true, LineBreaks.AS_STORED, false).positions(TEXT)[12]).isEqualTo(12);
		int work = TEXT.indexOf("work");
		int crlfAsOne = TEXT.substring(1, work).replace("\r\n", "\n").length();
		assertThat(new Counting(false, LineBreaks.CRLF_AS_ONE, false).positions(TEXT)[crlfAsOne]).isEqualTo(work);
		int codePoints = TEXT.codePointCount(1, work);
		assertThat(new Counting(false, LineBreaks.AS_STORED, true).positions(TEXT)[codePoints]).isEqualTo(work);
		String lf = "A\nB";
		assertThat(new Counting(false, LineBreaks.LF_AS_TWO, false).positions(lf)).containsExactly(0, 1, 2, 2, 3);
	}

	@Test
	void thePlainCountingStaysWhenTheSelectionsFitIt() {
		int start = TEXT.indexOf("back") - 1;
		assertThat(Counting.choose(TEXT, List.of(new Span(start, start + 4, ""), new Span(TEXT.indexOf("good") - 1,
				TEXT.indexOf("good") + 3, "")))).isEqualTo(Counting.PLAIN);
	}

	@Test
	void codePointsAndCrlfAsOneAreFoundFromTheSelections() {
		String t = TEXT.substring(1);
		ToolOffset tool = i -> t.substring(0, i).replace("\r\n", "\n").codePointCount(0, t.substring(0, i).replace("\r\n", "\n").length());
		List<Span> spans = List.of(span(t, "back", tool), span(t, "at work", tool), span(t, "It is good", tool));
		assertThat(Counting.choose(TEXT, spans)).isEqualTo(new Counting(false, LineBreaks.CRLF_AS_ONE, true));
	}

	@Test
	void aMatchingNameOutweighsWordBoundaries() {
		String t = "Moderator: Tell me more.\r\nP1: The team is kind and the boss is fair.";
		int start = t.indexOf("the boss") - 1; // CR LF counted as one
		assertThat(Counting.choose(t, List.of(new Span(start, start + 8, "the boss")))).isEqualTo(
				new Counting(false, LineBreaks.CRLF_AS_ONE, false));
	}

	@Test
	void noSelectionsNoGuess() {
		assertThat(Counting.choose(TEXT, List.of())).isEqualTo(Counting.PLAIN);
		assertThat(Counting.candidates("plain text")).isEmpty();
	}

	interface ToolOffset {

		int of(int index);

	}

	static Span span(String text, String words, ToolOffset tool) {
		int i = text.indexOf(words);
		return new Span(tool.of(i), tool.of(i + words.length()), "");
	}

}

package quire.coding.internal;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import quire.corpus.Language;
import quire.corpus.Transcript;
import quire.corpus.Turn;

/**
 * Sentence units of a transcript as sorted, disjoint {@code [start, end)} ranges inside speaker
 * turns, without surrounding white space. Uses the JDK's locale-aware sentence rules (English, or
 * Norwegian Bokmål) until the language-processing module stores CoreNLP sentence units.
 */
public final class Sentences {

	private Sentences() {
	}

	public static List<int[]> of(Transcript t) {
		List<int[]> out = new ArrayList<>();
		Locale locale = t.document().language() == Language.NORWEGIAN ? Locale.forLanguageTag("nb") : Locale.ENGLISH;
		String text = t.text();
		for (Turn turn : t.turns()) {
			BreakIterator sentences = BreakIterator.getSentenceInstance(locale);
			String words = text.substring(turn.start(), turn.end());
			sentences.setText(words);
			int s = sentences.first();
			for (int e = sentences.next(); e != BreakIterator.DONE; s = e, e = sentences.next()) {
				int a = s;
				int b = e;
				while (a < b && Character.isWhitespace(words.charAt(a))) {
					a++;
				}
				while (b > a && Character.isWhitespace(words.charAt(b - 1))) {
					b--;
				}
				if (a < b) {
					out.add(new int[] { turn.start() + a, turn.start() + b });
				}
			}
		}
		return out;
	}

}

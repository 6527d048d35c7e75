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

	/** Abbreviations after which a full stop does not end a sentence (Norwegian and English transcripts). */
	static final List<String> ABBREVIATIONS = List.of("bl.a.", "f.eks.", "dvs.", "osv.", "mht.", "ca.", "evt.", "iflg.", "ift.",
			"nr.", "pga.", "o.l.", "m.m.", "mv.", "jf.", "kl.", "e.g.", "i.e.", "etc.", "dr.", "mr.", "mrs.", "ms.", "vs.");

	public static List<int[]> of(Transcript t) {
		List<int[]> out = new ArrayList<>();
		Locale locale = t.document().language() == Language.NORWEGIAN ? Locale.forLanguageTag("nb") : Locale.ENGLISH;
		String text = t.text();
		for (Turn turn : t.turns()) {
			String words = text.substring(turn.start(), turn.end());
			for (int[] range : split(words, locale)) {
				int a = range[0];
				int b = range[1];
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

	/**
	 * Sentence ranges of a text: the JDK's sentence boundaries, except after an abbreviation such as
	 * "bl.a.", "f.eks." or "e.g.", where the sentence goes on.
	 */
	static List<int[]> split(String words, Locale locale) {
		BreakIterator sentences = BreakIterator.getSentenceInstance(locale);
		sentences.setText(words);
		List<int[]> ranges = new ArrayList<>();
		int start = sentences.first();
		for (int end = sentences.next(); end != BreakIterator.DONE; end = sentences.next()) {
			String sentence = words.substring(start, end).stripTrailing().toLowerCase(Locale.ROOT);
			boolean abbreviation = end < words.length() && ABBREVIATIONS.stream().anyMatch(
					abbr -> sentence.endsWith(" " + abbr) || sentence.equals(abbr) || sentence.endsWith("(" + abbr));
			if (!abbreviation) {
				ranges.add(new int[] { start, end });
				start = end;
			}
		}
		if (start < words.length()) {
			ranges.add(new int[] { start, words.length() });
		}
		return ranges;
	}

}

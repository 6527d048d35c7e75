package quire.nlp.internal;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import quire.corpus.Language;
import quire.corpus.SentenceUnit;
import quire.corpus.Turn;

/**
 * Quire's one rule-based sentence splitter: for Norwegian always (CoreNLP has no Norwegian models),
 * and for English when CoreNLP's models are not on the classpath. Sentences are found inside speaker
 * turns with the JDK's locale-aware sentence rules, except that a full stop after an abbreviation
 * common in transcripts ("bl.a.", "f.eks.", "dvs.", "e.g.") does not end a sentence, and transcript
 * conventions (bracketed notes such as "[inaudible]" or "(laughs)") stay inside their sentence.
 */
public final class RuleSentences {

	private RuleSentences() {
	}

	/** Abbreviations after which a full stop does not end a sentence (Norwegian and English transcripts). */
	static final List<String> ABBREVIATIONS = List.of("bl.a.", "f.eks.", "dvs.", "osv.", "mht.", "ca.", "evt.", "iflg.",
			"ift.", "nr.", "pga.", "o.l.", "m.m.", "mv.", "jf.", "jfr.", "kl.", "m.a.o.", "t.o.m.", "f.o.m.", "o.a.",
			"inkl.", "ev.", "hhv.", "pr.", "tlf.", "avd.", "m.fl.", "mfl.", "ref.", "e.g.", "i.e.", "etc.", "dr.", "mr.",
			"mrs.", "ms.", "vs.", "cf.", "approx.", "prof.", "dept.", "st.");

	/** The sentence units of a text's turns, numbered from 0, without surrounding white space. */
	public static List<SentenceUnit> of(String text, List<Turn> turns, Language language) {
		List<SentenceUnit> out = new ArrayList<>();
		Locale locale = language == Language.NORWEGIAN ? Locale.forLanguageTag("nb") : Locale.ENGLISH;
		for (Turn turn : turns) {
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
					out.add(new SentenceUnit(out.size(), turn.start() + a, turn.start() + b));
				}
			}
		}
		return out;
	}

	/**
	 * Sentence ranges of a text: the JDK's sentence boundaries, except after an abbreviation such as
	 * "bl.a.", "f.eks." or "e.g.", where the sentence goes on, and before a bracketed note or a
	 * sentence that starts in lower case (a speaker's "..." trailing on), which join the sentence before.
	 */
	static List<int[]> split(String words, Locale locale) {
		BreakIterator sentences = BreakIterator.getSentenceInstance(locale);
		sentences.setText(words);
		List<int[]> ranges = new ArrayList<>();
		int start = sentences.first();
		for (int end = sentences.next(); end != BreakIterator.DONE; end = sentences.next()) {
			String sentence = words.substring(start, end).stripTrailing().toLowerCase(Locale.ROOT);
			boolean abbreviation = end < words.length() && ABBREVIATIONS.stream()
				.anyMatch(abbr -> sentence.endsWith(" " + abbr) || sentence.equals(abbr) || sentence.endsWith("(" + abbr));
			boolean goesOn = end < words.length() && continues(words, end);
			if (!abbreviation && !goesOn) {
				if (!ranges.isEmpty() && isNote(words.substring(start, end))) {
					ranges.getLast()[1] = end;
				}
				else {
					end = afterNote(words, end);
					ranges.add(new int[] { start, end });
				}
				start = end;
			}
		}
		if (start < words.length()) {
			if (!ranges.isEmpty() && isNote(words.substring(start))) {
				ranges.getLast()[1] = words.length();
			}
			else {
				ranges.add(new int[] { start, words.length() });
			}
		}
		return ranges;
	}

	/** Whether the words at {@code at} carry on the sentence before: lower case after a trailing "..." or "…". */
	private static boolean continues(String words, int at) {
		int i = at;
		while (i < words.length() && Character.isWhitespace(words.charAt(i))) {
			i++;
		}
		if (i >= words.length()) {
			return false;
		}
		String before = words.substring(0, at).stripTrailing();
		return Character.isLowerCase(words.charAt(i)) && (before.endsWith("...") || before.endsWith("…"));
	}

	/** The end of a transcriber's note such as "(laughs)" that follows a sentence end, or {@code at}. */
	private static int afterNote(String words, int at) {
		int i = at;
		while (i < words.length() && Character.isWhitespace(words.charAt(i))) {
			i++;
		}
		if (i < words.length() && (words.charAt(i) == '(' || words.charAt(i) == '[')) {
			int close = words.indexOf(words.charAt(i) == '(' ? ')' : ']', i);
			if (close > 0 && isNote(words.substring(i, close + 1))) {
				return close + 1;
			}
		}
		return at;
	}

	/** A transcriber's note alone, such as "[inaudible]" or "(laughs)". */
	private static boolean isNote(String sentence) {
		return NOTE.matcher(sentence.strip()).matches();
	}

	private static final java.util.regex.Pattern NOTE = java.util.regex.Pattern.compile("[\\[(][^\\])]*[\\])][.!?]?");

}

package quire.corpus.internal;

import java.util.Locale;
import java.util.Set;

import quire.corpus.Language;

/**
 * Guesses whether a transcript is Norwegian or English from its most frequent function words and
 * the letters æ, ø and å. English is the answer when the evidence is thin; the researcher can
 * always choose the language at import.
 */
public final class LanguageGuesser {

	private static final Set<String> NORWEGIAN = Set.of("og", "ikke", "jeg", "det", "er", "på", "som", "har", "med",
			"til", "en", "et", "av", "for", "at", "de", "vi", "å", "meg", "hun", "han", "ikkje", "eg", "vært", "kan",
			"skal", "var", "så", "hva", "hvordan", "litt", "veldig", "blir", "også", "dere", "seg");

	private static final Set<String> ENGLISH = Set.of("the", "and", "is", "to", "of", "that", "it", "you", "in",
			"was", "we", "they", "but", "not", "have", "with", "what", "this", "are", "be", "so", "there", "about",
			"i", "my", "do", "how");

	private LanguageGuesser() {
	}

	public static Language guess(String text) {
		int no = 0;
		int en = 0;
		String sample = text.length() > 200_000 ? text.substring(0, 200_000) : text;
		for (String word : sample.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
			if (NORWEGIAN.contains(word)) {
				no++;
			}
			if (ENGLISH.contains(word)) {
				en++;
			}
			if (word.indexOf('æ') >= 0 || word.indexOf('ø') >= 0 || word.indexOf('å') >= 0) {
				no++;
			}
		}
		return no > en && no >= 3 ? Language.NORWEGIAN : Language.ENGLISH;
	}

}

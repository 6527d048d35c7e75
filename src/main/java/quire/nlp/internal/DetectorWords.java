package quire.nlp.internal;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import quire.corpus.Language;

/**
 * The word lists and word tests that {@link Detector}'s detectors share: words capitalised in running
 * text that identify no one, stop words, English word forms, and where a sentence starts.
 */
final class DetectorWords {

	private DetectorWords() {
	}

	static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{M}]*(?:[-'’]\\p{L}[\\p{L}\\p{M}]*)*");

	/** Words written with a capital letter in running text that identify no one. */
	static final Set<String> COMMON_CAPITALISED = java.util.stream.Stream.of(
			// Norwegian
			"NAV", "Nav", "Gud", "Norge", "Sverige", "Danmark", "Finland", "Europa", "Norden", "Facebook", "Teams", "Zoom",
			"Google", "Snapchat", "Instagram", "Messenger", "Korona", "Covid", "MI", "Jul", "Påske", "Ok", "OK", "De", "Dem",
			"Deres", "Ja", "Nei", "Helse", "Stortinget", "Regjeringen", "Fastlegen",
			// English
			"I", "I'm", "I've", "I'd", "I'll", "Mr", "Mrs", "Ms", "Dr", "Miss", "Sir", "Monday", "Tuesday", "Wednesday",
			"Thursday", "Friday", "Saturday", "Sunday", "Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays",
			"Saturdays", "Sundays", "January", "February", "March", "April", "May", "June", "July",
			"August", "September", "October", "November", "December", "Christmas", "Easter", "English", "British",
			"Norwegian", "Norway", "England", "Britain", "UK", "US", "America", "American", "European", "Europe", "God",
			"Internet", "Covid", "COVID", "Zoom", "Teams", "OK", "Okay", "TV", "Mum", "Dad", "Mom", "GP", "NHS", "HR",
			"Yeah", "Yes", "No", "So", "And", "But", "Well", "Oh", "Um", "Uh", "Motivational", "Interviewing", "Job",
			"Centre", "Jobcentre", "Universal", "Credit")
		.collect(java.util.stream.Collectors.toUnmodifiableSet());

	static final Set<String> SENTENCE_OPENERS = Set.of(".", "!", "?", ":", ";", "\"", "“", "«", "(", "[", "—", "–",
			"-", "…");

	/**
	 * Whether a name is also an ordinary word, so that only its capitalised form is a name ("Will",
	 * "Liv", "Berg"): a stop word, a name listed as a word, or, in English, a word of the word list.
	 */
	static boolean isOrdinaryWord(String name, Language language) {
		for (String word : name.strip().split("\\s+")) {
			String lc = word.toLowerCase(java.util.Locale.ROOT);
			if (isStopWord(lc) || Gazetteer.NAMES_THAT_ARE_WORDS.contains(word)
					|| language == Language.ENGLISH && (Gazetteer.EN_WORDS.contains(lc) || englishForm(lc))) {
				return true;
			}
		}
		return false;
	}

	/** An inflected form of an English word the word list has only in its base form ("Worries", "Texting"). */
	static boolean englishForm(String lc) {
		for (String suffix : List.of("s", "es", "ed", "d", "ing", "ly", "er", "est", "ies")) {
			if (lc.length() > suffix.length() + 2 && lc.endsWith(suffix)) {
				String stem = lc.substring(0, lc.length() - suffix.length());
				if (Gazetteer.EN_WORDS.contains(stem) || Gazetteer.EN_WORDS.contains(stem + "e")
						|| suffix.equals("ies") && Gazetteer.EN_WORDS.contains(stem + "y")) {
					return true;
				}
			}
		}
		return false;
	}

	static final Set<String> STOP_WORDS = java.util.stream.Stream
		.of(Gazetteer.load("stopwords-en.txt"), Gazetteer.load("stopwords-no.txt"), luceneStopWords(),
				Set.of("jeg", "eg", "du", "han", "hun", "ho", "vi", "dere", "de", "det", "den", "dette", "som", "men", "og", "så",
						"etter", "før", "når", "hvis", "om", "at", "hva", "hvem", "hvor", "hvordan", "kanskje", "ingen", "noen",
						"alle", "mange", "hele", "her", "der", "the", "this", "that", "there", "then", "they", "what", "when",
						"where", "why", "how", "after", "before", "maybe", "nobody", "everyone", "someone", "our", "its"))
		.flatMap(Set::stream)
		.collect(java.util.stream.Collectors.toUnmodifiableSet());

	static Set<String> luceneStopWords() {
		Set<String> out = new java.util.HashSet<>();
		for (Object o : org.apache.lucene.analysis.en.EnglishAnalyzer.ENGLISH_STOP_WORDS_SET) {
			out.add(new String((char[]) o));
		}
		for (Object o : org.apache.lucene.analysis.no.NorwegianAnalyzer.getDefaultStopSet()) {
			out.add(new String((char[]) o));
		}
		return out;
	}

	static boolean isStopWord(String lc) {
		return STOP_WORDS.contains(lc);
	}

	/** An upper-case letter then lower case (not an acronym such as NAV or MI). */
	static boolean isCapitalised(String word) {
		return word.length() > 1 && Character.isUpperCase(word.charAt(0)) && Character.isLowerCase(word.charAt(1));
	}

	/** Whether the word at {@code at} opens a sentence, a line or a quotation. */
	static boolean startsSentence(String text, int at) {
		int i = at - 1;
		while (i >= 0 && text.charAt(i) == ' ') {
			i--;
		}
		if (i < 0 || text.charAt(i) == '\n' || text.charAt(i) == '\r') {
			return true;
		}
		if ("»”\"’'".indexOf(text.charAt(i)) >= 0 && i > 0 && ".!?…".indexOf(text.charAt(i - 1)) >= 0) {
			return true;
		}
		if (text.charAt(i) == ']' || text.charAt(i) == ')') {
			// after a timestamp or note at the start of a line: "[00:01:02] Kari: ..."
			int open = text.lastIndexOf(text.charAt(i) == ']' ? '[' : '(', i);
			return open >= 0 && (open == 0 || text.charAt(open - 1) == '\n' || startsSentence(text, open));
		}
		String before = String.valueOf(text.charAt(i));
		if (text.charAt(i) == '.' && i >= 2 && text.startsWith("...", i - 2)) {
			return false;
		}
		return SENTENCE_OPENERS.contains(before);
	}

}

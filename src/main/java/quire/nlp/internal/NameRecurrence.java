package quire.nlp.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import quire.corpus.Language;
import quire.corpus.SpeakerRoles;
import quire.nlp.Candidate;
import quire.nlp.IdentifierKind;
import quire.nlp.KnownName;

import static quire.nlp.internal.Detector.KNOWN;
import static quire.nlp.internal.Detector.isListedName;
import static quire.nlp.internal.DetectorWords.COMMON_CAPITALISED;
import static quire.nlp.internal.DetectorWords.WORD;
import static quire.nlp.internal.DetectorWords.isCapitalised;
import static quire.nlp.internal.DetectorWords.isOrdinaryWord;
import static quire.nlp.internal.DetectorWords.isStopWord;

/**
 * The second pass of {@link Detector}: every other occurrence of a name found once, the parts of full
 * names, and nicknames of the people found.
 */
final class NameRecurrence {

	private NameRecurrence() {
	}

	/** Whether lower-case mentions of a name found capitalised are safe to take as the name ("i met zainab"). */
	static boolean matchAnyCase(String name, Language language) {
		if (isOrdinaryWord(name, language)) {
			return false;
		}
		for (String word : name.strip().split("\\s+")) {
			if (!isListedName(word, language) && language == Language.NORWEGIAN) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Every other whole-word occurrence of a name found somewhere in the text, such as "Bronwyn" at
	 * the start of a sentence when "a physio called Bronwyn" was found, and of each part of a full
	 * name ("Hanssen" alone after "Reidar Hanssen", also from a known name): a name found once is a
	 * name everywhere in the document. Lower-case mentions count where the name is no ordinary word.
	 */
	static List<Candidate> elsewhere(String text, Language language, List<Candidate> found, List<KnownName> known) {
		java.util.Map<String, Candidate> surfaces = new java.util.LinkedHashMap<>();
		for (Candidate c : found) {
			if (!NAMES.contains(c.kind())) {
				continue;
			}
			surfaces.putIfAbsent(c.surface(), c);
			if (PERSONS.contains(c.kind())) {
				for (String part : nameParts(c.surface())) {
					surfaces.putIfAbsent(part, new Candidate(c.start(), c.end(), part, c.kind(), c.source()));
				}
			}
		}
		for (KnownName k : known) {
			if (PERSONS.contains(k.kind())) {
				for (String part : nameParts(k.name())) {
					surfaces.putIfAbsent(part, new Candidate(0, 1, part, k.kind(), KNOWN));
				}
			}
		}
		nicknames(text, language, surfaces);
		List<Candidate> out = new ArrayList<>();
		for (Candidate c : surfaces.values()) {
			int flags = matchAnyCase(c.surface(), language) ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0;
			Matcher m = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(c.surface()) + "(?![\\p{L}\\p{N}])", flags).matcher(text);
			while (m.find()) {
				out.add(new Candidate(m.start(), m.end(), m.group(), c.kind(), c.source()));
			}
		}
		return out;
	}

	static final List<String> NICKNAME_ENDINGS = List.of("", "is", "e", "en", "ern", "y", "ie", "a", "o", "i", "ster");

	/**
	 * Nicknames of the people found, written in the text: a capitalised word that is the start of a
	 * found first name with a nickname ending ("Kjell" → "Kjelle", "Bjørn" → "Bjørnis", "Gemma" →
	 * "Gem"), and is no stop word or English word. Added to {@code surfaces} with the person's kind.
	 */
	static void nicknames(String text, Language language, java.util.Map<String, Candidate> surfaces) {
		List<Candidate> people = surfaces.values().stream().filter(c -> PERSONS.contains(c.kind()) && c.surface().indexOf(' ') < 0
				&& c.surface().length() >= 4 && isCapitalised(c.surface())).toList();
		if (people.isEmpty()) {
			return;
		}
		Matcher m = WORD.matcher(text);
		while (m.find()) {
			String w = m.group();
			if (w.length() < 3 || !isCapitalised(w) || surfaces.containsKey(w) || COMMON_CAPITALISED.contains(w)
					|| isOrdinaryWord(w, language) || SpeakerRoles.isRoleWord(w) || Gazetteer.NOT_IDENTIFYING.contains(w)) {
				continue;
			}
			for (Candidate person : people) {
				if (isNickname(w, person.surface())) {
					surfaces.put(w, new Candidate(person.start(), person.end(), w, person.kind(), person.source()));
					break;
				}
			}
		}
	}

	/**
	 * Whether {@code word} is a nickname of {@code name}: its start (3 letters at least, 4 for names
	 * over 5 letters), or the name (less its last letter at most) with a nickname ending.
	 */
	static boolean isNickname(String word, String name) {
		if (word.equals(name)) {
			return false;
		}
		int p = 0;
		while (p < word.length() && p < name.length() && word.charAt(p) == name.charAt(p)) {
			p++;
		}
		if (p < 3 || p < 4 && name.length() > 5) {
			return false;
		}
		String ending = word.substring(p);
		// a bare start of the name ("Gem" of "Gemma"), or nearly the whole name with an ending ("Kjelle", "Bjørnis")
		return NICKNAME_ENDINGS.contains(ending) && (ending.isEmpty() ? p == word.length() : p >= name.length() - 1);
	}

	static final Set<String> TITLES = Set.of("Dr", "Mr", "Mrs", "Ms", "Miss", "Mx", "Prof", "Sir", "Dame", "Lady", "Lord",
			"Fru", "Herr", "Frøken", "Doktor", "Professor", "Nurse", "Father", "Sister", "Uncle", "Auntie", "Aunt", "Onkel", "Tante");

	/** The words of a full name that are names by themselves: "Reidar Hanssen" → Reidar, Hanssen; not "Dr" or "van". */
	static List<String> nameParts(String fullName) {
		String[] words = fullName.strip().split("\\s+");
		if (words.length < 2) {
			return List.of();
		}
		List<String> out = new ArrayList<>();
		for (String w : words) {
			String base = w.replaceAll("['’]s$", "").replaceAll("[.,]$", "");
			if (isCapitalised(base) && base.length() >= 3 && !TITLES.contains(base) && !COMMON_CAPITALISED.contains(base)
					&& !Gazetteer.NOT_IDENTIFYING.contains(base) && !SpeakerRoles.isRoleWord(base)
					&& !isStopWord(base.toLowerCase(java.util.Locale.ROOT))) {
				out.add(base);
			}
		}
		return out;
	}

	static final Set<IdentifierKind> PERSONS = Set.of(IdentifierKind.PARTICIPANT, IdentifierKind.PERSON, IdentifierKind.NAME);

	static final Set<IdentifierKind> NAMES = Set.of(IdentifierKind.PARTICIPANT, IdentifierKind.PERSON,
			IdentifierKind.NAME, IdentifierKind.TOWN, IdentifierKind.PLACE, IdentifierKind.ORGANISATION,
			IdentifierKind.EMPLOYER);

}

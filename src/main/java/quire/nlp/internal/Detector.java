package quire.nlp.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.DoubleConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import quire.corpus.Language;
import quire.corpus.SpeakerRoles;
import quire.nlp.Candidate;
import quire.nlp.IdentifierKind;
import quire.nlp.KnownName;

import static quire.nlp.internal.DetectorWords.COMMON_CAPITALISED;
import static quire.nlp.internal.DetectorWords.WORD;
import static quire.nlp.internal.DetectorWords.englishForm;
import static quire.nlp.internal.DetectorWords.isCapitalised;
import static quire.nlp.internal.DetectorWords.isOrdinaryWord;
import static quire.nlp.internal.DetectorWords.isStopWord;
import static quire.nlp.internal.DetectorWords.startsSentence;
import static quire.nlp.internal.NameRecurrence.elsewhere;
import static quire.nlp.internal.NerDetector.ner;
import static quire.nlp.internal.PatternRules.patterns;

/**
 * Finds candidate identifiers in a text. Pure: no database, no Spring. Detectors, in the order they
 * win when two candidates overlap with the same length:
 * <ol>
 * <li>the project's known names (participants, employers), anywhere, with a possessive s;</li>
 * <li>patterns: e-mail addresses, URLs, Norwegian national identity numbers (11 digits), phone
 * numbers with their country and area codes and extensions, specific dates (a day and a month),
 * case, claim and reference numbers with their letters, ages ("52 years old", "femtito år
 * gammel"), UK and Norwegian postcodes, street addresses with house number and flat letter, and
 * descriptions that single a person out ("the only female welder at the plant", "den eneste
 * kvinnelige sveiseren");</li>
 * <li>CoreNLP NER for English when its models are present (PERSON, CITY, LOCATION, STATE_OR_PROVINCE,
 * ORGANIZATION, EMAIL, URL, specific DATEs, NUMBERs that look like ids);</li>
 * <li>gazetteers of first names, surnames and places (Norwegian, and English), with adjacent name
 * words joined ("Kari Nordmann");</li>
 * <li>capitalised words that do not start a sentence and are not common capitalised words;</li>
 * <li>words that open a sentence and are no English word ("Zainab said…"), or that are followed by
 * what follows a name ("Dagfinn, lederen vår", "Zainab var veilederen min").</li>
 * </ol>
 * A longer candidate wins over a shorter one it overlaps. Then every name found is looked for
 * everywhere in the text, and so are the parts of a full name ("Reidar Hanssen" → "Hanssen"), in
 * any case where the name is not also an ordinary word. Role words ({@link SpeakerRoles}),
 * nationalities, languages and public schemes ({@link Gazetteer#NOT_IDENTIFYING}) are never names.
 * Tuned for recall: a missed name is the worse error, and the review step removes false alarms.
 */
public final class Detector {

	private Detector() {
	}

	static final String KNOWN = "known name";

	static final String PATTERN = "pattern";

	static final String NER = "CoreNLP NER";

	static final String GAZETTEER = "gazetteer";

	static final String CAPITALISED = "capitalised word";

	static final String OPENER = "name opening a sentence";

	private static final List<String> PRIORITY = List.of(OPENER, CAPITALISED, GAZETTEER, NER, PATTERN, KNOWN);

	/**
	 * The candidates in {@code text}, sorted by start and not overlapping.
	 * @param ner whether to run CoreNLP's NER (English only, and only when its models are present)
	 * @param progress told the share of the text done, from 0 to 1 (NER takes seconds for a long document)
	 */
	public static List<Candidate> detect(String text, Language language, List<KnownName> known, boolean ner,
			DoubleConsumer progress) {
		return detect(text, language, known, List.of(), ner, progress);
	}

	/**
	 * As {@link #detect(String, Language, List, boolean, DoubleConsumer)}, but words inside any
	 * occurrence of {@code notNames} (speaker labels that are roles, such as "MI Caseworker 1" or
	 * "Sick-listed worker") are not candidates unless a pattern or a known name finds them.
	 */
	public static List<Candidate> detect(String text, Language language, List<KnownName> known, List<String> notNames,
			boolean ner, DoubleConsumer progress) {
		List<Candidate> all = new ArrayList<>();
		known(text, language, known, all);
		patterns(text, all);
		if (ner && language == Language.ENGLISH && CoreNlp.available(CoreNlp.Level.ENTITIES)) {
			ner(text, all, progress);
		}
		gazetteer(text, language, all);
		capitalised(text, language, all);
		organisations(text, all);
		openers(text, language, all);
		lowerCaseNames(text, all);
		speakerLabels(text, all);
		List<int[]> shielded = occurrences(text, notNames);
		Matcher phrases = NOT_IDENTIFYING_PHRASES.matcher(text);
		while (phrases.find()) {
			shielded.add(new int[] { phrases.start(), phrases.end() });
		}
		java.util.function.Predicate<Candidate> notAName = c -> !c.source().equals(KNOWN) && !c.source().equals(PATTERN)
				&& (shielded.stream().anyMatch(r -> c.overlaps(r[0], r[1])) || notIdentifying(c.surface()));
		all.removeIf(notAName);
		List<Candidate> found = resolve(all);
		found = resolve(concat(found, elsewhere(text, language, found, known)));
		found.removeIf(notAName);
		progress.accept(1.0);
		return found;
	}

	/** Multi-word entries of {@link Gazetteer#NOT_IDENTIFYING} ("Universal Credit", "Raskere tilbake"), longest first. */
	private static final Pattern NOT_IDENTIFYING_PHRASES = Pattern.compile("(?<![\\p{L}\\p{N}])(?:"
			+ String.join("|", Gazetteer.NOT_IDENTIFYING.stream().filter(p -> p.indexOf(' ') > 0)
				.sorted(Comparator.comparingInt(String::length).reversed()).map(Pattern::quote).toList())
			+ ")(?![\\p{L}\\p{N}])");

	/** A nationality, language, scheme or role word ("Polish", "NAV", "Moderator"), alone or with a possessive s. */
	private static boolean notIdentifying(String surface) {
		String s = surface.strip();
		String base = s.endsWith("'s") || s.endsWith("’s") ? s.substring(0, s.length() - 2) : s;
		if (Gazetteer.NOT_IDENTIFYING.contains(base) || Gazetteer.NOT_IDENTIFYING.contains(s)) {
			return true;
		}
		for (String word : base.split("\\s+")) {
			if (!Gazetteer.NOT_IDENTIFYING.contains(word) && !SpeakerRoles.isRoleWord(word)) {
				return false;
			}
		}
		return true;
	}

	private static void known(String text, Language language, List<KnownName> known, List<Candidate> out) {
		for (KnownName name : known) {
			int flags = isOrdinaryWord(name.name(), language) ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
			Pattern p = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(name.name()) + "(?=(?:['’]?s)?(?![\\p{L}\\p{N}]))", flags);
			Matcher m = p.matcher(text);
			while (m.find()) {
				out.add(new Candidate(m.start(), m.end(), m.group(), name.kind(), KNOWN));
			}
		}
	}

	private static void gazetteer(String text, Language language, List<Candidate> out) {
		Set<String> first = language == Language.NORWEGIAN ? Gazetteer.NO_FIRST_NAMES : Gazetteer.EN_FIRST_NAMES;
		Set<String> places = language == Language.NORWEGIAN ? Gazetteer.NO_PLACES : Gazetteer.EN_PLACES;
		// multi-word places as written ("Mo i Rana", "Gamle Oslo")
		for (String place : places) {
			if (place.indexOf(' ') > 0) {
				Matcher m = Pattern.compile("(?<!\\p{L})" + Pattern.quote(place) + "(?!\\p{L})").matcher(text);
				while (m.find()) {
					out.add(new Candidate(m.start(), m.end(), m.group(), IdentifierKind.TOWN, GAZETTEER));
				}
			}
		}
		// runs of adjacent capitalised words with at least one first name or surname: "Kari Nordmann", "Per Olav Hansen"
		record Word(int start, int end, boolean name, boolean capital, boolean possessive) {
		}
		List<Word> words = new ArrayList<>();
		Matcher m = WORD.matcher(text);
		while (m.find()) {
			String word = m.group();
			String base = stripPossessive(word, first, places);
			boolean name = isListedName(base, language) && !COMMON_CAPITALISED.contains(base)
					&& !Gazetteer.NOT_IDENTIFYING.contains(base) && !SpeakerRoles.isRoleWord(base);
			if (!name && places.contains(base)) {
				out.add(new Candidate(m.start(), m.start() + base.length(), base, IdentifierKind.TOWN, GAZETTEER));
			}
			words.add(new Word(m.start(), m.start() + base.length(), name,
					isCapitalised(base) && !COMMON_CAPITALISED.contains(base) && !startsSentence(text, m.start()),
					base.length() < word.length()));
		}
		int i = 0;
		while (i < words.size()) {
			Word w = words.get(i);
			if (!w.name() && !w.capital()) {
				i++;
				continue;
			}
			int j = i;
			boolean hasName = w.name();
			while (!words.get(j).possessive() && j + 1 < words.size() && (words.get(j + 1).name() || words.get(j + 1).capital())
					&& words.get(j + 1).start() == words.get(j).end() + 1 && text.charAt(words.get(j).end()) == ' ') {
				j++;
				hasName |= words.get(j).name();
			}
			if (hasName) {
				int start = w.start();
				int end = words.get(j).end();
				out.add(new Candidate(start, end, text.substring(start, end), IdentifierKind.PERSON, GAZETTEER));
			}
			i = j + 1;
		}
	}

	private static final Pattern ORGANISATION = Pattern.compile("(?<![\\p{L}\\d])(?:St\\.\\s)?\\p{Lu}[\\p{L}\\p{M}'’-]*"
			+ "(?:\\s(?:&\\s|og\\s|and\\s|of\\s|for\\s)?\\p{Lu}[\\p{L}\\p{M}'’-]*)*(?:\\s(?:AS|ASA|Ltd|Limited|plc|LLP|SA|KS|DA))?"
			+ "(?:\\s(?:legesenter|legekontor|barnehage|hospital|sykehus|sjukehus|skole|skule|klinikk|helsestasjon|tannlegekontor|"
			+ "bedriftshelsetjeneste|fysioterapi|sykehjem|omsorgssenter|videregående(?:\\sskole)?))?(?![\\p{L}\\d])");

	private static final Set<String> COMPANY_FORMS = Set.of("AS", "ASA", "Ltd", "Limited", "plc", "LLP", "SA", "KS", "DA");

	private static final Pattern ORGANISATION_END = Pattern.compile(".*\\s(?:AS|ASA|Ltd|Limited|plc|LLP|SA|KS|DA|legesenter|legekontor|barnehage|"
			+ "hospital|sykehus|sjukehus|skole|skule|klinikk|helsestasjon|tannlegekontor|bedriftshelsetjeneste|fysioterapi|sykehjem|"
			+ "omsorgssenter|videregående(?:\\sskole)?)");

	/**
	 * Names of employers, clinics and schools written as several capitalised words, maybe joined by
	 * "&", "og", "and", "of" ("Meanwood Physio & Sports Clinic", "Aune Rør og VVS AS"), or one
	 * capitalised word before a company form or an institution ("Furuset legesenter", "St. Olavs
	 * hospital"). Leading ordinary words ("And", "The") are left out.
	 */
	private static void organisations(String text, List<Candidate> out) {
		Matcher m = ORGANISATION.matcher(text);
		while (m.find()) {
			int start = m.start();
			String[] words = m.group().split("\\s+");
			int skip = 0;
			while (skip < words.length && (COMMON_CAPITALISED.contains(words[skip]) || isStopWord(words[skip].toLowerCase(java.util.Locale.ROOT))
					|| SpeakerRoles.isRoleWord(words[skip]) || Gazetteer.NOT_IDENTIFYING.contains(words[skip]))) {
				start = text.indexOf(words[skip], start) + words[skip].length();
				while (start < m.end() && Character.isWhitespace(text.charAt(start))) {
					start++;
				}
				skip++;
			}
			if (start >= m.end()) {
				continue;
			}
			String found = text.substring(start, m.end());
			if (java.util.Arrays.stream(found.split("\\s+")).anyMatch(w -> COMMON_CAPITALISED.contains(w)
					|| Character.isUpperCase(w.charAt(0)) && !COMPANY_FORMS.contains(w) && isStopWord(w.toLowerCase(java.util.Locale.ROOT)))) {
				continue;
			}
			long capitals = java.util.Arrays.stream(found.split("\\s+")).filter(w -> Character.isUpperCase(w.charAt(0))).count();
			if (capitals >= 2 && found.indexOf(' ') > 0 || ORGANISATION_END.matcher(found).matches()) {
				if (!text.startsWith(":", m.end()) && !notIdentifying(found)) {
					out.add(new Candidate(start, m.end(), found, IdentifierKind.ORGANISATION, CAPITALISED));
				}
			}
		}
	}

	/** Whether a word is in a list of first names or surnames for the language, or in the lists of many origins. */
	static boolean isListedName(String word, Language language) {
		Set<String> first = language == Language.NORWEGIAN ? Gazetteer.NO_FIRST_NAMES : Gazetteer.EN_FIRST_NAMES;
		return first.contains(word) || Gazetteer.NO_SURNAMES.contains(word)
				|| language == Language.ENGLISH && Gazetteer.NO_FIRST_NAMES.contains(word)
				|| language == Language.NORWEGIAN && Gazetteer.EN_FIRST_NAMES.contains(word)
				|| Gazetteer.WORLD_FIRST_NAMES.contains(word) || Gazetteer.WORLD_SURNAMES.contains(word);
	}

	/** "Karis" → "Kari", "Anna's" → "Anna" when the base is in a list; else the word. */
	private static String stripPossessive(String word, Set<String> first, Set<String> places) {
		for (String suffix : List.of("'s", "’s", "s")) {
			if (word.length() > suffix.length() + 1 && word.endsWith(suffix)) {
				String base = word.substring(0, word.length() - suffix.length());
				if (first.contains(base) || places.contains(base) || Gazetteer.NO_SURNAMES.contains(base)
						|| Gazetteer.WORLD_FIRST_NAMES.contains(base) || Gazetteer.WORLD_SURNAMES.contains(base)) {
					return base;
				}
			}
		}
		return word;
	}

	/** Capitalised words that do not open a sentence, adjacent ones joined ("Torbjørn Brekke"). */
	private static void capitalised(String text, Language language, List<Candidate> out) {
		Matcher m = WORD.matcher(text);
		int runStart = -1;
		int runEnd = -1;
		while (m.find()) {
			String word = m.group();
			String base = word.endsWith("'s") || word.endsWith("’s") ? word.substring(0, word.length() - 2) : word;
			boolean name = isCapitalised(word) && !COMMON_CAPITALISED.contains(word) && !COMMON_CAPITALISED.contains(base)
					&& !SpeakerRoles.isRoleWord(base) && !Gazetteer.NOT_IDENTIFYING.contains(base);
			boolean opens = startsSentence(text, m.start());
			boolean joins = name && runEnd >= 0 && m.start() == runEnd + 1 && text.charAt(runEnd) == ' ';
			if (joins) {
				runEnd = m.start() + base.length();
			}
			else {
				if (runStart >= 0) {
					out.add(new Candidate(runStart, runEnd, text.substring(runStart, runEnd), IdentifierKind.NAME, CAPITALISED));
				}
				runStart = name && !opens ? m.start() : -1;
				runEnd = name && !opens ? m.start() + base.length() : -1;
			}
			if (base.length() < word.length() && runStart >= 0) {
				out.add(new Candidate(runStart, runEnd, text.substring(runStart, runEnd), IdentifierKind.NAME, CAPITALISED));
				runStart = -1;
				runEnd = -1;
			}
		}
		if (runStart >= 0) {
			out.add(new Candidate(runStart, runEnd, text.substring(runStart, runEnd), IdentifierKind.NAME, CAPITALISED));
		}
	}

	private static final Pattern LABEL = Pattern.compile("(?m)^(?:\\[[\\d:.,]+]\\s*)?(\\p{Lu}[\\p{L}\\p{M}'’-]*(?: \\p{Lu}[\\p{L}\\p{M}'’-]*){0,2}):");

	/** Labels of transcribers' notes, which are no speaker: "Note:", "Kommentar:". */
	private static final Set<String> NOTES = Set.of("Note", "Notes", "Comment", "Notat", "Kommentar", "Merknad", "Transcriber",
			"Transkribent");

	/** Whether a speaker label is a transcriber's note rather than a speaker. */
	public static boolean isNoteLabel(String label) {
		return NOTES.contains(label.strip().split("\\s+")[0]);
	}

	/** Speaker labels at the start of a line ("Priya: ...") that are not roles ({@link SpeakerRoles}) or notes: names. */
	private static void speakerLabels(String text, List<Candidate> out) {
		Matcher m = LABEL.matcher(text);
		while (m.find()) {
			String label = m.group(1);
			String first = label.split(" ")[0];
			if (!SpeakerRoles.isRole(label) && !isNoteLabel(label) && !COMMON_CAPITALISED.contains(first)
					&& !Gazetteer.NOT_IDENTIFYING.contains(first)) {
				out.add(new Candidate(m.start(1), m.end(1), label, IdentifierKind.NAME, CAPITALISED));
			}
		}
	}

	/**
	 * What follows a name that opens a sentence: an apposition ("Dagfinn, lederen vår", "Zainab, my
	 * caseworker"), a verb of saying or helping ("Zainab said", "Reidar ventet") or a role ("Zainab var
	 * veilederen min").
	 */
	private static final Pattern AFTER_NAME = Pattern.compile("(?:['’]s\\s|,\\s(?:who|my|our|the|her|his|she|he|som|min|mi|mitt|vår|våre|"
			+ "lederen|sjefen|veilederen|kona|mannen|han|hun|ho|den|a|an|en|ei|et)\\b|\\s(?:said|says|told|asked|rang|called|phoned|emailed|texted|"
			+ "helped|listened|came|smiled|laughed|sa|sier|fortalte|spurte|ringte|hjalp|ventet|venta|lyttet|kom|smilte|lo|mente|skrev|wrote|"
			+ "and\\sI|og\\sjeg|og\\seg)\\b|\\s(?:was|is|var|er)\\s(?:my|our|her|his|the\\sone|min|mi|mitt|vår|veilederen|lederen|sjefen|"
			+ "kontaktpersonen|fastlegen|legen|saksbehandleren)\\b)");

	/**
	 * Words that open a sentence or a turn and are names by the look of them: in English, a word that
	 * is no English word at all ("Zainab", "Dagfinn"); in both languages, a word that never occurs in
	 * lower case in the text and is followed by what follows a name ({@link #AFTER_NAME}).
	 */
	private static void openers(String text, Language language, List<Candidate> out) {
		Set<String> lower = new java.util.HashSet<>();
		Matcher all = WORD.matcher(text);
		while (all.find()) {
			if (Character.isLowerCase(all.group().charAt(0))) {
				lower.add(all.group());
			}
		}
		Matcher m = WORD.matcher(text);
		while (m.find()) {
			String word = m.group();
			int apostrophe = Math.max(word.indexOf('\''), word.indexOf('’'));
			if (apostrophe > 0 && !word.endsWith("s")) {
				continue; // a contraction: "He'd", "I'll", "Don't"
			}
			String base = apostrophe > 0 ? word.substring(0, apostrophe) : word;
			if (!isCapitalised(base) || base.length() < 3 || !startsSentence(text, m.start()) || text.startsWith(":", m.end())
					|| COMMON_CAPITALISED.contains(base) || Gazetteer.NOT_IDENTIFYING.contains(base) || SpeakerRoles.isRoleWord(base)
					|| isNoteLabel(base)) {
				continue;
			}
			String lc = base.toLowerCase(java.util.Locale.ROOT);
			if (lower.contains(lc) || isStopWord(lc)) {
				continue;
			}
			if (language == Language.NORWEGIAN && NORWEGIAN_DEFINITE.matcher(lc).matches() && !isListedName(base, language)) {
				continue; // "Fysioterapeuten sa", "Lærlingen var": a noun in its definite form
			}
			boolean englishWord = Gazetteer.EN_WORDS.contains(lc) || englishForm(lc)
					|| lc.indexOf('-') > 0 && java.util.Arrays.stream(lc.split("-")).allMatch(p -> Gazetteer.EN_WORDS.contains(p) || englishForm(p));
			boolean noWord = language == Language.ENGLISH && !englishWord;
			boolean context = !(language == Language.ENGLISH && englishWord) && AFTER_NAME.matcher(text).region(m.start() + base.length(), text.length()).lookingAt();
			if (noWord || context) {
				out.add(new Candidate(m.start(), m.start() + base.length(), base, IdentifierKind.NAME, OPENER));
			}
		}
	}

	private static final Pattern NORWEGIAN_DEFINITE = Pattern.compile("\\p{L}{4,}(?<!s)(?:en|et|ene|a|ne)");

	/**
	 * First names written in lower case ("cheers, ryan"): a lower-case word whose capitalised form is a
	 * listed first name of many origins and which is neither an English nor a Norwegian word (the list
	 * was made without those) nor a stop word.
	 */
	private static void lowerCaseNames(String text, List<Candidate> out) {
		Matcher m = WORD.matcher(text);
		while (m.find()) {
			String w = m.group();
			if (w.length() < 3 || !Character.isLowerCase(w.charAt(0)) || isStopWord(w) || Gazetteer.EN_WORDS.contains(w) || englishForm(w)) {
				continue;
			}
			String cap = Character.toUpperCase(w.charAt(0)) + w.substring(1);
			if (Gazetteer.WORLD_FIRST_NAMES.contains(cap) && !Gazetteer.NAMES_THAT_ARE_WORDS.contains(cap)) {
				out.add(new Candidate(m.start(), m.end(), w, IdentifierKind.NAME, GAZETTEER));
			}
		}
	}

	private static List<int[]> occurrences(String text, List<String> phrases) {
		List<int[]> out = new ArrayList<>();
		for (String phrase : phrases) {
			if (phrase.isBlank()) {
				continue;
			}
			Matcher m = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(phrase.strip()) + "(?![\\p{L}\\p{N}])").matcher(text);
			while (m.find()) {
				out.add(new int[] { m.start(), m.end() });
			}
		}
		return out;
	}

	private static List<Candidate> concat(List<Candidate> a, List<Candidate> b) {
		List<Candidate> out = new ArrayList<>(a);
		out.addAll(b);
		return out;
	}

	/**
	 * Patterns first (an e-mail address, a national insurance number or a phone number is never cut
	 * short by a longer run of capitalised words around it), descriptions and street names aside; then longest first,
	 * then by detector priority; overlapping candidates are dropped.
	 */
	static List<Candidate> resolve(List<Candidate> all) {
		List<Candidate> sorted = new ArrayList<>(all);
		sorted.sort(Comparator.comparing((Candidate c) -> !(c.source().equals(PATTERN) && c.kind() != IdentifierKind.DESCRIPTION
				&& c.kind() != IdentifierKind.PLACE))
			.thenComparing(Comparator.comparingInt((Candidate c) -> c.end() - c.start()).reversed())
			.thenComparing(Comparator.comparingInt((Candidate c) -> PRIORITY.indexOf(c.source())).reversed())
			.thenComparingInt(Candidate::start));
		List<Candidate> kept = new ArrayList<>();
		for (Candidate c : sorted) {
			if (kept.stream().noneMatch(k -> k.overlaps(c.start(), c.end()))) {
				kept.add(c);
			}
		}
		kept.sort(Comparator.comparingInt(Candidate::start));
		return kept;
	}

}

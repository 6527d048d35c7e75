package quire.nlp.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.DoubleConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.CoreEntityMention;
import quire.corpus.Language;
import quire.nlp.Candidate;
import quire.nlp.IdentifierKind;
import quire.nlp.KnownName;

/**
 * Finds candidate identifiers in a text. Pure: no database, no Spring. Detectors, in the order they
 * win when two candidates overlap with the same length:
 * <ol>
 * <li>the project's known names (participants, employers), anywhere, with a possessive s;</li>
 * <li>patterns: e-mail addresses, URLs, Norwegian national identity numbers (11 digits), phone
 * numbers, specific dates (a day and a month), case and id numbers (6 or more digits);</li>
 * <li>CoreNLP NER for English when its models are present (PERSON, CITY, LOCATION, STATE_OR_PROVINCE,
 * ORGANIZATION, EMAIL, URL, specific DATEs, NUMBERs that look like ids);</li>
 * <li>gazetteers of first names, surnames and places (Norwegian, and English), with adjacent name
 * words joined ("Kari Nordmann");</li>
 * <li>capitalised words that do not start a sentence and are not common capitalised words.</li>
 * </ol>
 * A longer candidate wins over a shorter one it overlaps. Tuned for recall: a missed name is the
 * worse error, and the review step removes false alarms.
 */
public final class Detector {

	private Detector() {
	}

	static final String KNOWN = "known name";

	static final String PATTERN = "pattern";

	static final String NER = "CoreNLP NER";

	static final String GAZETTEER = "gazetteer";

	static final String CAPITALISED = "capitalised word";

	private static final List<String> PRIORITY = List.of(CAPITALISED, GAZETTEER, NER, PATTERN, KNOWN);

	private static final String NO_MONTHS = "januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember|jan|feb|mar|apr|jun|jul|aug|sep|sept|okt|nov|des";

	private static final String EN_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec";

	private record Rule(Pattern pattern, IdentifierKind kind) {
	}

	private static final List<Rule> PATTERNS = List.of(
			new Rule(Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+"), IdentifierKind.EMAIL),
			new Rule(Pattern.compile("(?:https?://|www\\.)[^\\s<>\"]+[^\\s<>\".,;:!?)\\]]"), IdentifierKind.URL),
			// Norwegian national identity number (fødselsnummer): ddmmyy + 5 digits, maybe with a space
			new Rule(Pattern.compile("(?<![\\d-])[0-3]\\d[01]\\d\\d\\d[ ]?\\d{5}(?![\\d-])"), IdentifierKind.ID_NUMBER),
			// US social security number
			new Rule(Pattern.compile("(?<!\\d)\\d{3}-\\d{2}-\\d{4}(?!\\d)"), IdentifierKind.ID_NUMBER),
			// phone numbers: +47 and 8 digits in groups, other countries' codes, 0xxx local numbers, 555-1234
			new Rule(Pattern.compile("(?<![\\d-])(?:\\+\\d{1,3}[ -]?)?(?:\\(\\d{2,4}\\)[ -]?)?\\d{2,4}(?:[ -]\\d{2,4}){1,3}(?![\\d-])"),
					IdentifierKind.PHONE),
			new Rule(Pattern.compile("(?<!\\d)\\d{1,2}\\.\\s?(?:" + NO_MONTHS + ")\\.?(?:\\s\\d{4})?(?!\\p{L})",
					Pattern.CASE_INSENSITIVE), IdentifierKind.DATE),
			new Rule(Pattern.compile("(?<!\\d)\\d{1,2}(?:st|nd|rd|th)?\\s(?:of\\s)?(?:" + EN_MONTHS + ")(?:,?\\s\\d{4})?(?!\\p{L})"),
					IdentifierKind.DATE),
			new Rule(Pattern.compile("(?<!\\p{L})(?:" + EN_MONTHS + ")\\s\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s\\d{4})?(?!\\d)"),
					IdentifierKind.DATE),
			new Rule(Pattern.compile("(?<!\\d)(?<!\\d\\.)\\d{1,2}[./]\\d{1,2}[./](?:\\d{4}|\\d{2})(?!\\d)(?!\\.\\d)"),
					IdentifierKind.DATE),
			new Rule(Pattern.compile("(?<![\\d-])(?:19|20)\\d\\d-[01]\\d-[0-3]\\d(?![\\d-])"), IdentifierKind.DATE),
			// UK national insurance number
			new Rule(Pattern.compile("(?<!\\p{L})[A-Z]{2}\\s?\\d{2}\\s?\\d{2}\\s?\\d{2}\\s?[A-D](?!\\p{L})"), IdentifierKind.ID_NUMBER),
			new Rule(Pattern.compile("(?<![\\p{L}\\d])(?:\\p{Lu}{2,5}[- ]?)?\\d{6,}(?:[-/]\\d+)*(?![\\d])"), IdentifierKind.ID_NUMBER));

	private static final Pattern PHONE_DIGITS = Pattern.compile("\\d");

	private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{M}]*(?:[-'’]\\p{L}[\\p{L}\\p{M}]*)*");

	/** Words written with a capital letter in running text that identify no one. */
	private static final Set<String> COMMON_CAPITALISED = java.util.stream.Stream.of(
			// Norwegian
			"NAV", "Nav", "Gud", "Norge", "Sverige", "Danmark", "Finland", "Europa", "Norden", "Facebook", "Teams", "Zoom",
			"Google", "Snapchat", "Instagram", "Messenger", "Korona", "Covid", "MI", "Jul", "Påske", "Ok", "OK", "De", "Dem",
			"Deres", "Ja", "Nei", "Helse", "Stortinget", "Regjeringen", "Fastlegen",
			// English
			"I", "I'm", "I've", "I'd", "I'll", "Mr", "Mrs", "Ms", "Dr", "Miss", "Sir", "Monday", "Tuesday", "Wednesday",
			"Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July",
			"August", "September", "October", "November", "December", "Christmas", "Easter", "English", "British",
			"Norwegian", "Norway", "England", "Britain", "UK", "US", "America", "American", "European", "Europe", "God",
			"Internet", "Covid", "COVID", "Zoom", "Teams", "OK", "Okay", "TV", "Mum", "Dad", "Mom", "GP", "NHS", "HR",
			"Yeah", "Yes", "No", "So", "And", "But", "Well", "Oh", "Um", "Uh", "Motivational", "Interviewing", "Job",
			"Centre", "Jobcentre", "Universal", "Credit")
		.collect(java.util.stream.Collectors.toUnmodifiableSet());

	private static final Set<String> SENTENCE_OPENERS = Set.of(".", "!", "?", ":", ";", "\"", "“", "«", "(", "[", "—", "–",
			"-", "…");

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
		known(text, known, all);
		patterns(text, all);
		if (ner && language == Language.ENGLISH && CoreNlp.available(CoreNlp.Level.ENTITIES)) {
			ner(text, all, progress);
		}
		gazetteer(text, language, all);
		capitalised(text, language, all);
		speakerLabels(text, all);
		List<int[]> roles = occurrences(text, notNames);
		all.removeIf(c -> !c.source().equals(KNOWN) && !c.source().equals(PATTERN)
				&& roles.stream().anyMatch(r -> c.overlaps(r[0], r[1])));
		List<Candidate> found = resolve(all);
		found = resolve(concat(found, elsewhere(text, found)));
		found.removeIf(c -> !c.source().equals(KNOWN) && !c.source().equals(PATTERN)
				&& roles.stream().anyMatch(r -> c.overlaps(r[0], r[1])));
		progress.accept(1.0);
		return found;
	}

	private static void known(String text, List<KnownName> known, List<Candidate> out) {
		for (KnownName name : known) {
			Pattern p = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(name.name()) + "(?=(?:['’]?s)?(?![\\p{L}\\p{N}]))",
					Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
			Matcher m = p.matcher(text);
			while (m.find()) {
				out.add(new Candidate(m.start(), m.end(), m.group(), name.kind(), KNOWN));
			}
		}
	}

	private static void patterns(String text, List<Candidate> out) {
		for (Rule rule : PATTERNS) {
			Matcher m = rule.pattern().matcher(text);
			while (m.find()) {
				if (rule.kind() == IdentifierKind.PHONE && !looksLikePhone(m.group())) {
					continue;
				}
				out.add(new Candidate(m.start(), m.end(), m.group(), rule.kind(), PATTERN));
			}
		}
	}

	/** 7 to 12 digits in all, or a short local number written 555-1234. */
	private static boolean looksLikePhone(String s) {
		if (s.matches("(?:19|20)\\d\\d-[01]\\d-[0-3]\\d")) {
			return false;
		}
		long digits = PHONE_DIGITS.matcher(s).results().count();
		return digits >= 7 && digits <= 13;
	}

	private static void ner(String text, List<Candidate> out, DoubleConsumer progress) {
		int at = 0;
		while (at < text.length()) {
			int end = text.indexOf('\n', at);
			end = end < 0 ? text.length() : end;
			if (end > at && !text.substring(at, end).isBlank()) {
				CoreDocument doc = CoreNlp.annotate(text.substring(at, end), CoreNlp.Level.ENTITIES);
				for (CoreEntityMention m : doc.entityMentions()) {
					IdentifierKind kind = kindOf(m.entityType(), m.text());
					if (kind != null && isName(m.text())) {
						int s = at + m.charOffsets().first();
						int e = at + m.charOffsets().second();
						out.add(new Candidate(s, e, text.substring(s, e), kind, NER));
					}
				}
			}
			at = end + 1;
			progress.accept(Math.min(0.99, at / (double) text.length()));
		}
	}

	/** Not a pronoun ("She", "him") or an acronym such as MI that NER mentions include: a capital letter, a digit or an @. */
	private static boolean isName(String words) {
		if (PRONOUNS.contains(words.toLowerCase(java.util.Locale.ROOT)) || COMMON_CAPITALISED.contains(words)) {
			return false;
		}
		return words.chars().anyMatch(ch -> Character.isUpperCase(ch) || Character.isDigit(ch) || ch == '@');
	}

	private static final Set<String> PRONOUNS = Set.of("i", "me", "you", "he", "him", "she", "her", "it", "we", "us",
			"they", "them", "his", "hers", "their", "my", "our", "your");

	private static @org.jspecify.annotations.Nullable IdentifierKind kindOf(String type, String words) {
		return switch (type) {
			case "PERSON" -> IdentifierKind.PERSON;
			case "CITY" -> IdentifierKind.TOWN;
			case "LOCATION", "STATE_OR_PROVINCE" -> IdentifierKind.PLACE;
			case "ORGANIZATION" -> COMMON_CAPITALISED.contains(words) ? null : IdentifierKind.ORGANISATION;
			case "EMAIL" -> IdentifierKind.EMAIL;
			case "URL" -> IdentifierKind.URL;
			case "DATE" -> specificDate(words) ? IdentifierKind.DATE : null;
			case "NUMBER" -> words.replaceAll("\\D", "").length() >= 6 ? IdentifierKind.ID_NUMBER : null;
			default -> null;
		};
	}

	/** A date that names a day: digits with a month, or digits separated like 12/03/2021. */
	private static boolean specificDate(String words) {
		boolean digits = words.chars().anyMatch(Character::isDigit);
		return digits && (Pattern.compile("(?i)\\b(?:" + EN_MONTHS + ")\\b").matcher(words).find()
				|| words.matches(".*\\d{1,2}[./]\\d{1,2}[./]\\d{2,4}.*"));
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
			boolean name = first.contains(base) || Gazetteer.NO_SURNAMES.contains(base)
					|| language == Language.ENGLISH && Gazetteer.NO_FIRST_NAMES.contains(base);
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

	/** "Karis" → "Kari", "Anna's" → "Anna" when the base is in a list; else the word. */
	private static String stripPossessive(String word, Set<String> first, Set<String> places) {
		for (String suffix : List.of("'s", "’s", "s")) {
			if (word.length() > suffix.length() + 1 && word.endsWith(suffix)) {
				String base = word.substring(0, word.length() - suffix.length());
				if (first.contains(base) || places.contains(base) || Gazetteer.NO_SURNAMES.contains(base)) {
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
			boolean name = isCapitalised(word) && !COMMON_CAPITALISED.contains(word) && !COMMON_CAPITALISED.contains(base);
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

	/** Role words that speaker labels use instead of names. */
	private static final Set<String> ROLES = Set.of("Interviewer", "Intervjuer", "Moderator", "Facilitator", "Fasilitator",
			"Participant", "Deltaker", "Deltakar", "Respondent", "Informant", "Speaker", "Caseworker", "Veileder",
			"Interviewee", "Researcher", "Forsker", "Note", "Notat", "Kommentar", "Comment", "Observer", "Observatør",
			"Client", "Klient", "Bruker", "Counsellor", "Coach");

	/** Speaker labels at the start of a line ("Priya: ...") that are not role words: names. */
	private static void speakerLabels(String text, List<Candidate> out) {
		Matcher m = LABEL.matcher(text);
		while (m.find()) {
			String label = m.group(1);
			String first = label.split(" ")[0];
			if (!ROLES.contains(first) && !COMMON_CAPITALISED.contains(first) && label.chars().noneMatch(Character::isDigit)) {
				out.add(new Candidate(m.start(1), m.end(1), label, IdentifierKind.NAME, CAPITALISED));
			}
		}
	}

	/**
	 * Every other whole-word occurrence of a name found somewhere in the text, such as "Bronwyn" at
	 * the start of a sentence when "a physio called Bronwyn" was found: a name found once is a name
	 * everywhere in the document.
	 */
	private static List<Candidate> elsewhere(String text, List<Candidate> found) {
		List<Candidate> out = new ArrayList<>();
		Set<String> seen = new java.util.HashSet<>();
		for (Candidate c : found) {
			if (!NAMES.contains(c.kind()) || !seen.add(c.surface())) {
				continue;
			}
			Matcher m = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(c.surface()) + "(?![\\p{L}\\p{N}])").matcher(text);
			while (m.find()) {
				out.add(new Candidate(m.start(), m.end(), m.group(), c.kind(), c.source()));
			}
		}
		return out;
	}

	private static final Set<IdentifierKind> NAMES = Set.of(IdentifierKind.PARTICIPANT, IdentifierKind.PERSON,
			IdentifierKind.NAME, IdentifierKind.TOWN, IdentifierKind.PLACE, IdentifierKind.ORGANISATION,
			IdentifierKind.EMPLOYER);

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

	/** An upper-case letter then lower case (not an acronym such as NAV or MI). */
	private static boolean isCapitalised(String word) {
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

	/** Longest first, then by detector priority; overlapping candidates are dropped. */
	static List<Candidate> resolve(List<Candidate> all) {
		List<Candidate> sorted = new ArrayList<>(all);
		sorted.sort(Comparator.comparingInt((Candidate c) -> c.end() - c.start()).reversed()
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

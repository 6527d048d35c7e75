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
import quire.corpus.SpeakerRoles;
import quire.nlp.Candidate;
import quire.nlp.IdentifierKind;
import quire.nlp.KnownName;

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

	private static final String NO_MONTHS = "januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember|jan|feb|mar|apr|jun|jul|aug|sep|sept|okt|nov|des";

	private static final String EN_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec";

	/** A pattern and the kind it finds; the span is the group named {@code v} where the pattern has one, else the match. */
	private record Rule(Pattern pattern, IdentifierKind kind) {

		Rule(String regex, IdentifierKind kind) {
			this(Pattern.compile(regex, Pattern.UNICODE_CASE), kind);
		}

		boolean hasValue() {
			return pattern.pattern().contains("(?<v>");
		}

	}

	private static final String EN_UNITS = "one|two|three|four|five|six|seven|eight|nine";

	/** An age in English: digits or number words ("52", "fifty-two", "nineteen"). */
	private static final String EN_AGE = "(?:\\d{1,3}|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:" + EN_UNITS
			+ "))?|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|ten|eleven|twelve|" + EN_UNITS + ")";

	/** An English age in a context that makes it one ("I'm 52", "she turned sixty"): 13 and over. */
	private static final String EN_AGE_ADULT = "(?:1[3-9]|[2-9]\\d|1[01]\\d|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:"
			+ EN_UNITS + "))?|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)";

	private static final String NO_UNITS = "en|ett|to|tre|fire|fem|seks|sju|syv|åtte|ni";

	private static final String NO_TENS = "tjue|tyve|tretti|tredve|førti|femti|seksti|sytti|søtti|åtti|nitti";

	/** An age in Norwegian: digits or number words ("52", "femtito", "to og femti", "nitten"). */
	private static final String NO_AGE = "(?:\\d{1,3}|(?:" + NO_TENS + ")(?:" + NO_UNITS + ")?|(?:" + NO_UNITS + ")\\s?og\\s?(?:" + NO_TENS
			+ ")|tretten|fjorten|femten|seksten|sytten|atten|nitten|ti|elleve|tolv|" + NO_UNITS + ")";

	private static final String NO_AGE_ADULT = "(?:1[3-9]|[2-9]\\d|1[01]\\d|(?:" + NO_TENS + ")(?:" + NO_UNITS + ")?|(?:" + NO_UNITS
			+ ")\\s?og\\s?(?:" + NO_TENS + ")|tretten|fjorten|femten|seksten|sytten|atten|nitten)";

	private static final String EN_STREET = "Street|St\\.?|Road|Rd\\.?|Avenue|Ave\\.?|Lane|Close|Drive|Way|Crescent|Terrace|Place|Grove|Court|Gardens|Row|Walk|Hill|Square|Mews|Parade|Green|Rise|View|Estate|Park|Wharf|Quay|Yard|Gate|Vale";

	private static final String NO_STREET = "gata|gate|gaten|veien|vegen|vei|veg|allé|alle|plass|plassen|bakken|brekka|stien|stigen|torget|tunet|brygga|bryggen|kaia|lia|haugen|åsen|ringen|svingen|jordet|løkka|kroken|grenda|feltet|tun|vegen|sletta|moen|myra|enga|hagen|parken|kleiva|stuene";

	/** A house number with an optional letter and flat number: "14", "14 B", "14b", "14B, H0201". */
	private static final String HOUSE = "\\d{1,4}(?:\\s?[A-Za-z](?![\\p{L}\\d]))?(?:,?\\s(?:H|h)\\d{4})?(?:,?\\s(?:oppgang|inngang|leilighet|flat|Flat|unit|Unit)\\s[\\dA-Za-z][\\w/]{0,4})?";

	private static final String TITLE_WORD = "\\p{Lu}[\\p{L}\\p{M}'’-]+";

	private static final List<Rule> PATTERNS = List.of(
			new Rule("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+", IdentifierKind.EMAIL),
			new Rule("(?:https?://|www\\.)[^\\s<>\"]+[^\\s<>\".,;:!?)\\]]", IdentifierKind.URL),
			// Norwegian national identity number (fødselsnummer): ddmmyy + 5 digits, maybe with a space
			new Rule("(?<![\\d-])[0-3]\\d[01]\\d\\d\\d[ ]?\\d{5}(?![\\d-])", IdentifierKind.ID_NUMBER),
			// US social security number
			new Rule("(?<!\\d)\\d{3}-\\d{2}-\\d{4}(?!\\d)", IdentifierKind.ID_NUMBER),
			// phone numbers: +47 and 8 digits in groups, +44 (0)113 ..., (0113) 496 0123, 07700 900461, 555-1234, with an extension
			new Rule("(?<![\\d-])(?:\\+\\d{1,3}[ -]?)?(?:\\(0\\)[ -]?)?(?:\\(\\d{2,5}\\)[ -]?)?\\d{2,5}(?:[ -]\\d{2,6}){1,3}"
					+ "(?:,?\\s?(?:ext\\.?|extension|x|linje|tast)\\s?\\d{1,5})?(?![\\d-])", IdentifierKind.PHONE),
			new Rule("(?i)(?<!\\d)(?:(?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag)\\s(?:den\\s)?)?\\d{1,2}\\.\\s?(?:" + NO_MONTHS + ")\\.?(?:\\s\\d{4})?(?!\\p{L})", IdentifierKind.DATE),
			new Rule("(?<!\\d)(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\\s(?:the\\s)?)?\\d{1,2}(?:st|nd|rd|th)?\\s(?:of\\s)?(?:" + EN_MONTHS + ")(?:,?\\s\\d{4})?(?!\\p{L})", IdentifierKind.DATE),
			new Rule("(?<!\\p{L})(?:" + EN_MONTHS + ")\\s\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s\\d{4})?(?!\\d)", IdentifierKind.DATE),
			new Rule("(?<!\\d)(?<!\\d\\.)\\d{1,2}[./]\\d{1,2}[./](?:\\d{4}|\\d{2})(?!\\d)(?!\\.\\d)", IdentifierKind.DATE),
			new Rule("(?<![\\d-])(?:19|20)\\d\\d-[01]\\d-[0-3]\\d(?![\\d-])", IdentifierKind.DATE),
			// a month with its year ("March 2021", "mars 2021"): narrows a sick leave or a birth to a month
			new Rule("(?<!\\p{L})(?:" + EN_MONTHS + "|(?i:januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember))"
					+ ",?\\s(?:19|20)\\d\\d(?!\\d)", IdentifierKind.DATE),
			// UK national insurance number
			new Rule("(?<!\\p{L})[A-Z]{2}\\s?\\d{2}\\s?\\d{2}\\s?\\d{2}\\s?[A-D](?!\\p{L})", IdentifierKind.ID_NUMBER),
			// case, claim and reference numbers with their letters: RTW-2021-004417, CL88213X, 22/118213, AB-4471-K
			new Rule("(?<![\\p{L}\\p{N}/-])(?:[A-Z]{1,6}[-/]){0,3}(?:[A-Z]{1,6})?\\d[\\d]*(?:[-/.][A-Z\\d]+)*(?:[-/]?[A-Z]{1,3})?(?![\\p{L}\\p{N}])",
					IdentifierKind.ID_NUMBER),
			// letters, digits and a letter apart: "CLM 44817 B"
			new Rule("(?<![\\p{L}\\p{N}])[A-Z]{2,5}\\s\\d{4,}(?:\\s[A-Z])?(?![\\p{L}\\p{N}])", IdentifierKind.ID_NUMBER),
			// a number after the word that names it: "reference HX-4471", "saksnummer 22/118", "claim no. 88213"
			new Rule("(?i)(?:(?:reference|ref\\.?|claim|referanse|saksnummer|saksnr\\.?)(?:\\s?(?:number|no\\.?|nr\\.?|nummer|id))?"
					+ "|(?:case|policy|account|membership|patient|file|NHS|journal|kunde|medlems|pasient|konto|sak|saks|klage|søknads|ansatt|employee|staff|payroll|skade|forsikrings|works)\\s?(?:number|no\\.?|nr\\.?|nummer|id))"
					+ "\\s?(?::|is|er|was|var)?\\s?(?<v>[A-Za-z]{0,6}[-/]?\\d[\\p{L}\\d/-]*\\d[A-Za-z]{0,3}|[A-Za-z]{1,6}[-/]?\\d{2,}[A-Za-z]{0,3})(?![\\p{L}\\d])",
					IdentifierKind.ID_NUMBER),
			// ages
			new Rule("(?i)(?<![\\p{L}\\d])(?:" + EN_AGE + ")(?:[- ]years?[- ]old|[- ]yrs?[- ]old|[- ]year[- ]olds?)(?!\\p{L})", IdentifierKind.AGE),
			new Rule("(?i)(?<![\\p{L}\\d])(?:aged|age(?:d| of)?|at the age of)\\s(?<v>" + EN_AGE + ")(?![\\p{L}\\d])", IdentifierKind.AGE),
			new Rule("(?i)(?<![\\p{L}\\d])(?:I'm|I’m|I am|I was|he's|he’s|she's|she’s|he is|she is|he was|she was|they're|you're|turned|turning|turns|will be|is now|was now|just turned|nearly|almost)\\s(?:only\\s|just\\s|nearly\\s|almost\\s)?(?<v>"
					+ EN_AGE_ADULT + ")(?![\\p{L}\\d%:]|[.,]\\d|\\s?(?:%|percent|per cent|minutes|hours|days|weeks|months|years|times|pounds|quid|kids|children|of|o'clock|am|pm|cases|people|clients)\\b)",
					IdentifierKind.AGE),
			new Rule("(?i)(?<![\\p{L}\\d])(?:" + NO_AGE + ")\\s?år\\s(?:gam(?:mel|le|al)|ung)(?!\\p{L})", IdentifierKind.AGE),
			new Rule("(?i)(?<![\\p{L}\\d])(?<v>" + NO_AGE + "-?åring(?:en|er|ene)?)(?!\\p{L})", IdentifierKind.AGE),
			new Rule("(?i)(?<![\\p{L}\\d])(?:fyller|fylte|fylt|fyll|fyllte|alder(?:en)?(?:\\spå)?|i\\salder\\s(?:av|på))\\s(?<v>" + NO_AGE + ")(?:\\s?år)?(?![\\p{L}\\d])",
					IdentifierKind.AGE),
			// "Han er femtisju, ...", "Hun var femtifem og ...": a number word of 20 or more alone after er/var
			new Rule("(?i)(?:^|(?<=[.!?:]\\s))(?:" + NO_AGE_ADULT + ")\\s?år(?=\\s?[,.])", IdentifierKind.AGE),
			new Rule("(?i)(?<![\\p{L}\\d])(?:er|var|ble|blei|fylte|er\\snå|var\\sda)\\s(?<v>(?:" + NO_TENS + ")(?:" + NO_UNITS + ")?|[2-9]\\d)(?=\\s?[,.;]|\\s(?:og|nå|i år|i fjor|da|den gangen)\\b)",
					IdentifierKind.AGE),
			new Rule("(?i)(?<![\\p{L}\\d])(?:[\\p{L}]+['’]s|is|was|I'm|I’m|I am)\\s(?<v>" + EN_AGE_ADULT + ")(?=\\s?[,.;]|\\s(?:and|now|then|when|this year|last year|next)\\b)",
					IdentifierKind.AGE),
			new Rule("(?i)(?<![\\p{L}\\d])(?:jeg er|jeg var|eg er|eg var|han er|han var|hun er|hun var|ho er|ho var|er nå|var da|ble|blei|blir)\\s(?<v>"
					+ NO_AGE_ADULT + "\\s?år)(?!\\s(?:siden|til|før|etter|i|på|med|der|som|fra|senere|tidligere))(?![\\p{L}\\d])",
					IdentifierKind.AGE),
			// UK postcodes, full ("NE8 4HQ") and outward after "postcode" or a town ("Leeds LS6")
			new Rule("(?<![A-Za-z\\d])(?:[A-Z]{1,2}\\d[A-Z\\d]?|GIR) ?\\d[A-Z]{2}(?![A-Za-z\\d])", IdentifierKind.POSTCODE),
			new Rule("(?i:postcode|post code|postnummer|postnr\\.?)\\s(?:is\\s|er\\s)?(?<v>[A-Z]{1,2}\\d[A-Z\\d]?(?: ?\\d[A-Z]{2})?|\\d{4})(?![A-Za-z\\d])",
					IdentifierKind.POSTCODE),
			new Rule("\\p{Lu}\\p{Ll}{2,},?\\s(?<v>[A-Z]{1,2}\\d{1,2}[A-Z]?)(?![\\p{L}\\d])", IdentifierKind.POSTCODE),
			// Norwegian postcodes: four digits before a capitalised place ("8006 Bodø"); years after "i", "in", "siden" are not
			new Rule("(?<![\\p{L}\\d.,:/-])(?<!(?i:i|in|til|fra|from|since|siden|før|etter|år|året|of|våren|høsten|sommeren|vinteren|and|og|mellom|between|"
					+ NO_MONTHS + "|" + EN_MONTHS + ") )(?<v>\\d{4})[ ]\\p{Lu}\\p{Ll}",
					IdentifierKind.POSTCODE),
			// street addresses with house number and letter: "Storgata 14 B", "Kongens gate 5", "12 Albion Street", "Flat 3, 41 Mill Lane"
			new Rule("(?<![\\p{L}])(?:" + TITLE_WORD + "\\s)?\\p{Lu}[\\p{L}\\p{M}-]*(?:" + NO_STREET + ")\\s" + HOUSE + "(?![\\p{L}\\d])", IdentifierKind.ADDRESS),
			new Rule("(?<![\\p{L}])" + TITLE_WORD + "s?\\s(?:gate|gata|vei|veg|plass|allé|alle)\\s" + HOUSE + "(?![\\p{L}\\d])", IdentifierKind.ADDRESS),
			new Rule("(?<![\\p{L}\\d])(?:(?:Flat|flat|Apartment|apartment|Apt\\.?|Unit|unit)\\s[\\dA-Z][\\w/]{0,4},?\\s(?:(?:" + TITLE_WORD
					+ "\\s){1,2}(?:Mill|House|Works|Building|Court|Yard|Centre),\\s)?)?\\d{1,4}[A-Za-z]?,?\\s(?:" + TITLE_WORD
					+ "\\s){1,3}(?:" + EN_STREET + ")(?:,?\\s(?:flat|Flat|unit|Unit|apartment)\\s[\\dA-Za-z][\\w/]{0,4})?(?![\\p{L}])", IdentifierKind.ADDRESS),
			new Rule("(?<![\\p{L}\\d])(?:Flat|flat|Apartment|apartment|Apt\\.?|Unit|unit|leilighet|Leilighet|bolignummer|bolig)\\s(?:nummer\\s|number\\s|nr\\.?\\s)?(?:\\d{1,4}\\s?[A-Za-z]?|H\\d{4})(?![\\p{L}\\d])",
					IdentifierKind.ADDRESS),
			// streets without a number ("Sjøgata", "Holgate Road")
			new Rule("(?<![\\p{L}])(?:" + TITLE_WORD + "\\s){1,2}(?:Street|Road|Avenue|Lane|Close|Drive|Crescent|Terrace|Grove|Gardens|Mews|Parade)(?![\\p{L}])",
					IdentifierKind.PLACE),
			new Rule("(?<![\\p{L}])\\p{Lu}[\\p{L}\\p{M}-]*(?:gata|gate|gaten|veien|vegen|allé|plassen|torget|brygga|bryggen)(?![\\p{L}])", IdentifierKind.PLACE),
			new Rule("(?<![\\p{L}])" + TITLE_WORD + "s?\\s(?:gate|gata)(?![\\p{L}])", IdentifierKind.PLACE),
			// descriptions that single a person out
			new Rule("(?i)(?<![\\p{L}])(?:the\\sonly|the\\sone\\s(?:who|that)|the\\sfirst\\s(?:woman|man|female|male|person|girl|boy|black|deaf|blind)|the\\sonly\\sother|the\\ssole|the\\slast\\s(?:woman|man|female|male|person)|the\\soldest\\s(?:one|woman|man|person|worker)|the\\syoungest\\s(?:one|woman|man|person|worker))"
					+ "(?!\\s(?:thing|things|time|times|way|ways|reason|option|problem|one|ones|place|chance|answer|difference|question|day|days|week|bit|part|people|person who|help)\\b)[^.;:!?\\n]{3,140}",
					IdentifierKind.DESCRIPTION),
			new Rule("(?i)(?<![\\p{L}])(?:den\\seneste|den\\seinaste|det\\seneste\\s(?:kvinne|mann)|de\\seneste|den\\seldste\\s(?:på|i|av)|den\\syngste\\s(?:på|i|av)|den\\sførste\\s(?:kvinnelige|mannlige|kvinna|kvinnen|mannen|samen|innvandreren)|eneste\\s(?:kvinnelige|mannlige|kvinne|mann|jente|gutt|dame)|einaste\\s(?:kvinnelege|mannlege|kvinne|mann|jente|gut))"
					+ "(?!\\s(?:gangen|måten|grunnen|muligheten|tingen|jeg|som\\sjeg)\\b)[^.;:!?\\n]{3,140}", IdentifierKind.DESCRIPTION),
			new Rule("(?i)(?<![\\p{L}])(?:the|our|my|his|her|their)\\s(?:headteacher|head\\steacher|headmaster|headmistress|mayor|vicar|priest|imam|rabbi|chaplain|chief\\sexecutive|managing\\sdirector|harbour\\s?master|lighthouse\\skeeper|station\\smaster|postmaster|practice\\smanager|matron|coroner|bishop|fire\\schief|chief\\sconstable|MP|local\\sGP|only\\sGP|owner)"
					+ "\\s(?:at|of|in|for|on)\\s(?:the\\s)?[\\p{L}\\p{M}'’-]+(?:\\s\\p{Lu}[\\p{L}\\p{M}'’-]+)*", IdentifierKind.DESCRIPTION),
			new Rule("(?i)(?<![\\p{L}])(?:ordføreren|rektoren|rektor|presten|soknepresten|sokneprest|imamen|lensmannen|havnefogden|daglig\\sleder|styrelederen|kommuneoverlegen|kommunelegen|rådmannen|kommunedirektøren|fyrvokteren|butikksjefen|innehaveren)"
					+ "\\s(?:på|i|ved|for|til)\\s[\\p{L}\\p{M}'’-]+(?:\\s\\p{Lu}[\\p{L}\\p{M}'’-]+)*", IdentifierKind.DESCRIPTION),
			new Rule("(?i)(?<![\\p{L}])(?:han|hun|ho|den)\\ssom\\s(?:eier|eide|driver|drev|styrer|styrte|leder|ledet)\\s[^.;:!?\\n]{3,100}", IdentifierKind.DESCRIPTION));

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
			"Thursday", "Friday", "Saturday", "Sunday", "Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays",
			"Saturdays", "Sundays", "January", "February", "March", "April", "May", "June", "July",
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

	/** Whether lower-case mentions of a name found capitalised are safe to take as the name ("i met zainab"). */
	private static boolean matchAnyCase(String name, Language language) {
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

	private static void patterns(String text, List<Candidate> out) {
		for (Rule rule : PATTERNS) {
			Matcher m = rule.pattern().matcher(text);
			boolean value = rule.hasValue();
			while (m.find()) {
				int start = value ? m.start("v") : m.start();
				int end = value ? m.end("v") : m.end();
				if (start < 0 || end <= start) {
					continue;
				}
				String found = text.substring(start, end);
				if (rule.kind() == IdentifierKind.PHONE && !looksLikePhone(found)
						|| rule.kind() == IdentifierKind.ID_NUMBER && !(value ? found.chars().filter(Character::isDigit).count() >= 3
								: looksLikeReference(found))) {
					continue;
				}
				if (rule.kind() == IdentifierKind.DESCRIPTION) {
					end = start + found.stripTrailing().length();
					found = text.substring(start, end);
				}
				out.add(new Candidate(start, end, found, rule.kind(), PATTERN));
			}
		}
	}

	private static final Pattern YEARS = Pattern.compile("(?:19|20)\\d\\d(?:[-/–](?:19|20)?\\d\\d)?");

	/**
	 * A case, claim or reference number rather than an ordinary number: six digits or more, or three
	 * or more with letters ("CL-882X"), or five or more with a separator ("22/1182"); not a year or a
	 * span of years.
	 */
	static boolean looksLikeReference(String s) {
		if (YEARS.matcher(s).matches()) {
			return false;
		}
		String digitsOnly = s.replaceAll("\\D", "");
		if (YEARS.matcher(digitsOnly).matches()) {
			return false;
		}
		long digits = digitsOnly.length();
		boolean letters = s.chars().anyMatch(Character::isLetter);
		boolean separator = s.chars().anyMatch(ch -> ch == '/' || ch == '-');
		return digits >= 6 || letters && digits >= 3 && s.length() >= 5 || separator && digits >= 5;
	}

	private static final Pattern EXTENSION = Pattern.compile(",?\\s?(?:ext\\.?|extension|x|linje|tast)\\s?\\d{1,5}$");

	/** 7 to 13 digits in all (without a "(0)" and an extension), or a short local number written 555-1234; not dates or years. */
	private static boolean looksLikePhone(String s) {
		if (s.matches("(?:19|20)\\d\\d-[01]\\d-[0-3]\\d") || YEARS.matcher(s).matches()) {
			return false;
		}
		String number = EXTENSION.matcher(s).replaceFirst("").replace("(0)", "");
		long digits = PHONE_DIGITS.matcher(number).results().count();
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

	/** An inflected form of an English word the word list has only in its base form ("Worries", "Texting"). */
	private static boolean englishForm(String lc) {
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

	private static final Set<String> STOP_WORDS = java.util.stream.Stream
		.of(Gazetteer.load("stopwords-en.txt"), Gazetteer.load("stopwords-no.txt"), luceneStopWords(),
				Set.of("jeg", "eg", "du", "han", "hun", "ho", "vi", "dere", "de", "det", "den", "dette", "som", "men", "og", "så",
						"etter", "før", "når", "hvis", "om", "at", "hva", "hvem", "hvor", "hvordan", "kanskje", "ingen", "noen",
						"alle", "mange", "hele", "her", "der", "the", "this", "that", "there", "then", "they", "what", "when",
						"where", "why", "how", "after", "before", "maybe", "nobody", "everyone", "someone", "our", "its"))
		.flatMap(Set::stream)
		.collect(java.util.stream.Collectors.toUnmodifiableSet());

	private static Set<String> luceneStopWords() {
		Set<String> out = new java.util.HashSet<>();
		for (Object o : org.apache.lucene.analysis.en.EnglishAnalyzer.ENGLISH_STOP_WORDS_SET) {
			out.add(new String((char[]) o));
		}
		for (Object o : org.apache.lucene.analysis.no.NorwegianAnalyzer.getDefaultStopSet()) {
			out.add(new String((char[]) o));
		}
		return out;
	}

	private static boolean isStopWord(String lc) {
		return STOP_WORDS.contains(lc);
	}

	/**
	 * Every other whole-word occurrence of a name found somewhere in the text, such as "Bronwyn" at
	 * the start of a sentence when "a physio called Bronwyn" was found, and of each part of a full
	 * name ("Hanssen" alone after "Reidar Hanssen", also from a known name): a name found once is a
	 * name everywhere in the document. Lower-case mentions count where the name is no ordinary word.
	 */
	private static List<Candidate> elsewhere(String text, Language language, List<Candidate> found, List<KnownName> known) {
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

	private static final List<String> NICKNAME_ENDINGS = List.of("", "is", "e", "en", "ern", "y", "ie", "a", "o", "i", "ster");

	/**
	 * Nicknames of the people found, written in the text: a capitalised word that is the start of a
	 * found first name with a nickname ending ("Kjell" → "Kjelle", "Bjørn" → "Bjørnis", "Gemma" →
	 * "Gem"), and is no stop word or English word. Added to {@code surfaces} with the person's kind.
	 */
	private static void nicknames(String text, Language language, java.util.Map<String, Candidate> surfaces) {
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

	private static final Set<String> TITLES = Set.of("Dr", "Mr", "Mrs", "Ms", "Miss", "Mx", "Prof", "Sir", "Dame", "Lady", "Lord",
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

	private static final Set<IdentifierKind> PERSONS = Set.of(IdentifierKind.PARTICIPANT, IdentifierKind.PERSON, IdentifierKind.NAME);

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

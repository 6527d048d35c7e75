package quire.nlp.internal;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import quire.nlp.Candidate;
import quire.nlp.IdentifierKind;

import static quire.nlp.internal.Detector.PATTERN;

/**
 * The pattern detector of {@link Detector}: e-mail addresses, URLs, identity, phone, case and reference
 * numbers, dates, ages, postcodes, street addresses and descriptions that single a person out.
 */
final class PatternRules {

	private PatternRules() {
	}

	static final String NO_MONTHS = "januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember|jan|feb|mar|apr|jun|jul|aug|sep|sept|okt|nov|des";

	static final String EN_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec";

	/** A pattern and the kind it finds; the span is the group named {@code v} where the pattern has one, else the match. */
	record Rule(Pattern pattern, IdentifierKind kind) {

		Rule(String regex, IdentifierKind kind) {
			this(Pattern.compile(regex, Pattern.UNICODE_CASE), kind);
		}

		boolean hasValue() {
			return pattern.pattern().contains("(?<v>");
		}

	}

	static final String EN_UNITS = "one|two|three|four|five|six|seven|eight|nine";

	/** An age in English: digits or number words ("52", "fifty-two", "nineteen"). */
	static final String EN_AGE = "(?:\\d{1,3}|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:" + EN_UNITS
			+ "))?|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|ten|eleven|twelve|" + EN_UNITS + ")";

	/** An English age in a context that makes it one ("I'm 52", "she turned sixty"): 13 and over. */
	static final String EN_AGE_ADULT = "(?:1[3-9]|[2-9]\\d|1[01]\\d|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:"
			+ EN_UNITS + "))?|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)";

	static final String NO_UNITS = "en|ett|to|tre|fire|fem|seks|sju|syv|åtte|ni";

	static final String NO_TENS = "tjue|tyve|tretti|tredve|førti|femti|seksti|sytti|søtti|åtti|nitti";

	/** An age in Norwegian: digits or number words ("52", "femtito", "to og femti", "nitten"). */
	static final String NO_AGE = "(?:\\d{1,3}|(?:" + NO_TENS + ")(?:" + NO_UNITS + ")?|(?:" + NO_UNITS + ")\\s?og\\s?(?:" + NO_TENS
			+ ")|tretten|fjorten|femten|seksten|sytten|atten|nitten|ti|elleve|tolv|" + NO_UNITS + ")";

	static final String NO_AGE_ADULT = "(?:1[3-9]|[2-9]\\d|1[01]\\d|(?:" + NO_TENS + ")(?:" + NO_UNITS + ")?|(?:" + NO_UNITS
			+ ")\\s?og\\s?(?:" + NO_TENS + ")|tretten|fjorten|femten|seksten|sytten|atten|nitten)";

	static final String EN_STREET = "Street|St\\.?|Road|Rd\\.?|Avenue|Ave\\.?|Lane|Close|Drive|Way|Crescent|Terrace|Place|Grove|Court|Gardens|Row|Walk|Hill|Square|Mews|Parade|Green|Rise|View|Estate|Park|Wharf|Quay|Yard|Gate|Vale";

	static final String NO_STREET = "gata|gate|gaten|veien|vegen|vei|veg|allé|alle|plass|plassen|bakken|brekka|stien|stigen|torget|tunet|brygga|bryggen|kaia|lia|haugen|åsen|ringen|svingen|jordet|løkka|kroken|grenda|feltet|tun|vegen|sletta|moen|myra|enga|hagen|parken|kleiva|stuene";

	/** A house number with an optional letter and flat number: "14", "14 B", "14b", "14B, H0201". */
	static final String HOUSE = "\\d{1,4}(?:\\s?[A-Za-z](?![\\p{L}\\d]))?(?:,?\\s(?:H|h)\\d{4})?(?:,?\\s(?:oppgang|inngang|leilighet|flat|Flat|unit|Unit)\\s[\\dA-Za-z][\\w/]{0,4})?";

	static final String TITLE_WORD = "\\p{Lu}[\\p{L}\\p{M}'’-]+";

	static final List<Rule> PATTERNS = List.of(
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

	static final Pattern PHONE_DIGITS = Pattern.compile("\\d");

	static void patterns(String text, List<Candidate> out) {
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

	static final Pattern YEARS = Pattern.compile("(?:19|20)\\d\\d(?:[-/–](?:19|20)?\\d\\d)?");

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

	static final Pattern EXTENSION = Pattern.compile(",?\\s?(?:ext\\.?|extension|x|linje|tast)\\s?\\d{1,5}$");

	/** 7 to 13 digits in all (without a "(0)" and an extension), or a short local number written 555-1234; not dates or years. */
	static boolean looksLikePhone(String s) {
		if (s.matches("(?:19|20)\\d\\d-[01]\\d-[0-3]\\d") || YEARS.matcher(s).matches()) {
			return false;
		}
		String number = EXTENSION.matcher(s).replaceFirst("").replace("(0)", "");
		long digits = PHONE_DIGITS.matcher(number).results().count();
		return digits >= 7 && digits <= 13;
	}

}

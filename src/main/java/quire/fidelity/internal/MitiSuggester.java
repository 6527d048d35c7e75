package quire.fidelity.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.jspecify.annotations.Nullable;

import quire.fidelity.Behaviour;

/**
 * Suggests a MITI behaviour code for an English counsellor utterance from its form <em>and</em> the
 * conversation: the client's utterance just before it is the main evidence for a reflection (content
 * words shared after Porter stemming, continuation markers such as "so", "and", "but you", a second
 * person or elided subject), and questions are recognised from interrogative syntax (wh-words,
 * auxiliary inversion, "tell me", tag questions, Norwegian "har du", "hva", "hvordan"), not only from
 * a question mark. A statement that ends in "?" but restates the client is a reflection. In an
 * utterance of several sentences the last substantive sentence decides, as MITI coders usually do
 * for the utterance's main behaviour.
 * <p>
 * Each suggestion names the {@link Rule} that produced it; its confidence is that rule's observed
 * precision on the tuning set ({@code quire/fidelity/miti-suggestion-calibration.csv}, recomputed and
 * checked by {@code MitiSuggesterEvaluationTests}), so 0.8 means "right about four times in five on
 * the tuning sessions" — not a guarantee on real sessions.
 */
public final class MitiSuggester {

	/** A suggested code with the rule that produced it and its calibrated confidence. */
	public record Suggestion(Behaviour behaviour, Rule rule, double confidence) {

		/** The rule's description, for tooltips and the CLI. */
		public String why() {
			return rule.description();
		}
	}

	/** The rules, each with its behaviour; the calibration file has one row per rule id. */
	public enum Rule {

		WH_OR_INVERTED_QUESTION(Behaviour.Q, "interrogative syntax (wh-word, auxiliary first, tell me)"),
		QUESTION_MARK_ONLY(Behaviour.Q, "ends with a question mark, no restatement of the client"),
		TAG_QUESTION(Behaviour.Q, "tag question"),
		SEEK_QUESTION(Behaviour.SEEK, "asks to decide or work together"),
		SEEK_STATEMENT(Behaviour.SEEK, "proposes working together"),
		AUTONOMY(Behaviour.EMPH, "autonomy phrase"),
		AFFIRM(Behaviour.AF, "praise of the client's effort or strength"),
		PERSUADE(Behaviour.PERSUADE, "directive without permission"),
		CONFRONT(Behaviour.CONFRONT, "holds the client's past failure against them"),
		REFLECTION_WITH_QUESTION_MARK_COMPLEX(Behaviour.CR, "restates the client, adds meaning; '?' is intonation"),
		REFLECTION_WITH_QUESTION_MARK_SIMPLE(Behaviour.SR, "restates the client; '?' is intonation"),
		SIMPLE_RESTATEMENT(Behaviour.SR, "short restatement of the client's words"),
		COMPLEX_EXTENSION(Behaviour.CR, "continues the client's meaning with new content"),
		COMPLEX_STEM(Behaviour.CR, "reflective stem, adds a double side or new meaning"),
		SECOND_PERSON_STATEMENT(Behaviour.CR, "statement about the client"),
		INFORMATION(Behaviour.GI, "information in the counsellor's own voice"),
		OTHER_STATEMENT(Behaviour.GI, "statement, no other rule applies");

		private final Behaviour behaviour;

		private final String description;

		Rule(Behaviour behaviour, String description) {
			this.behaviour = behaviour;
			this.description = description;
		}

		public Behaviour behaviour() {
			return behaviour;
		}

		public String description() {
			return description;
		}
	}

	/** The calibration resource: rule id, suggestions on the tuning set, correct ones, confidence. */
	public static final String CALIBRATION = "quire/fidelity/miti-suggestion-calibration.csv";

	private static final Map<Rule, Double> CONFIDENCE = loadCalibration();

	private static final Pattern WH_START = Pattern.compile(
			"^(what|what's|whats|how|how's|why|where|when|which|who|whom|whose)\\b(?!\\s+(i|i'm)\\s+(hear|hearing|understand)\\b)"
					+ "(?!\\s+you('re| are)\\s+saying)(?!\\s+it sounds)");

	private static final Pattern AUX_INVERSION = Pattern.compile(
			"^(do|does|did|have|has|had|is|are|was|were|would|could|can|will|should|shall|may|might|am|isn't|aren't|don't|"
					+ "doesn't|didn't|haven't|wouldn't|couldn't|won't)\\s+(you|it|he|she|they|we|there|that|this|i|your|anyone|"
					+ "anything|anybody|someone|something|things|any|the|a|an)\\b");

	private static final Pattern TELL_ME = Pattern.compile("^(tell me|say more|can you tell me)\\b");

	private static final Pattern NORWEGIAN_QUESTION = Pattern.compile(
			"^(har du|hva|hvordan|hvorfor|hvor|hvem|hvilk\\w*|når|kan du|vil du|er det|tenker du|kunne du|synes du)\\b");

	private static final Pattern TAG = Pattern.compile(
			",\\s*(isn't it|aren't you|don't you|didn't you|wasn't it|right|is that right|is that it|am i right|yes|no)\\s*\\?$");

	private static final Pattern LEADING_CONNECTIVE = Pattern.compile("^(and|so|but|okay|ok|well|mm|mm-hmm|right|now)[,.]?\\s+");

	private static final Pattern CONTINUATION = Pattern.compile(
			"^(so|and|but|because|or|even|which|as if|almost like|sounds like|it sounds|it seems|seems like|kind of|sort of)\\b");

	private static final Pattern REFLECTIVE_STEM = Pattern.compile(
			"\\b(it sounds|sounds like|it seems|seems like|what i hear|you're saying|you feel|you're feeling|part of you|"
					+ "on the one hand|on the other hand|you're not sure|you wonder|you're wondering|you'd (like|rather)|you want)\\b");

	private static final Pattern SECOND_PERSON = Pattern.compile("\\b(you|your|you're|you've|you'd|yourself)\\b");

	private static final Pattern COUNSELLOR_VOICE = Pattern.compile(
			"(^|\\W)(i|i'm|i'll|i've|i'd|we|we're|we'll|our|us|my|let me)\\b");

	private static final Pattern INFORMATION = Pattern.compile(
			"\\b(there is|there are|there's|the office|the (health )?guidelines?|scheme|benefits?|fund|research|studies|"
					+ "usually|normally|on average|per cent|percent|is an option|covers?|application|the law|a court)\\b|\\d");

	private static final Pattern SEEK = Pattern.compile(
			"\\b(shall we|should we|would it be (ok|okay|all right|alright|useful|helpful) (if|to)|would you like (us|me) to|"
					+ "what would you like to|how would you like|together|let's|we could)\\b");

	private static final Pattern AUTONOMY = Pattern.compile(
			"\\b(up to you|your (choice|decision|call)|you decide|you're the one who|you are the one who|you know (yourself|"
					+ "your \\w+) best|only you can|you get to (choose|decide))\\b");

	private static final Pattern AFFIRM = Pattern.compile(
			"\\b(well done|you managed|took (courage|guts)|impressive|achievement|persistence|strength|good for you|"
					+ "you really care|thank you for|thanks for|you showed|says something about you|you've (really )?(done|worked|kept)|"
					+ "that's a lot|you've been (really )?(careful|brave|honest)|came up with it yourself|sensible)\\b");

	private static final Pattern PERSUADE = Pattern.compile(
			"\\b(you (really )?(should|must|have to|need to|ought to)|you'd better|never works|the only way)\\b");

	private static final Pattern CONFRONT = Pattern.compile(
			"\\b(you (said|told me|promised) (that )?(last|the same|before)|and (it )?(you )?didn't|you always|you never|"
					+ "that's just an excuse|you're in denial)\\b");

	private static final Pattern CONTRAST = Pattern.compile(
			"\\b(but|and at the same time|at the same time|even (if|though|when)|although|though|while|part of you|not only|"
					+ "rather than|instead of|more than|almost|as if|like|it's not|isn't|not the|so you|that's why)\\b");

	private static final Pattern FILLER = Pattern.compile("^(mm|mm-hmm|mhm|okay|ok|right|yes|yeah|i see|sure|uh-huh|hm|hmm)[.!,]*$");

	private static final CharArraySet STOP = stopWords();

	private static final Analyzer STEMMER = new EnglishAnalyzer(STOP);

	private MitiSuggester() {
	}

	/** A suggestion without conversational context (no previous client utterance known). */
	public static Optional<Suggestion> suggest(String utterance) {
		return suggest(utterance, null);
	}

	/**
	 * A suggestion for a counsellor utterance, given the client's utterance just before it (null when
	 * the counsellor spoke before, or the utterance opens the segment).
	 */
	public static Optional<Suggestion> suggest(String utterance, @Nullable String previousClient) {
		String text = utterance.strip();
		if (text.isEmpty()) {
			return Optional.empty();
		}
		String whole = normalise(text);
		String last = normalise(lastSentence(text));
		Rule rule = classify(whole, last, previousClient == null ? Set.of() : stems(previousClient));
		return Optional.of(new Suggestion(rule.behaviour(), rule, CONFIDENCE.getOrDefault(rule, 0.5)));
	}

	private static Rule classify(String whole, String last, Set<String> client) {
		String core = LEADING_CONNECTIVE.matcher(last).replaceFirst("");
		core = LEADING_CONNECTIVE.matcher(core).replaceFirst("");
		boolean questionMark = last.endsWith("?");
		boolean interrogative = WH_START.matcher(core).find() || AUX_INVERSION.matcher(core).find() || TELL_ME.matcher(core).find()
				|| NORWEGIAN_QUESTION.matcher(core).find();
		if (SEEK.matcher(last).find() && (questionMark || interrogative)) {
			return Rule.SEEK_QUESTION;
		}
		if (AUTONOMY.matcher(whole).find()) {
			return Rule.AUTONOMY;
		}
		if (interrogative) {
			return Rule.WH_OR_INVERTED_QUESTION;
		}
		Set<String> own = stems(last);
		int shared = 0;
		for (String s : own) {
			if (client.contains(s)) {
				shared++;
			}
		}
		int words = last.split("\\s+").length;
		boolean secondPerson = SECOND_PERSON.matcher(last).find();
		boolean continuation = CONTINUATION.matcher(last).find();
		boolean stem = REFLECTIVE_STEM.matcher(last).find();
		boolean restates = shared > 0 || continuation || stem || (secondPerson && !COUNSELLOR_VOICE.matcher(last).find());
		boolean complex = own.size() > shared + 1 || CONTRAST.matcher(last).find();
		if (questionMark) {
			if (TAG.matcher(last).find() && !restates) {
				return Rule.TAG_QUESTION;
			}
			if (!client.isEmpty() && restates) {
				return complex ? Rule.REFLECTION_WITH_QUESTION_MARK_COMPLEX : Rule.REFLECTION_WITH_QUESTION_MARK_SIMPLE;
			}
			return Rule.QUESTION_MARK_ONLY;
		}
		if (CONFRONT.matcher(whole).find()) {
			return Rule.CONFRONT;
		}
		if (AFFIRM.matcher(whole).find()) {
			return Rule.AFFIRM;
		}
		if (PERSUADE.matcher(whole).find()) {
			return Rule.PERSUADE;
		}
		if (SEEK.matcher(last).find()) {
			return Rule.SEEK_STATEMENT;
		}
		if (COUNSELLOR_VOICE.matcher(last).find() || (INFORMATION.matcher(last).find() && shared == 0)) {
			return Rule.INFORMATION;
		}
		if (!client.isEmpty() && (shared > 0 || continuation || !COUNSELLOR_VOICE.matcher(last).find())) {
			boolean restatement = words <= 6 && own.size() <= shared + 1 && !CONTRAST.matcher(last).find();
			if (restatement) {
				return Rule.SIMPLE_RESTATEMENT;
			}
			return Rule.COMPLEX_EXTENSION;
		}
		if (stem || secondPerson) {
			return complex || stem ? Rule.COMPLEX_STEM : Rule.SECOND_PERSON_STATEMENT;
		}
		return Rule.OTHER_STATEMENT;
	}

	/** The last sentence that is more than a filler ("Mm.", "Okay."), or the whole text. */
	static String lastSentence(String text) {
		BreakIterator it = BreakIterator.getSentenceInstance(Locale.ENGLISH);
		it.setText(text);
		List<String> sentences = new ArrayList<>();
		for (int start = it.first(), end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
			String s = text.substring(start, end).strip();
			if (!s.isEmpty() && !FILLER.matcher(normalise(s)).matches()) {
				sentences.add(s);
			}
		}
		return sentences.isEmpty() ? text : sentences.get(sentences.size() - 1);
	}

	/** Content-word stems (Porter, via Lucene's English analyzer) without function words. */
	static Set<String> stems(String text) {
		Set<String> out = new HashSet<>();
		try (TokenStream ts = STEMMER.tokenStream("t", new StringReader(normalise(text)))) {
			CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
			ts.reset();
			while (ts.incrementToken()) {
				out.add(term.toString());
			}
			ts.end();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out;
	}

	private static String normalise(String text) {
		return text.strip().toLowerCase(Locale.ROOT).replace('’', '\'').replace('‘', '\'');
	}

	private static CharArraySet stopWords() {
		List<String> words = List.of("a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is",
				"it", "no", "not", "of", "on", "or", "such", "that", "the", "their", "then", "there", "these", "they", "this",
				"to", "was", "will", "with", "i", "me", "my", "you", "your", "yours", "yourself", "he", "she", "him", "her",
				"his", "we", "us", "our", "them", "its", "it's", "i'm", "i've", "i'd", "i'll", "you're", "you've", "you'd",
				"you'll", "that's", "what's", "there's", "do", "does", "did", "don't", "doesn't", "didn't", "have", "has", "had",
				"can", "can't", "could", "would", "should", "shall", "may", "might", "must", "am", "were", "been", "being",
				"so", "just", "really", "very", "too", "also", "still", "yes", "yeah", "no", "okay", "ok", "mm", "well", "oh",
				"um", "uh", "like", "about", "from", "up", "out", "all", "any", "some", "what", "how", "why", "when", "where",
				"which", "who", "get", "got", "go", "going", "know", "think", "say", "said", "one", "thing", "things", "much",
				"more", "less", "now", "than", "again", "even", "only", "want", "make", "way", "bit", "lot", "isn't", "wasn't",
				"aren't", "won't", "wouldn't", "couldn't", "here", "right", "maybe", "kind", "sort", "something", "anything");
		return new CharArraySet(words, true);
	}

	private static Map<Rule, Double> loadCalibration() {
		Map<Rule, Double> out = new EnumMap<>(Rule.class);
		InputStream in = MitiSuggester.class.getClassLoader().getResourceAsStream(CALIBRATION);
		if (in == null) {
			return Collections.unmodifiableMap(out); // every rule then carries the uninformed 0.5
		}
		try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			String line;
			while ((line = r.readLine()) != null) {
				String[] f = line.split(",");
				if (f.length == 4 && !f[0].equals("rule")) {
					out.put(Rule.valueOf(f[0]), Double.parseDouble(f[3]));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return Collections.unmodifiableMap(out);
	}

	/** The confidence a rule's suggestions carry: (correct + 1) / (fired + 2) on the tuning set. */
	public static double calibrated(int fired, int correct) {
		return (correct + 1.0) / (fired + 2.0);
	}

}

package quire.fidelity.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import quire.fidelity.Behaviour;

/**
 * Suggests a MITI behaviour code for an English counsellor utterance from its surface form: a
 * question mark makes a question; reflective stems ("So you…", "It sounds like…", "You feel…") a
 * reflection (complex when it goes beyond a short restatement); praise of the client's effort an
 * affirmation; autonomy phrases ("it's up to you") emphasising autonomy; invitations to decide
 * together seeking collaboration; otherwise giving information. A suggestion only: coders accept or
 * reject it. The confidence is a rough prior per rule, not a probability estimate.
 */
public final class MitiSuggester {

	/** A suggested code with the rule that produced it and its rough confidence. */
	public record Suggestion(Behaviour behaviour, String rule, double confidence) {
	}

	private static final List<String> REFLECTION_STEMS = List.of("so you", "so, you", "you're", "you are", "it sounds",
			"sounds like", "you feel", "you've", "you have", "it seems", "you want", "you don't", "you do not", "you'd",
			"you would", "on the one hand", "you're saying", "what i hear", "you mean", "you think", "you worry",
			"you are worried", "part of you");

	private static final Pattern AFFIRM = Pattern.compile(
			"\\b(well done|you managed|that took (courage|guts)|impressive|you've (really )?(done|worked|kept)|good for you|"
					+ "that's a real strength|you really care|thank you for (telling|sharing))\\b");

	private static final Pattern AUTONOMY = Pattern.compile(
			"\\b(up to you|your (choice|decision|call)|you decide|you're the one who|you know yourself best|only you can)\\b");

	private static final Pattern COLLABORATION = Pattern.compile(
			"\\b(shall we|should we|would it be (ok|okay|all right) if|what would you like to|how would you like|together)\\b");

	private static final Pattern PERSUADE = Pattern.compile("\\b(you (really )?(should|must|have to|need to)|you'd better)\\b");

	private static final Pattern SECOND_PERSON = Pattern.compile("\\b(you|your|you're|you've|yourself)\\b");

	private static final Pattern FIRST_PERSON = Pattern.compile("\\b(i|i'm|i'll|i've|we|we're|we'll|our|us|my)\\b");

	private static final Pattern COMPLEX = Pattern.compile(
			"\\b(and at the same time|but|even though|although|on the one hand|part of you|while|because|as if|almost like)\\b");

	private MitiSuggester() {
	}

	public static Optional<Suggestion> suggest(String utterance) {
		String text = utterance.strip();
		if (text.isEmpty()) {
			return Optional.empty();
		}
		String lower = text.toLowerCase(Locale.ROOT).replace('’', '\'');
		if (text.endsWith("?")) {
			if (COLLABORATION.matcher(lower).find()) {
				return Optional.of(new Suggestion(Behaviour.SEEK, "question inviting a joint decision", 0.5));
			}
			return Optional.of(new Suggestion(Behaviour.Q, "ends with a question mark", 0.9));
		}
		if (AUTONOMY.matcher(lower).find()) {
			return Optional.of(new Suggestion(Behaviour.EMPH, "autonomy phrase", 0.7));
		}
		if (AFFIRM.matcher(lower).find()) {
			return Optional.of(new Suggestion(Behaviour.AF, "praise of the client's effort or strength", 0.6));
		}
		if (PERSUADE.matcher(lower).find()) {
			return Optional.of(new Suggestion(Behaviour.PERSUADE, "directive phrase without permission", 0.4));
		}
		if (COLLABORATION.matcher(lower).find()) {
			return Optional.of(new Suggestion(Behaviour.SEEK, "invites a joint decision", 0.5));
		}
		boolean stem = REFLECTION_STEMS.stream().anyMatch(st -> lower.startsWith(st) || lower.contains(". " + st)
				|| lower.startsWith("and " + st) || lower.startsWith("mm. " + st) || lower.startsWith("mm, " + st));
		boolean aboutClient = SECOND_PERSON.matcher(lower).find();
		boolean counsellorSpeaks = FIRST_PERSON.matcher(lower).find();
		if (stem || (aboutClient && !counsellorSpeaks)) {
			int words = text.split("\\s+").length;
			boolean beyond = words > 12 || COMPLEX.matcher(lower).find();
			String why = stem ? "reflective stem" : "statement about the client";
			return beyond ? Optional.of(new Suggestion(Behaviour.CR, why + ", adds meaning or a double side", stem ? 0.6 : 0.45))
					: Optional.of(new Suggestion(Behaviour.SR, why + ", short restatement", stem ? 0.6 : 0.45));
		}
		return Optional.of(new Suggestion(Behaviour.GI, "statement in the counsellor's own voice", 0.35));
	}

}

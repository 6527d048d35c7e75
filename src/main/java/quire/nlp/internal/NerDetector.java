package quire.nlp.internal;

import java.util.List;
import java.util.Set;
import java.util.function.DoubleConsumer;
import java.util.regex.Pattern;

import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.CoreEntityMention;
import quire.nlp.Candidate;
import quire.nlp.IdentifierKind;

import static quire.nlp.internal.Detector.NER;
import static quire.nlp.internal.DetectorWords.COMMON_CAPITALISED;
import static quire.nlp.internal.PatternRules.EN_MONTHS;

/**
 * The CoreNLP named-entity detector of {@link Detector} (English, when the models are present).
 */
final class NerDetector {

	private NerDetector() {
	}

	static void ner(String text, List<Candidate> out, DoubleConsumer progress) {
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
	static boolean isName(String words) {
		if (PRONOUNS.contains(words.toLowerCase(java.util.Locale.ROOT)) || COMMON_CAPITALISED.contains(words)) {
			return false;
		}
		return words.chars().anyMatch(ch -> Character.isUpperCase(ch) || Character.isDigit(ch) || ch == '@');
	}

	static final Set<String> PRONOUNS = Set.of("i", "me", "you", "he", "him", "she", "her", "it", "we", "us",
			"they", "them", "his", "hers", "their", "my", "our", "your");

	static @org.jspecify.annotations.Nullable IdentifierKind kindOf(String type, String words) {
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
	static boolean specificDate(String words) {
		boolean digits = words.chars().anyMatch(Character::isDigit);
		return digits && (Pattern.compile("(?i)\\b(?:" + EN_MONTHS + ")\\b").matcher(words).find()
				|| words.matches(".*\\d{1,2}[./]\\d{1,2}[./]\\d{2,4}.*"));
	}

}

package quire.coding.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/** Sentence units: the JDK's boundaries, but not after abbreviations common in transcripts. */
final class SentencesTests {

	static List<String> sentences(String text, Locale locale) {
		return Sentences.split(text, locale).stream().map(r -> text.substring(r[0], r[1]).strip()).toList();
	}

	@Test
	void norwegianAbbreviationsDoNotEndASentence() {
		String text = "Vi øvde bl.a. på refleksjoner. Det var f.eks. vanskelig å oppsummere, dvs. å samle trådene. Ja.";
		assertThat(sentences(text, Locale.forLanguageTag("nb"))).containsExactly(
				"Vi øvde bl.a. på refleksjoner.", "Det var f.eks. vanskelig å oppsummere, dvs. å samle trådene.", "Ja.");
	}

	@Test
	void englishQuestionsAndAbbreviationsSplitAsASpeakerMeansThem() {
		String text = "We practised summaries, e.g. after each topic. Did it help? Yes, it did.";
		assertThat(sentences(text, Locale.ENGLISH)).containsExactly("We practised summaries, e.g. after each topic.",
				"Did it help?", "Yes, it did.");
	}

	@Test
	void anAbbreviationAtTheVeryEndStillClosesTheLastSentence() {
		assertThat(sentences("Vi snakket om arbeid, helse osv.", Locale.forLanguageTag("nb")))
			.containsExactly("Vi snakket om arbeid, helse osv.");
	}

}

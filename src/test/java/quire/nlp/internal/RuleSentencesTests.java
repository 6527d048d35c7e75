package quire.nlp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import quire.corpus.Language;
import quire.corpus.SentenceUnit;
import quire.corpus.Turn;

/** Sentence units: the JDK's boundaries, but not after abbreviations common in transcripts. */
final class RuleSentencesTests {

	static List<String> sentences(String text, Locale locale) {
		return RuleSentences.split(text, locale).stream().map(r -> text.substring(r[0], r[1]).strip()).toList();
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

	@Test
	void offsetsPointIntoTheStoredTextAcrossTurnsWithÆøå() {
		String text = "Intervjuer: Hvordan gikk det på jobb? Du nevnte bl.a. sjefen.\nKari: Jeg følte meg ærlig talt ødelagt. Blå mandag, f.eks. i går. Så ble det bedre.";
		int a = text.indexOf("Hvordan");
		int b = text.indexOf("\nKari");
		int c = text.indexOf("Jeg følte");
		List<Turn> turns = List.of(new Turn(0, "Intervjuer", a, b, null, null), new Turn(1, "Kari", c, text.length(), null, null));
		List<SentenceUnit> units = RuleSentences.of(text, turns, Language.NORWEGIAN);
		assertThat(units).extracting(u -> text.substring(u.start(), u.end())).containsExactly("Hvordan gikk det på jobb?",
				"Du nevnte bl.a. sjefen.", "Jeg følte meg ærlig talt ødelagt.", "Blå mandag, f.eks. i går.", "Så ble det bedre.");
		assertThat(units).extracting(SentenceUnit::index).containsExactly(0, 1, 2, 3, 4);
		assertThat(units.get(2).start()).isEqualTo(c);
	}

	@Test
	void aTranscribersNoteStaysWithItsSentenceAndTrailingOffGoesOn() {
		assertThat(sentences("Det var tungt. (ler) Men vi klarte det... liksom. Ja.", Locale.forLanguageTag("nb")))
			.containsExactly("Det var tungt. (ler)", "Men vi klarte det... liksom.", "Ja.");
	}

}

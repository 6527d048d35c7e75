package quire.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Golden sentences of the report's composer: numbers, plurals, lists, dates, durations, shares. */
final class ProseTests {

	@Test
	void numbersBelowTenAreWordsInRunningTextAndEveryNumberIsWordsAtTheStartOfASentence() {
		assertThat(Prose.number(0)).isEqualTo("zero");
		assertThat(Prose.number(7)).isEqualTo("seven");
		assertThat(Prose.number(10)).isEqualTo("10");
		assertThat(Prose.number(112)).isEqualTo("112");
		assertThat(Prose.countStart(2, "focus group", "focus groups")).isEqualTo("Two focus groups");
		assertThat(Prose.countStart(20, "session", "sessions")).isEqualTo("Twenty sessions");
		assertThat(Prose.countStart(45, "session", "sessions")).isEqualTo("Forty-five sessions");
		assertThat(Prose.countStart(112, "participant", "participants")).isEqualTo("One hundred and twelve participants");
		assertThat(Prose.words(1200)).isEqualTo("1,200");
		assertThatIllegalArgumentException().isThrownBy(() -> Prose.words(-1)).withMessage("a count must not be negative, was -1");
	}

	@Test
	void countsTakeTheSingularForOneAndThePluralOtherwise() {
		assertThat(Prose.count(1, "focus group", "focus groups")).isEqualTo("one focus group");
		assertThat(Prose.count(0, "coder", "coders")).isEqualTo("zero coders");
		assertThat(Prose.count(12, "theme", "themes")).isEqualTo("12 themes");
		assertThat(Prose.of(7, 9, "caseworker", "caseworkers")).isEqualTo("seven of nine caseworkers");
	}

	@Test
	void listsAreJoinedAsEnglish() {
		assertThat(Prose.list(List.of())).isEmpty();
		assertThat(Prose.list(List.of("Anna"))).isEqualTo("Anna");
		assertThat(Prose.list(List.of("Anna", "Jonas"))).isEqualTo("Anna and Jonas");
		assertThat(Prose.list(List.of("Adoption", "Implementation", "Maintenance"))).isEqualTo("Adoption, Implementation and Maintenance");
		assertThat(Prose.labels(List.of("MI Caseworker 3", "MI Caseworker 1", "MI Caseworker 2", "MI Caseworker 4")))
			.isEqualTo("MI Caseworker 1–4");
		assertThat(Prose.labels(List.of("P1", "P3", "P4"))).isEqualTo("P1, P3 and P4");
		assertThat(Prose.labels(List.of("Kari", "Ola"))).isEqualTo("Kari and Ola");
		assertThat(Prose.labels(List.of("P10", "P9", "P123456789012345678901"))).isEqualTo("P9, P10 and P123456789012345678901");
	}

	@Test
	void datesAndDurationsReadAsAPaperWritesThem() {
		assertThat(Prose.date(LocalDate.of(2019, 5, 14))).isEqualTo("14 May 2019");
		assertThat(Prose.dates(List.of(LocalDate.of(2019, 6, 4), LocalDate.of(2019, 5, 14)))).isEqualTo("14 May and 4 June 2019");
		assertThat(Prose.dates(List.of(LocalDate.of(2018, 12, 30), LocalDate.of(2019, 1, 4))))
			.isEqualTo("30 December 2018 and 4 January 2019");
		assertThat(Prose.minutes(List.of(45, 43))).isEqualTo("43 to 45 minutes");
		assertThat(Prose.minutes(List.of(20, 20))).isEqualTo("20 minutes");
		assertThat(Prose.minutes(List.of(1))).isEqualTo("1 minute");
	}

	@Test
	void percentagesCarryTheirDenominators() {
		assertThat(Prose.percentOf(112, 180)).isEqualTo("112 of 180 (62.2%)");
		assertThat(Prose.percentOf(0, 0)).isEqualTo("0 of 0");
		assertThat(Prose.percent(50)).isEqualTo("50.0%");
	}

	@Test
	void sentencesStartWithACapitalAndEndWithOneStop() {
		assertThat(Prose.sentence("two coders coded the data")).isEqualTo("Two coders coded the data.");
		assertThat(Prose.sentence("Done.")).isEqualTo("Done.");
		assertThat(Prose.sentence("  ")).isEmpty();
	}

}

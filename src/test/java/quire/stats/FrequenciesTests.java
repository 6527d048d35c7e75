package quire.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import quire.stats.Frequencies.FrequencyTable;
import quire.stats.Frequencies.Row;

/** Frequency tables of survey answers, golden values by hand. */
final class FrequenciesTests {

	private static final List<String> SCALE = List.of("Very dissatisfied", "Dissatisfied", "Neutral", "Satisfied",
			"Very satisfied");

	private static final Set<String> MISSING = Set.of("Don't know", "99");

	/**
	 * Seed-002-like answers to "How satisfied are you with the follow-up you received?" from 20 respondents: 7
	 * Satisfied, 4 Very satisfied, 3 Neutral, 2 Dissatisfied, none Very dissatisfied, 1 free-text "Somewhat
	 * satisfied", and 3 missing (one "Don't know", one "99", one blank).
	 */
	private static final List<String> ANSWERS = List.of("Satisfied", "Very satisfied", "Neutral", "Satisfied",
			"Don't know", "Satisfied", "Dissatisfied", "Very satisfied", "Somewhat satisfied", "Satisfied", "",
			"Neutral", "Satisfied", "Very satisfied", "99", "Satisfied", "Dissatisfied", "Neutral", "Satisfied",
			"Very satisfied");

	@Test
	void satisfactionAnswersAreCountedInScaleOrderWithPercentOfValid() {
		FrequencyTable table = Frequencies.of(ANSWERS, SCALE, MISSING);

		// valid = 7 + 4 + 3 + 2 + 0 + 1 = 17; missing = "Don't know" + "99" + "" = 3
		assertThat(table.valid()).isEqualTo(17);
		assertThat(table.missing()).isEqualTo(3);
		assertThat(table.total()).isEqualTo(20);
		assertThat(table.rows()).extracting(Row::category).containsExactly("Very dissatisfied", "Dissatisfied",
				"Neutral", "Satisfied", "Very satisfied", "Somewhat satisfied");
		assertThat(table.rows()).extracting(Row::n).containsExactly(0, 2, 3, 7, 4, 1);
		// 100 · n / 17: 0, 11.765, 17.647, 41.176, 23.529, 5.882
		double[] expected = { 0, 200.0 / 17, 300.0 / 17, 700.0 / 17, 400.0 / 17, 100.0 / 17 };
		for (int i = 0; i < expected.length; i++) {
			assertThat(table.rows().get(i).percentOfValid().value()).isCloseTo(expected[i], within(1e-9));
		}
		assertThat(table.rows().get(3).percentOfValid()).hasToString("41.176");
	}

	@Test
	void percentagesOfValidSumToOneHundred() {
		FrequencyTable table = Frequencies.of(ANSWERS, SCALE, MISSING);

		double sum = table.rows().stream().mapToDouble(r -> r.percentOfValid().value()).sum();

		assertThat(sum).isCloseTo(100.0, within(1e-9));
	}

	@Test
	void withoutACategoryOrderCategoriesFollowFirstAppearance() {
		FrequencyTable table = Frequencies.of(List.of("b", "a", "b", "c", "a", "b"), List.of(), Set.of());

		assertThat(table.rows()).containsExactly(row("b", 3, 50.0), row("a", 2, 100.0 / 3), row("c", 1, 100.0 / 6));
		assertThat(table.missing()).isZero();
	}

	@Test
	void listedCategoriesComeFirstAndUnlistedOnesFollowInOrderOfFirstAppearance() {
		// "x" appears before "y"; "lo" and "hi" are listed so they lead, "mid" is listed but absent
		FrequencyTable table = Frequencies.of(List.of("x", "hi", "y", "lo", "x"), List.of("lo", "mid", "hi"),
				Set.of());

		assertThat(table.rows()).extracting(Row::category).containsExactly("lo", "mid", "hi", "x", "y");
		assertThat(table.rows()).extracting(Row::n).containsExactly(1, 0, 1, 2, 1);
	}

	@Test
	void nullBlankAndWhitespaceOnlyValuesAreMissing() {
		FrequencyTable table = Frequencies.of(Arrays.asList("Yes", null, "", "   ", "\t", "No"), List.of("Yes", "No"),
				Set.of());

		assertThat(table.valid()).isEqualTo(2);
		assertThat(table.missing()).isEqualTo(4);
		assertThat(table.rows()).containsExactly(row("Yes", 1, 50.0), row("No", 1, 50.0));
	}

	@Test
	void valuesAreComparedExactly() {
		// "yes" and "Yes " are different answers from "Yes"; a missing code only matches exactly too
		FrequencyTable table = Frequencies.of(List.of("Yes", "yes", "Yes ", "dk", "DK"), List.of("Yes"),
				Set.of("DK"));

		assertThat(table.rows()).extracting(Row::category).containsExactly("Yes", "yes", "Yes ", "dk");
		assertThat(table.missing()).isEqualTo(1);
	}

	@Test
	void percentagesAreUndefinedWhenEveryAnswerIsMissing() {
		FrequencyTable table = Frequencies.of(List.of("99", "", "Don't know"), SCALE, MISSING);

		assertThat(table.valid()).isZero();
		assertThat(table.missing()).isEqualTo(3);
		assertThat(table.rows()).hasSize(5).allSatisfy(row -> {
			assertThat(row.n()).isZero();
			assertThat(row.percentOfValid().defined()).isFalse();
			assertThat(row.percentOfValid().reason()).isEqualTo("no valid answers");
		});
	}

	@Test
	void noAnswersAndNoCategoriesGiveAnEmptyTable() {
		FrequencyTable table = Frequencies.of(List.of(), List.of(), Set.of());

		assertThat(table.rows()).isEmpty();
		assertThat(table.valid()).isZero();
		assertThat(table.missing()).isZero();
	}

	@Test
	void rowsCannotBeChangedAfterwards() {
		FrequencyTable table = Frequencies.of(List.of("a"), List.of(), Set.of());

		assertThat(table.rows()).isUnmodifiable();
	}

	@Test
	void rejectsNullArguments() {
		assertThatIllegalArgumentException().isThrownBy(() -> Frequencies.of(null, SCALE, MISSING))
				.withMessage("values must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> Frequencies.of(ANSWERS, null, MISSING))
				.withMessage("categoryOrder must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> Frequencies.of(ANSWERS, SCALE, null))
				.withMessage("missingCodes must not be null");
	}

	@Test
	void rejectsBadCategoryOrdersNamingTheCategory() {
		assertThatIllegalArgumentException()
				.isThrownBy(() -> Frequencies.of(ANSWERS, List.of("Neutral", "Neutral"), MISSING))
				.withMessage("categoryOrder[1] \"Neutral\" is listed more than once");
		assertThatIllegalArgumentException()
				.isThrownBy(() -> Frequencies.of(ANSWERS, List.of("Neutral", " "), MISSING))
				.withMessage("categoryOrder[1] must not be blank");
		assertThatIllegalArgumentException()
				.isThrownBy(() -> Frequencies.of(ANSWERS, Arrays.asList((String) null), MISSING))
				.withMessage("categoryOrder[0] must not be null");
		assertThatIllegalArgumentException()
				.isThrownBy(() -> Frequencies.of(ANSWERS, List.of("Neutral", "99"), MISSING))
				.withMessage("categoryOrder[1] \"99\" is also a missing code");
	}

	private static Row row(String category, int n, double percent) {
		return new Row(category, n, Agreement.Coefficient.of(percent));
	}
}

package quire.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import quire.stats.Crosstab.Table;

/** Cross-tabulations, golden values by hand. */
final class CrosstabTests {

	/*
	 * Role × "attended MI training?" for 12 respondents; cases 7, 9 and 11 lack one answer:
	 *
	 *  case  1  2  3  4  5  6  7  8  9  10  11   12
	 *  role  C  C  C  M  C  M  -  C  M  C   C    M
	 *  MI    Y  N  Y  Y  Y  N  Y  N  -  Y   " "  N
	 *
	 * Counted (9 pairs):    Yes  No | total
	 *   Manager              1    2 |   3      (cases 4; 6, 12)
	 *   Caseworker           4    2 |   6      (cases 1, 3, 5, 10; 2, 8)
	 *   Team leader          0    0 |   0      (listed, not observed)
	 *   total                5    4 |   9
	 */
	private static final List<String> ROLE = Arrays.asList("Caseworker", "Caseworker", "Caseworker", "Manager",
			"Caseworker", "Manager", "", "Caseworker", "Manager", "Caseworker", "Caseworker", "Manager");

	private static final List<String> MI = Arrays.asList("Yes", "No", "Yes", "Yes", "Yes", "No", "Yes", "No", null,
			"Yes", " ", "No");

	private static final List<String> ROLE_ORDER = List.of("Manager", "Caseworker", "Team leader");

	private static final List<String> YES_NO = List.of("Yes", "No");

	@Test
	void countsPairsInTheGivenOrderWithMarginsAndMissing() {
		Table table = Crosstab.of(ROLE, MI, ROLE_ORDER, YES_NO);

		assertThat(table.rowLabels()).containsExactly("Manager", "Caseworker", "Team leader");
		assertThat(table.columnLabels()).containsExactly("Yes", "No");
		assertThat(table.counts()).isDeepEqualTo(new int[][] { { 1, 2 }, { 4, 2 }, { 0, 0 } });
		assertThat(table.rowTotals()).containsExactly(3, 6, 0);
		assertThat(table.columnTotals()).containsExactly(5, 4);
		assertThat(table.total()).isEqualTo(9);
		assertThat(table.missing()).isEqualTo(3);
		assertThat(table.count(1, 0)).isEqualTo(4);
	}

	@Test
	void rowColumnAndTotalPercentagesDivideByTheirOwnMargins() {
		Table table = Crosstab.of(ROLE, MI, ROLE_ORDER, YES_NO);

		// Caseworker × Yes = 4: of the row 4/6 = 66.667%, of the column 4/5 = 80%, of the table 4/9 = 44.444%
		assertThat(table.rowPercent(1, 0).value()).isCloseTo(400.0 / 6, within(1e-9));
		assertThat(table.columnPercent(1, 0).value()).isCloseTo(80.0, within(1e-9));
		assertThat(table.totalPercent(1, 0).value()).isCloseTo(400.0 / 9, within(1e-9));
		assertThat(table.totalPercent(1, 0)).hasToString("44.444");
		// Manager × No = 2: 2/3 = 66.667%, 2/4 = 50%, 2/9 = 22.222%
		assertThat(table.rowPercent(0, 1).value()).isCloseTo(200.0 / 3, within(1e-9));
		assertThat(table.columnPercent(0, 1).value()).isCloseTo(50.0, within(1e-9));
		assertThat(table.totalPercent(0, 1).value()).isCloseTo(200.0 / 9, within(1e-9));
	}

	@Test
	void rowPercentagesOfANonEmptyRowSumToOneHundred() {
		Table table = Crosstab.of(ROLE, MI, ROLE_ORDER, YES_NO);

		// Manager: 1/3 + 2/3 = 33.333% + 66.667%
		assertThat(table.rowPercent(0, 0).value() + table.rowPercent(0, 1).value()).isCloseTo(100.0, within(1e-9));
		// Yes column: 1/5 + 4/5 + 0/5 = 20% + 80% + 0%
		assertThat(table.columnPercent(0, 0).value() + table.columnPercent(1, 0).value()
				+ table.columnPercent(2, 0).value()).isCloseTo(100.0, within(1e-9));
	}

	@Test
	void anEmptyRowHasUndefinedRowPercentagesButZeroShares() {
		Table table = Crosstab.of(ROLE, MI, ROLE_ORDER, YES_NO);

		assertThat(table.rowPercent(2, 0).defined()).isFalse();
		assertThat(table.rowPercent(2, 0).reason()).isEqualTo("row \"Team leader\" is empty");
		assertThat(table.columnPercent(2, 0).value()).isZero();
		assertThat(table.totalPercent(2, 1).value()).isZero();
	}

	@Test
	void anEmptyColumnHasUndefinedColumnPercentages() {
		Table table = Crosstab.of(List.of("a"), List.of("x"), List.of(), List.of("y", "x"));

		assertThat(table.columnPercent(0, 0)).hasToString("undefined (column \"y\" is empty)");
		assertThat(table.columnPercent(0, 1).value()).isEqualTo(100.0);
		assertThat(table.rowPercent(0, 0).value()).isZero();
	}

	@Test
	void withoutOrdersLabelsFollowFirstAppearanceInCountedPairs() {
		// pair 2 is left out, so "late" (seen there first) follows "b" in the rows
		Table table = Crosstab.of(List.of("b", "late", "a", "b", "late"), List.of("y", "", "x", "x", "y"),
				List.of(), List.of());

		assertThat(table.rowLabels()).containsExactly("b", "a", "late");
		assertThat(table.columnLabels()).containsExactly("y", "x");
		assertThat(table.counts()).isDeepEqualTo(new int[][] { { 1, 1 }, { 0, 1 }, { 1, 0 } });
		assertThat(table.missing()).isEqualTo(1);
	}

	@Test
	void unlistedLabelsFollowTheListedOnes() {
		Table table = Crosstab.of(List.of("Other", "Manager"), List.of("Unsure", "Yes"), ROLE_ORDER, YES_NO);

		assertThat(table.rowLabels()).containsExactly("Manager", "Caseworker", "Team leader", "Other");
		assertThat(table.columnLabels()).containsExactly("Yes", "No", "Unsure");
		assertThat(table.count(3, 2)).isEqualTo(1);
		assertThat(table.count(0, 0)).isEqualTo(1);
	}

	@Test
	void onlyMissingPairsGiveAnEmptyTableWithUndefinedPercentages() {
		Table table = Crosstab.of(Arrays.asList("", null), Arrays.asList("Yes", "No"), List.of(), YES_NO);

		assertThat(table.rowLabels()).isEmpty();
		assertThat(table.total()).isZero();
		assertThat(table.missing()).isEqualTo(2);

		Table listed = Crosstab.of(List.of(), List.of(), List.of("a"), List.of("b"));
		assertThat(listed.totalPercent(0, 0)).hasToString("undefined (the table is empty)");
	}

	@Test
	void tablesCannotBeChangedThroughTheirArrays() {
		Table table = Crosstab.of(ROLE, MI, ROLE_ORDER, YES_NO);

		table.counts()[0][0] = 99;
		table.rowTotals()[0] = 99;
		table.columnTotals()[0] = 99;

		assertThat(table.count(0, 0)).isEqualTo(1);
		assertThat(table.rowTotals()[0]).isEqualTo(3);
		assertThat(table.columnTotals()[0]).isEqualTo(5);
		assertThat(table.rowLabels()).isUnmodifiable();
	}

	@Test
	void equalTablesAreEqualByContent() {
		Table a = Crosstab.of(ROLE, MI, ROLE_ORDER, YES_NO);
		Table b = Crosstab.of(ROLE, MI, ROLE_ORDER, YES_NO);

		assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
		assertThat(a).isNotEqualTo(Crosstab.of(ROLE, MI, ROLE_ORDER, List.of("No", "Yes")));
		assertThat(a.toString()).contains("counts=[[1, 2], [4, 2], [0, 0]]");
	}

	@Test
	void rejectsInconsistentHandBuiltTables() {
		assertThatIllegalArgumentException()
				.isThrownBy(() -> new Table(List.of("a"), List.of("x"), new int[][] { { 2 } }, new int[] { 1 },
						new int[] { 2 }, 2, 0))
				.withMessage("rowTotals[0] must be 2, got 1");
		assertThatIllegalArgumentException()
				.isThrownBy(() -> new Table(List.of("a"), List.of("x"), new int[][] { { 2 } }, new int[] { 2 },
						new int[] { 2 }, 3, 0))
				.withMessage("total must be 2, got 3");
	}

	@Test
	void rejectsUnpairedOrNullInputsAndBadOrders() {
		assertThatIllegalArgumentException()
				.isThrownBy(() -> Crosstab.of(List.of("a", "b"), List.of("x"), List.of(), List.of()))
				.withMessage("rows and columns must have the same length, got 2 and 1");
		assertThatIllegalArgumentException().isThrownBy(() -> Crosstab.of(null, MI, ROLE_ORDER, YES_NO))
				.withMessage("rows must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> Crosstab.of(ROLE, MI, ROLE_ORDER, null))
				.withMessage("columnOrder must not be null");
		assertThatIllegalArgumentException()
				.isThrownBy(() -> Crosstab.of(ROLE, MI, List.of("Manager", "Manager"), YES_NO))
				.withMessage("rowOrder[1] \"Manager\" is listed more than once");
		assertThatIllegalArgumentException().isThrownBy(() -> Crosstab.of(ROLE, MI, ROLE_ORDER, List.of("")))
				.withMessage("columnOrder[0] must not be blank");
	}

	@Test
	void rejectsCellIndicesOutOfRange() {
		Table table = Crosstab.of(ROLE, MI, ROLE_ORDER, YES_NO);

		assertThatExceptionOfType(IndexOutOfBoundsException.class).isThrownBy(() -> table.rowPercent(3, 0))
				.withMessage("row index r must be in [0, 3), got 3");
		assertThatExceptionOfType(IndexOutOfBoundsException.class).isThrownBy(() -> table.columnPercent(0, -1))
				.withMessage("column index c must be in [0, 2), got -1");
	}
}

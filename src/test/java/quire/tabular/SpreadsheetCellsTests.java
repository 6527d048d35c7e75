package quire.tabular;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class SpreadsheetCellsTests {

	@ParameterizedTest
	@ValueSource(strings = { "=1+1", "=HYPERLINK(\"http://x\",\"y\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)",
			"\t=1", "\r=1", "-(1)", "--1", "-A1", "- item", "+cmd", " =1" })
	void formulasGetAnApostrophe(String cell) {
		assertThat(SpreadsheetCells.looksLikeFormula(cell)).isTrue();
		assertThat(SpreadsheetCells.neutralise(cell)).isEqualTo("'" + cell);
	}

	@ParameterizedTest
	@ValueSource(strings = { "S01", "-1", "-1.5", "-0.5", "+47", "1e-3", "-.5", "-12,5", "-5%", "a=b",
			"caseworker - said", "-", "+" })
	void plainTextAndNumbersStay(String cell) {
		assertThat(SpreadsheetCells.looksLikeFormula(cell)).isFalse();
		assertThat(SpreadsheetCells.neutralise(cell)).isEqualTo(cell);
	}

	@Test
	void aLeadingTabIsNeutralisedEvenBeforePlainText() {
		assertThat(SpreadsheetCells.neutralise("\tS01")).isEqualTo("'\tS01");
		assertThat(SpreadsheetCells.looksLikeFormula("\tS01")).isFalse();
	}

	@Test
	void anEmptyCellStaysEmpty() {
		assertThat(SpreadsheetCells.neutralise("")).isEmpty();
		assertThat(SpreadsheetCells.looksLikeFormula("  ")).isFalse();
	}

	@Test
	void theRefusalNamesTheStartOfTheValue() {
		assertThat(SpreadsheetCells.refusal(" =HYPERLINK(\"http://example.org/a-very-long-address\",\"x\")"))
			.startsWith("\"=HYPERLINK(").contains("…\" looks like a spreadsheet formula");
	}

}

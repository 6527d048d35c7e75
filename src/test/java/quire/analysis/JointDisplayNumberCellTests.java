package quire.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Which values of the participant export become number cells in the workbook: numbers as Quire stores them;
 * a decimal comma, thousands separators, a plus sign, an exponent or a percent stay text as written.
 */
final class JointDisplayNumberCellTests {

	@Test
	void numbersAsQuireStoresThemBecomeNumberCells() {
		assertThat(JointDisplayService.numberCell("3")).isEqualTo(3.0);
		assertThat(JointDisplayService.numberCell("-0.5")).isEqualTo(-0.5);
		assertThat(JointDisplayService.numberCell("45.25")).isEqualTo(45.25);
		assertThat(JointDisplayService.numberCell("007")).isEqualTo(7.0);
		assertThat(JointDisplayService.numberCell("1000")).isEqualTo(1000.0);
	}

	@Test
	void decimalCommasThousandsAndOtherSpellingsStayText() {
		for (String text : new String[] { "3,5", "1,234", "1.234,5", "1,234.5", "1 234", "+3", ".5", "5.", "1e3", "3%",
				"-", "", "abc", "3.5.1" }) {
			assertThat(JointDisplayService.numberCell(text)).as(text).isNull();
		}
	}

}

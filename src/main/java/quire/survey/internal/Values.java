package quire.survey.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import quire.tabular.NumberText;

/**
 * How survey cells are classified: integers, numbers, missing codes, column letters. Numbers are read
 * by {@link NumberText}, Quire's one number reader (formula-looking cells are judged by
 * {@link quire.tabular.SpreadsheetCells}).
 */
final class Values {

	/** The missing codes recognised in any column, compared ignoring case. */
	static final List<String> TEXT_MISSING = List.of("NA", "N/A", ".");

	private Values() {
	}

	/** Whether a cell is a whole number such as {@code 3}, {@code -9} or {@code +2} (no decimals). */
	static boolean isInteger(String v) {
		// at most 18 digits: the value fits a long
		return NumberText.read(v).filter(n -> n.isInteger() && n.whole().length() <= 18).isPresent();
	}

	/** Whether a cell is a number with a decimal point, such as {@code 45.5}, {@code -3} or {@code 1e3}. */
	static boolean isNumber(String v) {
		return NumberText.read(v).filter(NumberText::isDecimal).isPresent();
	}

	/** Whether a cell is a number written with a decimal comma, such as {@code 45,5}. */
	static boolean isDecimalComma(String v) {
		return NumberText.read(v).filter(NumberText::isDecimalComma).isPresent();
	}

	/** The value of a cell for which {@link #isNumber} holds. */
	static BigDecimal number(String v) {
		return NumberText.read(v).orElseThrow(() -> new IllegalArgumentException("\"" + abbreviate(v) + "\" is not a number"))
			.value();
	}

	/** Whether a cell is one of the text missing codes {@code NA}, {@code N/A} or {@code .} (ignoring case). */
	static boolean isTextMissing(String v) {
		for (String m : TEXT_MISSING) {
			if (m.equalsIgnoreCase(v)) {
				return true;
			}
		}
		return false;
	}

	/** The spreadsheet letter of a 0-based column index: 0 → A, 25 → Z, 26 → AA. */
	static String columnLetter(int index) {
		StringBuilder s = new StringBuilder();
		int n = index + 1;
		while (n > 0) {
			int r = (n - 1) % 26;
			s.insert(0, (char) ('A' + r));
			n = (n - 1) / 26;
		}
		return s.toString();
	}

	/** A value shortened to 40 characters for messages. */
	static String abbreviate(String v) {
		return v.length() <= 40 ? v : v.substring(0, 39) + "…";
	}

	/** A value as shown in a message: numbers plain, anything else in double quotes. */
	static String shown(String v) {
		return isNumber(v) ? v : "\"" + abbreviate(v) + "\"";
	}

	static String lower(String v) {
		return v.toLowerCase(Locale.ROOT);
	}

}

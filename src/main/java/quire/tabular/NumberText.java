package quire.tabular;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Quire's one reading of a number written in a cell, shared by the formula rule
 * ({@link SpreadsheetCells}), questionnaire import, coding-lab import, participants' number attributes
 * and the participant export's number cells, which then ask it the question each needs (a whole number? a decimal point or a decimal comma?).
 * <p>
 * A number is an optional sign, digits with an optional decimal separator (point or comma) and
 * fraction digits, or a separator and digits ({@code .5}), then an optional exponent
 * ({@code e-3}) and an optional {@code %}: {@code 3}, {@code -0.5}, {@code +2}, {@code 3,5},
 * {@code 5.}, {@code ,5}, {@code 1e-3}, {@code -5%}. Nothing else: no white space (callers strip),
 * no thousands separators, no currency.
 *
 * @param sign {@code -}, {@code +} or empty
 * @param whole the digits before the separator (empty in {@code .5})
 * @param separator {@code .}, {@code ,} or empty
 * @param fraction the digits after the separator (may be empty: {@code 5.})
 * @param exponent the exponent as written, with its {@code e} or {@code E} and sign, or empty
 * @param percent whether a {@code %} ends it
 */
public record NumberText(String sign, String whole, String separator, String fraction, String exponent,
		boolean percent) {

	private static final Pattern NUMBER = Pattern
		.compile("([+-]?)(?:(\\d+)(?:([.,])(\\d*))?|([.,])(\\d+))([eE][+-]?\\d+)?(%?)");

	/**
	 * Reads a number.
	 *
	 * @param text the cell, already stripped of surrounding white space
	 * @return its parts, or empty when the text is not a number in the sense of the class comment
	 */
	public static Optional<NumberText> read(String text) {
		Matcher m = NUMBER.matcher(text);
		if (!m.matches()) {
			return Optional.empty();
		}
		boolean leadingSeparator = m.group(2) == null;
		return Optional.of(new NumberText(m.group(1), leadingSeparator ? "" : m.group(2),
				leadingSeparator ? m.group(5) : orEmpty(m.group(3)), leadingSeparator ? m.group(6) : orEmpty(m.group(4)),
				orEmpty(m.group(7)), !m.group(8).isEmpty()));
	}

	/** Whether the text is a number (in the sense of the class comment). */
	public static boolean isNumber(String text) {
		return NUMBER.matcher(text).matches();
	}

	/** Whether it is digits alone, with an optional sign: {@code 3}, {@code -9}, {@code +2}, {@code 007}. */
	public boolean isInteger() {
		return this.separator.isEmpty() && this.exponent.isEmpty() && !this.percent;
	}

	/**
	 * Whether it is a whole number however written: an integer, or one with a separator followed by
	 * zeros only ({@code 3.0}, {@code 3,00}); not {@code 3.}, {@code 3.5}, {@code 1e3} or {@code 3%}.
	 */
	public boolean isWhole() {
		return !this.whole.isEmpty() && this.exponent.isEmpty() && !this.percent
				&& (this.separator.isEmpty() || this.fraction.matches("0+"));
	}

	/**
	 * Whether it is written as programs write numbers: no decimal comma and no percent sign
	 * ({@code 45.5}, {@code -3}, {@code .5}, {@code 5.}, {@code 1e3}).
	 */
	public boolean isDecimal() {
		return !this.separator.equals(",") && !this.percent;
	}

	/** Whether it is written with a decimal comma between digits and nothing else: {@code 45,5}, {@code -3,25}. */
	public boolean isDecimalComma() {
		return this.separator.equals(",") && !this.whole.isEmpty() && !this.fraction.isEmpty() && this.exponent.isEmpty()
				&& !this.percent;
	}

	/**
	 * Whether it is written as Quire stores a number: an optional minus, digits, and optionally a point and
	 * digits ({@code 3}, {@code -0.5}, {@code 007}); not {@code +3}, {@code 3,5}, {@code .5}, {@code 5.},
	 * {@code 1e3} or {@code 3%}.
	 */
	public boolean isPlain() {
		return !this.sign.equals("+") && !this.whole.isEmpty() && this.exponent.isEmpty() && !this.percent
				&& (this.separator.isEmpty() || this.separator.equals(".") && !this.fraction.isEmpty());
	}

	/**
	 * Its value as written, either separator taken as the decimal separator and a percent sign left
	 * aside ({@code 3,5} and {@code 3.5%} are 3.5); the scale is the number of fraction digits
	 * written ({@code 5.} is 5, {@code .50} is 0.50).
	 */
	public BigDecimal value() {
		return new BigDecimal((this.sign.equals("-") ? "-" : "") + (this.whole.isEmpty() ? "0" : this.whole)
				+ (this.fraction.isEmpty() ? "" : "." + this.fraction) + this.exponent);
	}

	private static String orEmpty(String s) {
		return s == null ? "" : s;
	}

}

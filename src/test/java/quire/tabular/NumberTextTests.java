package quire.tabular;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Quire's one number reader: a golden table of cells and what each caller asks of them, and proof
 * that it answers exactly as the patterns it replaced (the formula rule's plain number, the
 * questionnaire's integer, decimal-point and decimal-comma numbers, the coding lab's whole numbers, the
 * participant export's number cells and the participants' number attributes, read with BigDecimal).
 */
final class NumberTextTests {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', nullValues = "null", textBlock = """
			# cell   | integer | whole | decimal | decimal comma | value
			3        | true    | true  | true    | false         | 3
			-9       | true    | true  | true    | false         | -9
			+2       | true    | true  | true    | false         | 2
			007      | true    | true  | true    | false         | 7
			3.0      | false   | true  | true    | false         | 3.0
			3,00     | false   | true  | false   | true          | 3.00
			3,5      | false   | false | false   | true          | 3.5
			-3,25    | false   | false | false   | true          | -3.25
			45.5     | false   | false | true    | false         | 45.5
			5.       | false   | false | true    | false         | 5
			5,       | false   | false | false   | false         | 5
			.5       | false   | false | true    | false         | 0.5
			,5       | false   | false | false   | false         | 0.5
			-.50     | false   | false | true    | false         | -0.50
			1e3      | false   | false | true    | false         | 1E+3
			1E-3     | false   | false | true    | false         | 0.001
			3,5e2    | false   | false | false   | false         | 3.5E+2
			-5%      | false   | false | false   | false         | -5
			12.5%    | false   | false | false   | false         | 12.5
			""")
	void readsACellAndAnswersEachQuestion(String cell, boolean integer, boolean whole, boolean decimal,
			boolean decimalComma, String value) {
		NumberText n = NumberText.read(cell).orElseThrow();
		assertThat(n.isInteger()).as("integer").isEqualTo(integer);
		assertThat(n.isWhole()).as("whole").isEqualTo(whole);
		assertThat(n.isDecimal()).as("decimal").isEqualTo(decimal);
		assertThat(n.isDecimalComma()).as("decimal comma").isEqualTo(decimalComma);
		assertThat(n.value()).isEqualByComparingTo(new BigDecimal(value));
		assertThat(n.value().scale()).isEqualTo(new BigDecimal(value.replace("E+3", "E3")).scale());
	}

	@ParameterizedTest(name = "\"{0}\"")
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			""
			"-"
			"+"
			"."
			","
			"e3"
			"1e"
			"--1"
			"-(1)"
			"1 000"
			"1.000,5"
			"1,5.2"
			" 3"
			"3 %"
			"%"
			"A1"
			"½"
			"٣"
			""")
	void refusesWhatIsNotANumber(String cell) {
		assertThat(NumberText.read(cell)).isEmpty();
		assertThat(NumberText.isNumber(cell)).isFalse();
	}

	@Test
	void partsAreTheDigitsAsWritten() {
		assertThat(NumberText.read("-012,50e+2%")).contains(new NumberText("-", "012", ",", "50", "e+2", true));
		assertThat(NumberText.read(".5")).contains(new NumberText("", "", ".", "5", "", false));
	}

	// The patterns NumberText replaced, kept here as the oracle it must agree with.
	private static final Pattern FORMULA_RULE_NUMBER = Pattern.compile("[-+]?(?:\\d+(?:[.,]\\d*)?|[.,]\\d+)(?:[eE][-+]?\\d+)?%?");
	private static final Pattern SURVEY_INTEGER = Pattern.compile("[+-]?\\d{1,18}");
	private static final Pattern SURVEY_NUMBER = Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?");
	private static final Pattern SURVEY_DECIMAL_COMMA = Pattern.compile("[+-]?\\d+,\\d+");
	private static final Pattern LAB_WHOLE = Pattern.compile("([+-]?)(\\d+)(?:[.,]0+)?");
	private static final Pattern EXPORT_NUMBER_CELL = Pattern.compile("-?\\d+(\\.\\d+)?");
	private static final Pattern LAB_NUMBER = Pattern.compile("[+-]?\\d+(?:[.,]\\d+)?(?:[eE][+-]?\\d+)?");

	@Test
	void answersExactlyAsThePatternsItReplacedOnEveryShortCell() {
		// every cell of up to five characters over digits, signs, separators, exponent, percent, space and a letter
		List<String> cells = cells("05+-.,e% x", 5);
		cells.add("1E-3");
		cells.add("1234567890123456789");
		cells.add("123456789012345678");
		assertThat(cells).hasSizeGreaterThan(110_000);
		List<String> disagreements = new ArrayList<>();
		for (String c : cells) {
			var n = NumberText.read(c);
			var whole = LAB_WHOLE.matcher(c);
			boolean wholeMatches = whole.matches();
			check(disagreements, c, "plain number", n.isPresent(), FORMULA_RULE_NUMBER.matcher(c).matches());
			check(disagreements, c, "survey integer", n.filter(x -> x.isInteger() && x.whole().length() <= 18).isPresent(),
					SURVEY_INTEGER.matcher(c).matches());
			check(disagreements, c, "survey number", n.filter(NumberText::isDecimal).isPresent(), SURVEY_NUMBER.matcher(c).matches());
			check(disagreements, c, "decimal comma", n.filter(NumberText::isDecimalComma).isPresent(),
					SURVEY_DECIMAL_COMMA.matcher(c).matches());
			check(disagreements, c, "lab whole", n.filter(NumberText::isWhole).isPresent(), wholeMatches);
			check(disagreements, c, "lab number", n.filter(x -> !x.percent() && !x.whole().isEmpty()
					&& (x.separator().isEmpty() || !x.fraction().isEmpty())).isPresent(), LAB_NUMBER.matcher(c).matches());
			if (wholeMatches && n.isPresent()) {
				check(disagreements, c, "lab sign", n.get().sign().equals("-"), whole.group(1).equals("-"));
				check(disagreements, c, "lab digits", n.get().whole().equals(whole.group(2)), true);
			}
			check(disagreements, c, "export number cell", n.filter(NumberText::isPlain).isPresent(),
					EXPORT_NUMBER_CELL.matcher(c).matches());
			// a participant's number attribute: the value stripped, then BigDecimal with the comma as the point
			BigDecimal attribute = bigDecimalOrNull(c.strip().replace(',', '.'));
			var stripped = NumberText.read(c.strip()).filter(x -> !x.percent());
			check(disagreements, c, "participant number", stripped.isPresent(), attribute != null);
			if (attribute != null && stripped.isPresent()) {
				check(disagreements, c, "participant value", stripped.get().value().stripTrailingZeros().toPlainString()
					.equals(attribute.stripTrailingZeros().toPlainString()), true);
			}
			if (SURVEY_NUMBER.matcher(c).matches() && n.isPresent()) {
				check(disagreements, c, "survey value",
						n.get().value().equals(new BigDecimal(c.startsWith("+") ? c.substring(1) : c)), true);
			}
		}
		assertThat(disagreements).isEmpty();
	}

	private static BigDecimal bigDecimalOrNull(String text) {
		try {
			return new BigDecimal(text);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static void check(List<String> disagreements, String cell, String question, boolean actual, boolean expected) {
		if (actual != expected) {
			disagreements.add("\"" + cell + "\" " + question + ": " + actual + ", was " + expected);
		}
	}

	/** Every string of length 1 to max over the alphabet. */
	private static List<String> cells(String alphabet, int max) {
		List<String> out = new ArrayList<>();
		List<String> level = List.of("");
		for (int len = 1; len <= max; len++) {
			List<String> next = new ArrayList<>();
			for (String prefix : level) {
				for (char ch : alphabet.toCharArray()) {
					next.add(prefix + ch);
				}
			}
			out.addAll(next);
			level = next;
		}
		return out;
	}

}

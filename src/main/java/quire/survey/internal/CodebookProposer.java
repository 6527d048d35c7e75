package quire.survey.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import quire.survey.MeasurementLevel;
import quire.survey.ValueLabel;
import quire.survey.VariableSpec;

/**
 * Proposes a codebook for a survey table from its values, for the researcher to review and correct.
 * <p>
 * Every column except the id column gets one {@link VariableSpec}, in column order. First the missing codes present
 * in the column are set aside: {@code -9} and {@code -99} when no other value is a negative number, {@code 99} when
 * every other value is a number of at most 10, and {@code NA}, {@code N/A} and {@code .} (any case). Of the other,
 * non-blank values:
 * <ul>
 * <li>all whole numbers with at most {@value #MAX_ORDINAL_CODES} distinct values → {@link MeasurementLevel#ORDINAL},
 * with the distinct codes as value labels sorted numerically (each labelled with itself);</li>
 * <li>all numbers otherwise → {@link MeasurementLevel#SCALE} without value labels;</li>
 * <li>text with at most {@value #MAX_NOMINAL_CODES} distinct values → {@link MeasurementLevel#NOMINAL} with the
 * values as value labels in order of first appearance;</li>
 * <li>more text → {@link MeasurementLevel#NOMINAL} without value labels (free text).</li>
 * </ul>
 * A column mixing numbers and text is judged by its majority: mostly numbers (half or more) → ordinal or scale from
 * the numbers, so that the text cells stand out when validating; mostly text → nominal from the text values. An
 * empty column is nominal without value labels.
 * <p>
 * Four items of the MI questionnaire in the seed study get their question and value labels when the column name
 * matches (ignoring case): {@code satisfaction} (ordinal, 1 "very dissatisfied" … 5 "very satisfied"),
 * {@code usefulness} (ordinal, 1 "not useful" … 5 "very useful"), {@code timing_appropriate} (nominal, "yes" or
 * "no") and {@code preferred_timing} (nominal, the six alternatives from "two months earlier" to "three or four
 * months later", coded as text, or as 1–6 when the column holds only whole numbers from 1 to 6). Their missing
 * codes are found as above.
 */
public final class CodebookProposer {

	/** The most distinct whole numbers for a column to be proposed as ordinal. */
	public static final int MAX_ORDINAL_CODES = 7;

	/** The most distinct text values for a column to be proposed as nominal with value labels. */
	public static final int MAX_NOMINAL_CODES = 12;

	/** The six answers to "when would the conversations have been best?", in the questionnaire's order. */
	public static final List<String> PREFERRED_TIMING = List.of("two months earlier", "one month earlier",
			"the timing was good", "one month later", "two months later", "three or four months later");

	private record Known(String label, MeasurementLevel level, List<ValueLabel> valueLabels) {
	}

	private static final Map<String, Known> KNOWN = Map.of(
			"satisfaction", new Known("Satisfaction with the MI sessions", MeasurementLevel.ORDINAL,
					List.of(new ValueLabel("1", "very dissatisfied"), new ValueLabel("2", "dissatisfied"),
							new ValueLabel("3", "neither satisfied nor dissatisfied"),
							new ValueLabel("4", "satisfied"), new ValueLabel("5", "very satisfied"))),
			"usefulness", new Known("Usefulness of the MI conversations", MeasurementLevel.ORDINAL,
					List.of(new ValueLabel("1", "not useful"), new ValueLabel("2", "slightly useful"),
							new ValueLabel("3", "somewhat useful"), new ValueLabel("4", "useful"),
							new ValueLabel("5", "very useful"))),
			"timing_appropriate", new Known("The two follow-up conversations came at an appropriate time",
					MeasurementLevel.NOMINAL, List.of(ValueLabel.of("yes"), ValueLabel.of("no"))),
			"preferred_timing", new Known("When the conversations would have been best, had they come at another time",
					MeasurementLevel.NOMINAL, PREFERRED_TIMING.stream().map(ValueLabel::of).toList()));

	private CodebookProposer() {
	}

	/**
	 * Proposes a codebook.
	 *
	 * @param t the table
	 * @param idColumn the id column (matched exactly, else ignoring case), left out of the codebook; when the table
	 * has no such column every column is proposed
	 * @return one variable per column except the id, in column order
	 */
	public static List<VariableSpec> propose(ParsedTable t, String idColumn) {
		Optional<String> id = t.column(idColumn);
		List<VariableSpec> specs = new ArrayList<>();
		for (String column : t.columns()) {
			if (id.isPresent() && id.get().equals(column)) {
				continue;
			}
			specs.add(propose(column, t.values(column)));
		}
		return specs;
	}

	/** Proposes the variable of one column from its cells. */
	static VariableSpec propose(String column, List<String> cells) {
		Set<String> missing = missingCodes(cells);
		List<String> values = new ArrayList<>(); // distinct, in order of first appearance
		Set<String> seen = new LinkedHashSet<>();
		for (String v : cells) {
			String s = v.strip();
			if (!s.isEmpty() && !missing.contains(s) && seen.add(s)) {
				values.add(s);
			}
		}
		Known known = KNOWN.get(column.strip().toLowerCase(Locale.ROOT));
		if (known != null) {
			return known(column, known, values, missing);
		}
		int numbers = 0;
		int texts = 0;
		for (String v : cells) {
			String s = v.strip();
			if (s.isEmpty() || missing.contains(s)) {
				continue;
			}
			if (Values.isNumber(s)) {
				numbers++;
			}
			else {
				texts++;
			}
		}
		if (numbers == 0 && texts == 0) {
			return new VariableSpec(column, column, MeasurementLevel.NOMINAL, List.of(), missing);
		}
		if (numbers >= texts) {
			List<String> numeric = values.stream().filter(Values::isNumber).toList();
			if (numeric.stream().allMatch(Values::isInteger) && numeric.size() <= MAX_ORDINAL_CODES) {
				List<ValueLabel> labels = numeric.stream()
						.sorted(Comparator.comparing(Values::number).thenComparing(Comparator.naturalOrder()))
						.map(ValueLabel::of).toList();
				return new VariableSpec(column, column, MeasurementLevel.ORDINAL, labels, missing);
			}
			return new VariableSpec(column, column, MeasurementLevel.SCALE, List.of(), missing);
		}
		List<String> text = values.stream().filter(v -> !Values.isNumber(v)).toList();
		List<ValueLabel> labels = text.size() <= MAX_NOMINAL_CODES ? text.stream().map(ValueLabel::of).toList()
				: List.of();
		return new VariableSpec(column, column, MeasurementLevel.NOMINAL, labels, missing);
	}

	private static VariableSpec known(String column, Known known, List<String> values, Set<String> missing) {
		List<ValueLabel> labels = known.valueLabels();
		if (column.strip().equalsIgnoreCase("preferred_timing") && !values.isEmpty()
				&& Set.of("1", "2", "3", "4", "5", "6").containsAll(values)) {
			List<ValueLabel> coded = new ArrayList<>();
			for (int i = 0; i < PREFERRED_TIMING.size(); i++) {
				coded.add(new ValueLabel(Integer.toString(i + 1), PREFERRED_TIMING.get(i)));
			}
			labels = coded;
		}
		Set<String> codes = new LinkedHashSet<>();
		labels.forEach(l -> codes.add(l.code()));
		Set<String> kept = new LinkedHashSet<>(missing);
		kept.removeAll(codes); // a code of the item is never a missing code
		return new VariableSpec(column, known.label(), known.level(), labels, kept);
	}

	/** The missing codes present among the cells, in order of first appearance. */
	static Set<String> missingCodes(List<String> cells) {
		boolean otherNegative = false;
		boolean othersSmallNumbers = true;
		boolean any99 = false;
		for (String v : cells) {
			String s = v.strip();
			if (s.isEmpty() || Values.isTextMissing(s)) {
				continue;
			}
			if (isNegativeCode(s)) {
				continue;
			}
			if (isNinetyNine(s)) {
				any99 = true;
				continue;
			}
			if (Values.isNumber(s)) {
				BigDecimal n = Values.number(s);
				if (n.signum() < 0) {
					otherNegative = true;
				}
				if (n.compareTo(BigDecimal.TEN) > 0) {
					othersSmallNumbers = false;
				}
			}
			else {
				othersSmallNumbers = false;
			}
		}
		Set<String> missing = new LinkedHashSet<>();
		for (String v : cells) {
			String s = v.strip();
			if (Values.isTextMissing(s) || !otherNegative && isNegativeCode(s)
					|| any99 && othersSmallNumbers && isNinetyNine(s)) {
				missing.add(s);
			}
		}
		return missing;
	}

	private static boolean isNegativeCode(String s) {
		return s.equals("-9") || s.equals("-99");
	}

	private static boolean isNinetyNine(String s) {
		return s.equals("99");
	}

}

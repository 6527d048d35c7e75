package quire.stats;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import quire.stats.Agreement.Coefficient;

/**
 * Frequency tables for categorical answers, e.g. the answers to one survey question.
 * <p>
 * Values are compared exactly (case- and whitespace-sensitive); a value that is {@code null}, blank (empty or
 * only whitespace) or one of the caller's missing codes counts as missing. Percentages are of the valid
 * (non-missing) answers and on a 0–100 scale. As in {@link Agreement}, no percentage is ever {@code NaN}: with no
 * valid answers it is an {@link Coefficient#undefined(String) undefined} coefficient.
 */
public final class Frequencies {

	private Frequencies() {
	}

	/**
	 * One category of a frequency table.
	 *
	 * @param category the category label
	 * @param n the number of valid answers in the category, ≥ 0
	 * @param percentOfValid 100 · n / valid; undefined when there are no valid answers
	 */
	public record Row(String category, int n, Coefficient percentOfValid) {
	}

	/**
	 * A frequency table.
	 *
	 * @param rows one row per category, listed categories first, then the others in order of first appearance
	 * @param valid the number of non-missing answers, the sum of the rows' n
	 * @param missing the number of missing answers
	 */
	public record FrequencyTable(List<Row> rows, int valid, int missing) {

		public FrequencyTable {
			rows = List.copyOf(rows);
		}

		/** The number of answers, valid + missing. */
		public int total() {
			return this.valid + this.missing;
		}
	}

	/**
	 * Counts {@code values} by category.
	 * <p>
	 * A value is missing when it is {@code null}, blank or in {@code missingCodes}; every other value is valid.
	 * The rows are the categories of {@code categoryOrder} in that order (with n = 0 when a category was not
	 * observed), followed by any other observed valid value in order of first appearance. For category c with
	 * n<sub>c</sub> valid answers out of {@code valid}:
	 * <pre>percentOfValid(c) = 100 · n_c / valid</pre>
	 *
	 * @param values the answers, one per respondent; {@code null} elements count as missing
	 * @param categoryOrder the categories to list first and in this order, e.g. the points of a rating scale; may
	 * be empty
	 * @param missingCodes answers that mean "missing", e.g. {@code "Don't know"} or {@code "99"}; may be empty
	 * @throws IllegalArgumentException if an argument is null, or {@code categoryOrder} holds a null, blank or
	 * duplicate category or one that is also a missing code
	 */
	public static FrequencyTable of(List<String> values, List<String> categoryOrder, Set<String> missingCodes) {
		if (values == null) {
			throw new IllegalArgumentException("values must not be null");
		}
		if (categoryOrder == null) {
			throw new IllegalArgumentException("categoryOrder must not be null");
		}
		if (missingCodes == null) {
			throw new IllegalArgumentException("missingCodes must not be null");
		}
		Map<String, Integer> counts = new LinkedHashMap<>();
		Set<String> missing = new HashSet<>(missingCodes);
		for (int i = 0; i < categoryOrder.size(); i++) {
			String category = categoryOrder.get(i);
			if (category == null || category.isBlank()) {
				throw new IllegalArgumentException(
						"categoryOrder[" + i + "] must not be " + (category == null ? "null" : "blank"));
			}
			if (missing.contains(category)) {
				throw new IllegalArgumentException(
						"categoryOrder[" + i + "] \"" + category + "\" is also a missing code");
			}
			if (counts.putIfAbsent(category, 0) != null) {
				throw new IllegalArgumentException(
						"categoryOrder[" + i + "] \"" + category + "\" is listed more than once");
			}
		}
		int valid = 0;
		int missingCount = 0;
		for (String value : values) {
			if (isMissing(value, missing)) {
				missingCount++;
			}
			else {
				counts.merge(value, 1, Integer::sum);
				valid++;
			}
		}
		List<Row> rows = new ArrayList<>(counts.size());
		for (Map.Entry<String, Integer> entry : counts.entrySet()) {
			rows.add(new Row(entry.getKey(), entry.getValue(), percent(entry.getValue(), valid)));
		}
		return new FrequencyTable(rows, valid, missingCount);
	}

	/**
	 * {@code 100 · count / total} on a 0–100 scale, undefined when {@code total} is 0.
	 *
	 * @param count the part, 0 ≤ {@code count} ≤ {@code total}
	 * @param total the whole, ≥ 0
	 */
	static Coefficient percent(int count, int total) {
		if (total == 0) {
			return Coefficient.undefined("no valid answers");
		}
		return Coefficient.of(100.0 * count / total);
	}

	private static boolean isMissing(String value, Set<String> missingCodes) {
		return value == null || value.isBlank() || missingCodes.contains(value);
	}
}

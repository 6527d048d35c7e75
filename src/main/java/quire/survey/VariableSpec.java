package quire.survey;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The codebook entry of one survey variable (one column of the data file): its label, its level of measurement,
 * its value labels and its missing-value codes, as in an SPSS or Stata codebook.
 * <p>
 * The constructor strips the column and label (a blank label becomes the column name), copies the value labels
 * (their order is the display order, e.g. 1 to 5 for a Likert item) and the missing codes (in the given order) into
 * unmodifiable collections, and refuses two value labels with the same code, a missing code that is also a value
 * label and a blank missing code.
 *
 * @param column the column's header in the data file, never blank
 * @param label what the variable measures, e.g. the question text
 * @param level nominal, ordinal or scale
 * @param valueLabels the codes the variable may take, in display order; empty for free values (scale variables and
 * free text)
 * @param missingCodes codes meaning "no answer" (e.g. {@code -9}, {@code NA}); blank cells are always missing
 */
public record VariableSpec(String column, String label, MeasurementLevel level, List<ValueLabel> valueLabels,
		Set<String> missingCodes) {

	/** The longest column name or label accepted. */
	public static final int MAX_LABEL_LENGTH = 1000;

	public VariableSpec {
		column = Objects.requireNonNull(column, "column").strip();
		if (column.isEmpty()) {
			throw new IllegalArgumentException("a variable needs a column name");
		}
		if (column.length() > MAX_LABEL_LENGTH) {
			throw new IllegalArgumentException(
					"a column name must be at most " + MAX_LABEL_LENGTH + " characters, was " + column.length());
		}
		label = Objects.requireNonNull(label, "label").strip();
		if (label.isEmpty()) {
			label = column;
		}
		if (label.length() > MAX_LABEL_LENGTH) {
			throw new IllegalArgumentException("the label of column '" + column + "' must be at most "
					+ MAX_LABEL_LENGTH + " characters, was " + label.length());
		}
		Objects.requireNonNull(level, "level");
		valueLabels = List.copyOf(valueLabels);
		Set<String> codes = new HashSet<>();
		for (ValueLabel v : valueLabels) {
			if (!codes.add(v.code())) {
				throw new IllegalArgumentException(
						"column '" + column + "' has two value labels for code " + v.code());
			}
		}
		Set<String> missing = new LinkedHashSet<>();
		for (String m : missingCodes) {
			String code = Objects.requireNonNull(m, "missing code").strip();
			if (code.isEmpty()) {
				throw new IllegalArgumentException("a missing code of column '" + column
						+ "' is blank; blank cells are always missing");
			}
			if (codes.contains(code)) {
				throw new IllegalArgumentException("in column '" + column + "', " + code
						+ " is both a value label and a missing code");
			}
			missing.add(code);
		}
		missingCodes = Collections.unmodifiableSet(missing);
	}

	/** A variable without value labels or missing codes, labelled with its column name. */
	public static VariableSpec of(String column, MeasurementLevel level) {
		return new VariableSpec(column, column, level, List.of(), Set.of());
	}

	/** Whether the variable has value labels, so that only their codes (and missing codes) are valid. */
	public boolean hasValueLabels() {
		return !this.valueLabels.isEmpty();
	}

	/** Whether a cell counts as missing: blank or one of the missing codes (compared after stripping). */
	public boolean isMissing(String value) {
		String v = value.strip();
		return v.isEmpty() || this.missingCodes.contains(v);
	}

	/** The value label of a code, if it has one. */
	public Optional<ValueLabel> valueLabel(String code) {
		String c = code.strip();
		for (ValueLabel v : this.valueLabels) {
			if (v.code().equals(c)) {
				return Optional.of(v);
			}
		}
		return Optional.empty();
	}

	/** The codes of the value labels, in display order. */
	public List<String> codes() {
		List<String> codes = new ArrayList<>(this.valueLabels.size());
		for (ValueLabel v : this.valueLabels) {
			codes.add(v.code());
		}
		return codes;
	}

}

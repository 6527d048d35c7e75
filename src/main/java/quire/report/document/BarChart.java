package quire.report.document;

import java.util.List;
import java.util.Objects;

/**
 * A horizontal bar chart with value labels.
 *
 * @param title the chart title (may be blank)
 * @param labels one label per bar
 * @param values one non-negative value per bar
 * @param max the value of a full-width bar; if not positive, the largest value is used
 * @param unit the unit appended to value labels (may be blank), e.g. "%"
 */
public record BarChart(String title, List<String> labels, List<Double> values, double max, String unit)
		implements Block {

	/** Validates the data and copies the lists. */
	public BarChart {
		title = title == null ? "" : title;
		unit = unit == null ? "" : unit;
		Objects.requireNonNull(labels, "Chart labels must not be null");
		Objects.requireNonNull(values, "Chart values must not be null");
		if (labels.size() != values.size()) {
			throw new IllegalArgumentException("Chart has " + labels.size() + " labels but " + values.size() + " values");
		}
		for (Double v : values) {
			if (v == null || v.isNaN() || v.isInfinite() || v < 0) {
				throw new IllegalArgumentException("Chart values must be finite and non-negative, was " + v);
			}
		}
		labels = labels.stream().map(l -> l == null ? "" : l).toList();
		values = List.copyOf(values);
		if (Double.isNaN(max) || Double.isInfinite(max)) {
			throw new IllegalArgumentException("Chart max must be finite, was " + max);
		}
	}

	/** @return the scale maximum: {@link #max()} if positive, else the largest value (or 1). */
	public double scaleMax() {
		double m = max;
		for (double v : values) {
			m = Math.max(m, v);
		}
		return m > 0 ? m : 1;
	}

	/**
	 * Formats a value with at most one decimal and the unit.
	 *
	 * @param value the value
	 * @return e.g. "42 %" or "3.5"
	 */
	public String format(double value) {
		String s = value == Math.rint(value) ? String.valueOf((long) value)
				: String.format(java.util.Locale.ROOT, "%.1f", value);
		return unit.isBlank() ? s : s + ("%".equals(unit) ? "" : " ") + unit;
	}
}

package quire.stats;

import quire.stats.Agreement.Coefficient;

/**
 * Descriptive statistics for a sample of numbers: count, mean, sample standard deviation, minimum and maximum,
 * plus proportions.
 * <p>
 * As in {@link Agreement}, no statistic is ever returned as {@code NaN}: a statistic that cannot be computed is an
 * {@link Coefficient#undefined(String) undefined} coefficient with a plain-English reason.
 */
public final class Descriptives {

	private Descriptives() {
	}

	/**
	 * A summary of a sample x<sub>1</sub> … x<sub>n</sub>.
	 *
	 * @param n the number of values
	 * @param mean the arithmetic mean x̄ = Σ x<sub>i</sub> / n; undefined when n = 0
	 * @param sd the sample standard deviation s = √(Σ (x<sub>i</sub> − x̄)² / (n − 1)); undefined when n &lt; 2
	 * @param min the smallest value; undefined when n = 0
	 * @param max the largest value; undefined when n = 0
	 */
	public record Summary(int n, Coefficient mean, Coefficient sd, Coefficient min, Coefficient max) {
	}

	/**
	 * Summarises {@code values}.
	 * <p>
	 * The mean is computed by a two-pass algorithm (first x̄, then Σ (x<sub>i</sub> − x̄)²), which is numerically
	 * stable for values with a large common offset. The standard deviation uses the n − 1 (Bessel-corrected)
	 * denominator.
	 *
	 * @param values the sample; may be empty
	 * @throws IllegalArgumentException if {@code values} is null or holds a NaN or infinite value
	 */
	public static Summary of(double[] values) {
		if (values == null) {
			throw new IllegalArgumentException("values must not be null");
		}
		for (int i = 0; i < values.length; i++) {
			if (!Double.isFinite(values[i])) {
				throw new IllegalArgumentException("values[" + i + "] must be a finite number, got " + values[i]);
			}
		}
		int n = values.length;
		if (n == 0) {
			Coefficient none = Coefficient.undefined("no values");
			return new Summary(0, none, none, none, none);
		}
		double sum = 0;
		double min = values[0];
		double max = values[0];
		for (double x : values) {
			sum += x;
			min = Math.min(min, x);
			max = Math.max(max, x);
		}
		double mean = sum / n;
		Coefficient sd;
		if (n < 2) {
			sd = Coefficient.undefined("a standard deviation needs at least 2 values");
		}
		else {
			double squares = 0;
			for (double x : values) {
				squares += (x - mean) * (x - mean);
			}
			sd = finite(Math.sqrt(squares / (n - 1)), "the standard deviation overflows");
		}
		return new Summary(n, finite(mean, "the mean overflows"), sd, Coefficient.of(min), Coefficient.of(max));
	}

	/**
	 * The share {@code count / n} of a total, e.g. the proportion of documents carrying a code.
	 *
	 * @param count the number of cases counted, 0 ≤ {@code count} ≤ {@code n}
	 * @param n the total number of cases, ≥ 0
	 * @return {@code count / n}, undefined when {@code n} is 0
	 * @throws IllegalArgumentException if {@code n} or {@code count} is negative, or {@code count} exceeds {@code n}
	 */
	public static Coefficient share(int count, int n) {
		if (n < 0) {
			throw new IllegalArgumentException("n must not be negative, got " + n);
		}
		if (count < 0) {
			throw new IllegalArgumentException("count must not be negative, got " + count);
		}
		if (count > n) {
			throw new IllegalArgumentException("count must not exceed n, got count " + count + " and n " + n);
		}
		if (n == 0) {
			return Coefficient.undefined("no cases (n = 0)");
		}
		return Coefficient.of((double) count / n);
	}

	private static Coefficient finite(double value, String reason) {
		return Double.isFinite(value) ? Coefficient.of(value) : Coefficient.undefined(reason);
	}
}

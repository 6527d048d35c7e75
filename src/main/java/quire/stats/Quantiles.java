package quire.stats;

import java.util.Arrays;

import quire.stats.Agreement.Coefficient;

/**
 * Median and quartiles of a sample of numbers.
 * <p>
 * Quantiles follow R's default definition, {@code quantile(x, type = 7)} (Hyndman and Fan 1996, definition 7):
 * with x<sub>(1)</sub> ≤ … ≤ x<sub>(n)</sub> the sorted sample, h = (n − 1)p + 1, j = ⌊h⌋ and g = h − j,
 * <pre>Q(p) = x_(j) + g · (x_(j+1) − x_(j))</pre>
 * (and Q(p) = x<sub>(n)</sub> when j = n). As in {@link Agreement}, no statistic is ever returned as {@code NaN}:
 * a statistic that cannot be computed is an {@link Coefficient#undefined(String) undefined} coefficient.
 */
public final class Quantiles {

	private Quantiles() {
	}

	/**
	 * The spread of a sample x<sub>1</sub> … x<sub>n</sub>.
	 *
	 * @param n the number of values
	 * @param median Q(0.5); undefined when n = 0
	 * @param q1 the first quartile Q(0.25); undefined when n = 0
	 * @param q3 the third quartile Q(0.75); undefined when n = 0
	 * @param iqr the interquartile range Q(0.75) − Q(0.25), as R's {@code IQR(x)}; undefined when n = 0
	 */
	public record Spread(int n, Coefficient median, Coefficient q1, Coefficient q3, Coefficient iqr) {
	}

	/**
	 * The median, quartiles and interquartile range of {@code values} by R's default (type 7) quantiles.
	 *
	 * @param values the sample; may be empty; not modified
	 * @throws IllegalArgumentException if {@code values} is null or holds a NaN or infinite value
	 */
	public static Spread of(double[] values) {
		double[] sorted = sortedCopy(values, "values");
		if (sorted.length == 0) {
			Coefficient none = Coefficient.undefined("no values");
			return new Spread(0, none, none, none, none);
		}
		double q1 = type7(sorted, 0.25);
		double median = type7(sorted, 0.5);
		double q3 = type7(sorted, 0.75);
		return new Spread(sorted.length, Coefficient.of(median), Coefficient.of(q1), Coefficient.of(q3),
				finite(q3 - q1, "the interquartile range overflows"));
	}

	/**
	 * The median of {@code values} by R's default (type 7) quantiles.
	 *
	 * @param values the sample; may be empty; not modified
	 * @return Q(0.5), undefined when {@code values} is empty
	 * @throws IllegalArgumentException if {@code values} is null or holds a NaN or infinite value
	 */
	public static Coefficient median(double[] values) {
		double[] sorted = sortedCopy(values, "values");
		return sorted.length == 0 ? Coefficient.undefined("no values") : Coefficient.of(type7(sorted, 0.5));
	}

	/**
	 * R's type-7 quantile of an already sorted, non-empty array of finite values; no checks.
	 *
	 * @param sorted the values in ascending order, at least one
	 * @param p the probability, 0 ≤ {@code p} ≤ 1
	 */
	static double type7(double[] sorted, double p) {
		int n = sorted.length;
		double h = (n - 1) * p; // zero-based: h = (n − 1)p, j = ⌊h⌋
		int j = (int) Math.floor(h);
		double g = h - j;
		if (j >= n - 1) {
			return sorted[n - 1];
		}
		double lo = sorted[j];
		double hi = sorted[j + 1];
		// as R: (1 − g)·lo + g·hi, applied only when g > 0 and the neighbours differ, so ties stay exact
		return g == 0.0 || lo == hi ? lo : (1 - g) * lo + g * hi;
	}

	static double[] sortedCopy(double[] values, String name) {
		if (values == null) {
			throw new IllegalArgumentException(name + " must not be null");
		}
		for (int i = 0; i < values.length; i++) {
			if (!Double.isFinite(values[i])) {
				throw new IllegalArgumentException(name + "[" + i + "] must be a finite number, got " + values[i]);
			}
		}
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted;
	}

	private static Coefficient finite(double value, String reason) {
		return Double.isFinite(value) ? Coefficient.of(value) : Coefficient.undefined(reason);
	}
}

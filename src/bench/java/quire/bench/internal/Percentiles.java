package quire.bench.internal;

import java.util.Arrays;

/**
 * Latency percentiles by the nearest-rank method: the p-th percentile of n sorted samples is the
 * sample at rank ⌈p/100 · n⌉ (1-based), so every reported value was actually measured.
 */
public record Percentiles(int samples, double p50, double p95, double p99, double max) {

	/**
	 * @param millis the samples in milliseconds; at least one
	 * @throws IllegalArgumentException if there are no samples
	 */
	public static Percentiles of(double[] millis) {
		if (millis.length == 0) {
			throw new IllegalArgumentException("percentiles need at least one sample");
		}
		double[] sorted = millis.clone();
		Arrays.sort(sorted);
		return new Percentiles(sorted.length, rank(sorted, 50), rank(sorted, 95), rank(sorted, 99),
				sorted[sorted.length - 1]);
	}

	static double rank(double[] sorted, double p) {
		int rank = (int) Math.ceil(p / 100.0 * sorted.length);
		return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
	}

}

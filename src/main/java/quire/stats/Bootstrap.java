package quire.stats;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ArrayList;
import java.util.SplittableRandom;

import quire.stats.Agreement.Coefficient;

/**
 * Bootstrap confidence intervals.
 * <p>
 * Intervals are reproducible: the same values, number of resamples, seed and level always give the same interval,
 * on every platform. As in {@link Agreement}, no bound is ever {@code NaN}: without data the interval is
 * {@link Coefficient#undefined(String) undefined}.
 */
public final class Bootstrap {

	/** The number of resamples of the default overloads. */
	public static final int DEFAULT_RESAMPLES = 10_000;

	/** The confidence level of the default overloads. */
	public static final double DEFAULT_LEVEL = 0.95;

	/** The smallest number of resamples accepted. */
	public static final int MIN_RESAMPLES = 100;

	private Bootstrap() {
	}

	/**
	 * A bootstrap confidence interval.
	 *
	 * @param estimate the statistic of the original sample; undefined when there are no values
	 * @param lower the lower bound; undefined when there are no values
	 * @param upper the upper bound; undefined when there are no values
	 * @param resamples B, the number of bootstrap resamples
	 * @param seed the seed of the random number generator
	 * @param level the confidence level, e.g. {@code 0.95}
	 */
	public record Interval(Coefficient estimate, Coefficient lower, Coefficient upper, int resamples, long seed,
			double level) {
	}

	/**
	 * A 95% percentile bootstrap interval for the median from {@value #DEFAULT_RESAMPLES} resamples; see
	 * {@link #medianCi(double[], int, long, double)}.
	 *
	 * @param values the sample; may be empty; not modified
	 * @param seed the seed of the random number generator
	 * @throws IllegalArgumentException if {@code values} is null or holds a NaN or infinite value
	 */
	public static Interval medianCi(double[] values, long seed) {
		return medianCi(values, DEFAULT_RESAMPLES, seed, DEFAULT_LEVEL);
	}

	/**
	 * A percentile bootstrap confidence interval for the median.
	 * <p>
	 * The estimate is the sample median by R's default type-7 quantile ({@link Quantiles}). Each of the B
	 * resamples draws n values with replacement: with {@code random = new SplittableRandom(seed)}, resample b
	 * (b = 1 … B, in order) takes x<sub>(k)</sub> for k = {@code random.nextInt(n)} n times over the values
	 * sorted ascending, and its type-7 median m<sub>b</sub> is recorded. With α = 1 − {@code level}, the bounds
	 * are the type-7 quantiles of m<sub>1</sub> … m<sub>B</sub>:
	 * <pre>lower = Q(α / 2),  upper = Q(1 − α / 2)</pre>
	 * A single value (or n equal values) gives the degenerate interval [x, x]. The percentile method does not
	 * force the estimate inside the interval; for the usual levels (90% and up) it lies inside in practice. The
	 * work is O(B · n): each resample's median is read off its value counts rather than by sorting.
	 *
	 * @param values the sample; may be empty; not modified
	 * @param resamples B, the number of resamples, ≥ {@value #MIN_RESAMPLES}
	 * @param seed the seed of the random number generator
	 * @param level the confidence level, strictly between 0 and 1
	 * @return the interval; estimate and bounds are undefined when {@code values} is empty
	 * @throws IllegalArgumentException if {@code values} is null or holds a NaN or infinite value,
	 * {@code resamples} is below {@value #MIN_RESAMPLES}, or {@code level} is not strictly between 0 and 1
	 */
	public static Interval medianCi(double[] values, int resamples, long seed, double level) {
		double[] sorted = Quantiles.sortedCopy(values, "values");
		if (resamples < MIN_RESAMPLES) {
			throw new IllegalArgumentException(
					"resamples must be at least " + MIN_RESAMPLES + ", got " + resamples);
		}
		if (!(level > 0 && level < 1)) {
			throw new IllegalArgumentException("level must be strictly between 0 and 1, got " + level);
		}
		int n = sorted.length;
		if (n == 0) {
			Coefficient none = Coefficient.undefined("no values");
			return new Interval(none, none, none, resamples, seed, level);
		}
		double estimate = Quantiles.type7(sorted, 0.5);
		SplittableRandom random = new SplittableRandom(seed);
		int[] counts = new int[n];
		double[] medians = new double[resamples];
		for (int b = 0; b < resamples; b++) {
			Arrays.fill(counts, 0);
			for (int i = 0; i < n; i++) {
				counts[random.nextInt(n)]++;
			}
			medians[b] = medianOfResample(sorted, counts);
		}
		Arrays.sort(medians);
		double alpha = 1 - level;
		double lower = Quantiles.type7(medians, alpha / 2);
		double upper = Quantiles.type7(medians, 1 - alpha / 2);
		return new Interval(Coefficient.of(estimate), Coefficient.of(lower), Coefficient.of(upper), resamples,
				seed, level);
	}

	/**
	 * A 95% percentile bootstrap interval for nominal Krippendorff's α from {@value #DEFAULT_RESAMPLES} resamples;
	 * see {@link #alphaCi(int[][], int, long, double)}.
	 */
	public static Interval alphaCi(int[][] data, long seed) {
		return alphaCi(data, DEFAULT_RESAMPLES, seed, DEFAULT_LEVEL);
	}

	/**
	 * A percentile bootstrap confidence interval for nominal Krippendorff's α
	 * ({@link Agreement#krippendorffAlphaNominal(int[][])}), as Krippendorff recommends for judging α against a
	 * required minimum (Hayes &amp; Krippendorff 2007, "Answering the call for a standard reliability measure for
	 * coding data"). Resampling is by unit, as Zapf et al. (2016, BMC Medical Research Methodology 16:93)
	 * recommend for α: the units are the sampled entities, and each keeps all its coders' values.
	 * <p>
	 * Only pairable units (at least two values) are resampled, since the others do not enter α. With
	 * {@code random = new SplittableRandom(seed)}, each of the B resamples (b = 1 … B, in order) draws the n
	 * pairable units with replacement, unit k = {@code random.nextInt(n)} n times in the units' order, and
	 * computes α<sub>b</sub> from the coincidences of the drawn units. A resample whose values all fall in one
	 * category has no α (no variation); such resamples are left out. With α = 1 − {@code level}, the bounds are
	 * the type-7 quantiles ({@link Quantiles}) of the defined α<sub>b</sub>:
	 * <pre>lower = Q(α / 2),  upper = Q(1 − α / 2)</pre>
	 * The interval is undefined when α itself is, and when α is undefined in more than a share
	 * 1 − {@code level} of the resamples (too few coded units: the left-out resamples would outweigh the tails).
	 * The work is O(B · n): units with the same category counts share one coincidence contribution.
 * See {@link #alphaCi(int[][], int[], int, long, double)} to resample clusters of units instead.
	 *
	 * @param data {@code data[coder][unit]}, {@link Agreement#MISSING} for missing values
	 * @param resamples B, the number of resamples, ≥ {@value #MIN_RESAMPLES}
	 * @param seed the seed of the random number generator
	 * @param level the confidence level, strictly between 0 and 1
	 * @throws IllegalArgumentException if the matrix is null, empty, ragged or holds a negative code other than
	 * {@link Agreement#MISSING}, {@code resamples} is below {@value #MIN_RESAMPLES}, or {@code level} is not
	 * strictly between 0 and 1
	 */
	public static Interval alphaCi(int[][] data, int resamples, long seed, double level) {
		Agreement.validate(data);
		int[] eachUnitAlone = new int[data[0].length];
		Arrays.setAll(eachUnitAlone, u -> u);
		return alphaCi(data, eachUnitAlone, resamples, seed, level);
	}

	/**
	 * A percentile bootstrap interval for nominal Krippendorff's α that resamples clusters of units rather than
	 * units: {@code clusters[u]} names the cluster of unit u (any int), and a cluster is drawn with all its units.
	 * Use it when units are not independent, e.g. α pooled over codes, where the units are (speaker turn, code)
	 * decisions and a turn with its decisions on every code is what was sampled. Clusters are taken in the order
	 * their first unit appears, and only clusters with at least one pairable unit are resampled; otherwise as
	 * {@link #alphaCi(int[][], int, long, double)}, which is this method with every unit its own cluster.
	 *
	 * @param clusters the cluster of each unit, one entry per unit
	 * @throws IllegalArgumentException as {@link #alphaCi(int[][], int, long, double)}, and if {@code clusters}
	 * does not have one entry per unit
	 */
	public static Interval alphaCi(int[][] data, int[] clusters, int resamples, long seed, double level) {
		Agreement.validate(data);
		int units = data[0].length;
		if (clusters == null || clusters.length != units) {
			throw new IllegalArgumentException("clusters must name one cluster per unit: expected " + units + ", got "
					+ (clusters == null ? "null" : clusters.length));
		}
		if (resamples < MIN_RESAMPLES) {
			throw new IllegalArgumentException(
					"resamples must be at least " + MIN_RESAMPLES + ", got " + resamples);
		}
		if (!(level > 0 && level < 1)) {
			throw new IllegalArgumentException("level must be strictly between 0 and 1, got " + level);
		}
		Coefficient estimate = Agreement.krippendorffAlphaNominal(data).alpha();
		if (!estimate.defined()) {
			Coefficient none = Coefficient.undefined("α is undefined: " + estimate.reason());
			return new Interval(estimate, none, none, resamples, seed, level);
		}
		int[] categories = Agreement.categories(data);
		int k = categories.length;
		// each pairable cluster's coincidences and number of pairable values, in order of first appearance
		Map<Integer, Integer> clusterIndex = new HashMap<>();
		List<double[][]> contributions = new ArrayList<>();
		List<int[]> valuesOf = new ArrayList<>(); // {pairable values}
		int[] values = new int[data.length];
		int[] counts = new int[k];
		for (int u = 0; u < units; u++) {
			int m = Agreement.unitCounts(data, u, categories, values, counts);
			if (m < 2) {
				continue;
			}
			Integer index = clusterIndex.get(clusters[u]);
			if (index == null) {
				index = contributions.size();
				clusterIndex.put(clusters[u], index);
				contributions.add(new double[k][k]);
				valuesOf.add(new int[1]);
			}
			Agreement.addCoincidences(counts, m, 1, contributions.get(index));
			valuesOf.get(index)[0] += m;
		}
		// clusters with the same coincidences are interchangeable: draw patterns, add each pattern once
		Map<List<Double>, Integer> patternIndex = new HashMap<>();
		List<double[][]> patterns = new ArrayList<>();
		List<Integer> patternValues = new ArrayList<>();
		int n = contributions.size();
		int[] clusterPattern = new int[n];
		for (int c = 0; c < n; c++) {
			List<Double> key = new ArrayList<>();
			for (double[] row : contributions.get(c)) {
				for (double v : row) {
					key.add(v);
				}
			}
			Integer index = patternIndex.get(key);
			if (index == null) {
				index = patterns.size();
				patternIndex.put(key, index);
				patterns.add(contributions.get(c));
				patternValues.add(valuesOf.get(c)[0]);
			}
			clusterPattern[c] = index;
		}
		int p = patterns.size();
		SplittableRandom random = new SplittableRandom(seed);
		int[] drawn = new int[p];
		double[] alphas = new double[resamples];
		int defined = 0;
		double[][] coincidences = new double[k][k];
		for (int b = 0; b < resamples; b++) {
			Arrays.fill(drawn, 0);
			for (int i = 0; i < n; i++) {
				drawn[clusterPattern[random.nextInt(n)]]++;
			}
			for (double[] row : coincidences) {
				Arrays.fill(row, 0);
			}
			int pairableValues = 0;
			for (int q = 0; q < p; q++) {
				if (drawn[q] == 0) {
					continue;
				}
				double[][] pattern = patterns.get(q);
				for (int c = 0; c < k; c++) {
					for (int d = 0; d < k; d++) {
						coincidences[c][d] += drawn[q] * pattern[c][d];
					}
				}
				pairableValues += drawn[q] * patternValues.get(q);
			}
			Coefficient alpha = Agreement.alpha(n, pairableValues, coincidences).alpha();
			if (alpha.defined()) {
				alphas[defined++] = alpha.value();
			}
		}
		int undefined = resamples - defined;
		if (undefined > (1 - level) * resamples) {
			Coefficient none = Coefficient.undefined("α has no variation to measure in " + undefined + " of "
					+ resamples + " resamples: too few coded units for an interval");
			return new Interval(estimate, none, none, resamples, seed, level);
		}
		double[] sorted = Arrays.copyOf(alphas, defined);
		Arrays.sort(sorted);
		double tail = (1 - level) / 2;
		return new Interval(estimate, Coefficient.of(Quantiles.type7(sorted, tail)),
				Coefficient.of(Quantiles.type7(sorted, 1 - tail)), resamples, seed, level);
	}

	/**
	 * The type-7 median of the resample holding {@code counts[k]} copies of {@code sorted[k]}, found by walking
	 * the counts instead of sorting the resample: O(n) rather than O(n log n), with the same result.
	 */
	private static double medianOfResample(double[] sorted, int[] counts) {
		int n = sorted.length;
		double h = (n - 1) * 0.5; // zero-based position of the median in the sorted resample
		int j = (int) Math.floor(h);
		double g = h - j;
		double lo = 0;
		double hi = 0;
		int seen = 0; // number of resample values before sorted[k]
		boolean loFound = false;
		for (int k = 0; k < n; k++) {
			seen += counts[k];
			if (!loFound && seen > j) {
				lo = sorted[k];
				loFound = true;
			}
			if (seen > j + 1 || (g == 0.0 && loFound)) {
				hi = sorted[k];
				break;
			}
		}
		if (g == 0.0 || lo == hi) {
			return lo;
		}
		return (1 - g) * lo + g * hi;
	}
}

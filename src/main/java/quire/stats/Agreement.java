package quire.stats;

import java.util.Arrays;
import java.util.Locale;

/**
 * Inter-coder agreement coefficients for nominal (unordered) categories.
 * <p>
 * Category codes are non-negative {@code int}s; {@link #MISSING} ({@code -1}) marks a value that a coder did not
 * supply. Reliability data are given as a matrix {@code data[coder][unit]}. Indices in error messages are
 * zero-based, matching the array indices.
 * <p>
 * No coefficient is ever returned as {@code NaN}: when a statistic cannot be computed (no variation, expected
 * agreement of 1, too few pairable values) the result is a {@link Coefficient#undefined(String) undefined}
 * coefficient carrying a plain-English reason.
 */
public final class Agreement {

	/** The code for a missing value. */
	public static final int MISSING = -1;

	private Agreement() {
	}

	/**
	 * A coefficient that is either a finite value or undefined with a reason.
	 *
	 * @param value the coefficient; {@code 0} and meaningless when {@code defined} is {@code false}
	 * @param defined whether the coefficient could be computed
	 * @param reason why the coefficient is undefined; empty when {@code defined} is {@code true}
	 */
	public record Coefficient(double value, boolean defined, String reason) {

		public Coefficient {
			if (defined) {
				if (!Double.isFinite(value)) {
					throw new IllegalArgumentException("a defined coefficient must be finite, got " + value);
				}
				if (!reason.isEmpty()) {
					throw new IllegalArgumentException("a defined coefficient has no reason, got \"" + reason + "\"");
				}
			}
			else {
				if (value != 0.0) {
					throw new IllegalArgumentException("an undefined coefficient has value 0, got " + value);
				}
				if (reason.isBlank()) {
					throw new IllegalArgumentException("an undefined coefficient needs a reason");
				}
			}
		}

		/** A defined coefficient; {@code value} must be finite. */
		public static Coefficient of(double value) {
			return new Coefficient(value, true, "");
		}

		/** An undefined coefficient with a plain-English {@code reason}. */
		public static Coefficient undefined(String reason) {
			return new Coefficient(0.0, false, reason);
		}

		/** The value to 3 decimals (e.g. {@code 0.743}), or {@code undefined (reason)}. */
		@Override
		public String toString() {
			return this.defined ? String.format(Locale.ROOT, "%.3f", this.value) : "undefined (" + this.reason + ")";
		}
	}

	/**
	 * Cohen's kappa for two coders.
	 *
	 * @param n the number of units coded by both coders
	 * @param observed the observed agreement p<sub>o</sub> (0 when {@code n} is 0)
	 * @param expected the agreement expected by chance p<sub>e</sub> (0 when {@code n} is 0)
	 * @param kappa κ = (p<sub>o</sub> − p<sub>e</sub>) / (1 − p<sub>e</sub>)
	 */
	public record KappaResult(int n, double observed, double expected, Coefficient kappa) {
	}

	/**
	 * Krippendorff's alpha for nominal data.
	 *
	 * @param pairableUnits the number of units with at least two values
	 * @param pairableValues n, the number of values in pairable units
	 * @param observedDisagreement D<sub>o</sub> (0 when there are fewer than two pairable values)
	 * @param expectedDisagreement D<sub>e</sub> (0 when there are fewer than two pairable values)
	 * @param alpha α = 1 − D<sub>o</sub> / D<sub>e</sub>
	 */
	public record AlphaResult(int pairableUnits, int pairableValues, double observedDisagreement,
			double expectedDisagreement, Coefficient alpha) {
	}

	/**
	 * Pairwise percent agreement.
	 * <p>
	 * Within every unit with at least two values, each unordered pair of values is a pairable pair; the result is
	 * the number of agreeing pairs divided by the number of pairable pairs, pooled over all units. For two coders
	 * without missing data this is the plain proportion of units on which they agree.
	 *
	 * @param data {@code data[coder][unit]}, {@link #MISSING} for missing values
	 * @return the proportion of agreeing pairs, undefined when no unit has two values
	 * @throws IllegalArgumentException if the matrix is null, empty, ragged or holds a negative code other than
	 * {@link #MISSING}
	 */
	public static Coefficient percentAgreement(int[][] data) {
		validate(data);
		int units = data[0].length;
		long pairs = 0;
		long agreeing = 0;
		int[] values = new int[data.length];
		for (int u = 0; u < units; u++) {
			int m = valuesOfUnit(data, u, values);
			for (int i = 0; i < m; i++) {
				for (int j = i + 1; j < m; j++) {
					pairs++;
					if (values[i] == values[j]) {
						agreeing++;
					}
				}
			}
		}
		if (pairs == 0) {
			return Coefficient.undefined("no unit has at least 2 coded values");
		}
		return Coefficient.of((double) agreeing / pairs);
	}

	/**
	 * Cohen's kappa for two coders over nominal categories.
	 * <p>
	 * Units where either coder's value is {@link #MISSING} are skipped. With n the number of remaining units,
	 * p<sub>o</sub> the proportion of them on which the coders agree and p<sub>e</sub> = Σ<sub>c</sub>
	 * (n<sub>a,c</sub> / n)(n<sub>b,c</sub> / n) the chance agreement from each coder's own marginals:
	 * <pre>κ = (p_o − p_e) / (1 − p_e)</pre>
	 * κ is undefined when no unit is coded by both coders, and when p<sub>e</sub> = 1 (both coders used one and
	 * the same category for every unit, so there is no variation).
	 *
	 * @param a the first coder's values, one per unit
	 * @param b the second coder's values, one per unit
	 * @throws IllegalArgumentException if an array is null or empty, the lengths differ, or a code is negative
	 * other than {@link #MISSING}
	 */
	public static KappaResult cohensKappa(int[] a, int[] b) {
		validate(new int[][] { a, b });
		int[] categories = categories(new int[][] { a, b });
		long[] countsA = new long[categories.length];
		long[] countsB = new long[categories.length];
		long n = 0;
		long agreeing = 0;
		for (int u = 0; u < a.length; u++) {
			if (a[u] == MISSING || b[u] == MISSING) {
				continue;
			}
			n++;
			if (a[u] == b[u]) {
				agreeing++;
			}
			countsA[Arrays.binarySearch(categories, a[u])]++;
			countsB[Arrays.binarySearch(categories, b[u])]++;
		}
		if (n == 0) {
			return new KappaResult(0, 0, 0, Coefficient.undefined("no unit is coded by both coders"));
		}
		long chanceProducts = 0; // n² · p_e, exact
		for (int c = 0; c < categories.length; c++) {
			chanceProducts += countsA[c] * countsB[c];
		}
		double nn = (double) n * n;
		double observed = (double) agreeing / n;
		double expected = chanceProducts / nn;
		if (chanceProducts == n * n) {
			return new KappaResult((int) n, observed, expected, Coefficient.undefined(
					"no variation: both coders used the single category " + a[firstCoded(a, b)]
							+ " for every unit, so expected agreement is 1"));
		}
		double kappa = (n * agreeing - chanceProducts) / (nn - chanceProducts);
		return new KappaResult((int) n, observed, expected, Coefficient.of(kappa));
	}

	/**
	 * Krippendorff's alpha for nominal data, by the coincidence-matrix method (Krippendorff 2011, "Computing
	 * Krippendorff's Alpha-Reliability").
	 * <p>
	 * Any number of coders is allowed and values may be missing. A unit u with m<sub>u</sub> ≥ 2 values is
	 * pairable; units with fewer values are ignored. Each pairable unit adds, for every ordered pair of its values
	 * (c, k) taken from different coders, 1 / (m<sub>u</sub> − 1) to the coincidence o<sub>ck</sub>. With
	 * n<sub>c</sub> = Σ<sub>k</sub> o<sub>ck</sub> and n = Σ<sub>c</sub> n<sub>c</sub> the number of pairable
	 * values, and the nominal metric δ(c, k) = 0 if c = k else 1:
	 * <pre>
	 * D_o = (1 / n) Σ_{c≠k} o_ck
	 * D_e = (1 / (n (n − 1))) Σ_{c≠k} n_c n_k
	 * α   = 1 − D_o / D_e
	 * </pre>
	 * α is undefined when there are fewer than 2 pairable values, and when all pairable values fall in a single
	 * category (no variation, D<sub>e</sub> = 0).
	 *
	 * @param data {@code data[coder][unit]}, {@link #MISSING} for missing values
	 * @throws IllegalArgumentException if the matrix is null, empty, ragged or holds a negative code other than
	 * {@link #MISSING}
	 */
	public static AlphaResult krippendorffAlphaNominal(int[][] data) {
		validate(data);
		int[] categories = categories(data);
		int k = categories.length;
		double[][] coincidences = new double[k][k];
		int units = data[0].length;
		int pairableUnits = 0;
		int pairableValues = 0;
		int[] values = new int[data.length];
		int[] counts = new int[k];
		for (int u = 0; u < units; u++) {
			int m = unitCounts(data, u, categories, values, counts);
			if (m < 2) {
				continue;
			}
			pairableUnits++;
			pairableValues += m;
			addCoincidences(counts, m, 1, coincidences);
		}
		if (pairableValues < 2) {
			return new AlphaResult(pairableUnits, pairableValues, 0, 0,
					Coefficient.undefined("fewer than 2 pairable values: no unit has at least 2 coded values"));
		}
		return alpha(pairableUnits, pairableValues, coincidences);
	}

	/**
	 * The category counts of unit {@code u}: {@code counts[i]} is how many coders gave {@code categories[i]};
	 * returns m<sub>u</sub>, the number of values. {@code values} is scratch space of one slot per coder.
	 */
	static int unitCounts(int[][] data, int u, int[] categories, int[] values, int[] counts) {
		int m = valuesOfUnit(data, u, values);
		Arrays.fill(counts, 0);
		for (int i = 0; i < m; i++) {
			counts[Arrays.binarySearch(categories, values[i])]++;
		}
		return m;
	}

	/**
	 * Adds {@code weight} copies of a pairable unit with these category counts and m values to the
	 * coincidence matrix: each ordered pair of values from different coders adds 1 / (m − 1).
	 */
	static void addCoincidences(int[] counts, int m, int weight, double[][] coincidences) {
		int k = counts.length;
		// Ordered pairs from different coders: m_c·m_k pairs for c ≠ k, m_c·(m_c − 1) for c = k.
		for (int c = 0; c < k; c++) {
			if (counts[c] == 0) {
				continue;
			}
			for (int d = 0; d < k; d++) {
				long pairs = (long) counts[c] * (c == d ? counts[c] - 1 : counts[d]);
				coincidences[c][d] += (double) weight * pairs / (m - 1);
			}
		}
	}

	/** Nominal α from a coincidence matrix of {@code pairableValues} (at least 2) pairable values. */
	static AlphaResult alpha(int pairableUnits, int pairableValues, double[][] coincidences) {
		int k = coincidences.length;
		double[] marginals = new double[k];
		double disagreeingCoincidences = 0;
		int usedCategories = 0;
		double n = pairableValues;
		for (int c = 0; c < k; c++) {
			for (int d = 0; d < k; d++) {
				marginals[c] += coincidences[c][d];
				if (c != d) {
					disagreeingCoincidences += coincidences[c][d];
				}
			}
			if (marginals[c] > 0) {
				usedCategories++;
			}
		}
		double sumOfSquares = 0;
		for (double nc : marginals) {
			sumOfSquares += nc * nc;
		}
		// Σ_{c≠k} n_c n_k = n² − Σ_c n_c²
		double observed = disagreeingCoincidences / n;
		double expected = (n * n - sumOfSquares) / (n * (n - 1));
		if (usedCategories < 2) {
			return new AlphaResult(pairableUnits, pairableValues, observed, 0, Coefficient.undefined(
					"no variation: all pairable values are in a single category, so expected disagreement is 0"));
		}
		return new AlphaResult(pairableUnits, pairableValues, observed, expected,
				Coefficient.of(1 - observed / expected));
	}

	/** Copies the non-missing values of unit {@code u} into {@code values}; returns how many there are. */
	private static int valuesOfUnit(int[][] data, int u, int[] values) {
		int m = 0;
		for (int[] coder : data) {
			if (coder[u] != MISSING) {
				values[m++] = coder[u];
			}
		}
		return m;
	}

	/** The distinct non-missing codes, sorted. */
	static int[] categories(int[][] data) {
		return Arrays.stream(data).flatMapToInt(Arrays::stream).filter(v -> v != MISSING).sorted().distinct()
				.toArray();
	}

	private static int firstCoded(int[] a, int[] b) {
		for (int u = 0; u < a.length; u++) {
			if (a[u] != MISSING && b[u] != MISSING) {
				return u;
			}
		}
		throw new IllegalStateException("no unit is coded by both coders");
	}

	/** Checks the matrix; callers outside null-marked code may still pass nulls, so those are checked too. */
	static void validate(int[][] data) {
		if (data == null) {
			throw new IllegalArgumentException("data must not be null");
		}
		if (data.length == 0) {
			throw new IllegalArgumentException("data has no coders");
		}
		for (int c = 0; c < data.length; c++) {
			if (data[c] == null) {
				throw new IllegalArgumentException("coder " + c + " is null");
			}
		}
		int units = data[0].length;
		if (units == 0) {
			throw new IllegalArgumentException("data has no units");
		}
		for (int c = 1; c < data.length; c++) {
			if (data[c].length != units) {
				throw new IllegalArgumentException(
						"coder " + c + " has " + data[c].length + " units, expected " + units);
			}
		}
		for (int c = 0; c < data.length; c++) {
			for (int u = 0; u < units; u++) {
				int value = data[c][u];
				if (value < 0 && value != MISSING) {
					throw new IllegalArgumentException("coder " + c + " has category " + value + " at unit " + u
							+ "; categories must be >= 0, or " + MISSING + " for missing");
				}
			}
		}
	}

}

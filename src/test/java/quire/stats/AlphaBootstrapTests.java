package quire.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import quire.stats.Bootstrap.Interval;

/**
 * The bootstrap interval for Krippendorff's α: checked against the exact bootstrap distribution of
 * Krippendorff's (2011) binary example, against a plain replay of the documented resampling, and for its
 * edge cases.
 */
final class AlphaBootstrapTests {

	private static final int M = Agreement.MISSING;

	/** Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section A: two observers, 10 units. */
	private static final int[][] KRIPPENDORFF_A = {
			{ 0, 1, 0, 0, 0, 0, 0, 0, 1, 0 },
			{ 1, 1, 1, 0, 0, 1, 0, 0, 0, 0 } };

	/** Krippendorff (2011), section C: 4 observers, 12 units, missing values; α = 0.743. */
	private static final int[][] KRIPPENDORFF_C = {
			{ 1, 2, 3, 3, 2, 1, 4, 1, 2, M, M, M },
			{ 1, 2, 3, 3, 2, 2, 4, 1, 2, 5, M, 3 },
			{ M, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, M },
			{ 1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, M } };

	@Test
	void boundsMatchTheExactBootstrapDistributionOfKrippendorffsBinaryExample() {
		// The 10 units fall into 4 patterns: (0,0) ×5, (0,1) ×3, (1,1) ×1, (1,0) ×1. Every resample is a
		// composition of 10 draws over them with multinomial probability; enumerate all 286 of them.
		int[][] patterns = { { 0, 0 }, { 0, 1 }, { 1, 1 }, { 1, 0 } };
		double[] p = { 0.5, 0.3, 0.1, 0.1 };
		List<double[]> distribution = new ArrayList<>(); // {alpha, probability}
		double definedMass = 0;
		for (int a = 0; a <= 10; a++) {
			for (int b = 0; a + b <= 10; b++) {
				for (int c = 0; a + b + c <= 10; c++) {
					int d = 10 - a - b - c;
					int[] n = { a, b, c, d };
					int[][] data = new int[2][10];
					int u = 0;
					for (int q = 0; q < 4; q++) {
						for (int i = 0; i < n[q]; i++, u++) {
							data[0][u] = patterns[q][0];
							data[1][u] = patterns[q][1];
						}
					}
					var alpha = Agreement.krippendorffAlphaNominal(data).alpha();
					if (!alpha.defined()) {
						continue;
					}
					double probability = multinomial(n) * Math.pow(p[0], a) * Math.pow(p[1], b) * Math.pow(p[2], c)
							* Math.pow(p[3], d);
					distribution.add(new double[] { alpha.value(), probability });
					definedMass += probability;
				}
			}
		}
		distribution.sort((x, y) -> Double.compare(x[0], y[0]));

		Interval ci = Bootstrap.alphaCi(KRIPPENDORFF_A, 20_000, 18, 0.95);

		assertThat(ci.estimate().value()).isCloseTo(0.095, within(0.0005));
		assertThat(ci.lower().value()).isBetween(exactQuantile(distribution, definedMass, 0.015),
				exactQuantile(distribution, definedMass, 0.035));
		assertThat(ci.upper().value()).isBetween(exactQuantile(distribution, definedMass, 0.965),
				exactQuantile(distribution, definedMass, 0.985));
	}

	@Test
	void intervalIsTheDocumentedResamplingReplayedUnitByUnit() {
		int resamples = 500;
		long seed = 7;
		Interval ci = Bootstrap.alphaCi(KRIPPENDORFF_C, resamples, seed, 0.95);

		// replay: the pairable units in order, n draws per resample, α of each resampled matrix
		int[] pairable = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }; // unit 11 has one value
		SplittableRandom random = new SplittableRandom(seed);
		double[] alphas = new double[resamples];
		int defined = 0;
		for (int b = 0; b < resamples; b++) {
			int[][] resample = new int[4][pairable.length];
			for (int i = 0; i < pairable.length; i++) {
				int unit = pairable[random.nextInt(pairable.length)];
				for (int coder = 0; coder < 4; coder++) {
					resample[coder][i] = KRIPPENDORFF_C[coder][unit];
				}
			}
			var alpha = Agreement.krippendorffAlphaNominal(resample).alpha();
			if (alpha.defined()) {
				alphas[defined++] = alpha.value();
			}
		}
		double[] sorted = Arrays.copyOf(alphas, defined);
		Arrays.sort(sorted);

		assertThat(ci.estimate().value()).isCloseTo(0.743, within(0.0005));
		assertThat(ci.lower().value()).isCloseTo(Quantiles.type7(sorted, 0.025), within(1e-9));
		assertThat(ci.upper().value()).isCloseTo(Quantiles.type7(sorted, 0.975), within(1e-9));
		assertThat(ci.lower().value()).isLessThan(ci.estimate().value());
		assertThat(ci.upper().value()).isGreaterThan(ci.estimate().value());
	}

	@Test
	void clustersAreDrawnWithAllTheirUnits() {
		// two copies of each unit, each pair one cluster: every resample holds both copies of what it draws
		int[][] doubled = new int[4][24];
		int[] clusters = new int[24];
		for (int u = 0; u < 12; u++) {
			for (int coder = 0; coder < 4; coder++) {
				doubled[coder][u] = KRIPPENDORFF_C[coder][u];
				doubled[coder][12 + u] = KRIPPENDORFF_C[coder][u];
			}
			clusters[u] = u;
			clusters[12 + u] = u;
		}
		int resamples = 400;
		Interval clustered = Bootstrap.alphaCi(doubled, clusters, resamples, 9, 0.95);

		SplittableRandom random = new SplittableRandom(9);
		double[] alphas = new double[resamples];
		for (int b = 0; b < resamples; b++) {
			int[][] resample = new int[4][22];
			for (int i = 0; i < 11; i++) { // clusters 0..10 are pairable, 11 is not
				int cluster = random.nextInt(11);
				for (int coder = 0; coder < 4; coder++) {
					resample[coder][2 * i] = doubled[coder][cluster];
					resample[coder][2 * i + 1] = doubled[coder][12 + cluster];
				}
			}
			alphas[b] = Agreement.krippendorffAlphaNominal(resample).alpha().value();
		}
		Arrays.sort(alphas);

		assertThat(clustered.lower().value()).isCloseTo(Quantiles.type7(alphas, 0.025), within(1e-9));
		assertThat(clustered.upper().value()).isCloseTo(Quantiles.type7(alphas, 0.975), within(1e-9));
		assertThatIllegalArgumentException().isThrownBy(() -> Bootstrap.alphaCi(doubled, new int[3], 1_000, 9, 0.95))
			.withMessageContaining("expected 24, got 3");
	}

	@Test
	void sameSeedGivesTheSameIntervalAndTheSettingsAreRecorded() {
		Interval first = Bootstrap.alphaCi(KRIPPENDORFF_C, 42);
		Interval second = Bootstrap.alphaCi(KRIPPENDORFF_C, 42);

		assertThat(second).isEqualTo(first);
		assertThat(first.resamples()).isEqualTo(Bootstrap.DEFAULT_RESAMPLES);
		assertThat(first.seed()).isEqualTo(42);
		assertThat(first.level()).isEqualTo(0.95);
	}

	@Test
	void moreUnitsWithTheSameAgreementGiveANarrowerInterval() {
		int[][] four = new int[2][40];
		for (int u = 0; u < 40; u++) {
			four[0][u] = KRIPPENDORFF_A[0][u % 10];
			four[1][u] = KRIPPENDORFF_A[1][u % 10];
		}
		Interval small = Bootstrap.alphaCi(KRIPPENDORFF_A, 2_000, 1, 0.95);
		Interval large = Bootstrap.alphaCi(four, 2_000, 1, 0.95);

		assertThat(large.upper().value() - large.lower().value())
			.isLessThan(small.upper().value() - small.lower().value());
	}

	@Test
	void perfectAgreementWithVariationGivesTheDegenerateIntervalOne() {
		int[][] data = { { 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0 },
				{ 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0 } };
		Interval ci = Bootstrap.alphaCi(data, 1_000, 3, 0.95);

		assertThat(ci.lower().value()).isEqualTo(1.0);
		assertThat(ci.upper().value()).isEqualTo(1.0);
	}

	@Test
	void aCodeOnOneUnitOfAHundredHasAnAlphaButNoInterval() {
		int[][] data = new int[2][100];
		data[0][0] = 1;
		data[1][0] = 1;
		Interval ci = Bootstrap.alphaCi(data, 1_000, 5, 0.95);

		assertThat(ci.estimate().value()).isEqualTo(1.0);
		assertThat(ci.lower().defined()).isFalse();
		assertThat(ci.lower().reason()).contains("too few coded units");
	}

	@Test
	void anUndefinedAlphaGivesAnUndefinedInterval() {
		Interval ci = Bootstrap.alphaCi(new int[][] { { 0, 0, 0 }, { 0, 0, 0 } }, 1_000, 5, 0.95);

		assertThat(ci.estimate().defined()).isFalse();
		assertThat(ci.lower().defined()).isFalse();
		assertThat(ci.upper().reason()).startsWith("α is undefined");
	}

	@Test
	void rejectsBadSettingsAndData() {
		assertThatIllegalArgumentException().isThrownBy(() -> Bootstrap.alphaCi(KRIPPENDORFF_A, 99, 1, 0.95))
			.withMessageContaining("resamples must be at least 100, got 99");
		assertThatIllegalArgumentException().isThrownBy(() -> Bootstrap.alphaCi(KRIPPENDORFF_A, 1000, 1, 1.0))
			.withMessageContaining("level must be strictly between 0 and 1");
		assertThatIllegalArgumentException().isThrownBy(() -> Bootstrap.alphaCi(new int[][] { { 0, 1 }, { 0 } }, 1))
			.withMessageContaining("coder 1 has 1 units, expected 2");
	}

	private static double multinomial(int[] n) {
		double result = factorial(Arrays.stream(n).sum());
		for (int k : n) {
			result /= factorial(k);
		}
		return result;
	}

	private static double factorial(int n) {
		double f = 1;
		for (int i = 2; i <= n; i++) {
			f *= i;
		}
		return f;
	}

	/** The smallest α whose cumulative probability, given a defined α, reaches p. */
	private static double exactQuantile(List<double[]> sortedDistribution, double definedMass, double p) {
		double cumulative = 0;
		for (double[] atom : sortedDistribution) {
			cumulative += atom[1] / definedMass;
			if (cumulative >= p - 1e-12) {
				return atom[0];
			}
		}
		return sortedDistribution.get(sortedDistribution.size() - 1)[0];
	}

}

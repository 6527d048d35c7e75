package quire.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Arrays;
import java.util.Random;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import quire.stats.Agreement.Coefficient;
import quire.stats.Bootstrap.Interval;

/**
 * Percentile bootstrap intervals for the median. Golden bounds come from the exact bootstrap distribution of the
 * median: for an odd sample x<sub>(1)</sub> &lt; … &lt; x<sub>(n)</sub>, a resample's median is ≤ x<sub>(k)</sub>
 * exactly when at least (n + 1)/2 of its n draws are among the k smallest values, so
 * P(m ≤ x<sub>(k)</sub>) = P(Binomial(n, k/n) ≥ (n + 1)/2). The tests only use cases where the wanted quantile
 * lies far (many standard errors of 10,000 resamples) from a jump of that distribution.
 */
final class BootstrapTests {

	private static final double[] ONE_TO_ELEVEN = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 };

	@Test
	void medianOfOneToElevenHasTheExactBootstrapPercentileInterval() {
		// n = 11, median when ≥ 6 draws: P(m ≤ 2) = P(Bin(11, 2/11) ≥ 6) = 0.0072, P(m ≤ 3) = 0.0512,
		// so Q(0.025) = 3; P(m ≤ 8) = 0.9488, P(m ≤ 9) = 0.9928, so Q(0.975) = 9
		// (standard error of an empirical proportion near 0.025 from 10,000 resamples: √(0.025·0.975/10⁴) = 0.0016)
		Interval interval = Bootstrap.medianCi(ONE_TO_ELEVEN, 10_000, 42L, 0.95);

		assertThat(interval.estimate()).isEqualTo(Coefficient.of(6));
		assertThat(interval.lower()).isEqualTo(Coefficient.of(3));
		assertThat(interval.upper()).isEqualTo(Coefficient.of(9));
		assertThat(interval.resamples()).isEqualTo(10_000);
		assertThat(interval.seed()).isEqualTo(42L);
		assertThat(interval.level()).isEqualTo(0.95);
	}

	@Test
	void twoValuesGiveAnIntervalFromTheSmallerToTheLarger() {
		// resamples of {0, 10}: {0,0} → 0 (p ¼), {0,10} or {10,0} → 5 (p ½), {10,10} → 10 (p ¼);
		// Q(0.025) = 0 and Q(0.975) = 10, the estimate is (0 + 10) / 2 = 5
		Interval interval = Bootstrap.medianCi(new double[] { 10, 0 }, 7L);

		assertThat(interval.estimate()).isEqualTo(Coefficient.of(5));
		assertThat(interval.lower()).isEqualTo(Coefficient.of(0));
		assertThat(interval.upper()).isEqualTo(Coefficient.of(10));
	}

	@Test
	void aNarrowLevelShrinksTheIntervalToTheCentralValue() {
		// resamples of {1, 2, 3}: P(m = 1) = P(≥ 2 of 3 draws are 1) = 3·(1/3)²·(2/3) + (1/3)³ = 7/27 = 0.259,
		// P(m = 3) = 7/27 likewise, P(m = 2) = 13/27; at level 0.4, Q(0.3) = 2 (0.259 < 0.3) and
		// Q(0.7) = 2 (20/27 = 0.741 > 0.7)
		Interval interval = Bootstrap.medianCi(new double[] { 3, 1, 2 }, 10_000, 1L, 0.4);

		assertThat(interval.lower()).isEqualTo(Coefficient.of(2));
		assertThat(interval.upper()).isEqualTo(Coefficient.of(2));
		assertThat(interval.estimate()).isEqualTo(Coefficient.of(2));
	}

	@Test
	void sameSeedGivesTheSameInterval() {
		double[] values = sample(new Random(2024), 37);

		Interval first = Bootstrap.medianCi(values, 2_000, 123L, 0.9);
		Interval second = Bootstrap.medianCi(values.clone(), 2_000, 123L, 0.9);

		assertThat(second).isEqualTo(first);
	}

	@Test
	void differentSeedsDrawDifferentResamples() {
		// 40 distinct values, even n, 100 resamples: the bounds interpolate between bootstrap medians, so the
		// resamples drawn show through
		double[] values = sample(new Random(5), 40);

		Interval a = Bootstrap.medianCi(values, 100, 1L, 0.95);
		Interval b = Bootstrap.medianCi(values, 100, 2L, 0.95);

		assertThat(a.estimate()).isEqualTo(b.estimate());
		assertThat(a.lower()).isNotEqualTo(b.lower());
	}

	@Test
	void resamplesAreDrawnAsDocumented() {
		// an independent, plain implementation of the documented procedure: draw, sort, type-7 median, quantiles
		double[] values = sample(new Random(99), 24);
		int resamples = 500;
		long seed = 314L;
		double level = 0.8;

		double[] sorted = values.clone();
		Arrays.sort(sorted);
		SplittableRandom random = new SplittableRandom(seed);
		double[] medians = new double[resamples];
		for (int b = 0; b < resamples; b++) {
			double[] resample = new double[sorted.length];
			for (int i = 0; i < resample.length; i++) {
				resample[i] = sorted[random.nextInt(sorted.length)];
			}
			Arrays.sort(resample);
			medians[b] = Quantiles.median(resample).value();
		}
		Arrays.sort(medians);

		Interval interval = Bootstrap.medianCi(values, resamples, seed, level);

		assertThat(interval.lower().value()).isEqualTo(Quantiles.type7(medians, 0.1));
		assertThat(interval.upper().value()).isEqualTo(Quantiles.type7(medians, 0.9));
		assertThat(interval.estimate()).isEqualTo(Quantiles.median(values));
	}

	@Test
	void theEstimateLiesWithinTheIntervalForTypicalSamples() {
		Random data = new Random(11);
		for (int trial = 0; trial < 20; trial++) {
			double[] values = sample(data, 5 + trial * 3);

			Interval interval = Bootstrap.medianCi(values, 1_000, trial, 0.95);

			assertThat(interval.lower().value()).as("trial %d", trial)
					.isLessThanOrEqualTo(interval.estimate().value());
			assertThat(interval.estimate().value()).as("trial %d", trial)
					.isLessThanOrEqualTo(interval.upper().value());
		}
	}

	@Test
	void aSingleValueGivesADegenerateInterval() {
		Interval interval = Bootstrap.medianCi(new double[] { 3.7 }, 5L);

		assertThat(interval.estimate()).isEqualTo(Coefficient.of(3.7));
		assertThat(interval.lower()).isEqualTo(Coefficient.of(3.7));
		assertThat(interval.upper()).isEqualTo(Coefficient.of(3.7));
	}

	@Test
	void equalValuesGiveADegenerateIntervalWithoutRoundingError() {
		Interval interval = Bootstrap.medianCi(new double[] { 0.1, 0.1, 0.1, 0.1 }, 5L);

		assertThat(interval.lower()).isEqualTo(Coefficient.of(0.1));
		assertThat(interval.estimate()).isEqualTo(Coefficient.of(0.1));
		assertThat(interval.upper()).isEqualTo(Coefficient.of(0.1));
	}

	@Test
	void noValuesGiveAnUndefinedIntervalThatStillRecordsTheSettings() {
		Interval interval = Bootstrap.medianCi(new double[0], 500, 9L, 0.9);

		assertThat(interval.estimate().defined()).isFalse();
		assertThat(interval.lower().defined()).isFalse();
		assertThat(interval.upper().defined()).isFalse();
		assertThat(interval.lower()).hasToString("undefined (no values)");
		assertThat(interval.resamples()).isEqualTo(500);
		assertThat(interval.seed()).isEqualTo(9L);
		assertThat(interval.level()).isEqualTo(0.9);
	}

	@Test
	void theDefaultIsTenThousandResamplesAtNinetyFivePercent() {
		Interval byDefault = Bootstrap.medianCi(ONE_TO_ELEVEN, 17L);

		assertThat(byDefault.resamples()).isEqualTo(10_000);
		assertThat(byDefault.level()).isEqualTo(0.95);
		assertThat(byDefault).isEqualTo(Bootstrap.medianCi(ONE_TO_ELEVEN, 10_000, 17L, 0.95));
	}

	@Test
	void inputIsNotReordered() {
		double[] values = { 3, 1, 2 };

		Bootstrap.medianCi(values, 100, 1L, 0.95);

		assertThat(values).containsExactly(3, 1, 2);
	}

	@Test
	void rejectsTooFewResamplesAndLevelsOutsideZeroToOne() {
		assertThatIllegalArgumentException().isThrownBy(() -> Bootstrap.medianCi(ONE_TO_ELEVEN, 99, 1L, 0.95))
				.withMessage("resamples must be at least 100, got 99");
		assertThatIllegalArgumentException().isThrownBy(() -> Bootstrap.medianCi(ONE_TO_ELEVEN, 100, 1L, 0.0))
				.withMessage("level must be strictly between 0 and 1, got 0.0");
		assertThatIllegalArgumentException().isThrownBy(() -> Bootstrap.medianCi(ONE_TO_ELEVEN, 100, 1L, 1.0))
				.withMessage("level must be strictly between 0 and 1, got 1.0");
		assertThatIllegalArgumentException().isThrownBy(() -> Bootstrap.medianCi(ONE_TO_ELEVEN, 100, 1L, 95))
				.withMessage("level must be strictly between 0 and 1, got 95.0");
		assertThatIllegalArgumentException()
				.isThrownBy(() -> Bootstrap.medianCi(ONE_TO_ELEVEN, 100, 1L, Double.NaN))
				.withMessage("level must be strictly between 0 and 1, got NaN");
	}

	@Test
	void rejectsNullNaNAndInfiniteValues() {
		assertThatIllegalArgumentException().isThrownBy(() -> Bootstrap.medianCi(null, 1L))
				.withMessage("values must not be null");
		assertThatIllegalArgumentException()
				.isThrownBy(() -> Bootstrap.medianCi(new double[] { 1, Double.POSITIVE_INFINITY }, 1L))
				.withMessage("values[1] must be a finite number, got Infinity");
	}

	/** {@code n} distinct-in-practice values, log-normal like response times. */
	private static double[] sample(Random random, int n) {
		double[] values = new double[n];
		for (int i = 0; i < n; i++) {
			values[i] = Math.exp(random.nextGaussian());
		}
		return values;
	}
}

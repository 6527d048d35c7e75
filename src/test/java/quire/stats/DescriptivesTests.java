package quire.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import quire.stats.Agreement.Coefficient;
import quire.stats.Descriptives.Summary;

/** Hand-computed golden values and edge cases of the descriptive statistics. */
final class DescriptivesTests {

	@Test
	void summaryMatchesHandComputedValues() {
		// Σx = 40, x̄ = 5, Σ(x − x̄)² = 9+1+1+1+0+0+4+16 = 32, s = √(32/7) = 2.13809
		Summary summary = Descriptives.of(new double[] { 2, 4, 4, 4, 5, 5, 7, 9 });

		assertThat(summary.n()).isEqualTo(8);
		assertThat(summary.mean().value()).isCloseTo(5.0, within(1e-12));
		assertThat(summary.sd().value()).isCloseTo(Math.sqrt(32.0 / 7), within(1e-12));
		assertThat(summary.sd()).hasToString("2.138");
		assertThat(summary.min().value()).isEqualTo(2.0);
		assertThat(summary.max().value()).isEqualTo(9.0);
	}

	@Test
	void summaryOfNegativeAndFractionalValues() {
		// x̄ = (−1.5 + 0.5 + 4) / 3 = 1, Σ(x − x̄)² = 6.25 + 0.25 + 9 = 15.5, s = √7.75 = 2.78388
		Summary summary = Descriptives.of(new double[] { -1.5, 0.5, 4 });

		assertThat(summary.mean().value()).isCloseTo(1.0, within(1e-12));
		assertThat(summary.sd().value()).isCloseTo(Math.sqrt(7.75), within(1e-12));
		assertThat(summary.min().value()).isEqualTo(-1.5);
		assertThat(summary.max().value()).isEqualTo(4.0);
	}

	@Test
	void standardDeviationIsStableForLargeOffsets() {
		Summary summary = Descriptives.of(new double[] { 1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16 });

		assertThat(summary.mean().value()).isCloseTo(1e9 + 10, within(1e-6));
		assertThat(summary.sd().value()).isCloseTo(Math.sqrt(90.0 / 3), within(1e-9));
	}

	@Test
	void identicalValuesHaveZeroStandardDeviation() {
		Summary summary = Descriptives.of(new double[] { 3, 3, 3 });

		assertThat(summary.sd().defined()).isTrue();
		assertThat(summary.sd().value()).isZero();
	}

	@Test
	void singleValueHasUndefinedStandardDeviation() {
		Summary summary = Descriptives.of(new double[] { 4.5 });

		assertThat(summary.n()).isEqualTo(1);
		assertThat(summary.mean().value()).isEqualTo(4.5);
		assertThat(summary.min().value()).isEqualTo(4.5);
		assertThat(summary.max().value()).isEqualTo(4.5);
		assertThat(summary.sd().defined()).isFalse();
		assertThat(summary.sd().reason()).isEqualTo("a standard deviation needs at least 2 values");
	}

	@Test
	void emptySampleIsAllUndefined() {
		Summary summary = Descriptives.of(new double[0]);

		assertThat(summary.n()).isZero();
		for (Coefficient statistic : new Coefficient[] { summary.mean(), summary.sd(), summary.min(),
				summary.max() }) {
			assertThat(statistic.defined()).isFalse();
			assertThat(statistic.reason()).isEqualTo("no values");
		}
	}

	@Test
	void meanThatOverflowsIsUndefinedNotInfinite() {
		Summary summary = Descriptives.of(new double[] { Double.MAX_VALUE, Double.MAX_VALUE });

		assertThat(summary.mean().defined()).isFalse();
		assertThat(summary.max().value()).isEqualTo(Double.MAX_VALUE);
	}

	@Test
	void rejectsNullNaNAndInfiniteValues() {
		assertThatIllegalArgumentException().isThrownBy(() -> Descriptives.of(null))
				.withMessage("values must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> Descriptives.of(new double[] { 1, Double.NaN }))
				.withMessage("values[1] must be a finite number, got NaN");
		assertThatIllegalArgumentException()
				.isThrownBy(() -> Descriptives.of(new double[] { Double.POSITIVE_INFINITY }))
				.withMessage("values[0] must be a finite number, got Infinity");
	}

	@Test
	void shareIsCountOverTotal() {
		assertThat(Descriptives.share(3, 8).value()).isEqualTo(0.375);
		assertThat(Descriptives.share(0, 5).value()).isZero();
		assertThat(Descriptives.share(5, 5).value()).isEqualTo(1.0);
	}

	@Test
	void shareOfNothingIsUndefined() {
		Coefficient share = Descriptives.share(0, 0);

		assertThat(share.defined()).isFalse();
		assertThat(share.reason()).isEqualTo("no cases (n = 0)");
	}

	@Test
	void shareRejectsImpossibleCounts() {
		assertThatIllegalArgumentException().isThrownBy(() -> Descriptives.share(1, -1))
				.withMessage("n must not be negative, got -1");
		assertThatIllegalArgumentException().isThrownBy(() -> Descriptives.share(-1, 4))
				.withMessage("count must not be negative, got -1");
		assertThatIllegalArgumentException().isThrownBy(() -> Descriptives.share(5, 4))
				.withMessage("count must not exceed n, got count 5 and n 4");
	}
}

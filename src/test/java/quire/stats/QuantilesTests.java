package quire.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;

import quire.stats.Quantiles.Spread;

/**
 * Golden values from R's default {@code quantile(x)} (type 7): Q(p) = x<sub>(j)</sub> + g · (x<sub>(j+1)</sub> −
 * x<sub>(j)</sub>) with h = (n − 1)p + 1, j = ⌊h⌋, g = h − j.
 */
final class QuantilesTests {

	@Test
	void oneToTenMatchesRsDefaultQuantiles() {
		// quantile(1:10) in R: 25% 3.25, 50% 5.5, 75% 7.75
		Spread spread = Quantiles.of(new double[] { 10, 9, 8, 7, 6, 5, 4, 3, 2, 1 });

		assertThat(spread.n()).isEqualTo(10);
		// p = 0.5: h = 9 · 0.5 + 1 = 5.5 → x(5) + 0.5 · (x(6) − x(5)) = 5 + 0.5 = 5.5
		assertThat(spread.median().value()).isCloseTo(5.5, within(1e-12));
		// p = 0.25: h = 9 · 0.25 + 1 = 3.25 → 3 + 0.25 · (4 − 3) = 3.25
		assertThat(spread.q1().value()).isCloseTo(3.25, within(1e-12));
		// p = 0.75: h = 9 · 0.75 + 1 = 7.75 → 7 + 0.75 · (8 − 7) = 7.75
		assertThat(spread.q3().value()).isCloseTo(7.75, within(1e-12));
		// IQR(1:10) = 7.75 − 3.25 = 4.5
		assertThat(spread.iqr().value()).isCloseTo(4.5, within(1e-12));
	}

	@Test
	void sampleWithTiesMatchesRsDefaultQuantiles() {
		// sorted: 2 4 4 4 5 5 7 9 (n = 8)
		Spread spread = Quantiles.of(new double[] { 5, 2, 9, 4, 7, 4, 5, 4 });

		// p = 0.5: h = 7 · 0.5 + 1 = 4.5 → x(4) + 0.5 · (x(5) − x(4)) = 4 + 0.5 · 1 = 4.5
		assertThat(spread.median().value()).isCloseTo(4.5, within(1e-12));
		// p = 0.25: h = 7 · 0.25 + 1 = 2.75 → x(2) = x(3) = 4, so 4 exactly
		assertThat(spread.q1().value()).isEqualTo(4.0);
		// p = 0.75: h = 7 · 0.75 + 1 = 6.25 → x(6) + 0.25 · (x(7) − x(6)) = 5 + 0.25 · 2 = 5.5
		assertThat(spread.q3().value()).isCloseTo(5.5, within(1e-12));
		assertThat(spread.iqr().value()).isCloseTo(1.5, within(1e-12));
	}

	@Test
	void oddSampleHasTheMiddleValueAsMedian() {
		// sorted 1 3 8 (n = 3): h = 2 · 0.5 + 1 = 2 → x(2) = 3; q1: h = 1.5 → 1 + 0.5 · 2 = 2; q3: h = 2.5 → 5.5
		Spread spread = Quantiles.of(new double[] { 8, 1, 3 });

		assertThat(spread.median().value()).isEqualTo(3.0);
		assertThat(spread.q1().value()).isCloseTo(2.0, within(1e-12));
		assertThat(spread.q3().value()).isCloseTo(5.5, within(1e-12));
	}

	@Test
	void singleValueIsEveryQuantileWithZeroSpread() {
		Spread spread = Quantiles.of(new double[] { 4.2 });

		assertThat(spread.n()).isEqualTo(1);
		assertThat(spread.median().value()).isEqualTo(4.2);
		assertThat(spread.q1().value()).isEqualTo(4.2);
		assertThat(spread.q3().value()).isEqualTo(4.2);
		assertThat(spread.iqr().value()).isEqualTo(0.0);
	}

	@Test
	void equalValuesGiveThatValueExactlyWithoutRoundingError() {
		// (1 − g)·x + g·x need not equal x in floating point; R, and Quantiles, skip the interpolation for ties
		Spread spread = Quantiles.of(new double[] { 0.1, 0.1, 0.1, 0.1 });

		assertThat(spread.q1().value()).isEqualTo(0.1);
		assertThat(spread.median().value()).isEqualTo(0.1);
		assertThat(spread.q3().value()).isEqualTo(0.1);
		assertThat(spread.iqr().value()).isEqualTo(0.0);
	}

	@Test
	void emptySampleIsUndefinedNotNaN() {
		Spread spread = Quantiles.of(new double[0]);

		assertThat(spread.n()).isZero();
		assertThat(spread.median().defined()).isFalse();
		assertThat(spread.q1().defined()).isFalse();
		assertThat(spread.q3().defined()).isFalse();
		assertThat(spread.iqr().defined()).isFalse();
		assertThat(spread.median()).hasToString("undefined (no values)");
		assertThat(Quantiles.median(new double[0]).defined()).isFalse();
	}

	@Test
	void medianAloneMatchesTheSpreadsMedian() {
		double[] values = { 2, 4, 4, 4, 5, 5, 7, 9 };

		assertThat(Quantiles.median(values)).isEqualTo(Quantiles.of(values).median());
	}

	@Test
	void inputIsNotReordered() {
		double[] values = { 3, 1, 2 };

		Quantiles.of(values);

		assertThat(values).containsExactly(3, 1, 2);
	}

	@Test
	void extremeValuesOfOppositeSignDoNotOverflowTheQuantiles() {
		double big = Double.MAX_VALUE;
		Spread spread = Quantiles.of(new double[] { -big, big });

		// median = 0.5 · (−big) + 0.5 · big = 0, whereas −big + 0.5 · (big − (−big)) would overflow
		assertThat(spread.median().value()).isEqualTo(0.0);
		assertThat(spread.iqr().defined()).isTrue();
		// q1 ≈ −big/2, q3 ≈ big/2, IQR ≈ big (up to rounding of 0.75 · big)
		assertThat(spread.iqr().value()).isCloseTo(big, withinPercentage(1e-9));
	}

	@Test
	void rejectsNullNaNAndInfiniteValuesNamingThePosition() {
		assertThatIllegalArgumentException().isThrownBy(() -> Quantiles.of(null))
				.withMessage("values must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> Quantiles.of(new double[] { 1, Double.NaN }))
				.withMessage("values[1] must be a finite number, got NaN");
		assertThatIllegalArgumentException()
				.isThrownBy(() -> Quantiles.of(new double[] { Double.NEGATIVE_INFINITY }))
				.withMessage("values[0] must be a finite number, got -Infinity");
	}
}

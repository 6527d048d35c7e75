package quire.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;

import quire.stats.Agreement.Coefficient;
import quire.stats.Icc.Form;
import quire.stats.Icc.Reading;
import quire.stats.Icc.Result;

/** Golden values from Shrout &amp; Fleiss (1979) and R {@code irr::icc}, and properties of the ICC. */
final class IccTests {

	/**
	 * Shrout &amp; Fleiss (1979), Table 2: 6 targets rated by 4 judges. Mean squares: MSR (BMS) = 11.24,
	 * MSC (JMS) = 32.49, MSW (WMS) = 6.26, MSE (EMS) = 1.02.
	 */
	private static final double[][] SHROUT_FLEISS = {
			{ 9, 2, 5, 8 },
			{ 6, 1, 3, 2 },
			{ 8, 4, 6, 8 },
			{ 7, 1, 2, 6 },
			{ 10, 5, 6, 9 },
			{ 6, 2, 4, 7 } };

	// --- Shrout & Fleiss (1979) Table 2: published point estimates (0.17, 0.29, 0.71), exact 0.1657, 0.2898, 0.7148

	@Test
	void oneWaySingleMatchesShroutFleiss() {
		Result result = Icc.icc(SHROUT_FLEISS, Form.ONE_WAY_SINGLE);

		assertThat(result.form()).isEqualTo(Form.ONE_WAY_SINGLE);
		assertThat(result.targets()).isEqualTo(6);
		assertThat(result.raters()).isEqualTo(4);
		assertThat(result.icc().value()).isCloseTo(0.166, within(0.0005));
		assertThat(result.reading()).isEqualTo(Reading.POOR);
	}

	@Test
	void twoWayRandomAbsoluteSingleMatchesShroutFleiss() {
		Result result = Icc.icc(SHROUT_FLEISS, Form.TWO_WAY_RANDOM_ABSOLUTE_SINGLE);

		assertThat(result.icc().value()).isCloseTo(0.290, within(0.0005));
		// exact: (MSR − MSE) / (MSR + 3 MSE + 4 (MSC − MSE) / 6) = 0.28976...
		assertThat(result.icc().value()).isCloseTo(0.2897638, within(1e-7));
		assertThat(result.reading()).isEqualTo(Reading.POOR);
	}

	@Test
	void twoWayMixedConsistencySingleMatchesShroutFleiss() {
		Result result = Icc.icc(SHROUT_FLEISS, Form.TWO_WAY_MIXED_CONSISTENCY_SINGLE);

		assertThat(result.icc().value()).isCloseTo(0.715, within(0.0005));
		assertThat(result.reading()).isEqualTo(Reading.GOOD);
	}

	@Test
	void icc21IsTheTwoWayRandomAbsoluteForm() {
		assertThat(Icc.icc21(SHROUT_FLEISS)).isEqualTo(Icc.icc(SHROUT_FLEISS, Form.TWO_WAY_RANDOM_ABSOLUTE_SINGLE));
	}

	// --- 95% confidence intervals: R irr::icc for the same data

	@Test
	void twoWayRandomAbsoluteIntervalMatchesIrr() {
		// irr::icc(model = "twoway", type = "agreement"): 0.019 < ICC < 0.761 (Satterthwaite df v = 4.785)
		Result result = Icc.icc21(SHROUT_FLEISS);

		assertThat(result.lower().value()).isCloseTo(0.019, within(0.005));
		assertThat(result.upper().value()).isCloseTo(0.761, within(0.005));
	}

	@Test
	void oneWayIntervalMatchesIrr() {
		// irr::icc(model = "oneway"): −0.133 < ICC < 0.723 (exact F with df 5 and 18)
		Result result = Icc.icc(SHROUT_FLEISS, Form.ONE_WAY_SINGLE);

		assertThat(result.lower().value()).isCloseTo(-0.133, within(0.005));
		assertThat(result.upper().value()).isCloseTo(0.723, within(0.005));
	}

	@Test
	void twoWayConsistencyIntervalMatchesIrr() {
		// irr::icc(model = "twoway", type = "consistency"): 0.342 < ICC < 0.946 (exact F with df 5 and 15)
		Result result = Icc.icc(SHROUT_FLEISS, Form.TWO_WAY_MIXED_CONSISTENCY_SINGLE);

		assertThat(result.lower().value()).isCloseTo(0.342, within(0.005));
		assertThat(result.upper().value()).isCloseTo(0.946, within(0.005));
	}

	@Test
	void intervalContainsTheEstimateForRandomData() {
		Random random = new Random(42);
		for (int trial = 0; trial < 200; trial++) {
			int n = 2 + random.nextInt(20);
			int k = 2 + random.nextInt(6);
			double[][] ratings = new double[n][k];
			for (int i = 0; i < n; i++) {
				double target = random.nextGaussian() * 2;
				for (int j = 0; j < k; j++) {
					ratings[i][j] = target + random.nextGaussian() + j * 0.3;
				}
			}
			for (Form form : Form.values()) {
				Result result = Icc.icc(ratings, form);
				assertThat(result.icc().defined()).isTrue();
				if (result.lower().defined() && result.upper().defined()) {
					assertThat(result.lower().value()).isLessThanOrEqualTo(result.icc().value() + 1e-9);
					assertThat(result.upper().value()).isGreaterThanOrEqualTo(result.icc().value() - 1e-9);
					assertThat(result.upper().value()).isLessThanOrEqualTo(1.0 + 1e-9);
				}
			}
		}
	}

	// --- properties

	@Test
	void perfectAgreementWithVariationIsOne() {
		double[][] ratings = { { 0.1, 0.1, 0.1 }, { 0.7, 0.7, 0.7 }, { 0.3, 0.3, 0.3 }, { 2.9, 2.9, 2.9 } };

		for (Form form : Form.values()) {
			Result result = Icc.icc(ratings, form);
			assertThat(result.icc().value()).as(form.label()).isCloseTo(1.0, within(1e-12));
			assertThat(result.lower().value()).as(form.label()).isCloseTo(1.0, within(1e-12));
			assertThat(result.upper().value()).as(form.label()).isCloseTo(1.0, within(1e-12));
			assertThat(result.reading()).isEqualTo(Reading.EXCELLENT);
		}
	}

	@Test
	void constantRaterOffsetIsPerfectConsistencyButNotPerfectAgreement() {
		double[][] ratings = { { 1, 3 }, { 2, 4 }, { 3, 5 }, { 4, 6 } };

		assertThat(Icc.icc(ratings, Form.TWO_WAY_MIXED_CONSISTENCY_SINGLE).icc().value()).isCloseTo(1.0,
				within(1e-12));
		// MSR = 10/3, MSC = 8, MSE = 0: ICC(2,1) = (10/3) / (10/3 + 2·8/4) = 0.4545...
		Result absolute = Icc.icc21(ratings);
		assertThat(absolute.icc().value()).isCloseTo(10.0 / 22, within(1e-12));
		assertThat(absolute.lower().defined()).isTrue();
		assertThat(absolute.upper().defined()).isTrue();
	}

	@Test
	void iccIsInvariantUnderShiftAndScale() {
		double[][] shifted = new double[SHROUT_FLEISS.length][];
		for (int i = 0; i < shifted.length; i++) {
			shifted[i] = new double[SHROUT_FLEISS[i].length];
			for (int j = 0; j < shifted[i].length; j++) {
				shifted[i][j] = 1e9 + 3e5 * SHROUT_FLEISS[i][j];
			}
		}
		for (Form form : Form.values()) {
			Result expected = Icc.icc(SHROUT_FLEISS, form);
			Result actual = Icc.icc(shifted, form);
			assertThat(actual.icc().value()).isCloseTo(expected.icc().value(), within(1e-9));
			assertThat(actual.lower().value()).isCloseTo(expected.lower().value(), within(1e-9));
			assertThat(actual.upper().value()).isCloseTo(expected.upper().value(), within(1e-9));
		}
	}

	@Test
	void hugeRatingsDoNotOverflow() {
		double[][] ratings = { { 1e300, 2e300 }, { -1e300, -1.5e300 }, { 1.7e308, 1.6e308 } };

		for (Form form : Form.values()) {
			assertThat(Icc.icc(ratings, form).icc().defined()).isTrue();
		}
	}

	@Test
	void identicalRatingsAreUndefined() {
		double[][] ratings = { { 0.1, 0.1, 0.1 }, { 0.1, 0.1, 0.1 }, { 0.1, 0.1, 0.1 } };

		for (Form form : Form.values()) {
			Result result = Icc.icc(ratings, form);
			assertThat(result.icc().defined()).isFalse();
			assertThat(result.icc().reason()).startsWith("no variation between targets");
			assertThat(result.lower().defined()).isFalse();
			assertThat(result.upper().defined()).isFalse();
			assertThat(result.reading()).isEqualTo(Reading.UNDEFINED);
		}
	}

	@Test
	void ratersDifferingOnlyByAConstantWithIdenticalTargetsLeaveConsistencyUndefined() {
		double[][] ratings = { { 1, 5 }, { 1, 5 }, { 1, 5 } };

		Result consistency = Icc.icc(ratings, Form.TWO_WAY_MIXED_CONSISTENCY_SINGLE);
		assertThat(consistency.icc().defined()).isFalse();
		assertThat(consistency.icc().reason()).contains("no variation between targets");
		// absolute agreement is defined and as bad as it gets: (0 − 0) / (0 + 0 + 2·8/3) = 0
		assertThat(Icc.icc21(ratings).icc().value()).isCloseTo(0.0, within(1e-12));
	}

	@Test
	void noVariationBetweenTargetsOrRatersLeavesAbsoluteAgreementUndefinedForTwoByTwo() {
		double[][] ratings = { { 1, 2 }, { 2, 1 } };

		Result result = Icc.icc21(ratings);
		assertThat(result.icc().defined()).isFalse();
		assertThat(result.icc().reason()).isEqualTo("no variation between targets and no variation between raters");
		assertThat(result.reading()).isEqualTo(Reading.UNDEFINED);
	}

	// --- readings (Cicchetti 1994)

	@Test
	void readingFollowsCicchettiThresholds() {
		assertThat(Reading.of(Coefficient.of(-0.3))).isEqualTo(Reading.POOR);
		assertThat(Reading.of(Coefficient.of(0.399))).isEqualTo(Reading.POOR);
		assertThat(Reading.of(Coefficient.of(0.40))).isEqualTo(Reading.FAIR);
		assertThat(Reading.of(Coefficient.of(0.599))).isEqualTo(Reading.FAIR);
		assertThat(Reading.of(Coefficient.of(0.60))).isEqualTo(Reading.GOOD);
		assertThat(Reading.of(Coefficient.of(0.749))).isEqualTo(Reading.GOOD);
		assertThat(Reading.of(Coefficient.of(0.75))).isEqualTo(Reading.EXCELLENT);
		assertThat(Reading.of(Coefficient.of(1.0))).isEqualTo(Reading.EXCELLENT);
		assertThat(Reading.of(Coefficient.undefined("no variation"))).isEqualTo(Reading.UNDEFINED);
	}

	@Test
	void labelsAreReadable() {
		assertThat(Form.ONE_WAY_SINGLE.label()).isEqualTo("ICC(1,1) one-way random, single rater");
		assertThat(Form.TWO_WAY_RANDOM_ABSOLUTE_SINGLE.label())
				.isEqualTo("ICC(2,1) two-way random, absolute agreement, single rater");
		assertThat(Form.TWO_WAY_MIXED_CONSISTENCY_SINGLE.label())
				.isEqualTo("ICC(3,1) two-way mixed, consistency, single rater");
		assertThat(Reading.POOR.label()).isEqualTo("poor");
		assertThat(Reading.FAIR.label()).isEqualTo("fair");
		assertThat(Reading.GOOD.label()).isEqualTo("good");
		assertThat(Reading.EXCELLENT.label()).isEqualTo("excellent");
		assertThat(Reading.UNDEFINED.label()).isEqualTo("cannot be assessed");
	}

	// --- invalid input

	@Test
	void rejectsNullRatingsAndForm() {
		assertThatIllegalArgumentException().isThrownBy(() -> Icc.icc21(null))
				.withMessage("ratings must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> Icc.icc(SHROUT_FLEISS, null))
				.withMessage("form must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> Icc.icc21(new double[][] { { 1, 2 }, null }))
				.withMessage("target 1 is null");
	}

	@Test
	void rejectsFewerThanTwoTargets() {
		assertThatIllegalArgumentException().isThrownBy(() -> Icc.icc21(new double[][] { { 1, 2, 3 } }))
				.withMessage("ratings needs at least 2 targets (rows), got 1");
		assertThatIllegalArgumentException().isThrownBy(() -> Icc.icc21(new double[0][]))
				.withMessage("ratings needs at least 2 targets (rows), got 0");
	}

	@Test
	void rejectsFewerThanTwoRaters() {
		assertThatIllegalArgumentException().isThrownBy(() -> Icc.icc21(new double[][] { { 1 }, { 2 } }))
				.withMessage("ratings needs at least 2 raters (columns), got 1");
	}

	@Test
	void rejectsRaggedMatrix() {
		assertThatIllegalArgumentException()
				.isThrownBy(() -> Icc.icc21(new double[][] { { 1, 2, 3 }, { 1, 2, 3 }, { 1, 2 } }))
				.withMessage("ratings is ragged: target 2 has 2 ratings but target 0 has 3");
	}

	@Test
	void rejectsNaNAndInfiniteRatings() {
		assertThatIllegalArgumentException()
				.isThrownBy(() -> Icc.icc21(new double[][] { { 1, 2 }, { 3, Double.NaN } }))
				.withMessage("rating of target 1 by rater 1 must be a finite number, got NaN");
		assertThatIllegalArgumentException()
				.isThrownBy(() -> Icc.icc21(new double[][] { { Double.NEGATIVE_INFINITY, 2 }, { 3, 4 } }))
				.withMessage("rating of target 0 by rater 0 must be a finite number, got -Infinity");
	}
}

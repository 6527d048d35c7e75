package quire.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;

import quire.stats.Agreement.AlphaResult;
import quire.stats.Agreement.Coefficient;
import quire.stats.Agreement.KappaResult;

/** Golden values from the literature and properties of the agreement coefficients. */
final class AgreementTests {

	private static final int M = Agreement.MISSING;

	/** Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 observers, 12 units. */
	private static final int[][] KRIPPENDORFF_C = {
			{ 1, 2, 3, 3, 2, 1, 4, 1, 2, M, M, M },
			{ 1, 2, 3, 3, 2, 2, 4, 1, 2, 5, M, 3 },
			{ M, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, M },
			{ 1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, M } };

	/** Krippendorff (2011), section A: two observers, binary data, 10 units. */
	private static final int[][] KRIPPENDORFF_A = {
			{ 0, 1, 0, 0, 0, 0, 0, 0, 1, 0 },
			{ 1, 1, 1, 0, 0, 1, 0, 0, 0, 0 } };

	// --- Krippendorff's alpha: published examples

	@Test
	void alphaMatchesKrippendorffNominalExampleWithMissingValues() {
		AlphaResult result = Agreement.krippendorffAlphaNominal(KRIPPENDORFF_C);

		assertThat(result.pairableUnits()).isEqualTo(11); // unit 12 has a single value
		assertThat(result.pairableValues()).isEqualTo(40);
		assertThat(result.alpha().defined()).isTrue();
		assertThat(result.alpha().value()).isCloseTo(0.743, within(0.0005));
		assertThat(result.alpha()).hasToString("0.743");
	}

	@Test
	void alphaMatchesKrippendorffBinaryTwoObserverExample() {
		AlphaResult result = Agreement.krippendorffAlphaNominal(KRIPPENDORFF_A);

		assertThat(result.pairableUnits()).isEqualTo(10);
		assertThat(result.pairableValues()).isEqualTo(20);
		// o_01 = o_10 = 4, n_0 = 14, n_1 = 6: D_o = 8/20, D_e = 2·14·6 / (20·19)
		assertThat(result.observedDisagreement()).isCloseTo(8.0 / 20, within(1e-12));
		assertThat(result.expectedDisagreement()).isCloseTo(168.0 / 380, within(1e-12));
		assertThat(result.alpha().value()).isCloseTo(0.095, within(0.0005));
	}

	// --- Cohen's kappa: textbook examples

	@Test
	void kappaMatchesTextbookExampleOfFiftyItems() {
		KappaResult result = kappaOfTable(20, 5, 10, 15);

		assertThat(result.n()).isEqualTo(50);
		assertThat(result.observed()).isCloseTo(0.70, within(1e-12));
		assertThat(result.expected()).isCloseTo(0.50, within(1e-12));
		assertThat(result.kappa().value()).isCloseTo(0.40, within(1e-12));
	}

	@Test
	void kappaMatchesWikipediaSecondExample() {
		KappaResult result = kappaOfTable(45, 15, 25, 15);

		assertThat(result.n()).isEqualTo(100);
		assertThat(result.observed()).isCloseTo(0.60, within(1e-12));
		assertThat(result.expected()).isCloseTo(0.54, within(1e-12));
		assertThat(result.kappa().value()).isCloseTo(0.1304, within(0.00005));
	}

	@Test
	void kappaSkipsUnitsWithAMissingValue() {
		int[] a = { 1, 0, 1, M, 0, 1 };
		int[] b = { 1, 0, 0, 1, M, 1 };

		KappaResult result = Agreement.cohensKappa(a, b);

		// Remaining units: (1,1) (0,0) (1,0) (1,1): p_o = 3/4, p_e = (3/4)(2/4) + (1/4)(2/4) = 1/2, κ = 1/2
		assertThat(result.n()).isEqualTo(4);
		assertThat(result.observed()).isCloseTo(0.75, within(1e-12));
		assertThat(result.expected()).isCloseTo(0.5, within(1e-12));
		assertThat(result.kappa().value()).isCloseTo(0.5, within(1e-12));
	}

	// --- Percent agreement

	@Test
	void percentAgreementOfTwoCodersIsTheProportionOfAgreeingUnits() {
		assertThat(Agreement.percentAgreement(KRIPPENDORFF_A).value()).isCloseTo(0.6, within(1e-12));
	}

	@Test
	void percentAgreementPoolsValuePairsAndIgnoresUnpairableUnits() {
		int[][] data = {
				{ 1, 1, 1 },
				{ 1, 1, M },
				{ 1, 2, M } };

		// Unit 1: 3 of 3 pairs agree; unit 2: 1 of 3; unit 3 has a single value.
		assertThat(Agreement.percentAgreement(data).value()).isCloseTo(4.0 / 6, within(1e-12));
	}

	@Test
	void percentAgreementIsUndefinedWithoutPairableUnits() {
		Coefficient result = Agreement.percentAgreement(new int[][] { { 1, M }, { M, 2 } });

		assertThat(result.defined()).isFalse();
		assertThat(result).hasToString("undefined (no unit has at least 2 coded values)");
	}

	// --- Properties

	@Test
	void perfectAgreementWithVariationGivesOne() {
		int[] codes = { 0, 1, 2, 1, 0, 2, 2 };

		assertThat(Agreement.cohensKappa(codes, codes.clone()).kappa()).isEqualTo(Coefficient.of(1.0));
		assertThat(Agreement.krippendorffAlphaNominal(new int[][] { codes, codes.clone(), codes.clone() }).alpha())
				.isEqualTo(Coefficient.of(1.0));
		assertThat(Agreement.percentAgreement(new int[][] { codes, codes.clone() }).value()).isEqualTo(1.0);
	}

	@Test
	void singleCategoryIsUndefinedForKappaAndAlphaNotNaN() {
		int[] codes = { 3, 3, 3, 3 };

		KappaResult kappa = Agreement.cohensKappa(codes, codes.clone());
		AlphaResult alpha = Agreement.krippendorffAlphaNominal(new int[][] { codes, codes.clone() });

		assertThat(kappa.kappa().defined()).isFalse();
		assertThat(kappa.kappa().value()).isNotNaN();
		assertThat(kappa.kappa().reason()).startsWith("no variation");
		assertThat(kappa.kappa().toString()).startsWith("undefined (no variation");
		assertThat(alpha.alpha().defined()).isFalse();
		assertThat(alpha.alpha().value()).isNotNaN();
		assertThat(alpha.alpha().reason()).startsWith("no variation");
		// Percent agreement is still defined: the coders do agree.
		assertThat(Agreement.percentAgreement(new int[][] { codes, codes.clone() }).value()).isEqualTo(1.0);
	}

	@Test
	void alphaIsUndefinedWithFewerThanTwoPairableValues() {
		AlphaResult result = Agreement.krippendorffAlphaNominal(new int[][] { { 1, M }, { M, 2 } });

		assertThat(result.pairableUnits()).isZero();
		assertThat(result.alpha().defined()).isFalse();
		assertThat(result.alpha().reason()).contains("fewer than 2 pairable values");
	}

	@Test
	void kappaIsUndefinedWhenNoUnitIsCodedByBoth() {
		KappaResult result = Agreement.cohensKappa(new int[] { 1, M }, new int[] { M, 2 });

		assertThat(result.n()).isZero();
		assertThat(result.kappa().defined()).isFalse();
	}

	@Test
	void kappaAndAlphaNeverExceedOneOnRandomMatrices() {
		for (int seed = 0; seed < 200; seed++) {
			Random random = new Random(seed);
			int coders = 2 + random.nextInt(4);
			int units = 1 + random.nextInt(30);
			int categories = 1 + random.nextInt(5);
			int[][] data = new int[coders][units];
			for (int c = 0; c < coders; c++) {
				for (int u = 0; u < units; u++) {
					data[c][u] = random.nextDouble() < 0.2 ? M : random.nextInt(categories);
				}
			}

			assertWellFormedAndAtMostOne(Agreement.krippendorffAlphaNominal(data).alpha(), seed);
			assertWellFormedAndAtMostOne(Agreement.cohensKappa(data[0], data[1]).kappa(), seed);
			assertWellFormedAndAtMostOne(Agreement.percentAgreement(data), seed);
		}
	}

	@Test
	void alphaIsCloseToKappaForTwoCodersWithLargeSamples() {
		int units = 1000;
		for (int seed = 0; seed < 20; seed++) {
			Random random = new Random(seed);
			double copy = 0.3 + 0.6 * random.nextDouble();
			int[] a = new int[units];
			int[] b = new int[units];
			for (int u = 0; u < units; u++) {
				a[u] = skewed(random);
				b[u] = random.nextDouble() < copy ? a[u] : skewed(random);
			}

			double kappa = Agreement.cohensKappa(a, b).kappa().value();
			double alpha = Agreement.krippendorffAlphaNominal(new int[][] { a, b }).alpha().value();

			assertThat(Math.abs(alpha - kappa)).as("seed %d: alpha %f, kappa %f", seed, alpha, kappa)
					.isLessThan(0.02);
		}
	}

	// --- Invalid input

	@Test
	void rejectsNullAndEmptyInput() {
		assertThatIllegalArgumentException().isThrownBy(() -> Agreement.krippendorffAlphaNominal(null))
				.withMessage("data must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> Agreement.percentAgreement(new int[0][]))
				.withMessage("data has no coders");
		assertThatIllegalArgumentException().isThrownBy(() -> Agreement.krippendorffAlphaNominal(new int[2][0]))
				.withMessage("data has no units");
		assertThatIllegalArgumentException().isThrownBy(() -> Agreement.cohensKappa(new int[] { 1 }, null))
				.withMessage("coder 1 is null");
	}

	@Test
	void rejectsRaggedRowsNamingTheCoder() {
		int[][] data = { new int[12], new int[12], new int[11] };

		assertThatIllegalArgumentException().isThrownBy(() -> Agreement.krippendorffAlphaNominal(data))
				.withMessage("coder 2 has 11 units, expected 12");
		assertThatIllegalArgumentException()
				.isThrownBy(() -> Agreement.cohensKappa(new int[] { 1, 2, 3 }, new int[] { 1, 2 }))
				.withMessage("coder 1 has 2 units, expected 3");
	}

	@Test
	void rejectsNegativeCategoriesOtherThanMissing() {
		int[][] data = { { 1, 2, 3 }, { 1, -5, 3 } };

		assertThatIllegalArgumentException().isThrownBy(() -> Agreement.percentAgreement(data))
				.withMessage("coder 1 has category -5 at unit 1; categories must be >= 0, or -1 for missing");
	}

	@Test
	void coefficientRejectsNaN() {
		assertThatIllegalArgumentException().isThrownBy(() -> Coefficient.of(Double.NaN))
				.withMessageContaining("NaN");
	}

	// --- Helpers

	private static void assertWellFormedAndAtMostOne(Coefficient coefficient, int seed) {
		assertThat(coefficient.value()).as("seed %d", seed).isNotNaN().isLessThanOrEqualTo(1.0 + 1e-12);
		if (!coefficient.defined()) {
			assertThat(coefficient.reason()).as("seed %d", seed).isNotBlank();
		}
	}

	/** Categories 0..3 with probabilities 0.4, 0.3, 0.2, 0.1. */
	private static int skewed(Random random) {
		double p = random.nextDouble();
		return p < 0.4 ? 0 : p < 0.7 ? 1 : p < 0.9 ? 2 : 3;
	}

	/** Cohen's kappa of two yes (1) / no (0) raters given the counts of a 2×2 table, rater A in rows. */
	private static KappaResult kappaOfTable(int yesYes, int yesNo, int noYes, int noNo) {
		int n = yesYes + yesNo + noYes + noNo;
		int[] a = new int[n];
		int[] b = new int[n];
		int u = 0;
		for (int[] cell : new int[][] { { 1, 1, yesYes }, { 1, 0, yesNo }, { 0, 1, noYes }, { 0, 0, noNo } }) {
			for (int i = 0; i < cell[2]; i++, u++) {
				a[u] = cell[0];
				b[u] = cell[1];
			}
		}
		return Agreement.cohensKappa(a, b);
	}

}

package quire.stats;

import org.apache.commons.math3.distribution.FDistribution;

import quire.stats.Agreement.Coefficient;

/**
 * Intraclass correlation coefficients (ICC) for interval-scaled ratings, with 95% confidence intervals.
 * <p>
 * Ratings are given as a complete matrix {@code ratings[target][rater]} of n ≥ 2 targets (the things rated, e.g.
 * sessions or transcripts) by k ≥ 2 raters. Indices in error messages are zero-based, matching the array indices.
 * <p>
 * All forms are computed from the two-way ANOVA mean squares (Shrout &amp; Fleiss 1979, Table 1; McGraw &amp; Wong
 * 1996, Table 4), with x̄<sub>i·</sub> the mean of target i, x̄<sub>·j</sub> the mean of rater j and x̄ the grand
 * mean:
 * <pre>
 * MSR = k Σ_i (x̄_i· − x̄)² / (n − 1)                          between targets
 * MSC = n Σ_j (x̄_·j − x̄)² / (k − 1)                          between raters
 * MSW = Σ_i Σ_j (x_ij − x̄_i·)² / (n (k − 1))                  within targets
 * MSE = Σ_i Σ_j (x_ij − x̄_i· − x̄_·j + x̄)² / ((n − 1)(k − 1))  residual
 * </pre>
 * Since every ICC is invariant under a common shift and scaling of the ratings, the ratings are first scaled by a
 * power of two (which is exact) so that no sum of squares can overflow. A sum of squares below
 * n·k·10<sup>−24</sup> of the squared largest absolute rating, i.e. variation smaller than 10<sup>−12</sup> of the
 * ratings' magnitude, is floating-point noise and is treated as exactly zero.
 * <p>
 * No coefficient is ever returned as {@code NaN}: when an ICC cannot be computed (for instance all ratings are
 * identical) it is an {@link Coefficient#undefined(String) undefined} coefficient with a plain-English reason, and
 * so are its confidence limits.
 * <p>
 * References: P. E. Shrout and J. L. Fleiss (1979), "Intraclass correlations: uses in assessing rater
 * reliability", Psychological Bulletin 86(2), 420–428. K. O. McGraw and S. P. Wong (1996), "Forming inferences
 * about some intraclass correlation coefficients", Psychological Methods 1(1), 30–46. D. V. Cicchetti (1994),
 * "Guidelines, criteria, and rules of thumb for evaluating normed and standardized assessment instruments in
 * psychology", Psychological Assessment 6(4), 284–290.
 */
public final class Icc {

	/** The confidence level of the interval in {@link Result}: 95%. */
	public static final double CONFIDENCE = 0.95;

	/** Sums of squares at or below {@code n·k·NOISE²} (after scaling the ratings to magnitude ≤ 2) count as zero. */
	private static final double NOISE = 1e-12;

	private Icc() {
	}

	/** The ICC forms of Shrout &amp; Fleiss (1979), all for the reliability of a single rater. */
	public enum Form {

		/**
		 * ICC(1,1): one-way random effects, single rater (McGraw &amp; Wong: ICC(1)). Each target may be rated by a
		 * different set of raters; rater effects are part of the error.
		 * <pre>ICC(1,1) = (MSR − MSW) / (MSR + (k − 1) MSW)</pre>
		 */
		ONE_WAY_SINGLE("ICC(1,1) one-way random, single rater"),

		/**
		 * ICC(2,1): two-way random effects, absolute agreement, single rater (McGraw &amp; Wong: ICC(A,1)). Raters
		 * are a random sample of raters; systematic differences between raters count against agreement.
		 * <pre>ICC(2,1) = (MSR − MSE) / (MSR + (k − 1) MSE + k (MSC − MSE) / n)</pre>
		 */
		TWO_WAY_RANDOM_ABSOLUTE_SINGLE("ICC(2,1) two-way random, absolute agreement, single rater"),

		/**
		 * ICC(3,1): two-way mixed effects, consistency, single rater (McGraw &amp; Wong: ICC(C,1)). The raters are
		 * the only raters of interest; systematic differences between raters are ignored.
		 * <pre>ICC(3,1) = (MSR − MSE) / (MSR + (k − 1) MSE)</pre>
		 */
		TWO_WAY_MIXED_CONSISTENCY_SINGLE("ICC(3,1) two-way mixed, consistency, single rater");

		private final String label;

		Form(String label) {
			this.label = label;
		}

		/** A label for reports, e.g. {@code ICC(2,1) two-way random, absolute agreement, single rater}. */
		public String label() {
			return this.label;
		}
	}

	/**
	 * How reliable an ICC is by the guidelines of Cicchetti (1994): below 0.40 poor, 0.40 to below 0.60 fair, 0.60
	 * to below 0.75 good, 0.75 and above excellent.
	 */
	public enum Reading {

		/** ICC &lt; 0.40 (including negative values). */
		POOR("poor"),

		/** 0.40 ≤ ICC &lt; 0.60. */
		FAIR("fair"),

		/** 0.60 ≤ ICC &lt; 0.75. */
		GOOD("good"),

		/** ICC ≥ 0.75. */
		EXCELLENT("excellent"),

		/** The ICC is undefined. */
		UNDEFINED("cannot be assessed");

		private final String label;

		Reading(String label) {
			this.label = label;
		}

		/** The reading in plain words, e.g. {@code good}. */
		public String label() {
			return this.label;
		}

		/**
		 * The reading of a coefficient; the thresholds apply to the unrounded value, so 0.599 is fair.
		 *
		 * @param icc an intraclass correlation
		 * @return {@link #UNDEFINED} when {@code icc} is undefined
		 */
		public static Reading of(Coefficient icc) {
			if (!icc.defined()) {
				return UNDEFINED;
			}
			double value = icc.value();
			if (value < 0.40) {
				return POOR;
			}
			if (value < 0.60) {
				return FAIR;
			}
			if (value < 0.75) {
				return GOOD;
			}
			return EXCELLENT;
		}
	}

	/**
	 * An intraclass correlation with its 95% confidence interval.
	 *
	 * @param form the ICC form
	 * @param targets n, the number of targets (rows)
	 * @param raters k, the number of raters (columns)
	 * @param icc the point estimate
	 * @param lower the lower limit of the 95% confidence interval; undefined when {@code icc} is
	 * @param upper the upper limit of the 95% confidence interval; undefined when {@code icc} is
	 * @param reading the {@link Reading#of(Coefficient) reading} of {@code icc}
	 */
	public record Result(Form form, int targets, int raters, Coefficient icc, Coefficient lower, Coefficient upper,
			Reading reading) {
	}

	/**
	 * ICC(2,1), two-way random effects, absolute agreement, single rater: the usual choice when the raters are a
	 * sample of interchangeable raters and their absolute scores matter. Same as
	 * {@code icc(ratings, Form.TWO_WAY_RANDOM_ABSOLUTE_SINGLE)}.
	 *
	 * @see #icc(double[][], Form)
	 */
	public static Result icc21(double[][] ratings) {
		return icc(ratings, Form.TWO_WAY_RANDOM_ABSOLUTE_SINGLE);
	}

	/**
	 * The intraclass correlation of the given form with its 95% confidence interval.
	 * <p>
	 * With α = 0.05 and F<sub>q</sub>(d<sub>1</sub>, d<sub>2</sub>) the q-quantile of the F distribution, the
	 * confidence limits are those of Shrout &amp; Fleiss (1979) and McGraw &amp; Wong (1996, Table 7), as computed by
	 * SPSS and R's {@code irr::icc}:
	 * <ul>
	 * <li>ICC(1,1): F<sub>0</sub> = MSR / MSW, F<sub>L</sub> = F<sub>0</sub> / F<sub>1−α/2</sub>(n − 1, n(k − 1)),
	 * F<sub>U</sub> = F<sub>0</sub> · F<sub>1−α/2</sub>(n(k − 1), n − 1); limits (F<sub>L</sub> − 1) /
	 * (F<sub>L</sub> + k − 1) and (F<sub>U</sub> − 1) / (F<sub>U</sub> + k − 1).</li>
	 * <li>ICC(3,1): the same with F<sub>0</sub> = MSR / MSE and error df (n − 1)(k − 1).</li>
	 * <li>ICC(2,1), approximate F with Satterthwaite degrees of freedom: with ρ̂ the estimate,
	 * a = kρ̂ / (n(1 − ρ̂)), b = 1 + kρ̂(n − 1) / (n(1 − ρ̂)),
	 * v = (a MSC + b MSE)² / ((a MSC)² / (k − 1) + (b MSE)² / ((n − 1)(k − 1))),
	 * F<sub>L</sub> = F<sub>1−α/2</sub>(n − 1, v), F<sub>U</sub> = F<sub>1−α/2</sub>(v, n − 1):
	 * <pre>
	 * lower = n (MSR − F_L MSE) / (F_L (k MSC + (kn − k − n) MSE) + n MSR)
	 * upper = n (F_U MSR − MSE) / (k MSC + (kn − k − n) MSE + n F_U MSR)
	 * </pre></li>
	 * </ul>
	 * When the error mean square is zero while the targets vary (perfect agreement), the F ratio is infinite and
	 * both limits are 1, the limit of the formulas. The ICC is undefined when its denominator is zero (for instance
	 * when all ratings are identical); the limits are then undefined too.
	 *
	 * @param ratings {@code ratings[target][rater]}, complete (no missing values)
	 * @param form the ICC form
	 * @throws IllegalArgumentException if {@code ratings} or {@code form} is null, there are fewer than 2 targets or
	 * 2 raters, the matrix is ragged, or a rating is NaN or infinite
	 */
	public static Result icc(double[][] ratings, Form form) {
		if (form == null) {
			throw new IllegalArgumentException("form must not be null");
		}
		double[][] x = scaledCopy(ratings);
		int n = x.length;
		int k = x[0].length;
		MeanSquares ms = MeanSquares.of(x);
		Coefficient[] estimate = switch (form) {
			case ONE_WAY_SINGLE -> oneWay(ms, n, k);
			case TWO_WAY_RANDOM_ABSOLUTE_SINGLE -> twoWayAbsolute(ms, n, k);
			case TWO_WAY_MIXED_CONSISTENCY_SINGLE -> twoWayConsistency(ms, n, k);
		};
		return new Result(form, n, k, estimate[0], estimate[1], estimate[2], Reading.of(estimate[0]));
	}

	/** The ANOVA mean squares of a scaled rating matrix, with noise-level values set to exactly 0. */
	private record MeanSquares(double msr, double msc, double msw, double mse) {

		static MeanSquares of(double[][] x) {
			int n = x.length;
			int k = x[0].length;
			double[] rowMeans = new double[n];
			double[] colMeans = new double[k];
			double grand = 0;
			for (int i = 0; i < n; i++) {
				for (int j = 0; j < k; j++) {
					rowMeans[i] += x[i][j];
					colMeans[j] += x[i][j];
					grand += x[i][j];
				}
			}
			for (int i = 0; i < n; i++) {
				rowMeans[i] /= k;
			}
			for (int j = 0; j < k; j++) {
				colMeans[j] /= n;
			}
			grand /= (double) n * k;
			double ssr = 0;
			for (double rowMean : rowMeans) {
				ssr += (rowMean - grand) * (rowMean - grand);
			}
			ssr *= k;
			double ssc = 0;
			for (double colMean : colMeans) {
				ssc += (colMean - grand) * (colMean - grand);
			}
			ssc *= n;
			double ssw = 0;
			double sse = 0;
			for (int i = 0; i < n; i++) {
				for (int j = 0; j < k; j++) {
					double within = x[i][j] - rowMeans[i];
					double residual = within - colMeans[j] + grand;
					ssw += within * within;
					sse += residual * residual;
				}
			}
			double noise = (double) n * k * NOISE * NOISE;
			return new MeanSquares(denoise(ssr, noise) / (n - 1), denoise(ssc, noise) / (k - 1),
					denoise(ssw, noise) / ((double) n * (k - 1)), denoise(sse, noise) / ((double) (n - 1) * (k - 1)));
		}

		private static double denoise(double sumOfSquares, double noise) {
			return sumOfSquares <= noise ? 0.0 : sumOfSquares;
		}
	}

	private static Coefficient[] oneWay(MeanSquares ms, int n, int k) {
		if (ms.msr() == 0 && ms.msw() == 0) {
			return undefined("no variation between targets: all ratings are identical");
		}
		double icc = (ms.msr() - ms.msw()) / (ms.msr() + (k - 1) * ms.msw());
		return withFInterval(icc, ms.msr(), ms.msw(), n - 1, (double) n * (k - 1), k);
	}

	private static Coefficient[] twoWayConsistency(MeanSquares ms, int n, int k) {
		if (ms.msr() == 0 && ms.mse() == 0) {
			return undefined(ms.msc() == 0 ? "no variation between targets: all ratings are identical"
					: "no variation between targets and no residual variation: raters differ only by a constant");
		}
		double icc = (ms.msr() - ms.mse()) / (ms.msr() + (k - 1) * ms.mse());
		return withFInterval(icc, ms.msr(), ms.mse(), n - 1, (double) (n - 1) * (k - 1), k);
	}

	/**
	 * The ICC with the exact F-based interval of Shrout &amp; Fleiss (1979) for ICC(1,1) and ICC(3,1); F<sub>0</sub>
	 * = {@code between / error}.
	 */
	private static Coefficient[] withFInterval(double icc, double between, double error, double df1, double df2,
			int k) {
		if (error == 0) {
			// F0 is infinite: (F − 1) / (F + k − 1) → 1
			return new Coefficient[] { Coefficient.of(icc), Coefficient.of(1.0), Coefficient.of(1.0) };
		}
		double f0 = between / error;
		double q = 1 - (1 - CONFIDENCE) / 2;
		double fl = f0 / quantile(q, df1, df2);
		double fu = f0 * quantile(q, df2, df1);
		return new Coefficient[] { Coefficient.of(icc), limit((fl - 1) / (fl + k - 1)),
				limit((fu - 1) / (fu + k - 1)) };
	}

	private static Coefficient[] twoWayAbsolute(MeanSquares ms, int n, int k) {
		double msr = ms.msr();
		double msc = ms.msc();
		double mse = ms.mse();
		double denominator = msr + (k - 1) * mse + k * (msc - mse) / n;
		if (denominator == 0) {
			// (k − 1) − k/n ≥ 0, so this needs MSR = MSC = 0 and either MSE = 0 or n = k = 2
			return undefined(mse == 0 ? "no variation between targets: all ratings are identical"
					: "no variation between targets and no variation between raters");
		}
		double icc = (msr - mse) / denominator;
		if (mse == 0 && msc == 0) {
			// perfect agreement with variation between targets: ICC = 1 and both limits tend to 1
			return new Coefficient[] { Coefficient.of(icc), Coefficient.of(1.0), Coefficient.of(1.0) };
		}
		double a = k * icc / (n * (1 - icc));
		double b = 1 + k * icc * (n - 1) / (n * (1 - icc));
		double numerator = (a * msc + b * mse) * (a * msc + b * mse);
		double v = numerator / ((a * msc) * (a * msc) / (k - 1) + (b * mse) * (b * mse) / ((double) (n - 1) * (k - 1)));
		if (!(v > 0) || !Double.isFinite(v)) {
			return new Coefficient[] { Coefficient.of(icc),
					Coefficient.undefined("the Satterthwaite degrees of freedom are not positive"),
					Coefficient.undefined("the Satterthwaite degrees of freedom are not positive") };
		}
		double q = 1 - (1 - CONFIDENCE) / 2;
		double fl = quantile(q, n - 1, v);
		double fu = quantile(q, v, n - 1);
		double c = k * msc + ((double) k * n - k - n) * mse;
		double lower = n * (msr - fl * mse) / (fl * c + n * msr);
		double upper = n * (fu * msr - mse) / (c + n * fu * msr);
		return new Coefficient[] { Coefficient.of(icc), limit(lower), limit(upper) };
	}

	private static double quantile(double p, double df1, double df2) {
		return new FDistribution(df1, df2).inverseCumulativeProbability(p);
	}

	private static Coefficient limit(double value) {
		return Double.isFinite(value) ? Coefficient.of(value)
				: Coefficient.undefined("the confidence limit cannot be computed from these mean squares");
	}

	private static Coefficient[] undefined(String reason) {
		Coefficient none = Coefficient.undefined(reason);
		return new Coefficient[] { none, none, none };
	}

	/** Validates {@code ratings} and returns a copy scaled by a power of two so that every value is at most 2. */
	private static double[][] scaledCopy(double[][] ratings) {
		if (ratings == null) {
			throw new IllegalArgumentException("ratings must not be null");
		}
		if (ratings.length < 2) {
			throw new IllegalArgumentException("ratings needs at least 2 targets (rows), got " + ratings.length);
		}
		for (int i = 0; i < ratings.length; i++) {
			if (ratings[i] == null) {
				throw new IllegalArgumentException("target " + i + " is null");
			}
		}
		int k = ratings[0].length;
		if (k < 2) {
			throw new IllegalArgumentException("ratings needs at least 2 raters (columns), got " + k);
		}
		double maxAbs = 0;
		for (int i = 0; i < ratings.length; i++) {
			if (ratings[i].length != k) {
				throw new IllegalArgumentException("ratings is ragged: target " + i + " has " + ratings[i].length
						+ " ratings but target 0 has " + k);
			}
			for (int j = 0; j < k; j++) {
				double value = ratings[i][j];
				if (!Double.isFinite(value)) {
					throw new IllegalArgumentException(
							"rating of target " + i + " by rater " + j + " must be a finite number, got " + value);
				}
				maxAbs = Math.max(maxAbs, Math.abs(value));
			}
		}
		int exponent = maxAbs == 0 ? 0 : Math.getExponent(maxAbs);
		double[][] copy = new double[ratings.length][k];
		for (int i = 0; i < ratings.length; i++) {
			for (int j = 0; j < k; j++) {
				copy[i][j] = Math.scalb(ratings[i][j], -exponent);
			}
		}
		return copy;
	}
}

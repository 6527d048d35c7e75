package quire.fidelity;

import quire.stats.Agreement.Coefficient;

/**
 * The MITI 4.2.1 summary scores of one coded segment, computed by {@link #of(MitiGlobals, MitiCounts)}:
 * <table>
 * <caption>Summary scores</caption>
 * <tr><th>score</th><th>formula</th></tr>
 * <tr><td>Relational</td><td>(Partnership + Empathy) / 2</td></tr>
 * <tr><td>Technical</td><td>(CCT + SST) / 2</td></tr>
 * <tr><td>% Complex Reflections</td><td>CR / (SR + CR); not defined when SR + CR = 0</td></tr>
 * <tr><td>Reflection-to-Question ratio</td><td>(SR + CR) / Q; not defined when Q = 0</td></tr>
 * <tr><td>Total MI-Adherent</td><td>Seek + AF + Emph</td></tr>
 * <tr><td>Total MI Non-Adherent</td><td>Confront + Persuade</td></tr>
 * </table>
 * Undefined ratios are {@link Coefficient#undefined(String) undefined} coefficients with the reasons
 * {@value #NO_REFLECTIONS} and {@value #NO_QUESTIONS}, never 0 or infinity.
 *
 * @param relational the Relational score, 1–5
 * @param technical the Technical score, 1–5
 * @param percentCr the proportion of complex reflections, 0–1, or undefined
 * @param rq the reflection-to-question ratio, ≥ 0, or undefined
 * @param adherent the total of MI-adherent behaviours
 * @param nonAdherent the total of MI non-adherent behaviours
 */
public record MitiScores(double relational, double technical, Coefficient percentCr, Coefficient rq, int adherent,
		int nonAdherent) {

	/** The reason given when %CR is not defined. */
	public static final String NO_REFLECTIONS = "not defined (no reflections)";

	/** The reason given when R:Q is not defined. */
	public static final String NO_QUESTIONS = "not defined (no questions)";

	public MitiScores {
		range("relational", relational);
		range("technical", technical);
		if (percentCr.defined() && (percentCr.value() < 0 || percentCr.value() > 1)) {
			throw new IllegalArgumentException("%CR must be 0–1, got " + percentCr.value());
		}
		if (rq.defined() && rq.value() < 0) {
			throw new IllegalArgumentException("R:Q must not be negative, got " + rq.value());
		}
		if (adherent < 0) {
			throw new IllegalArgumentException("the MI-adherent total must not be negative, got " + adherent);
		}
		if (nonAdherent < 0) {
			throw new IllegalArgumentException("the MI non-adherent total must not be negative, got " + nonAdherent);
		}
	}

	private static void range(String what, double value) {
		if (!(value >= MitiGlobals.MIN && value <= MitiGlobals.MAX)) {
			throw new IllegalArgumentException("the " + what + " score must be 1–5, got " + value);
		}
	}

	/** The summary scores of a segment with these globals and counts. */
	public static MitiScores of(MitiGlobals globals, MitiCounts counts) {
		double relational = (globals.partnership() + globals.empathy()) / 2.0;
		double technical = (globals.cct() + globals.sst()) / 2.0;
		int sr = counts.get(Behaviour.SR);
		int cr = counts.get(Behaviour.CR);
		int q = counts.get(Behaviour.Q);
		long reflections = (long) sr + cr;
		Coefficient percentCr = reflections == 0 ? Coefficient.undefined(NO_REFLECTIONS)
				: Coefficient.of((double) cr / reflections);
		Coefficient rq = q == 0 ? Coefficient.undefined(NO_QUESTIONS) : Coefficient.of((double) reflections / q);
		int adherent = Math.addExact(Math.addExact(counts.get(Behaviour.SEEK), counts.get(Behaviour.AF)),
				counts.get(Behaviour.EMPH));
		int nonAdherent = Math.addExact(counts.get(Behaviour.CONFRONT), counts.get(Behaviour.PERSUADE));
		return new MitiScores(relational, technical, percentCr, rq, adherent, nonAdherent);
	}

	/** The value of {@code summary}; totals are returned as defined coefficients holding whole numbers. */
	public Coefficient value(Summary summary) {
		return switch (summary) {
			case RELATIONAL -> Coefficient.of(this.relational);
			case TECHNICAL -> Coefficient.of(this.technical);
			case PERCENT_CR -> this.percentCr;
			case RQ -> this.rq;
			case MI_ADHERENT -> Coefficient.of(this.adherent);
			case MI_NON_ADHERENT -> Coefficient.of(this.nonAdherent);
		};
	}

}

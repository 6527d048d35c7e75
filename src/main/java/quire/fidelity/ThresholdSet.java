package quire.fidelity;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import quire.stats.Agreement.Coefficient;

/**
 * A named set of thresholds against which summary scores are judged, e.g. the MITI 4.2.1 fair/good defaults.
 * A project chooses one set and reports name it.
 * <p>
 * A set need not have a threshold for every summary: {@link #level(Summary, Coefficient)} returns empty for a
 * summary without a threshold, so that "no threshold in this set" is never confused with "score not defined"
 * ({@link Level#NOT_DEFINED}). Higher scores are always better: a threshold for the MI non-adherent total, where
 * lower is better, would be read the wrong way round, so the built-in sets have none.
 *
 * @param name the name shown in reports, e.g. {@code "MITI 4.2.1 fair/good"}
 * @param thresholds the threshold per summary; copied into an unmodifiable {@link EnumMap}
 */
public record ThresholdSet(String name, Map<Summary, Threshold> thresholds) {

	/**
	 * Tolerance when comparing a score with a threshold, so that a mean such as 3.4999999999999996 computed in
	 * floating point still counts as 3.5.
	 */
	public static final double TOLERANCE = 1e-9;

	/**
	 * The MITI 4.2.1 defaults: Relational fair 3.5 / good 4, Technical 3 / 4, %CR 0.40 / 0.50, R:Q 1 / 2. No
	 * thresholds for the adherent and non-adherent totals.
	 */
	public static final ThresholdSet MITI_4_2_1 = new ThresholdSet("MITI 4.2.1 fair/good",
			Map.of(Summary.RELATIONAL, Threshold.of(3.5, 4), Summary.TECHNICAL, Threshold.of(3, 4),
					Summary.PERCENT_CR, Threshold.of(0.40, 0.50), Summary.RQ, Threshold.of(1, 2)));

	/**
	 * The "beginning proficiency" thresholds reported in seed 002: Technical ≥ 3 and Relational ≥ 4, each with a
	 * single level, which {@link #level} reports as {@link Level#FAIR}.
	 */
	public static final ThresholdSet BEGINNING_PROFICIENCY = new ThresholdSet("Beginning proficiency (seed 002)",
			Map.of(Summary.TECHNICAL, Threshold.fairOnly(3), Summary.RELATIONAL, Threshold.fairOnly(4)));

	public ThresholdSet {
		name = name.strip();
		if (name.isEmpty()) {
			throw new IllegalArgumentException("a threshold set needs a name");
		}
		EnumMap<Summary, Threshold> copy = new EnumMap<>(Summary.class);
		for (Map.Entry<Summary, Threshold> e : thresholds.entrySet()) {
			if (e.getKey() == null || e.getValue() == null) {
				throw new IllegalArgumentException("threshold set '" + name + "' must not hold null, got "
						+ e.getKey() + " = " + e.getValue());
			}
			copy.put(e.getKey(), e.getValue());
		}
		thresholds = Collections.unmodifiableMap(copy);
	}

	/** The threshold of {@code summary}, empty when this set has none. */
	public Optional<Threshold> threshold(Summary summary) {
		return Optional.ofNullable(this.thresholds.get(summary));
	}

	/**
	 * The level of a score.
	 *
	 * @param summary which summary the score is
	 * @param value the score
	 * @return empty when this set has no threshold for {@code summary}; otherwise {@link Level#NOT_DEFINED} when
	 * the score is undefined, {@link Level#GOOD} when it is at least the good threshold, {@link Level#FAIR} when it
	 * is at least the fair threshold, else {@link Level#BELOW_FAIR} (comparisons allow {@link #TOLERANCE})
	 */
	public Optional<Level> level(Summary summary, Coefficient value) {
		Threshold t = this.thresholds.get(summary);
		if (t == null) {
			return Optional.empty();
		}
		if (!value.defined()) {
			return Optional.of(Level.NOT_DEFINED);
		}
		double v = value.value();
		Double good = t.good();
		if (good != null && v >= good - TOLERANCE) {
			return Optional.of(Level.GOOD);
		}
		return Optional.of(v >= t.fair() - TOLERANCE ? Level.FAIR : Level.BELOW_FAIR);
	}

	/** The level of {@code summary} in {@code scores}; see {@link #level(Summary, Coefficient)}. */
	public Optional<Level> level(Summary summary, MitiScores scores) {
		return level(summary, scores.value(summary));
	}

	@Override
	public String toString() {
		return this.name;
	}

}

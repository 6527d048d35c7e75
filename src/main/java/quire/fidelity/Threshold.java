package quire.fidelity;

import org.jspecify.annotations.Nullable;

/**
 * The fair and, optionally, good threshold of one summary score. A score at or above {@code fair} is fair, at or
 * above {@code good} is good.
 *
 * @param fair the lowest fair score; finite and not negative
 * @param good the lowest good score, at least {@code fair}; null when the threshold set has only one level
 */
public record Threshold(double fair, @Nullable Double good) {

	public Threshold {
		if (!Double.isFinite(fair) || fair < 0) {
			throw new IllegalArgumentException("a fair threshold must be a finite number ≥ 0, got " + fair);
		}
		if (good != null && (!Double.isFinite(good) || good < fair)) {
			throw new IllegalArgumentException(
					"a good threshold must be a finite number ≥ the fair threshold " + fair + ", got " + good);
		}
	}

	/** A threshold with a fair level only. */
	public static Threshold fairOnly(double fair) {
		return new Threshold(fair, null);
	}

	/** A threshold with fair and good levels. */
	public static Threshold of(double fair, double good) {
		return new Threshold(fair, good);
	}

}

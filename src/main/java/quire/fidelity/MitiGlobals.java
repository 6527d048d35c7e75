package quire.fidelity;

/**
 * The four MITI global ratings of one coded segment, each an integer from 1 to 5.
 *
 * @param cct Cultivating Change Talk
 * @param sst Softening Sustain Talk
 * @param partnership Partnership
 * @param empathy Empathy
 */
public record MitiGlobals(int cct, int sst, int partnership, int empathy) {

	/** The lowest rating. */
	public static final int MIN = 1;

	/** The highest rating. */
	public static final int MAX = 5;

	public MitiGlobals {
		check(Global.CULTIVATING_CHANGE_TALK, cct);
		check(Global.SOFTENING_SUSTAIN_TALK, sst);
		check(Global.PARTNERSHIP, partnership);
		check(Global.EMPATHY, empathy);
	}

	private static void check(Global global, int rating) {
		if (rating < MIN || rating > MAX) {
			throw new IllegalArgumentException(
					global.label() + " must be " + MIN + "–" + MAX + ", got " + rating);
		}
	}

	/** The rating of {@code global}. */
	public int get(Global global) {
		return switch (global) {
			case CULTIVATING_CHANGE_TALK -> this.cct;
			case SOFTENING_SUSTAIN_TALK -> this.sst;
			case PARTNERSHIP -> this.partnership;
			case EMPATHY -> this.empathy;
		};
	}

	/** A copy with {@code global} rated {@code rating}. */
	public MitiGlobals with(Global global, int rating) {
		return new MitiGlobals(global == Global.CULTIVATING_CHANGE_TALK ? rating : this.cct,
				global == Global.SOFTENING_SUSTAIN_TALK ? rating : this.sst,
				global == Global.PARTNERSHIP ? rating : this.partnership,
				global == Global.EMPATHY ? rating : this.empathy);
	}

}

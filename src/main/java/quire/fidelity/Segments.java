package quire.fidelity;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import quire.corpus.Turn;

/**
 * Where a session's coded segment lies when it is "the first N minutes" (MITI codes a 20-minute
 * segment): by the transcript's timestamps where it has them, else by its recording's length. Pure
 * arithmetic over the turns; the caller reads the recording's duration.
 */
public final class Segments {

	/** MITI 4.2.1 codes a 20-minute segment. */
	public static final int MITI_MINUTES = 20;

	private Segments() {
	}

	/**
	 * A range of turns (0-based, inclusive) and how it was found, in words for the researcher.
	 * {@code estimated} is true when the bounds rest on the recording's length rather than timestamps.
	 */
	public record Segment(int firstTurn, int lastTurn, String basis, boolean estimated) {
	}

	/**
	 * The turns of the first {@code minutes} minutes. With timestamps: the turns that start less than
	 * {@code minutes} after the first timed turn. Without, and with a recording of known length: the
	 * whole transcript when the recording is no longer than {@code minutes}; otherwise the turns that
	 * start within the first {@code minutes / length} share of the text, an estimate that assumes even
	 * pacing (setting the turns' times while listening makes it exact). Empty when there are no turns,
	 * or neither timestamps nor a recording length.
	 */
	public static Optional<Segment> firstMinutes(List<Turn> turns, int minutes, @Nullable Long recordingMillis) {
		if (minutes < 1) {
			throw new IllegalArgumentException("a segment lasts at least one minute, not " + minutes);
		}
		if (turns.isEmpty()) {
			return Optional.empty();
		}
		long limit = minutes * 60_000L;
		Long start = turns.stream().map(Turn::startMs).filter(ms -> ms != null).findFirst().orElse(null);
		if (start != null) {
			int first = -1;
			int last = -1;
			for (Turn t : turns) {
				if (t.startMs() != null && t.startMs() - start < limit) {
					first = first < 0 ? t.index() : first;
					last = t.index();
				}
			}
			return Optional.of(new Segment(first, last, "the first " + minutes + " minutes by the transcript's timestamps", false));
		}
		if (recordingMillis == null || recordingMillis <= 0) {
			return Optional.empty();
		}
		Turn firstTurn = turns.get(0);
		Turn lastTurn = turns.get(turns.size() - 1);
		String length = clock(recordingMillis);
		if (recordingMillis <= limit) {
			return Optional.of(new Segment(firstTurn.index(), lastTurn.index(), "the whole transcript: its recording lasts "
					+ length + ", no more than " + minutes + " minutes", false));
		}
		int textStart = firstTurn.start();
		int textLength = Math.max(1, lastTurn.end() - textStart);
		double share = (double) limit / recordingMillis;
		int last = firstTurn.index();
		for (Turn t : turns) {
			if ((double) (t.start() - textStart) / textLength < share) {
				last = t.index();
			}
		}
		return Optional.of(new Segment(firstTurn.index(), last, "estimated from the recording's length (" + length
				+ "): the turns in the first " + Math.round(share * 100) + "% of the text, as if the pace were even; "
				+ "set the turns' times on the transcript page (Alt+T while listening) for exact bounds", true));
	}

	private static String clock(long ms) {
		long s = ms / 1000;
		return s >= 3600 ? "%d:%02d:%02d".formatted(s / 3600, (s % 3600) / 60, s % 60) : "%d:%02d".formatted(s / 60, s % 60);
	}

}

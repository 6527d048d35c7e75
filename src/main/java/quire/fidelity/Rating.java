package quire.fidelity;

import org.jspecify.annotations.Nullable;

/**
 * One coder's rating of a session: the global scores (null until all four are given) and the
 * behaviour counts, with the summary scores when the globals are complete. Its {@link RatingRole} is
 * stored: the primary rating (one per session and source) is the one results use; reliability
 * ratings feed the ICC only.
 */
public record Rating(MitiSession session, String coder, RatingSource source, @Nullable MitiGlobals globals,
		MitiCounts counts, @Nullable MitiScores scores, RatingRole role) {

	/** Whether this is the session's primary rating of its source. */
	public boolean primary() {
		return role == RatingRole.PRIMARY;
	}

}

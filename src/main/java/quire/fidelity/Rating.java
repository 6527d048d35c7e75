package quire.fidelity;

import org.jspecify.annotations.Nullable;

/**
 * One coder's rating of a session: the global scores (null until all four are given) and the
 * behaviour counts, with the summary scores when the globals are complete. {@code primary} marks the
 * rating that results use (the first complete one recorded for the session); others serve reliability.
 */
public record Rating(MitiSession session, String coder, RatingSource source, @Nullable MitiGlobals globals,
		MitiCounts counts, @Nullable MitiScores scores, boolean primary) {
}

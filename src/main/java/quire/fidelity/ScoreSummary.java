package quire.fidelity;

import quire.stats.Agreement.Coefficient;
import quire.stats.Descriptives;

/**
 * One summary score over a group of sessions: n, mean (SD), min–max of the sessions where it is
 * defined, how many sessions were left out because it was not defined there, and the shares of
 * sessions at fair or better and at good (of the sessions where it is defined; undefined when the
 * threshold set has no threshold for it).
 */
public record ScoreSummary(Summary summary, Descriptives.Summary stats, int notDefined, Coefficient atLeastFair,
		Coefficient good) {
}

package quire.fidelity;

import java.util.List;

/**
 * Results of a project's rated sessions (each session counted once, by its primary rating) per
 * session or counsellor and overall, against a named threshold set.
 */
public record FidelityResults(ThresholdSet thresholds, ResultsBy by, List<ResultGroup> groups, ResultGroup overall) {

	public FidelityResults {
		groups = List.copyOf(groups);
	}

}

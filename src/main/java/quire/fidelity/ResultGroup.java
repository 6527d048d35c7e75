package quire.fidelity;

import java.util.List;
import java.util.Map;

import quire.stats.Descriptives;

/** Fidelity results of one group of sessions (one session, one counsellor, or all). */
public record ResultGroup(String name, int sessions, List<ScoreSummary> scores, Map<Global, Descriptives.Summary> globals,
		Map<Behaviour, Descriptives.Summary> counts) {

	public ResultGroup {
		scores = List.copyOf(scores);
		globals = Map.copyOf(globals);
		counts = Map.copyOf(counts);
	}

	public ScoreSummary score(Summary summary) {
		return scores.stream().filter(s -> s.summary() == summary).findFirst().orElseThrow();
	}

}

package quire.fidelity;

import java.util.List;
import java.util.Locale;

/**
 * Results of a project's rated sessions (each session counted once, by its primary rating of the
 * chosen source) per session or counsellor and overall, against a named threshold set.
 * {@code fromLab} and {@code fromQuire} count the sessions whose rating came from each source;
 * {@code leftOut} the sessions of the chosen source that are rated but whose primary rating has no
 * complete global scores (or that have no primary rating), which are not in the results.
 */
public record FidelityResults(ThresholdSet thresholds, ResultsBy by, ResultsSource source, int fromLab, int fromQuire,
		int leftOut, List<ResultGroup> groups, ResultGroup overall) {

	public FidelityResults {
		groups = List.copyOf(groups);
	}

	/**
	 * What the results are computed over, with n, for titles and captions: "20 sessions rated by the
	 * coding lab (primary ratings)", "23 sessions, coding lab and Quire pooled (primary ratings: 20
	 * coding lab, 3 Quire)".
	 */
	public String caption() {
		int n = overall.sessions();
		String sessions = n + (n == 1 ? " session" : " sessions");
		String text = switch (source) {
			case LAB, QUIRE -> sessions + " " + source.description() + " (primary ratings)";
			case POOLED -> sessions + ", " + source.description() + " (primary ratings: " + fromLab + " coding lab, "
					+ fromQuire + " Quire)";
		};
		if (leftOut > 0) {
			text += String.format(Locale.ROOT, "; %d %s left out: no complete primary rating", leftOut,
					leftOut == 1 ? "session" : "sessions");
		}
		return text;
	}

}

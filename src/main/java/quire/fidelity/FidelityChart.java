package quire.fidelity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import quire.chart.Chart;
import quire.chart.Charts;
import quire.chart.Charts.MeanGroup;
import quire.chart.Charts.Reference;
import quire.stats.Agreement.Coefficient;

/**
 * The chart of fidelity results: per group (counsellor or session) the mean Technical and
 * Relational scores as bars on the 1–5 scale with their SD as whiskers, each group named with its
 * n, and the threshold set's fair (dashed) and good (dotted) lines. Drawn once by {@link Charts}
 * for the page (SVG) and for reports; its subtitle names what it is computed over (the rating
 * source and n, see {@link FidelityResults#caption()}).
 */
public final class FidelityChart {

	private static final List<Summary> SERIES = List.of(Summary.TECHNICAL, Summary.RELATIONAL);

	private FidelityChart() {
	}

	/** The chart of the results. */
	public static Chart chart(FidelityResults results) {
		List<ResultGroup> groups = new ArrayList<>(results.groups());
		groups.add(results.overall());
		List<MeanGroup> bars = new ArrayList<>();
		for (ResultGroup g : groups) {
			List<Double> means = new ArrayList<>();
			List<Double> sds = new ArrayList<>();
			for (Summary s : SERIES) {
				means.add(value(g.score(s).stats().mean()));
				sds.add(value(g.score(s).stats().sd()));
			}
			bars.add(new MeanGroup(clip(g.name(), 18), "n = " + g.sessions(), means, sds));
		}
		List<Reference> lines = new ArrayList<>();
		for (int i = 0; i < SERIES.size(); i++) {
			int series = i;
			results.thresholds().threshold(SERIES.get(i)).ifPresent(t -> {
				lines.add(new Reference(series, t.fair(), false));
				if (t.good() != null) {
					lines.add(new Reference(series, t.good(), true));
				}
			});
		}
		String by = results.by().label().toLowerCase(Locale.ROOT);
		return Charts.meanBars("Technical and Relational by " + by, results.caption(),
				results.thresholds().name() + ": fair dashed, good dotted; whiskers ± 1 SD", "mean score (1–5)", 1, 5,
				SERIES.stream().map(Summary::label).toList(), bars, lines,
				"MITI summary scores by " + by + " of " + results.caption() + " against " + results.thresholds().name());
	}

	/** The chart as an inline SVG element for a page. */
	public static String svg(FidelityResults results) {
		return chart(results).svg();
	}

	private static double value(Coefficient c) {
		return c.defined() ? c.value() : Double.NaN;
	}

	private static String clip(String s, int n) {
		return s.length() <= n ? s : s.substring(0, n - 1) + "…";
	}

}

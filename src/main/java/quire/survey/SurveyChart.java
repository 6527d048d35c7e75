package quire.survey;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import quire.chart.Charts;
import quire.stats.Frequencies;

/**
 * The questionnaire charts, drawn once by {@link Charts} for the page (SVG) and reports: a variable's
 * frequencies as horizontal bars (percent of valid answers per category, in value-label order, each
 * bar labelled with its count and percent) and a numeric variable's box plot. Each title names the
 * variable and its n.
 */
public final class SurveyChart {

	private SurveyChart() {
	}

	/** The frequencies of a variable as an inline SVG element. */
	public static String bars(VariableSummary summary) {
		List<Charts.Bar> bars = new ArrayList<>();
		for (Frequencies.Row r : summary.frequencies().rows()) {
			double pct = r.percentOfValid().defined() ? r.percentOfValid().value() : 0;
			String label = summary.variable().valueLabel(r.category()).map(ValueLabel::label).orElse(r.category());
			bars.add(new Charts.Bar(label, pct, String.format(Locale.ROOT, "%d (%.0f%%)", r.n(), pct)));
		}
		String title = summary.variable().label() + " (n = " + summary.frequencies().valid() + " valid, "
				+ summary.frequencies().missing() + " missing)";
		return Charts.horizontalBars(title, bars, 100, "% of valid answers", 600, "Answers to " + title).svg();
	}

	/**
	 * A horizontal box plot of a numeric variable (min, lower quartile, median, upper quartile, max;
	 * type-7 quantiles), or an empty string when the variable has no numeric answers.
	 */
	public static String box(VariableSummary summary) {
		var d = summary.numeric();
		var q = summary.spread();
		if (d == null || q == null || !d.min().defined() || !q.median().defined()) {
			return "";
		}
		String title = summary.variable().label() + " (n = " + d.n() + ")";
		return Charts.boxPlot(title, "", d.min().value(), q.q1().value(), q.median().value(), q.q3().value(),
				d.max().value(), "Box plot of " + title + ": minimum, quartiles, median and maximum").svg();
	}

}

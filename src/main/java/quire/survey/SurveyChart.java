package quire.survey;

import java.util.Locale;

import quire.stats.Frequencies;

/**
 * A horizontal bar chart of a variable's frequencies as server-side SVG (percent of valid answers
 * per category, in value-label order), for the questionnaire page and reports.
 */
public final class SurveyChart {

	private SurveyChart() {
	}

	public static String bars(VariableSummary summary) {
		var rows = summary.frequencies().rows();
		int labelWidth = 190;
		int barWidth = 320;
		int rowHeight = 24;
		int height = 36 + rows.size() * rowHeight + 10;
		int width = labelWidth + barWidth + 90;
		StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
				"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" "
						+ "font-size=\"12\" role=\"img\" aria-label=\"%s\"><title>%s</title>",
				width, height, width, height, escape(summary.variable().label()), escape(summary.variable().label())));
		s.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"16\" font-weight=\"bold\">%s (n = %d valid, %d missing)</text>",
				escape(summary.variable().label()), summary.frequencies().valid(), summary.frequencies().missing()));
		int y = 30;
		for (Frequencies.Row r : rows) {
			double pct = r.percentOfValid().defined() ? r.percentOfValid().value() : 0;
			String label = summary.variable().valueLabel(r.category()).map(ValueLabel::label).orElse(r.category());
			s.append(String.format(Locale.ROOT,
					"<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text><rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"16\" fill=\"#2F6F73\"/>"
							+ "<text x=\"%.1f\" y=\"%d\" fill=\"#333\">%d (%.0f%%)</text>",
					labelWidth - 8, y + 12, escape(clip(label, 30)), labelWidth, y, pct / 100 * barWidth,
					labelWidth + pct / 100 * barWidth + 6, y + 12, r.n(), pct));
			y += rowHeight;
		}
		s.append("</svg>");
		return s.toString();
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
		double min = d.min().value();
		double max = d.max().value();
		double lo = Math.floor(min);
		double hi = Math.max(Math.ceil(max), lo + 1);
		int left = 40;
		int width = 360;
		java.util.function.DoubleUnaryOperator x = v -> left + (v - lo) / (hi - lo) * width;
		StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
				"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"90\" viewBox=\"0 0 %d 90\" font-family=\"sans-serif\" "
						+ "font-size=\"11\" role=\"img\" aria-label=\"%s\"><title>%s</title>",
				width + 80, width + 80, escape("Box plot of " + summary.variable().label()), escape(summary.variable().label())));
		s.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"12\" font-weight=\"bold\">%s (n = %d)</text>",
				escape(summary.variable().label()), d.n()));
		double y = 40;
		s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#333\"/>", x.applyAsDouble(min), y,
				x.applyAsDouble(max), y));
		s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"20\" fill=\"#cfe3e4\" stroke=\"#2F6F73\"/>",
				x.applyAsDouble(q.q1().value()), y - 10, Math.max(1, x.applyAsDouble(q.q3().value()) - x.applyAsDouble(q.q1().value()))));
		s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#2F6F73\" stroke-width=\"3\"/>",
				x.applyAsDouble(q.median().value()), y - 10, x.applyAsDouble(q.median().value()), y + 10));
		for (double v = lo; v <= hi + 1e-9; v += Math.max(1, Math.round((hi - lo) / 8))) {
			s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"75\" text-anchor=\"middle\" fill=\"#555\">%s</text>", x.applyAsDouble(v),
					v == Math.rint(v) ? Long.toString(Math.round(v)) : String.format(Locale.ROOT, "%.1f", v)));
		}
		s.append("</svg>");
		return s.toString();
	}

	private static String clip(String s, int n) {
		return s.length() <= n ? s : s.substring(0, n - 1) + "…";
	}

	static String escape(String s) {
		return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

}

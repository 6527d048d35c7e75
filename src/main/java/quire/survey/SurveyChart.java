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

	private static String clip(String s, int n) {
		return s.length() <= n ? s : s.substring(0, n - 1) + "…";
	}

	static String escape(String s) {
		return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

}

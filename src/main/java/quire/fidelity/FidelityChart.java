package quire.fidelity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import quire.stats.Agreement.Coefficient;

/**
 * A server-side SVG chart of fidelity results: per group (counsellor or session) the mean Technical
 * and Relational scores as bars on the 1–5 scale with their SD as whiskers, and the threshold set's
 * fair (dashed) and good (dotted) lines. Plain SVG text, so the web view shows it and reports can
 * embed the same drawing. Its title and its caption line name what it is computed over (the rating
 * source and n, see {@link FidelityResults#caption()}).
 */
public final class FidelityChart {

	static final String TECHNICAL_COLOUR = "#2F6F73";

	static final String RELATIONAL_COLOUR = "#C2703D";

	private FidelityChart() {
	}

	public static String svg(FidelityResults results) {
		List<ResultGroup> groups = new ArrayList<>(results.groups());
		groups.add(results.overall());
		int groupWidth = 110;
		int left = 44;
		int top = 30;
		int plot = 220;
		int width = Math.max(560, left + groups.size() * groupWidth + 20);
		int height = top + plot + 70;
		StringBuilder s = new StringBuilder();
		s.append(String.format(Locale.ROOT,
				"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
						+ "font-family=\"sans-serif\" font-size=\"11\" role=\"img\" aria-label=\"%s\">",
				width, height, width, height, escape("Technical and Relational by " + results.by().label().toLowerCase(Locale.ROOT)
						+ ", " + results.caption())));
		s.append(String.format(Locale.ROOT, "<title>%s</title>", escape("MITI summary scores of " + results.caption()
				+ " against " + results.thresholds().name())));
		s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"14\" fill=\"#222\" class=\"caption\">%s</text>", left,
				escape(results.caption())));
		for (int v = 1; v <= 5; v++) {
			double y = y(v, top, plot);
			s.append(String.format(Locale.ROOT,
					"<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/><text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" fill=\"#555\">%d</text>",
					left, y, width - 10, y, left - 6, y + 4, v));
		}
		for (int i = 0; i < groups.size(); i++) {
			ResultGroup g = groups.get(i);
			int x = left + i * groupWidth + 24;
			bar(s, x, g.score(Summary.TECHNICAL), TECHNICAL_COLOUR, top, plot);
			bar(s, x + 30, g.score(Summary.RELATIONAL), RELATIONAL_COLOUR, top, plot);
			s.append(String.format(Locale.ROOT,
					"<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"#222\">%s</text><text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"#777\">n = %d</text>",
					x + 27, top + plot + 16, escape(clip(g.name(), 18)), x + 27, top + plot + 30, g.sessions()));
		}
		threshold(s, results.thresholds(), Summary.TECHNICAL, TECHNICAL_COLOUR, left, width, top, plot);
		threshold(s, results.thresholds(), Summary.RELATIONAL, RELATIONAL_COLOUR, left, width, top, plot);
		int ly = top + plot + 50;
		s.append(String.format(Locale.ROOT,
				"<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/><text x=\"%d\" y=\"%d\">Technical</text>"
						+ "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/><text x=\"%d\" y=\"%d\">Relational</text>"
						+ "<text x=\"%d\" y=\"%d\" fill=\"#555\">%s: fair dashed, good dotted; whiskers ± 1 SD</text>",
				left, ly, TECHNICAL_COLOUR, left + 14, ly + 9, left + 90, ly, RELATIONAL_COLOUR, left + 104, ly + 9, left + 190,
				ly + 9, escape(results.thresholds().name())));
		s.append("</svg>");
		return s.toString();
	}

	private static void bar(StringBuilder s, int x, ScoreSummary score, String colour, int top, int plot) {
		Coefficient mean = score.stats().mean();
		if (!mean.defined()) {
			return;
		}
		double y = y(mean.value(), top, plot);
		double base = y(1, top, plot);
		s.append(String.format(Locale.ROOT,
				"<rect x=\"%d\" y=\"%.1f\" width=\"24\" height=\"%.1f\" fill=\"%s\"><title>%s %.2f</title></rect>", x, y,
				Math.max(0, base - y), colour, score.summary().label(), mean.value()));
		Coefficient sd = score.stats().sd();
		if (sd.defined()) {
			double hi = y(Math.min(5, mean.value() + sd.value()), top, plot);
			double lo = y(Math.max(1, mean.value() - sd.value()), top, plot);
			s.append(String.format(Locale.ROOT,
					"<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#222\"/>", x + 12, hi, x + 12, lo));
		}
	}

	private static void threshold(StringBuilder s, ThresholdSet set, Summary summary, String colour, int left, int width,
			int top, int plot) {
		set.threshold(summary).ifPresent(t -> {
			line(s, t.fair(), "6 4", colour, left, width, top, plot);
			if (t.good() != null) {
				line(s, t.good(), "2 3", colour, left, width, top, plot);
			}
		});
	}

	private static void line(StringBuilder s, double value, String dash, String colour, int left, int width, int top,
			int plot) {
		double y = y(value, top, plot);
		s.append(String.format(Locale.ROOT,
				"<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"1.5\" stroke-dasharray=\"%s\"/>",
				left, y, width - 10, y, colour, dash));
	}

	private static double y(double value, int top, int plot) {
		return top + plot - (value - 1) / 4.0 * plot;
	}

	private static String clip(String s, int n) {
		return s.length() <= n ? s : s.substring(0, n - 1) + "…";
	}

	static String escape(String s) {
		return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

}

package quire.bench.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Rows of the benchmark's result table, written as GitHub Markdown. */
public final class MarkdownTable {

	/** One measured (or skipped) figure. */
	public record Row(String measure, String quire, String baseline, String ratio, String target) {
	}

	public static final List<String> HEADER = List.of("Measure", "Quire", "Baseline", "Ratio", "Target");

	private final List<Row> rows = new ArrayList<>();

	public void add(String measure, String quire, String baseline, String ratio, String target) {
		rows.add(new Row(measure, quire, baseline, ratio, target));
	}

	public List<Row> rows() {
		return List.copyOf(rows);
	}

	public String markdown() {
		StringBuilder s = new StringBuilder();
		s.append("| ").append(String.join(" | ", HEADER)).append(" |\n");
		s.append("|").append("---|".repeat(HEADER.size())).append('\n');
		for (Row r : rows) {
			s.append("| ")
				.append(String.join(" | ", cell(r.measure()), cell(r.quire()), cell(r.baseline()), cell(r.ratio()),
						cell(r.target())))
				.append(" |\n");
		}
		return s.toString();
	}

	private static String cell(String s) {
		return s.isEmpty() ? "–" : s.replace("|", "\\|").replace("\n", " ");
	}

	public static String ms(Percentiles p) {
		return String.format(Locale.ROOT, "p50 %s / p95 %s / p99 %s ms", num(p.p50()), num(p.p95()), num(p.p99()));
	}

	public static String num(double v) {
		if (v >= 100) {
			return String.format(Locale.ROOT, "%.0f", v);
		}
		if (v >= 10) {
			return String.format(Locale.ROOT, "%.1f", v);
		}
		return String.format(Locale.ROOT, "%.2f", v);
	}

	/** "12× faster" style ratio of two latencies (baseline / quire). */
	public static String times(double baseline, double quire) {
		return num(baseline / Math.max(quire, 1e-6)) + "×";
	}

}

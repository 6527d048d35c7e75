package quire.bench.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

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

	/**
	 * The rows of a table {@link #markdown()} wrote (escaped pipes kept as pipes, "–" as empty), so a
	 * table measured in another process can be set beside this one.
	 * @throws IllegalArgumentException if {@code markdown} holds no table with this class's header
	 */
	public static List<Row> parse(String markdown) {
		String header = "| " + String.join(" | ", HEADER) + " |";
		List<String> lines = markdown.lines().toList();
		int start = lines.indexOf(header);
		if (start < 0) {
			throw new IllegalArgumentException("no benchmark table (header " + header + ") in the text");
		}
		List<Row> parsed = new ArrayList<>();
		for (String line : lines.subList(Math.min(start + 2, lines.size()), lines.size())) {
			if (!line.startsWith("| ")) {
				break;
			}
			List<String> cells = new ArrayList<>();
			for (String c : line.substring(2, line.length() - 2).split(" \\| ", -1)) {
				String plain = c.replace("\\|", "|");
				cells.add(plain.equals("–") ? "" : plain);
			}
			if (cells.size() != HEADER.size()) {
				throw new IllegalArgumentException("a benchmark table row has " + cells.size() + " cells, not "
						+ HEADER.size() + ": " + line);
			}
			parsed.add(new Row(cells.get(0), cells.get(1), cells.get(2), cells.get(3), cells.get(4)));
		}
		return parsed;
	}

	/**
	 * One table with a column per engine: the rows of every engine's run matched by their measure (in
	 * the order the first run has them, then measures only later runs have), each engine's Quire figure
	 * and ratio beside the others', and the baseline and target of the first run that has the row.
	 * @param engines the engines' names, one per run, in column order
	 * @param runs each engine's rows
	 */
	public static String sideBySide(List<String> engines, List<List<Row>> runs) {
		if (engines.size() != runs.size() || engines.isEmpty()) {
			throw new IllegalArgumentException(engines.size() + " engine names for " + runs.size() + " runs");
		}
		java.util.LinkedHashMap<String, Row[]> byMeasure = new java.util.LinkedHashMap<>();
		for (int i = 0; i < runs.size(); i++) {
			for (Row r : runs.get(i)) {
				byMeasure.computeIfAbsent(r.measure(), k -> new Row[engines.size()])[i] = r;
			}
		}
		List<String> header = new ArrayList<>(List.of("Measure"));
		engines.forEach(e -> header.add("Quire, " + e));
		header.add("Baseline");
		engines.forEach(e -> header.add("Ratio, " + e));
		header.add("Target");
		StringBuilder s = new StringBuilder();
		s.append("| ").append(String.join(" | ", header)).append(" |\n");
		s.append("|").append("---|".repeat(header.size())).append('\n');
		for (var entry : byMeasure.entrySet()) {
			Row[] rows = entry.getValue();
			Row first = java.util.Arrays.stream(rows).filter(java.util.Objects::nonNull).findFirst().orElseThrow();
			List<String> cells = new ArrayList<>(List.of(cell(entry.getKey())));
			for (Row r : rows) {
				cells.add(cell(r == null ? "" : r.quire()));
			}
			cells.add(cell(first.baseline()));
			for (Row r : rows) {
				cells.add(cell(r == null ? "" : r.ratio()));
			}
			cells.add(cell(first.target()));
			s.append("| ").append(String.join(" | ", cells)).append(" |\n");
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

	/**
	 * The Ratio cell of a row that sets Quire against another engine: who was faster at p50 and at
	 * p99, and by how much. The ratio is always the slower time over the faster one, so it is at least
	 * 1 and the words name the engine the measurement favours: "Quire faster: p50 12.0×, p99 3.00×",
	 * "PostgreSQL faster: p50 1.80×, p99 1.20×", or, when the percentiles disagree, "p50: Quire faster
	 * 1.50×; p99: ripgrep faster 2.00×". A ratio that prints as 1.00× is reported as "even", since
	 * naming a winner there would claim a difference the figure does not show.
	 * @param other the other engine's name as a reader knows it ("ripgrep", "PostgreSQL")
	 * @param quire Quire's latencies
	 * @param baseline the other engine's latencies for the same queries
	 */
	public static String faster(String other, Percentiles quire, Percentiles baseline) {
		Lead p50 = Lead.of(other, quire.p50(), baseline.p50());
		Lead p99 = Lead.of(other, quire.p99(), baseline.p99());
		if (p50.winner() != null && p50.winner().equals(p99.winner())) {
			return p50.winner() + " faster: p50 " + p50.times() + ", p99 " + p99.times();
		}
		return "p50: " + p50 + "; p99: " + p99;
	}

	/** One percentile's comparison: the faster engine (none when even) and slower / faster. */
	private record Lead(@Nullable String winner, String times) {

		static Lead of(String other, double quire, double baseline) {
			double slow = Math.max(quire, baseline);
			double fast = Math.max(Math.min(quire, baseline), 1e-6);
			String times = num(slow / fast) + "×";
			if (times.equals("1.00×")) {
				return new Lead(null, times);
			}
			return new Lead(quire < baseline ? "Quire" : other, times);
		}

		@Override
		public String toString() {
			return winner == null ? "even" : winner + " faster " + times;
		}

	}

}

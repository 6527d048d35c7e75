package quire.report.document;

import java.util.List;
import java.util.Locale;

/** Renders a {@link ReportDocument} as GitHub-flavoured Markdown. */
public final class MarkdownRenderer {

	private MarkdownRenderer() {
	}

	/**
	 * Renders the document: title, subtitle, a table of contents of level 1 and 2 headings, then the blocks.
	 *
	 * @param d the document
	 * @return the Markdown text, lines ending in {@code \n}
	 */
	public static String render(ReportDocument d) {
		StringBuilder sb = new StringBuilder();
		sb.append("# ").append(oneLine(d.title())).append("\n\n");
		if (!d.subtitle().isBlank()) {
			sb.append('_').append(oneLine(d.subtitle())).append("_\n\n");
		}
		List<Heading> toc = d.tocHeadings();
		if (!toc.isEmpty()) {
			sb.append("## ").append(d.contentsLabel()).append("\n\n");
			for (Heading h : toc) {
				sb.append(h.level() == 1 ? "- " : "  - ").append('[').append(oneLine(h.text())).append("](#")
						.append(anchor(h.text())).append(")\n");
			}
			sb.append('\n');
		}
		for (Block b : d.blocks()) {
			switch (b) {
				case Heading h -> sb.append("#".repeat(h.level())).append(' ').append(oneLine(h.text())).append("\n\n");
				case Paragraph p -> sb.append(oneLine(p.text())).append("\n\n");
				case Quote q -> {
					sb.append("> ").append(oneLine(q.text())).append('\n');
					if (!q.attribution().isBlank()) {
						sb.append(">\n> – ").append(oneLine(q.attribution())).append('\n');
					}
					sb.append('\n');
				}
				case Table t -> {
					if (!t.caption().isBlank()) {
						sb.append("**").append(oneLine(t.caption())).append("**\n\n");
					}
					row(sb, t.header());
					sb.append('|');
					for (int i = 0; i < t.header().size(); i++) {
						sb.append(" --- |");
					}
					sb.append('\n');
					for (List<String> r : t.rows()) {
						row(sb, r);
					}
					sb.append('\n');
				}
				case BarChart c -> {
					if (!c.title().isBlank()) {
						sb.append("**").append(oneLine(c.title())).append("**\n\n");
					}
					sb.append("| | Value | |\n| --- | ---: | --- |\n");
					double max = c.scaleMax();
					for (int i = 0; i < c.labels().size(); i++) {
						double v = c.values().get(i);
						int n = (int) Math.round(20 * v / max);
						sb.append("| ").append(cell(c.labels().get(i))).append(" | ").append(cell(c.format(v)))
								.append(" | ").append("█".repeat(n)).append(" |\n");
					}
					sb.append('\n');
				}
				case PageBreak pb -> {
					// no page breaks in Markdown
				}
			}
		}
		return sb.toString().stripTrailing() + "\n";
	}

	private static void row(StringBuilder sb, List<String> cells) {
		sb.append('|');
		for (String c : cells) {
			sb.append(' ').append(cell(c)).append(" |");
		}
		sb.append('\n');
	}

	private static String cell(String s) {
		return oneLine(s).replace("\\", "\\\\").replace("|", "\\|");
	}

	private static String oneLine(String s) {
		return s.replaceAll("\\s*\\R\\s*", " ").strip();
	}

	/** GitHub-style anchor: lower case, spaces to hyphens, punctuation dropped. */
	static String anchor(String text) {
		return oneLine(text).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
	}
}

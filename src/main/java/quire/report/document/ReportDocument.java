package quire.report.document;

import java.util.List;
import java.util.Objects;

/**
 * A report to render: a title page (title and subtitle) followed by blocks.
 *
 * @param title the title, not blank
 * @param subtitle the subtitle (may be blank)
 * @param blocks the content blocks in order
 */
public record ReportDocument(String title, String subtitle, List<Block> blocks) {

	/** Validates and copies. */
	public ReportDocument {
		Objects.requireNonNull(title, "Report title must not be null");
		if (title.isBlank()) {
			throw new IllegalArgumentException("Report title must not be blank");
		}
		subtitle = subtitle == null ? "" : subtitle;
		Objects.requireNonNull(blocks, "Report blocks must not be null");
		for (Block b : blocks) {
			Objects.requireNonNull(b, "Report blocks must not contain null");
		}
		blocks = List.copyOf(blocks);
	}

	/** @return the level 1 and 2 headings, in order, for a table of contents */
	public List<Heading> tocHeadings() {
		return blocks.stream().filter(b -> b instanceof Heading h && h.level() <= 2).map(Heading.class::cast).toList();
	}

	/**
	 * @return "Innhold" if the document looks Norwegian (title or subtitle contains æ, ø or å), else "Contents"
	 */
	public String contentsLabel() {
		String s = (title + " " + subtitle).toLowerCase(java.util.Locale.ROOT);
		return s.matches(".*[æøå].*") ? "Innhold" : "Contents";
	}
}

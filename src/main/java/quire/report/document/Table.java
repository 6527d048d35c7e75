package quire.report.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A table with a header row.
 *
 * @param caption the caption (may be blank)
 * @param header the column headings, at least one
 * @param rows the data rows, each with exactly as many cells as the header
 */
public record Table(String caption, List<String> header, List<List<String>> rows) implements Block {

	/** Validates the shape and copies the lists; null cells become blank. */
	public Table {
		caption = caption == null ? "" : caption;
		Objects.requireNonNull(header, "Table header must not be null");
		Objects.requireNonNull(rows, "Table rows must not be null");
		if (header.isEmpty()) {
			throw new IllegalArgumentException("Table must have at least one column");
		}
		header = copy(header);
		List<List<String>> copied = new ArrayList<>(rows.size());
		for (int i = 0; i < rows.size(); i++) {
			List<String> row = rows.get(i);
			if (row == null || row.size() != header.size()) {
				throw new IllegalArgumentException("Table row " + (i + 1) + " has "
						+ (row == null ? 0 : row.size()) + " cells but the header has " + header.size() + " columns");
			}
			copied.add(copy(row));
		}
		rows = List.copyOf(copied);
	}

	private static List<String> copy(List<String> cells) {
		List<String> out = new ArrayList<>(cells.size());
		for (String c : cells) {
			out.add(c == null ? "" : c);
		}
		return List.copyOf(out);
	}
}

package quire.survey.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One data row of a survey table.
 *
 * @param line the line (CSV) or row number (Excel) where the row starts; the header is line 1
 * @param cells column → cell, in column order, every value stripped of surrounding blanks; a missing cell is
 * {@code ""}
 */
public record ParsedRow(int line, Map<String, String> cells) {

	public ParsedRow {
		if (line < 2) {
			throw new IllegalArgumentException("a data row starts on line 2 or later, got " + line);
		}
		Map<String, String> copy = new LinkedHashMap<>();
		for (Map.Entry<String, String> e : cells.entrySet()) {
			copy.put(Objects.requireNonNull(e.getKey(), "column"),
					Objects.requireNonNull(e.getValue(), "cell of " + e.getKey()).strip());
		}
		cells = Collections.unmodifiableMap(copy);
	}

	/** The cell of a column, {@code ""} when the row has no such column. */
	public String get(String column) {
		return this.cells.getOrDefault(column, "");
	}

	/** Whether every cell is blank. */
	public boolean isBlank() {
		for (String v : this.cells.values()) {
			if (!v.isEmpty()) {
				return false;
			}
		}
		return true;
	}

}

package quire.survey.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A survey table as read from a file: its header and its data rows.
 * <p>
 * The constructor copies both lists and checks that the column names are non-blank and distinct (ignoring case)
 * and that every row has exactly these columns, in this order.
 *
 * @param fileName the file's name, used in messages
 * @param columns the header names, stripped, in file order
 * @param rows the non-blank data rows in file order
 */
public record ParsedTable(String fileName, List<String> columns, List<ParsedRow> rows) {

	public ParsedTable {
		Objects.requireNonNull(fileName, "fileName");
		columns = List.copyOf(columns);
		Set<String> seen = new HashSet<>();
		for (String c : columns) {
			if (c.isBlank() || !c.equals(c.strip())) {
				throw new IllegalArgumentException("a column name must be stripped and non-blank, was '" + c + "'");
			}
			if (!seen.add(c.toLowerCase(Locale.ROOT))) {
				throw new IllegalArgumentException("column '" + c + "' appears twice");
			}
		}
		rows = List.copyOf(rows);
		for (ParsedRow r : rows) {
			if (!List.copyOf(r.cells().keySet()).equals(columns)) {
				throw new IllegalArgumentException("the row on line " + r.line() + " has columns "
						+ r.cells().keySet() + " but the table has " + columns);
			}
		}
	}

	/** A table with no columns and no rows, for a file that could not be read. */
	public static ParsedTable empty(String fileName) {
		return new ParsedTable(fileName, List.of(), List.of());
	}

	/** The column with this name: exactly as written if there is one, else ignoring case. */
	public Optional<String> column(String name) {
		String n = name.strip();
		if (this.columns.contains(n)) {
			return Optional.of(n);
		}
		for (String c : this.columns) {
			if (c.equalsIgnoreCase(n)) {
				return Optional.of(c);
			}
		}
		return Optional.empty();
	}

	/** The cells of a column in row order ({@code ""} for every row when there is no such column). */
	public List<String> values(String column) {
		List<String> values = new ArrayList<>(this.rows.size());
		for (ParsedRow r : this.rows) {
			values.add(r.get(column));
		}
		return values;
	}

}

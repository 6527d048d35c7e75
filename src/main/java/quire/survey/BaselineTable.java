package quire.survey;

import java.util.List;

/**
 * Baseline characteristics laid out like seed 002's Table 1: one row per attribute (numbers as mean
 * (SD), categories as one row per value with n (%)), one column per group plus the total. Cells are
 * formatted for reading; {@code n} holds each column's number of participants.
 */
public record BaselineTable(String title, List<String> columns, List<Integer> n, List<Row> rows) {

	/** A row: its label, whether it heads a category's values, and one cell per column. */
	public record Row(String label, boolean heading, List<String> cells) {
	}

	public BaselineTable {
		columns = List.copyOf(columns);
		n = List.copyOf(n);
		rows = List.copyOf(rows);
	}

}

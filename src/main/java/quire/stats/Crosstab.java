package quire.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import quire.stats.Agreement.Coefficient;

/**
 * Two-way contingency tables (cross-tabulations) of two categorical variables, e.g. two survey questions or a
 * code and a document attribute.
 * <p>
 * Labels are compared exactly (case- and whitespace-sensitive). Percentages are on a 0–100 scale. As in
 * {@link Agreement}, no percentage is ever {@code NaN}: a percentage of an empty row, column or table is an
 * {@link Coefficient#undefined(String) undefined} coefficient.
 */
public final class Crosstab {

	private Crosstab() {
	}

	/**
	 * A contingency table of counts n<sub>rc</sub> with its margins.
	 * <p>
	 * The arrays are copied on construction and by their accessors, so a table cannot be changed once built;
	 * {@link #equals(Object)} compares their contents.
	 *
	 * @param rowLabels the row categories, no duplicates
	 * @param columnLabels the column categories, no duplicates
	 * @param counts {@code counts[r][c]} = n<sub>rc</sub>, the number of cases in row r and column c
	 * @param rowTotals n<sub>r·</sub> = Σ<sub>c</sub> n<sub>rc</sub>
	 * @param columnTotals n<sub>·c</sub> = Σ<sub>r</sub> n<sub>rc</sub>
	 * @param total n = Σ<sub>r,c</sub> n<sub>rc</sub>, the number of complete pairs
	 * @param missing the number of pairs left out because either value was missing
	 */
	public record Table(List<String> rowLabels, List<String> columnLabels, int[][] counts, int[] rowTotals,
			int[] columnTotals, int total, int missing) {

		/**
		 * @throws IllegalArgumentException if a dimension does not match the labels, a count is negative, or a
		 * total is not the sum of its counts
		 */
		public Table {
			rowLabels = List.copyOf(rowLabels);
			columnLabels = List.copyOf(columnLabels);
			counts = deepCopy(counts);
			rowTotals = rowTotals.clone();
			columnTotals = columnTotals.clone();
			int rows = rowLabels.size();
			int columns = columnLabels.size();
			if (counts.length != rows || rowTotals.length != rows) {
				throw new IllegalArgumentException("counts and rowTotals must have " + rows + " rows, got "
						+ counts.length + " and " + rowTotals.length);
			}
			if (columnTotals.length != columns) {
				throw new IllegalArgumentException(
						"columnTotals must have " + columns + " columns, got " + columnTotals.length);
			}
			if (missing < 0) {
				throw new IllegalArgumentException("missing must not be negative, got " + missing);
			}
			long[] columnSums = new long[columns];
			long sum = 0;
			for (int r = 0; r < rows; r++) {
				if (counts[r].length != columns) {
					throw new IllegalArgumentException(
							"counts[" + r + "] must have " + columns + " columns, got " + counts[r].length);
				}
				long rowSum = 0;
				for (int c = 0; c < columns; c++) {
					if (counts[r][c] < 0) {
						throw new IllegalArgumentException(
								"counts[" + r + "][" + c + "] must not be negative, got " + counts[r][c]);
					}
					rowSum += counts[r][c];
					columnSums[c] += counts[r][c];
				}
				if (rowSum != rowTotals[r]) {
					throw new IllegalArgumentException(
							"rowTotals[" + r + "] must be " + rowSum + ", got " + rowTotals[r]);
				}
				sum += rowSum;
			}
			for (int c = 0; c < columns; c++) {
				if (columnSums[c] != columnTotals[c]) {
					throw new IllegalArgumentException(
							"columnTotals[" + c + "] must be " + columnSums[c] + ", got " + columnTotals[c]);
				}
			}
			if (sum != total) {
				throw new IllegalArgumentException("total must be " + sum + ", got " + total);
			}
		}

		/** A copy of the counts. */
		@Override
		public int[][] counts() {
			return deepCopy(this.counts);
		}

		/** A copy of the row totals. */
		@Override
		public int[] rowTotals() {
			return this.rowTotals.clone();
		}

		/** A copy of the column totals. */
		@Override
		public int[] columnTotals() {
			return this.columnTotals.clone();
		}

		/** The count n<sub>rc</sub> of row {@code r} and column {@code c}. */
		public int count(int r, int c) {
			checkCell(r, c);
			return this.counts[r][c];
		}

		/**
		 * The share of row {@code r} that falls in column {@code c}: 100 · n<sub>rc</sub> / n<sub>r·</sub>.
		 *
		 * @return the percentage, undefined when the row is empty
		 * @throws IndexOutOfBoundsException if {@code r} or {@code c} is out of range
		 */
		public Coefficient rowPercent(int r, int c) {
			checkCell(r, c);
			if (this.rowTotals[r] == 0) {
				return Coefficient.undefined("row \"" + this.rowLabels.get(r) + "\" is empty");
			}
			return Coefficient.of(100.0 * this.counts[r][c] / this.rowTotals[r]);
		}

		/**
		 * The share of column {@code c} that falls in row {@code r}: 100 · n<sub>rc</sub> / n<sub>·c</sub>.
		 *
		 * @return the percentage, undefined when the column is empty
		 * @throws IndexOutOfBoundsException if {@code r} or {@code c} is out of range
		 */
		public Coefficient columnPercent(int r, int c) {
			checkCell(r, c);
			if (this.columnTotals[c] == 0) {
				return Coefficient.undefined("column \"" + this.columnLabels.get(c) + "\" is empty");
			}
			return Coefficient.of(100.0 * this.counts[r][c] / this.columnTotals[c]);
		}

		/**
		 * The share of the whole table in row {@code r} and column {@code c}: 100 · n<sub>rc</sub> / n.
		 *
		 * @return the percentage, undefined when the table is empty
		 * @throws IndexOutOfBoundsException if {@code r} or {@code c} is out of range
		 */
		public Coefficient totalPercent(int r, int c) {
			checkCell(r, c);
			if (this.total == 0) {
				return Coefficient.undefined("the table is empty");
			}
			return Coefficient.of(100.0 * this.counts[r][c] / this.total);
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Table that && this.total == that.total && this.missing == that.missing
					&& this.rowLabels.equals(that.rowLabels) && this.columnLabels.equals(that.columnLabels)
					&& Arrays.deepEquals(this.counts, that.counts);
		}

		@Override
		public int hashCode() {
			return 31 * (31 * this.rowLabels.hashCode() + this.columnLabels.hashCode())
					+ Arrays.deepHashCode(this.counts) + this.missing;
		}

		@Override
		public String toString() {
			return "Table[rowLabels=" + this.rowLabels + ", columnLabels=" + this.columnLabels + ", counts="
					+ Arrays.deepToString(this.counts) + ", rowTotals=" + Arrays.toString(this.rowTotals)
					+ ", columnTotals=" + Arrays.toString(this.columnTotals) + ", total=" + this.total
					+ ", missing=" + this.missing + "]";
		}

		private void checkCell(int r, int c) {
			if (r < 0 || r >= this.rowLabels.size()) {
				throw new IndexOutOfBoundsException(
						"row index r must be in [0, " + this.rowLabels.size() + "), got " + r);
			}
			if (c < 0 || c >= this.columnLabels.size()) {
				throw new IndexOutOfBoundsException(
						"column index c must be in [0, " + this.columnLabels.size() + "), got " + c);
			}
		}
	}

	/**
	 * Cross-tabulates paired values: case i falls in row {@code rows.get(i)} and column {@code columns.get(i)}.
	 * <p>
	 * A pair where either value is {@code null} or blank is left out of the table and counted as missing. The
	 * row labels are the categories of {@code rowOrder} in that order (an all-zero row when not observed),
	 * followed by any other row value of a counted pair in order of first appearance; likewise for the columns.
	 *
	 * @param rows the row variable, one value per case
	 * @param columns the column variable, one value per case, as many as {@code rows}
	 * @param rowOrder the row categories to list first and in this order; may be empty
	 * @param columnOrder the column categories to list first and in this order; may be empty
	 * @throws IllegalArgumentException if an argument is null, {@code rows} and {@code columns} differ in length,
	 * or an order holds a null, blank or duplicate category
	 */
	public static Table of(List<String> rows, List<String> columns, List<String> rowOrder,
			List<String> columnOrder) {
		if (rows == null) {
			throw new IllegalArgumentException("rows must not be null");
		}
		if (columns == null) {
			throw new IllegalArgumentException("columns must not be null");
		}
		if (rows.size() != columns.size()) {
			throw new IllegalArgumentException("rows and columns must have the same length, got " + rows.size()
					+ " and " + columns.size());
		}
		Map<String, Integer> rowIndex = index(rowOrder, "rowOrder");
		Map<String, Integer> columnIndex = index(columnOrder, "columnOrder");
		List<int[]> cells = new ArrayList<>(rows.size());
		int missing = 0;
		for (int i = 0; i < rows.size(); i++) {
			String row = rows.get(i);
			String column = columns.get(i);
			if (row == null || row.isBlank() || column == null || column.isBlank()) {
				missing++;
				continue;
			}
			int r = rowIndex.computeIfAbsent(row, k -> rowIndex.size());
			int c = columnIndex.computeIfAbsent(column, k -> columnIndex.size());
			cells.add(new int[] { r, c });
		}
		int[][] counts = new int[rowIndex.size()][columnIndex.size()];
		int[] rowTotals = new int[rowIndex.size()];
		int[] columnTotals = new int[columnIndex.size()];
		for (int[] cell : cells) {
			counts[cell[0]][cell[1]]++;
			rowTotals[cell[0]]++;
			columnTotals[cell[1]]++;
		}
		return new Table(List.copyOf(rowIndex.keySet()), List.copyOf(columnIndex.keySet()), counts, rowTotals,
				columnTotals, cells.size(), missing);
	}

	private static Map<String, Integer> index(List<String> order, String name) {
		if (order == null) {
			throw new IllegalArgumentException(name + " must not be null");
		}
		Map<String, Integer> index = new LinkedHashMap<>();
		for (int i = 0; i < order.size(); i++) {
			String category = order.get(i);
			if (category == null || category.isBlank()) {
				throw new IllegalArgumentException(
						name + "[" + i + "] must not be " + (category == null ? "null" : "blank"));
			}
			if (index.putIfAbsent(category, index.size()) != null) {
				throw new IllegalArgumentException(name + "[" + i + "] \"" + category + "\" is listed more than once");
			}
		}
		return index;
	}

	private static int[][] deepCopy(int[][] array) {
		int[][] copy = new int[array.length][];
		for (int i = 0; i < array.length; i++) {
			copy[i] = array[i].clone();
		}
		return copy;
	}
}

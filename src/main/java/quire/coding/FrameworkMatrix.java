package quire.coding;

import java.util.List;

/**
 * Rows (RE-AIM dimensions or codes) × columns (documents, groups or speakers); each cell holds the
 * coded segments of the row's codes in the column's source. A segment is counted once per cell even
 * when several of the row's codes cover it. {@code scope} names the documents it covers, e.g.
 * "qualitative strand: 2 focus groups".
 */
public record FrameworkMatrix(MatrixColumns columnKind, List<MatrixRow> rows, List<String> columns,
		List<List<List<CodedSegment>>> cells, String scope) {

	public int count(int row, int column) {
		return cells.get(row).get(column).size();
	}

	public List<CodedSegment> segments(int row, int column) {
		return cells.get(row).get(column);
	}

	public int rowTotal(int row) {
		return cells.get(row).stream().mapToInt(List::size).sum();
	}

}

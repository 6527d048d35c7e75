package quire.coding;

import java.util.List;

/**
 * Rows (RE-AIM dimensions or codes) × columns (documents, groups or speakers); each cell holds the
 * coded segments of the row's codes in the column's source, and counts them as passages
 * ({@link Passages}): codings that overlap in one speaker turn count once, whichever coder or which
 * of the row's codes made them, so a passage two coders both coded for reliability is not counted
 * twice. {@code scope} names the documents it covers, e.g. "qualitative strand: 2 focus groups".
 */
public record FrameworkMatrix(MatrixColumns columnKind, List<MatrixRow> rows, List<String> columns,
		List<List<List<CodedSegment>>> cells, String scope) {

	/** The coded passages in a cell. */
	public int count(int row, int column) {
		return Passages.count(cells.get(row).get(column));
	}

	public List<CodedSegment> segments(int row, int column) {
		return cells.get(row).get(column);
	}

	/** The coded passages in a row (each column's passages; a passage lies in one column). */
	public int rowTotal(int row) {
		return cells.get(row).stream().mapToInt(Passages::count).sum();
	}

}

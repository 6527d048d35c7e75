package quire.analysis;

import java.util.List;

import quire.coding.CodedSegment;
import quire.coding.MatrixRow;
import quire.coding.Passages;

/**
 * Codes (or RE-AIM dimensions) × the values of a participant attribute: per cell the coded segments
 * of speakers with that value, the passages they make ({@link Passages}: a passage two coders both
 * coded counts once) and how many distinct participants they come from.
 */
public record AttributeMatrix(String attribute, List<MatrixRow> rows, List<String> columns,
		List<List<List<CodedSegment>>> cells, int[][] participants) {

	/** Codings in a cell, every coder's. */
	public int segments(int row, int column) {
		return cells.get(row).get(column).size();
	}

	/** Coded passages in a cell: what a table reports. */
	public int passages(int row, int column) {
		return Passages.count(cells.get(row).get(column));
	}

}

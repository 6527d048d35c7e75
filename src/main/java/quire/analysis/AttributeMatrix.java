package quire.analysis;

import java.util.List;

import quire.coding.CodedSegment;
import quire.coding.MatrixRow;

/**
 * Codes (or RE-AIM dimensions) × the values of a participant attribute: per cell the coded segments
 * of speakers with that value and how many distinct participants they come from.
 */
public record AttributeMatrix(String attribute, List<MatrixRow> rows, List<String> columns,
		List<List<List<CodedSegment>>> cells, int[][] participants) {

	public int segments(int row, int column) {
		return cells.get(row).get(column).size();
	}

}

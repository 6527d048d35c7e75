package quire.coding;

import java.util.List;
import java.util.Set;

/**
 * A row of a framework matrix: a RE-AIM dimension or a code, with the codes it counts (the code
 * itself and its descendants, or every code mapped to the dimension, directly or through an
 * ancestor).
 */
public record MatrixRow(String label, String colour, Set<CodeId> codes) {

	public MatrixRow {
		codes = Set.copyOf(codes);
	}

	static List<MatrixRow> none() {
		return List.of();
	}

}

package quire.fidelity.internal;

import java.util.List;

/**
 * What {@link LabCsv#read} found in a coding lab's results file: the good rows, the problems (a row with any
 * problem is left out of {@code rows}), and the columns that were neither recognised nor mapped, which are ignored.
 *
 * @param rows the good rows, in file order
 * @param errors the problems, in file order
 * @param unrecognisedColumns the headers of ignored columns, as written in the file
 */
public record LabImport(List<LabRow> rows, List<RowError> errors, List<String> unrecognisedColumns) {

	public LabImport {
		rows = List.copyOf(rows);
		errors = List.copyOf(errors);
		unrecognisedColumns = List.copyOf(unrecognisedColumns);
	}

	/** Whether the file had no problems at all. */
	public boolean clean() {
		return this.errors.isEmpty();
	}

}

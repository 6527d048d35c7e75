package quire.fidelity.internal;

import static quire.fidelity.internal.LabCsv.FIELDS;
import static quire.fidelity.internal.LabCsv.IGNORE;
import static quire.fidelity.internal.LabCsv.fieldDescription;
import static quire.fidelity.internal.LabCsv.fieldIndex;
import static quire.fidelity.internal.LabCsv.fieldName;
import static quire.fidelity.internal.LabCsv.fieldNames;
import static quire.fidelity.internal.LabCsv.normalise;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.commons.csv.CSVRecord;

/**
 * The header line of a lab CSV read by {@link LabCsv}: which column gives each field (an explicit
 * mapping first, then recognition by name), the columns neither recognised nor mapped, and the errors
 * on line 1.
 */
final class LabCsvHeader {

	final int[] columnOf = new int[FIELDS];

	final String[] names;

	final List<String> unrecognised = new ArrayList<>();

	final List<RowError> errors = new ArrayList<>();

	private LabCsvHeader(String[] names) {
		this.names = names;
		Arrays.fill(this.columnOf, -1);
	}

	static LabCsvHeader of(CSVRecord record, Map<String, String> mapping) {
		String[] names = new String[record.size()];
		for (int c = 0; c < names.length; c++) {
			names[c] = record.get(c).strip();
		}
		LabCsvHeader h = new LabCsvHeader(names);
		// explicit mapping first
		int[] assigned = new int[names.length]; // field index, -1 unassigned, -2 ignored
		Arrays.fill(assigned, -1);
		Map<String, String> entries = new LinkedHashMap<>();
		for (Map.Entry<String, String> e : mapping.entrySet()) {
			entries.put(Objects.requireNonNull(e.getKey(), "mapping key"),
					Objects.requireNonNull(e.getValue(), "mapping value"));
		}
		for (Map.Entry<String, String> e : entries.entrySet()) {
			String key = normalise(e.getKey());
			String target = e.getValue().strip();
			List<Integer> columns = new ArrayList<>();
			for (int c = 0; c < names.length; c++) {
				if (!names[c].isEmpty() && normalise(names[c]).equals(key)) {
					columns.add(c);
				}
			}
			if (columns.isEmpty()) {
				h.errors.add(new RowError(1, e.getKey().strip(), "the mapping names a column that is not in the header;"
						+ " the columns are " + quoted(names)));
				continue;
			}
			int field;
			String t = normalise(target);
			if (t.isEmpty() || t.equals(IGNORE) || t.equals("skip") || t.equals("none")) {
				field = -2;
			}
			else {
				field = fieldIndex(target);
				if (field < 0) {
					h.errors.add(new RowError(1, e.getKey().strip(), "the mapping target \"" + target
							+ "\" is not a field; use one of " + String.join(", ", fieldNames()) + " or " + IGNORE));
					continue;
				}
			}
			for (int c : columns) {
				assigned[c] = field;
			}
		}
		boolean[] mapped = new boolean[names.length];
		for (int c = 0; c < names.length; c++) {
			mapped[c] = assigned[c] != -1;
		}
		// then recognition by name
		for (int c = 0; c < names.length; c++) {
			if (!mapped[c] && !names[c].isEmpty()) {
				assigned[c] = fieldIndex(names[c]);
			}
		}
		for (int pass = 0; pass < 2; pass++) {
			boolean mappedPass = pass == 0;
			for (int c = 0; c < names.length; c++) {
				if (mapped[c] != mappedPass || assigned[c] < 0) {
					continue;
				}
				int f = assigned[c];
				int other = h.columnOf[f];
				if (other < 0) {
					h.columnOf[f] = c;
				}
				else if (mapped[other] && !mapped[c]) {
					h.unrecognised.add(names[c]); // the mapping wins over recognition by name
				}
				else {
					h.errors.add(new RowError(1, names[c], "columns \"" + names[other] + "\" and \"" + names[c]
							+ "\" both give " + fieldName(f) + "; map one of them to \"" + IGNORE + "\""));
				}
			}
		}
		for (int c = 0; c < names.length; c++) {
			if (!mapped[c] && assigned[c] < 0 && !names[c].isEmpty()) {
				h.unrecognised.add(names[c]);
			}
		}
		List<String> recognised = new ArrayList<>();
		for (int f = 0; f < FIELDS; f++) {
			if (h.columnOf[f] >= 0) {
				recognised.add("\"" + names[h.columnOf[f]] + "\" as " + fieldName(f));
			}
		}
		for (int f = 0; f < FIELDS; f++) {
			if (h.columnOf[f] < 0) {
				h.errors.add(new RowError(1, fieldName(f), "no column for " + fieldDescription(f)
						+ "; recognised columns: " + (recognised.isEmpty() ? "none" : String.join(", ", recognised))));
			}
		}
		return h;
	}

	private static String quoted(String[] names) {
		List<String> q = new ArrayList<>();
		for (String n : names) {
			if (!n.isEmpty()) {
				q.add("\"" + n + "\"");
			}
		}
		return q.isEmpty() ? "none" : String.join(", ", q);
	}

}

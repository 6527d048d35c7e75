package quire.survey.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import quire.survey.MeasurementLevel;
import quire.survey.SurveyProblem;
import quire.survey.ValueLabel;
import quire.survey.VariableSpec;

/**
 * Checks a survey table against its codebook before it is imported.
 * <p>
 * <b>Ids.</b> The id column (matched exactly, else ignoring case) must exist (else one problem on line 1); every row
 * needs a non-empty id, and no id may appear twice (compared ignoring case; the problem is on the later line and
 * names the earlier one).
 * <p>
 * <b>Variables.</b> A codebook variable whose column is not in the table is a problem on line 1. Blank cells and the
 * variable's missing codes are always valid. Otherwise, per cell:
 * <ul>
 * <li>a nominal or ordinal variable with value labels accepts only their codes (exactly, case and all);</li>
 * <li>a scale variable accepts only numbers with a decimal point (a decimal comma is reported as such);</li>
 * <li>a nominal or ordinal variable without value labels accepts numbers and text, but not both: when a column
 * mixes them, each cell of the minority kind is reported (on a tie, the text cells).</li>
 * </ul>
 * Problems are in line order, and within a line in column order. Columns of the table that the codebook does not
 * mention are not checked.
 */
public final class TableValidator {

	/** The most codes listed in a message. */
	private static final int LISTED_CODES = 12;

	private TableValidator() {
	}

	private record Found(SurveyProblem problem, int columnIndex) {
	}

	/**
	 * Validates a table.
	 *
	 * @param t the table
	 * @param idColumn the name of the id column
	 * @param specs the codebook
	 * @return the problems, empty when the table is fit to import
	 */
	public static List<SurveyProblem> validate(ParsedTable t, String idColumn, List<VariableSpec> specs) {
		List<Found> found = new ArrayList<>();
		Optional<String> id = t.column(idColumn);
		if (id.isEmpty()) {
			found.add(new Found(new SurveyProblem(1, idColumn.strip(), "there is no id column '" + idColumn.strip()
					+ "'; the columns are " + listColumns(t.columns())), -1));
		}
		else {
			ids(t, id.get(), found);
		}
		Set<String> done = new HashSet<>();
		for (VariableSpec spec : specs) {
			Optional<String> column = t.column(spec.column());
			if (column.isEmpty()) {
				found.add(new Found(new SurveyProblem(1, spec.column(), "the codebook has a variable '"
						+ spec.column() + "' but the file has no such column; the columns are "
						+ listColumns(t.columns())), -1));
				continue;
			}
			if (done.add(column.get())) {
				values(t, column.get(), spec, found);
			}
		}
		found.sort(Comparator.comparingInt((Found f) -> f.problem().line()).thenComparingInt(Found::columnIndex));
		return found.stream().map(Found::problem).toList();
	}

	private static void ids(ParsedTable t, String column, List<Found> found) {
		int index = t.columns().indexOf(column);
		Map<String, Integer> firstLine = new HashMap<>();
		for (ParsedRow row : t.rows()) {
			String value = row.get(column);
			if (value.isEmpty()) {
				found.add(new Found(new SurveyProblem(row.line(), column, "the id is empty; every row needs the"
						+ " respondent's id"), index));
				continue;
			}
			Integer earlier = firstLine.putIfAbsent(value.toLowerCase(Locale.ROOT), row.line());
			if (earlier != null) {
				found.add(new Found(new SurveyProblem(row.line(), column, "duplicate id " + Values.shown(value)
						+ ": it is also on line " + earlier + " (ids are compared ignoring case)"), index));
			}
		}
	}

	private static void values(ParsedTable t, String column, VariableSpec spec, List<Found> found) {
		int index = t.columns().indexOf(column);
		MeasurementLevel level = spec.level();
		boolean labelled = spec.hasValueLabels() && level != MeasurementLevel.SCALE;
		if (labelled) {
			Set<String> codes = new HashSet<>(spec.codes());
			String listed = listCodes(spec.valueLabels());
			for (ParsedRow row : t.rows()) {
				String v = row.get(column);
				if (spec.isMissing(v) || codes.contains(v)) {
					continue;
				}
				String reason = Values.shown(v) + " is not one of the value labels (" + listed + ")";
				for (String code : codes) {
					if (code.equalsIgnoreCase(v)) {
						reason += "; codes are case-sensitive: write " + Values.shown(code);
						break;
					}
				}
				found.add(new Found(new SurveyProblem(row.line(), column, reason), index));
			}
			return;
		}
		if (level == MeasurementLevel.SCALE) {
			for (ParsedRow row : t.rows()) {
				String v = row.get(column);
				if (spec.isMissing(v) || Values.isNumber(v)) {
					continue;
				}
				String reason = Values.isDecimalComma(v)
						? v + " has a decimal comma; write " + v.replace(',', '.') + " (scale values need a decimal point)"
						: Values.shown(v) + " is not a number (the variable is a scale)";
				found.add(new Found(new SurveyProblem(row.line(), column, reason), index));
			}
			return;
		}
		int numbers = 0;
		int texts = 0;
		for (ParsedRow row : t.rows()) {
			String v = row.get(column);
			if (spec.isMissing(v)) {
				continue;
			}
			if (Values.isNumber(v)) {
				numbers++;
			}
			else {
				texts++;
			}
		}
		if (numbers == 0 || texts == 0) {
			return;
		}
		boolean textOffends = texts <= numbers;
		for (ParsedRow row : t.rows()) {
			String v = row.get(column);
			if (spec.isMissing(v) || Values.isNumber(v) == textOffends) {
				continue;
			}
			String reason = textOffends
					? Values.shown(v) + " is text but " + numbers + " of the " + (numbers + texts)
							+ " values in this column are numbers (mixed types)"
					: v + " is a number but " + texts + " of the " + (numbers + texts)
							+ " values in this column are text (mixed types)";
			found.add(new Found(new SurveyProblem(row.line(), column, reason), index));
		}
	}

	/** E.g. {@code 1–5} for consecutive whole numbers, else {@code yes, no}. */
	static String listCodes(List<ValueLabel> labels) {
		List<String> codes = labels.stream().map(ValueLabel::code).toList();
		if (codes.size() >= 3 && codes.stream().allMatch(c -> Values.isInteger(c) && !c.startsWith("+")
				&& (c.equals("0") || !c.startsWith("0")) && !c.startsWith("-0") && c.length() < 10)) {
			boolean consecutive = true;
			for (int i = 1; i < codes.size(); i++) {
				if (Long.parseLong(codes.get(i)) != Long.parseLong(codes.get(i - 1)) + 1) {
					consecutive = false;
					break;
				}
			}
			if (consecutive) {
				return codes.get(0) + "–" + codes.get(codes.size() - 1);
			}
		}
		if (codes.size() <= LISTED_CODES) {
			return String.join(", ", codes);
		}
		return String.join(", ", codes.subList(0, LISTED_CODES - 2)) + ", … (" + codes.size() + " codes)";
	}

	private static String listColumns(List<String> columns) {
		if (columns.isEmpty()) {
			return "none";
		}
		List<String> quoted = new ArrayList<>();
		for (String c : columns) {
			quoted.add("'" + c + "'");
		}
		return String.join(", ", quoted);
	}

}

package quire.tabular;

/**
 * Quire's one rule for cells a spreadsheet would take for a formula ("CSV injection"), used by every
 * importer (questionnaire CSV and XLSX, MITI coding-lab CSV, codebooks) to refuse such cells and by
 * every exporter to neutralise them.
 * <p>
 * A cell looks like a formula when, after leading and trailing white space, it
 * <ul>
 * <li>starts with {@code =} or {@code @}, or</li>
 * <li>starts with {@code +} or {@code -}, is longer than that one sign, and is not a plain number.</li>
 * </ul>
 * A plain number is what {@link NumberText} reads: an optional sign, digits with an optional decimal point or
 * comma (or a leading point: {@code -.5}), an optional exponent and an optional {@code %}: {@code -1}, {@code -0.5},
 * {@code +2}, {@code 1e-3}, {@code -12,5}, {@code -5%} are data. {@code -(1)}, {@code --1}, {@code -A1},
 * {@code +cmd|' /C calc'!A0} and {@code - item} are formulas, because Excel, LibreOffice and Sheets
 * evaluate them. A lone {@code -} or {@code +} is data (a common "no answer" mark), and so is text
 * with a sign inside it ({@code a=b}, {@code caseworker - said}).
 * <p>
 * On export a cell that looks like a formula, or that starts with a tab or carriage return, gets a
 * leading apostrophe, which spreadsheets show as text.
 */
public final class SpreadsheetCells {

	private SpreadsheetCells() {
	}

	/** Whether a spreadsheet would take this cell for a formula (the rule in the class comment). */
	public static boolean looksLikeFormula(String cell) {
		String v = cell.strip();
		if (v.isEmpty()) {
			return false;
		}
		char first = v.charAt(0);
		if (first == '=' || first == '@') {
			return true;
		}
		return (first == '+' || first == '-') && v.length() > 1 && !NumberText.isNumber(v);
	}

	/** The cell as it may be written to a CSV or spreadsheet file: with a leading apostrophe if it looks like a formula. */
	public static String neutralise(String cell) {
		if (cell.isEmpty()) {
			return cell;
		}
		char first = cell.charAt(0);
		if (first == '\t' || first == '\r' || looksLikeFormula(cell)) {
			return "'" + cell;
		}
		return cell;
	}

	/**
	 * The reason an importer gives for refusing such a cell, naming (the start of) the value:
	 * {@code "=HYPERLINK(…" looks like a spreadsheet formula}.
	 */
	public static String refusal(String cell) {
		String v = cell.strip();
		String shown = v.length() <= 40 ? v : v.substring(0, 39) + "…";
		return "\"" + shown + "\" looks like a spreadsheet formula";
	}

}

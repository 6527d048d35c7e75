package quire.tabular;

import java.util.regex.Pattern;

/**
 * Makes text safe to open in a spreadsheet. A cell starting with {@code = + - @}, a tab or a
 * carriage return would be run as a formula by Excel, LibreOffice or Sheets ("CSV injection"); it
 * gets a leading apostrophe. Plain numbers such as {@code -1.5} stay numbers.
 */
public final class SpreadsheetCells {

	private static final Pattern NUMBER = Pattern.compile("[-+]?\\d+([.,]\\d+)?([eE][-+]?\\d+)?");

	private SpreadsheetCells() {
	}

	public static String neutralise(String cell) {
		if (cell.isEmpty() || "=+-@\t\r".indexOf(cell.charAt(0)) < 0 || NUMBER.matcher(cell).matches()) {
			return cell;
		}
		return "'" + cell;
	}

}

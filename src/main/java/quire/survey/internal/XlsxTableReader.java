package quire.survey.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;

import quire.survey.SurveyProblem;
import quire.tabular.SpreadsheetCells;

/** Reads the first sheet of an Excel workbook for {@link TableReader}. */
final class XlsxTableReader {

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

	private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss",
			Locale.ROOT);

	private final String fileName;

	private final List<SurveyProblem> problems = new ArrayList<>();

	XlsxTableReader(String fileName) {
		this.fileName = fileName;
	}

	TableReader.ReadResult read(byte[] content) {
		if (content.length >= 4 && (content[0] & 0xFF) == 0xD0 && (content[1] & 0xFF) == 0xCF
				&& (content[2] & 0xFF) == 0x11 && (content[3] & 0xFF) == 0xE0) {
			return TableReader.failed(this.fileName, this.fileName + " is password-protected or an old Excel 97–2003"
					+ " workbook; remove the password or save it as an Excel workbook (.xlsx)");
		}
		if (content.length < 4 || content[0] != 'P' || content[1] != 'K') {
			return TableReader.failed(this.fileName, this.fileName + " is not an Excel workbook (.xlsx); if it is a CSV"
					+ " file, name it .csv");
		}
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
			if (workbook.getNumberOfSheets() == 0) {
				return TableReader.failed(this.fileName, this.fileName + " has no sheets");
			}
			return sheet(workbook.getSheetAt(0));
		}
		catch (IOException | RuntimeException e) {
			return TableReader.failed(this.fileName, this.fileName + " could not be read as an Excel workbook (.xlsx): "
					+ TableReader.rootMessage(e));
		}
	}

	private TableReader.ReadResult sheet(Sheet sheet) {
		List<String> header = null;
		int headerLine = 1;
		List<TableReader.RawRow> rows = new ArrayList<>();
		for (int r = Math.max(0, sheet.getFirstRowNum()); r <= sheet.getLastRowNum(); r++) {
			Row row = sheet.getRow(r);
			if (row == null) {
				continue;
			}
			int line = r + 1;
			if (header == null) {
				List<String> cells = new ArrayList<>();
				for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
					cells.add(value(line, row.getCell(c), null, c));
				}
				while (!cells.isEmpty() && cells.get(cells.size() - 1).isEmpty()) {
					cells.remove(cells.size() - 1);
				}
				if (cells.isEmpty()) {
					continue;
				}
				if (cells.size() > TableReader.MAX_COLUMNS) {
					this.problems.add(new SurveyProblem(line, "", "the header has " + cells.size()
							+ " columns; at most " + TableReader.MAX_COLUMNS + " are read"));
					cells = new ArrayList<>(cells.subList(0, TableReader.MAX_COLUMNS));
				}
				header = cells;
				headerLine = line;
				continue;
			}
			List<String> cells = new ArrayList<>(header.size());
			for (int c = 0; c < header.size(); c++) {
				cells.add(value(line, row.getCell(c), header.get(c), c));
			}
			for (int c = header.size(); c < row.getLastCellNum(); c++) {
				String extra = value(line, row.getCell(c), "", c);
				if (!extra.isEmpty()) {
					this.problems.add(new SurveyProblem(line, "", "column " + Values.columnLetter(c) + " holds "
							+ Values.shown(extra) + " but has no header"));
					break;
				}
			}
			if (TableReader.allBlank(cells)) {
				continue;
			}
			if (rows.size() == TableReader.MAX_ROWS) {
				this.problems.add(new SurveyProblem(line, "", this.fileName + " has more than " + TableReader.MAX_ROWS
						+ " data rows; the rest is not read"));
				break;
			}
			rows.add(new TableReader.RawRow(line, cells));
		}
		if (header == null) {
			return TableReader.failed(this.fileName, this.fileName + ": the first sheet (\"" + sheet.getSheetName()
					+ "\") is empty");
		}
		List<SurveyProblem> headerProblems = new ArrayList<>();
		ParsedTable table = TableReader.assemble(this.fileName, headerLine, header, rows, headerProblems);
		this.problems.addAll(0, headerProblems);
		return new TableReader.ReadResult(table, TableReader.sorted(this.problems));
	}

	/**
	 * The text of a cell, reporting formula and error cells.
	 *
	 * @param column the column's header, null for a header cell
	 */
	private String value(int line, @Nullable Cell cell, @Nullable String column, int index) {
		if (cell == null) {
			return "";
		}
		CellType type = cell.getCellType();
		if (type == CellType.FORMULA) {
			String formula;
			try {
				formula = cell.getCellFormula();
			}
			catch (RuntimeException e) {
				formula = "?";
			}
			this.problems.add(where(line, column, index, "formula cell (=" + Values.abbreviate(formula)
					+ "); copy the column and paste values only"));
			type = cell.getCachedFormulaResultType();
		}
		String text = switch (type) {
			case STRING -> cell.getStringCellValue();
			case NUMERIC -> DateUtil.isCellDateFormatted(cell) ? date(cell.getLocalDateTimeCellValue(),
					cell.getNumericCellValue()) : number(cell.getNumericCellValue());
			case BOOLEAN -> cell.getBooleanCellValue() ? "TRUE" : "FALSE";
			case ERROR -> {
				if (cell.getCellType() != CellType.FORMULA) {
					this.problems.add(where(line, column, index, "error cell (" + errorText(cell) + ")"));
				}
				yield "";
			}
			default -> "";
		};
		if (type == CellType.STRING && cell.getCellType() != CellType.FORMULA && SpreadsheetCells.looksLikeFormula(text)) {
			this.problems.add(where(line, column, index, "formula-looking cell: \"" + Values.abbreviate(text.strip())
					+ "\" would be taken for a spreadsheet formula; enter the value itself, or start it with a letter"
					+ " or a quote"));
		}
		return text.strip();
	}

	private static SurveyProblem where(int line, @Nullable String column, int index, String reason) {
		if (column == null) {
			return new SurveyProblem(line, "", "the header of column " + Values.columnLetter(index) + " is a "
					+ reason);
		}
		return new SurveyProblem(line, column,
				column.isEmpty() ? "column " + Values.columnLetter(index) + ": " + reason : reason);
	}

	private static String errorText(Cell cell) {
		try {
			return FormulaError.forInt(cell.getErrorCellValue()).getString();
		}
		catch (RuntimeException e) {
			return "#ERROR";
		}
	}

	static String number(double d) {
		if (!Double.isFinite(d)) {
			return Double.toString(d);
		}
		if (d == Math.rint(d) && Math.abs(d) < 1e15) {
			return Long.toString((long) d);
		}
		return new BigDecimal(d).round(new MathContext(15)).stripTrailingZeros().toPlainString();
	}

	static String date(LocalDateTime t, double serial) {
		if (serial < 1) {
			LocalTime time = t.toLocalTime();
			return time.getSecond() == 0 ? time.format(DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT))
					: time.format(DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT));
		}
		if (t.toLocalTime().equals(LocalTime.MIDNIGHT)) {
			return t.toLocalDate().toString();
		}
		return t.getSecond() == 0 ? t.format(MINUTES) : t.format(SECONDS);
	}

}

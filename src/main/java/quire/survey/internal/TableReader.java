package quire.survey.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

import quire.survey.SurveyProblem;
import quire.tabular.DelimitedText;
import quire.tabular.SpreadsheetCells;

/**
 * Reads a survey table (questionnaire answers or participant attributes, one row per respondent) from a CSV file or
 * an Excel workbook. The first row is the header.
 * <p>
 * <b>CSV</b> ({@code .csv}). The file must be UTF-8, with or without a byte order mark; anything else (Windows-1252,
 * Latin-1, UTF-16) is refused with one problem "not UTF-8 (save as UTF-8)" on the line of the first bad byte. The
 * encoding is never guessed. The delimiter is a comma, a semicolon or a tab, whichever occurs most often outside
 * quotes in the header line (comma on a tie); a header that comes out as one column but contains another delimiter
 * (a quoted header, or {@code |}) is reported as "wrong delimiter?". Quoting follows RFC 4180; line numbers are the
 * physical lines where a row starts; blank lines above the header are skipped. A row with fewer cells than the header, or with more non-blank cells, is
 * reported (and kept, padded with blank cells or cut). A cell that a spreadsheet would take for a formula (starting
 * with {@code =} or {@code @}, with {@code +} without being a number, or with {@code -} followed by a letter) is
 * reported as "formula-looking cell".
 * <p>
 * <b>Excel</b> ({@code .xlsx}). The first sheet is read; its first non-blank row is the header and line numbers are
 * the spreadsheet's row numbers. Whole numbers are written without a trailing {@code .0}, other numbers with at
 * most 15 significant digits (as Excel shows them), date cells as ISO {@code yyyy-mm-dd} (with {@code hh:mm} when
 * they hold a time of day), booleans as {@code TRUE} or {@code FALSE}. A formula cell is reported as "formula cell"
 * and read as its last computed value; an error cell ({@code #N/A}, {@code #DIV/0!}) is reported and read as blank.
 * A value to the right of the last header is reported.
 * <p>
 * <b>Both.</b> Cells are stripped of surrounding blanks. Rows whose cells are all blank are skipped. A column with a
 * blank header is reported when it holds any value and dropped silently when it is empty (a trailing delimiter);
 * a header that repeats an earlier one (ignoring case) is reported and the later column dropped. A file with only a
 * header is reported. At most {@value #MAX_ROWS} data rows and {@value #MAX_COLUMNS} columns are read. Other file
 * types are refused with one problem. Reading is a pure function of the name and the bytes and never throws for bad
 * content; the table holds whatever could be read, so callers should refuse an import with any problem.
 */
public final class TableReader {

	/** The most data rows read from one file. */
	public static final int MAX_ROWS = 100_000;

	/** The most columns read from one file. */
	public static final int MAX_COLUMNS = 1_000;

	/**
	 * The outcome of reading a file.
	 *
	 * @param table the table, with whatever could be read (no columns when the file could not be read at all)
	 * @param problems the problems, in file order; empty when the file was read cleanly
	 */
	public record ReadResult(ParsedTable table, List<SurveyProblem> problems) {

		public ReadResult {
			Objects.requireNonNull(table, "table");
			problems = List.copyOf(problems);
		}

		/** Whether the file was read without any problem. */
		public boolean clean() {
			return this.problems.isEmpty();
		}

	}

	private TableReader() {
	}

	/**
	 * Reads a survey table.
	 *
	 * @param fileName the file's name; its extension ({@code .csv} or {@code .xlsx}, any case) decides the format
	 * @param content the file's bytes
	 * @return the table and the problems found
	 */
	public static ReadResult read(String fileName, byte[] content) {
		Objects.requireNonNull(fileName, "fileName");
		Objects.requireNonNull(content, "content");
		String name = fileName.strip();
		String lower = name.toLowerCase(Locale.ROOT);
		if (lower.endsWith(".csv")) {
			return new Csv(name).read(content);
		}
		if (lower.endsWith(".xlsx")) {
			return new XlsxTableReader(name).read(content);
		}
		if (lower.endsWith(".xls")) {
			return failed(name, name + " is an old Excel 97–2003 workbook (.xls); save it as an Excel workbook (.xlsx)"
					+ " or as CSV UTF-8");
		}
		return failed(name, name + " is neither a .csv nor an .xlsx file; save the survey as CSV UTF-8 or as an"
				+ " Excel workbook (.xlsx)");
	}

	static ReadResult failed(String fileName, String reason) {
		return new ReadResult(ParsedTable.empty(fileName), List.of(SurveyProblem.ofFile(reason)));
	}

	// ---- common: header and rows to a table

	/** A data row as read: its line and its cells, exactly as many as the header has. */
	record RawRow(int line, List<String> cells) {
	}

	/**
	 * Checks the header (blank names holding data, repeated names) and builds the table from the columns kept.
	 *
	 * @param headerLine the line of the header
	 * @param header the header cells, stripped
	 * @param rows the non-blank data rows, each with {@code header.size()} cells
	 */
	static ParsedTable assemble(String fileName, int headerLine, List<String> header, List<RawRow> rows,
			List<SurveyProblem> problems) {
		List<Integer> kept = new ArrayList<>();
		List<String> names = new ArrayList<>();
		Map<String, Integer> first = new HashMap<>();
		for (int c = 0; c < header.size(); c++) {
			String name = header.get(c);
			if (name.isEmpty()) {
				int line = firstValueLine(rows, c);
				if (line > 0) {
					problems.add(new SurveyProblem(headerLine, "", "column " + Values.columnLetter(c)
							+ " has no header but holds values (the first on line " + line + "); give it a name"));
				}
				continue;
			}
			Integer earlier = first.putIfAbsent(name.toLowerCase(Locale.ROOT), c);
			if (earlier != null) {
				problems.add(new SurveyProblem(headerLine, name, "the header '" + name + "' appears twice (columns "
						+ Values.columnLetter(earlier) + " and " + Values.columnLetter(c) + "); rename one of them"));
				continue;
			}
			kept.add(c);
			names.add(name);
		}
		List<ParsedRow> parsed = new ArrayList<>(rows.size());
		for (RawRow r : rows) {
			Map<String, String> cells = new LinkedHashMap<>();
			for (int i = 0; i < kept.size(); i++) {
				cells.put(names.get(i), r.cells().get(kept.get(i)));
			}
			parsed.add(new ParsedRow(r.line(), cells));
		}
		if (rows.isEmpty() && !names.isEmpty()) {
			problems.add(new SurveyProblem(headerLine, "", fileName + " has a header but no data rows"));
		}
		return new ParsedTable(fileName, names, parsed);
	}

	private static int firstValueLine(List<RawRow> rows, int column) {
		for (RawRow r : rows) {
			if (!r.cells().get(column).isEmpty()) {
				return r.line();
			}
		}
		return 0;
	}

	static boolean allBlank(List<String> cells) {
		for (String v : cells) {
			if (!v.isBlank()) {
				return false;
			}
		}
		return true;
	}

	private static String plural(int n, String noun) {
		return n + " " + noun + (n == 1 ? "" : "s");
	}

	// ---- CSV

	private static final class Csv {

		private final String fileName;

		private final List<SurveyProblem> problems = new ArrayList<>();

		Csv(String fileName) {
			this.fileName = fileName;
		}

		ReadResult read(byte[] content) {
			String text = decode(content);
			if (text == null) {
				return new ReadResult(ParsedTable.empty(this.fileName), this.problems);
			}
			if (text.isBlank()) {
				return failed(this.fileName, this.fileName + " is empty");
			}
			char delimiter = delimiter(text);
			CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).get();
			DelimitedText.Lines lines = new DelimitedText.Lines(text);
			List<String> header = null;
			int headerLine = 1;
			List<RawRow> rows = new ArrayList<>();
			try (CSVParser parser = CSVParser.parse(text, format)) {
				try {
					for (CSVRecord record : parser) {
						int line = lines.lineOf(record.getCharacterPosition());
						List<String> cells = new ArrayList<>(record.size());
						for (String v : record) {
							cells.add(v.strip());
						}
						if (header == null) {
							if (allBlank(cells)) {
								continue;
							}
							headerLine = line;
							header = header(line, cells, delimiter);
							if (header.size() > MAX_COLUMNS) {
								this.problems.add(new SurveyProblem(line, "", "the header has " + header.size()
										+ " columns; at most " + MAX_COLUMNS + " are read"));
								header = List.copyOf(header.subList(0, MAX_COLUMNS));
							}
							continue;
						}
						if (allBlank(cells)) {
							continue;
						}
						if (rows.size() == MAX_ROWS) {
							this.problems.add(new SurveyProblem(line, "", this.fileName + " has more than " + MAX_ROWS
									+ " data rows; the rest is not read"));
							break;
						}
						rows.add(row(line, cells, header));
					}
				}
				catch (UncheckedIOException | IllegalStateException e) {
					int line = (int) Math.min(Integer.MAX_VALUE, Math.max(1, parser.getCurrentLineNumber()));
					this.problems.add(new SurveyProblem(line, "", "the file is not valid CSV from here on ("
							+ rootMessage(e) + "); check for an unclosed quote"));
				}
			}
			catch (IOException e) {
				throw new UncheckedIOException(e); // cannot happen for a String
			}
			if (header == null) {
				this.problems.add(0, SurveyProblem.ofFile(this.fileName + " has no header line"));
				return new ReadResult(ParsedTable.empty(this.fileName), this.problems);
			}
			List<SurveyProblem> headerProblems = new ArrayList<>();
			ParsedTable table = assemble(this.fileName, headerLine, header, rows, headerProblems);
			this.problems.addAll(0, headerProblems);
			return new ReadResult(table, sorted(this.problems));
		}

		private List<String> header(int line, List<String> cells, char delimiter) {
			if (cells.size() == 1) {
				String only = cells.get(0);
				for (char d : new char[] { ',', ';', '\t', '|' }) {
					if (d != delimiter && only.indexOf(d) >= 0) {
						this.problems.add(new SurveyProblem(line, only, "wrong delimiter? the header is one column"
								+ " but contains " + describe(d) + "; separate the columns with commas, semicolons"
								+ " or tabs, and do not put the whole header in quotes"));
						break;
					}
				}
			}
			for (int c = 0; c < cells.size(); c++) {
				String v = cells.get(c);
				if (SpreadsheetCells.looksLikeFormula(v)) {
					this.problems.add(new SurveyProblem(line, "", "formula-looking cell: the header of column "
							+ Values.columnLetter(c) + " (\"" + Values.abbreviate(v) + "\") would be taken for a"
							+ " spreadsheet formula; rename it"));
				}
			}
			return cells;
		}

		private RawRow row(int line, List<String> cells, List<String> header) {
			int width = header.size();
			if (cells.size() < width) {
				this.problems.add(new SurveyProblem(line, "", "the row has " + plural(cells.size(), "cell")
						+ " but the header has " + width + " (a missing delimiter, or a line break inside a value?)"));
			}
			else if (cells.size() > width && !allBlank(cells.subList(width, cells.size()))) {
				this.problems.add(new SurveyProblem(line, "", "the row has " + plural(cells.size(), "cell")
						+ " but the header has " + width + " (is a delimiter inside a value not quoted?)"));
			}
			List<String> fitted = new ArrayList<>(width);
			for (int c = 0; c < width; c++) {
				String v = c < cells.size() ? cells.get(c) : "";
				if (SpreadsheetCells.looksLikeFormula(v)) {
					String column = header.get(c).isEmpty() ? "" : header.get(c);
					this.problems.add(new SurveyProblem(line, column, "formula-looking cell: " + "\""
							+ Values.abbreviate(v) + "\" would be taken for a spreadsheet formula; enter the value"
							+ " itself, or start it with a letter or a quote"));
				}
				fitted.add(v);
			}
			return new RawRow(line, fitted);
		}

		/** The text, or null after reporting why the bytes are not UTF-8 text. */
		private @Nullable String decode(byte[] bytes) {
			DelimitedText.Decoded d = DelimitedText.decode(bytes);
			if (d.ok()) {
				return d.text();
			}
			switch (d.refusal()) {
				case UTF_16 -> this.problems.add(SurveyProblem.ofFile(this.fileName + " is not UTF-8 (save as UTF-8): it is UTF-16"
						+ " (\"Unicode text\"); in Excel use Save As → \"CSV UTF-8\""));
				case ZIP -> this.problems.add(SurveyProblem.ofFile(this.fileName + " is an Excel workbook or ZIP archive, not a"
						+ " CSV file; name it .xlsx, or save it as \"CSV UTF-8\""));
				case NOT_UTF_8 -> this.problems.add(new SurveyProblem(d.line(), "", String.format(Locale.ROOT,
						"%s is not UTF-8 (save as UTF-8): byte 0x%02X on line %d is not UTF-8 (perhaps the file was"
								+ " saved as Windows-1252 or Latin-1); in Excel use Save As → \"CSV UTF-8\"",
						this.fileName, d.badByte(), d.line())));
				case NUL -> this.problems.add(new SurveyProblem(d.line(), "", this.fileName
						+ " contains NUL characters; it is not a text file"));
				case null -> throw new IllegalStateException("a refused decoding without a reason");
			}
			return null;
		}

	}

	private static String describe(char d) {
		return switch (d) {
			case '\t' -> "tabs";
			case ';' -> "semicolons";
			case ',' -> "commas";
			default -> "'" + d + "'";
		};
	}

	static char delimiter(String text) {
		return DelimitedText.delimiter(text);
	}

	static String rootMessage(Throwable e) {
		return DelimitedText.rootMessage(e);
	}

	/** Problems in line order, file-wide problems first on their line; stable otherwise. */
	static List<SurveyProblem> sorted(List<SurveyProblem> problems) {
		List<SurveyProblem> s = new ArrayList<>(problems);
		s.sort((a, b) -> Integer.compare(a.line(), b.line()));
		return s;
	}

}

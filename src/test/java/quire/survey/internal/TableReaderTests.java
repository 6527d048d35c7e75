package quire.survey.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import quire.survey.SurveyProblem;

/** Reading survey tables from CSV files and Excel workbooks. */
final class TableReaderTests {

	private static TableReader.ReadResult csv(String text) {
		return TableReader.read("survey.csv", text.getBytes(StandardCharsets.UTF_8));
	}

	private static byte[] withBom(String text) {
		byte[] body = text.getBytes(StandardCharsets.UTF_8);
		byte[] bytes = new byte[body.length + 3];
		bytes[0] = (byte) 0xEF;
		bytes[1] = (byte) 0xBB;
		bytes[2] = (byte) 0xBF;
		System.arraycopy(body, 0, bytes, 3, body.length);
		return bytes;
	}

	// ---- CSV

	@Test
	void readsACommaSeparatedFile() {
		TableReader.ReadResult result = csv("""
				id,satisfaction,usefulness,timing_appropriate,preferred_timing
				SW001,5,4,yes,the timing was good
				SW002, 4 ,5,no,"one month earlier"

				SW003,,3,yes,
				""");

		assertThat(result.problems()).isEmpty();
		assertThat(result.clean()).isTrue();
		ParsedTable t = result.table();
		assertThat(t.fileName()).isEqualTo("survey.csv");
		assertThat(t.columns()).containsExactly("id", "satisfaction", "usefulness", "timing_appropriate",
				"preferred_timing");
		assertThat(t.rows()).extracting(ParsedRow::line).containsExactly(2, 3, 5); // the blank line is skipped
		assertThat(t.rows().get(1).cells()).containsExactly(Map.entry("id", "SW002"), Map.entry("satisfaction", "4"),
				Map.entry("usefulness", "5"), Map.entry("timing_appropriate", "no"),
				Map.entry("preferred_timing", "one month earlier"));
		assertThat(t.rows().get(2).get("satisfaction")).isEmpty();
		assertThat(t.values("timing_appropriate")).containsExactly("yes", "no", "yes");
	}

	@Test
	void readsSemicolonsWithByteOrderMarkAndCrlf() {
		byte[] bytes = withBom("id;comment;age\r\nSW001;\"Blåbær; og tyttebær\";45\r\nSW002;Øyvind's;38\r\n");

		TableReader.ReadResult result = TableReader.read("Survey.CSV", bytes);

		assertThat(result.problems()).isEmpty();
		assertThat(result.table().columns()).containsExactly("id", "comment", "age"); // no BOM glued to "id"
		assertThat(result.table().rows()).hasSize(2);
		assertThat(result.table().rows().get(0).get("comment")).isEqualTo("Blåbær; og tyttebær");
		assertThat(result.table().rows().get(1).line()).isEqualTo(3);
	}

	@Test
	void readsTabs() {
		TableReader.ReadResult result = csv("id\tage\tnote\nSW001\t45\tsome, commas; and semicolons\n");

		assertThat(result.problems()).isEmpty();
		assertThat(result.table().rows().get(0).get("note")).isEqualTo("some, commas; and semicolons");
	}

	@Test
	void aQuotedLineBreakDoesNotShiftLineNumbers() {
		TableReader.ReadResult result = csv("id,comment,age\nSW001,\"two\nlines\",45\nSW002,x,=1+1\n");

		assertThat(result.table().rows()).extracting(ParsedRow::line).containsExactly(2, 4);
		assertThat(result.problems()).singleElement().satisfies(p -> {
			assertThat(p.line()).isEqualTo(4);
			assertThat(p.column()).isEqualTo("age");
		});
	}

	@Test
	void refusesWindows1252NamingTheLineOfTheFirstBadByte() {
		byte[] bytes = "id,comment\nSW001,fine\nSW002,blåbær og søt\n".getBytes(Charset.forName("windows-1252"));

		TableReader.ReadResult result = TableReader.read("survey.csv", bytes);

		assertThat(result.problems()).singleElement().satisfies(p -> {
			assertThat(p.line()).isEqualTo(3);
			assertThat(p.column()).isEmpty();
			assertThat(p.reason()).contains("not UTF-8 (save as UTF-8)").contains("0xE5");
		});
		assertThat(result.table().columns()).isEmpty();
		assertThat(result.table().rows()).isEmpty();
	}

	@Test
	void refusesUtf16() {
		byte[] bytes = "\uFEFFid,age\nSW001,45\n".getBytes(StandardCharsets.UTF_16LE);

		TableReader.ReadResult result = TableReader.read("survey.csv", bytes);

		assertThat(result.problems()).singleElement().satisfies(p -> {
			assertThat(p.line()).isEqualTo(1);
			assertThat(p.reason()).contains("not UTF-8 (save as UTF-8)").contains("UTF-16");
		});
	}

	@Test
	void reportsAWrongDelimiter() {
		TableReader.ReadResult pipes = csv("id|satisfaction|usefulness\nSW001|5|4\n");
		TableReader.ReadResult quotedHeader = csv("\"id;satisfaction\"\nSW001;5\n");

		assertThat(pipes.problems()).singleElement().satisfies(p -> {
			assertThat(p.line()).isEqualTo(1);
			assertThat(p.column()).isEqualTo("id|satisfaction|usefulness");
			assertThat(p.reason()).startsWith("wrong delimiter?").contains("'|'");
		});
		assertThat(quotedHeader.problems()).first().satisfies(p -> {
			assertThat(p.line()).isEqualTo(1);
			assertThat(p.reason()).startsWith("wrong delimiter?").contains("semicolons");
		});
	}

	@Test
	void reportsRaggedRows() {
		TableReader.ReadResult result = csv("""
				id,satisfaction,usefulness
				SW001,5
				SW002,5,4,extra
				SW003,5,4,,
				SW004,3,3
				""");

		assertThat(result.problems()).extracting(SurveyProblem::toString).containsExactly(
				"line 2: the row has 2 cells but the header has 3 (a missing delimiter, or a line break inside a"
						+ " value?)",
				"line 3: the row has 4 cells but the header has 3 (is a delimiter inside a value not quoted?)");
		assertThat(result.table().rows()).hasSize(4); // kept, padded or cut, so later checks still run
		assertThat(result.table().rows().get(0).get("usefulness")).isEmpty();
	}

	@Test
	void reportsBlankAndDuplicateHeaders() {
		TableReader.ReadResult result = csv("""
				id,age,,Age,note,
				SW001,45,x,46,ok,
				SW002,38,,39,ok,
				""");

		assertThat(result.problems()).extracting(SurveyProblem::line).containsOnly(1);
		assertThat(result.problems()).extracting(SurveyProblem::reason).containsExactly(
				"column C has no header but holds values (the first on line 2); give it a name",
				"the header 'Age' appears twice (columns B and D); rename one of them");
		assertThat(result.problems().get(1).column()).isEqualTo("Age");
		// the empty trailing column F is dropped silently; the blank and repeated columns are dropped with a problem
		assertThat(result.table().columns()).containsExactly("id", "age", "note");
		assertThat(result.table().rows().get(0).get("age")).isEqualTo("45");
	}

	@Test
	void reportsFormulaLookingCells() {
		TableReader.ReadResult result = csv("""
				id,a,b,c,d
				SW001,=SUM(B2:B9),@cmd,-cmd,+A1
				SW002,-9,+3,-,-0.5
				SW003,-(1),- not a number,x,y
				""");

		assertThat(result.problems()).extracting(SurveyProblem::line).containsExactly(2, 2, 2, 2, 4, 4);
		assertThat(result.problems()).extracting(SurveyProblem::column).containsExactly("a", "b", "c", "d", "a", "b");
		assertThat(result.problems().get(0).toString()).isEqualTo("line 2, column 'a': formula-looking cell:"
				+ " \"=SUM(B2:B9)\" would be taken for a spreadsheet formula; enter the value itself, or start it with"
				+ " a letter or a quote");
	}

	@Test
	void reportsAnEmptyFileAHeaderWithoutRowsAndAnUnclosedQuote() {
		assertThat(csv("").problems()).extracting(SurveyProblem::toString)
				.containsExactly("line 1: survey.csv is empty");
		assertThat(csv("id,age\n").problems()).extracting(SurveyProblem::toString)
				.containsExactly("line 1: survey.csv has a header but no data rows");
		TableReader.ReadResult unclosed = csv("id,note\nSW001,ok\nSW002,\"never closed\nSW003,x\n");
		assertThat(unclosed.problems()).singleElement()
				.satisfies(p -> assertThat(p.reason()).contains("not valid CSV").contains("unclosed quote"));
	}

	@Test
	void refusesOtherFileTypes() {
		byte[] bytes = "id,age\nSW001,45\n".getBytes(StandardCharsets.UTF_8);

		assertThat(TableReader.read("survey.sav", bytes).problems()).singleElement()
				.satisfies(p -> assertThat(p.reason()).contains("neither a .csv nor an .xlsx file"));
		assertThat(TableReader.read("survey.xls", bytes).problems()).singleElement()
				.satisfies(p -> assertThat(p.reason()).contains("old Excel 97–2003"));
		assertThat(TableReader.read("survey.xlsx", bytes).problems()).singleElement()
				.satisfies(p -> assertThat(p.reason()).contains("not an Excel workbook"));
		assertThat(TableReader.read("survey.csv", workbook(w -> w.createSheet("S").createRow(0).createCell(0)
				.setCellValue("id"))).problems()).singleElement()
				.satisfies(p -> assertThat(p.reason()).contains("is an Excel workbook"));
	}

	@Test
	void delimiterDetectionPrefersTheCommonestOutsideQuotes() {
		assertThat(TableReader.delimiter("a,b;c,d\n")).isEqualTo(',');
		assertThat(TableReader.delimiter("\"a,b\";c\n")).isEqualTo(';');
		assertThat(TableReader.delimiter("a\tb\tc,d\n")).isEqualTo('\t');
		assertThat(TableReader.delimiter("\n\na;b\n")).isEqualTo(';');
	}

	// ---- Excel

	private interface Filler {

		void fill(XSSFWorkbook workbook);

	}

	private static byte[] workbook(Filler filler) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			filler.fill(workbook);
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new AssertionError(e);
		}
	}

	private static void header(Sheet sheet, String... names) {
		Row row = sheet.createRow(0);
		for (int c = 0; c < names.length; c++) {
			row.createCell(c).setCellValue(names[c]);
		}
	}

	@Test
	void readsTheFirstSheetOfAWorkbook() {
		byte[] bytes = workbook(w -> {
			Sheet sheet = w.createSheet("Answers");
			header(sheet, "id", "satisfaction", "age", "answered", "consent", "timing_appropriate");
			CellStyle date = w.createCellStyle();
			date.setDataFormat(w.getCreationHelper().createDataFormat().getFormat("dd.mm.yyyy"));
			Row r1 = sheet.createRow(1);
			r1.createCell(0).setCellValue("SW001");
			r1.createCell(1).setCellValue(5.0);
			r1.createCell(2).setCellValue(45.5);
			r1.createCell(3).setCellValue(LocalDate.of(2019, 6, 14));
			r1.getCell(3).setCellStyle(date);
			r1.createCell(4).setCellValue(true);
			r1.createCell(5).setCellValue("  yes ");
			sheet.createRow(2); // blank row: skipped
			Row r4 = sheet.createRow(3);
			r4.createCell(0).setCellValue("SW002");
			r4.createCell(1).setCellValue(4);
			r4.createCell(2).setCellValue(0.1 + 0.2);
			w.createSheet("Notes").createRow(0).createCell(0).setCellValue("ignored");
		});

		TableReader.ReadResult result = TableReader.read("survey.xlsx", bytes);

		assertThat(result.problems()).isEmpty();
		ParsedTable t = result.table();
		assertThat(t.columns()).containsExactly("id", "satisfaction", "age", "answered", "consent",
				"timing_appropriate");
		assertThat(t.rows()).extracting(ParsedRow::line).containsExactly(2, 4);
		assertThat(t.rows().get(0).cells()).containsExactly(Map.entry("id", "SW001"), Map.entry("satisfaction", "5"),
				Map.entry("age", "45.5"), Map.entry("answered", "2019-06-14"), Map.entry("consent", "TRUE"),
				Map.entry("timing_appropriate", "yes"));
		assertThat(t.rows().get(1).get("satisfaction")).isEqualTo("4");
		assertThat(t.rows().get(1).get("age")).isEqualTo("0.3"); // 15 significant digits, as Excel shows it
		assertThat(t.rows().get(1).get("answered")).isEmpty();
	}

	@Test
	void refusesFormulaLookingTextCellsInAWorkbookAsInACsvFile() {
		byte[] bytes = workbook(w -> {
			Sheet sheet = w.createSheet("Answers");
			header(sheet, "id", "link", "cmd", "score");
			Row r1 = sheet.createRow(1);
			r1.createCell(0).setCellValue("SW001");
			r1.createCell(1).setCellValue("=HYPERLINK(\"http://x\",\"y\")");
			r1.createCell(2).setCellValue("+cmd");
			r1.createCell(3).setCellValue("-(1)");
			Row r2 = sheet.createRow(2);
			r2.createCell(0).setCellValue("SW002");
			r2.createCell(1).setCellValue("-");
			r2.createCell(2).setCellValue("-0.5");
			r2.createCell(3).setCellValue(-1);
		});

		TableReader.ReadResult result = TableReader.read("survey.xlsx", bytes);

		assertThat(result.problems()).extracting(SurveyProblem::line).containsOnly(2);
		assertThat(result.problems()).extracting(SurveyProblem::column).containsExactly("link", "cmd", "score");
		assertThat(result.problems().get(1).toString()).isEqualTo("line 2, column 'cmd': formula-looking cell:"
				+ " \"+cmd\" would be taken for a spreadsheet formula; enter the value itself, or start it with a letter"
				+ " or a quote");
	}

	@Test
	void reportsFormulaErrorAndHeaderlessCellsWithRowAndColumn() {
		byte[] bytes = workbook(w -> {
			Sheet sheet = w.createSheet("Answers");
			header(sheet, "id", "satisfaction", "usefulness");
			Row r1 = sheet.createRow(1);
			r1.createCell(0).setCellValue("SW001");
			r1.createCell(1).setCellValue(5);
			r1.createCell(2).setCellFormula("B2-1");
			w.getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(r1.getCell(2));
			Row r2 = sheet.createRow(2);
			r2.createCell(0).setCellValue("SW002");
			r2.createCell(1).setCellErrorValue(FormulaError.NA.getCode());
			r2.createCell(2).setCellValue(3);
			r2.createCell(4).setCellValue("stray");
		});

		TableReader.ReadResult result = TableReader.read("survey.xlsx", bytes);

		assertThat(result.problems()).extracting(SurveyProblem::toString).containsExactly(
				"line 2, column 'usefulness': formula cell (=B2-1); copy the column and paste values only",
				"line 3, column 'satisfaction': error cell (#N/A)",
				"line 3: column E holds \"stray\" but has no header");
		assertThat(result.table().rows().get(0).get("usefulness")).isEqualTo("4"); // the computed value
		assertThat(result.table().rows().get(1).get("satisfaction")).isEmpty();
	}

	@Test
	void reportsDuplicateHeadersInAWorkbookOnTheHeaderRow() {
		byte[] bytes = workbook(w -> {
			Sheet sheet = w.createSheet("Answers");
			sheet.createRow(0); // an empty first row: the header is on row 2
			Row header = sheet.createRow(1);
			header.createCell(0).setCellValue("id");
			header.createCell(1).setCellValue("age");
			header.createCell(2).setCellValue("AGE");
			Row r = sheet.createRow(2);
			r.createCell(0).setCellValue("SW001");
			r.createCell(1).setCellValue(45);
			r.createCell(2).setCellValue(46);
		});

		TableReader.ReadResult result = TableReader.read("survey.xlsx", bytes);

		assertThat(result.problems()).extracting(SurveyProblem::toString).containsExactly(
				"line 2, column 'AGE': the header 'AGE' appears twice (columns B and C); rename one of them");
		assertThat(result.table().rows()).singleElement().satisfies(r -> {
			assertThat(r.line()).isEqualTo(3);
			assertThat(r.cells()).containsOnlyKeys("id", "age");
		});
	}

	@Test
	void reportsAWorkbookThatCannotBeOpened() {
		byte[] zipNotWorkbook = { 'P', 'K', 3, 4, 0, 0, 0, 0, 0, 0 };

		List<SurveyProblem> problems = TableReader.read("survey.xlsx", zipNotWorkbook).problems();

		assertThat(problems).singleElement().satisfies(p -> {
			assertThat(p.line()).isEqualTo(1);
			assertThat(p.reason()).startsWith("survey.xlsx could not be read as an Excel workbook (.xlsx)");
		});
	}

}

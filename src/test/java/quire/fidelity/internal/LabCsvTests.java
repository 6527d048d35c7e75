package quire.fidelity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import quire.fidelity.Behaviour;
import quire.fidelity.Global;
import quire.fidelity.MitiCounts;
import quire.fidelity.MitiGlobals;

/** Reading and writing coding-lab results. */
final class LabCsvTests {

	private static final String HEADER = "Session,Counsellor,Coder,CCT,SST,Partnership,Empathy,GI,Persuade,PwP,Q,SR,CR,AF,Seek,Emph,Confront";

	private static LabImport read(String csv) {
		return LabCsv.read("lab.csv", csv.getBytes(StandardCharsets.UTF_8), Map.of());
	}

	private static LabImport read(String csv, Map<String, String> mapping) {
		return LabCsv.read("lab.csv", csv.getBytes(StandardCharsets.UTF_8), mapping);
	}

	@Test
	void readsAWellFormedFile() {
		LabImport result = read(HEADER + """

				S01,MI Caseworker 1,LAB-A,4,3,4,5,10,2,1,20,12,14,3,2,1,1
				S02,MI Caseworker 2,LAB-A,3,3,3,3,8,0,0,25,10,5,1,0,2,0
				""");

		assertThat(result.errors()).isEmpty();
		assertThat(result.clean()).isTrue();
		assertThat(result.unrecognisedColumns()).isEmpty();
		assertThat(result.rows()).hasSize(2);
		LabRow first = result.rows().get(0);
		assertThat(first.line()).isEqualTo(2);
		assertThat(first.sessionId()).isEqualTo("S01");
		assertThat(first.counsellorId()).isEqualTo("MI Caseworker 1");
		assertThat(first.coderId()).isEqualTo("LAB-A");
		assertThat(first.globals()).isEqualTo(new MitiGlobals(4, 3, 4, 5));
		assertThat(first.counts()).isEqualTo(MitiCounts.of(10, 2, 1, 20, 12, 14, 3, 2, 1, 1));
		assertThat(result.rows().get(1).line()).isEqualTo(3);
	}

	@Test
	void readsSemicolonsWithByteOrderMarkAndCrlf() {
		String csv = ("Session;Counsellor;Coder;CCT;SST;Partnership;Empathy;GI;Persuade;PwP;Q;SR;CR;AF;Seek;Emph;Confront\r\n"
				+ "S01;\"Saksbehandler Ø; avd. 2\";LAB-A;4;3;4;5;10;2;1;20;12;14;3;2;1;1\r\n");
		byte[] text = csv.getBytes(StandardCharsets.UTF_8);
		byte[] bytes = new byte[text.length + 3];
		bytes[0] = (byte) 0xEF;
		bytes[1] = (byte) 0xBB;
		bytes[2] = (byte) 0xBF;
		System.arraycopy(text, 0, bytes, 3, text.length);

		LabImport result = LabCsv.read("lab.csv", bytes, Map.of());

		assertThat(result.errors()).isEmpty();
		assertThat(result.rows()).singleElement().satisfies(r -> {
			assertThat(r.sessionId()).isEqualTo("S01"); // no BOM glued to the first header or value
			assertThat(r.counsellorId()).isEqualTo("Saksbehandler Ø; avd. 2");
			assertThat(r.counts().get(Behaviour.CONFRONT)).isEqualTo(1);
		});
	}

	@Test
	void recognisesManualNamesAndAbbreviationsInAnyOrderAndCase() {
		LabImport result = read("""
				complex reflection,Simple_Reflection,QUESTION,Giving Information,Persuade with,Persuade,Affirm,\
				Seeking Collaboration,Emphasize,Confront,Cultivating Change Talk,softening sustain talk,partnership,\
				EMPATHY,session_id,Counselor ID,Rater,Notes
				5,6,20,9,0,1,2,3,4,0,3,2,4,4,S09,Caseworker 3,R1,sounded tired
				""");

		assertThat(result.errors()).isEmpty();
		assertThat(result.unrecognisedColumns()).containsExactly("Notes");
		LabRow row = result.rows().get(0);
		assertThat(row.sessionId()).isEqualTo("S09");
		assertThat(row.counsellorId()).isEqualTo("Caseworker 3");
		assertThat(row.coderId()).isEqualTo("R1");
		assertThat(row.globals()).isEqualTo(new MitiGlobals(3, 2, 4, 4));
		assertThat(row.counts()).isEqualTo(MitiCounts.of(9, 1, 0, 20, 6, 5, 2, 3, 4, 0));
	}

	@Test
	void recognisesCaseworkerAndCounsellorSpellings() {
		for (String counsellor : List.of("counsellor", "counselor", "Counsellor ID", "caseworker")) {
			for (String session : List.of("session", "Session ID", "session_id")) {
				for (String coder : List.of("coder", "coder id", "rater")) {
					String header = HEADER.replace("Session", session).replace("Counsellor", counsellor)
							.replace("Coder", coder);
					LabImport result = read(header + "\nS01,C1,X,3,3,3,3,1,1,1,1,1,1,1,1,1,1\n");
					assertThat(result.errors()).as(header).isEmpty();
					assertThat(result.rows()).as(header).hasSize(1);
				}
			}
		}
	}

	@Test
	void mappingOverridesRecognition() {
		String csv = """
				Id,Worker,Who,Change,Sustain,Part,Emp,Info,Pers,PwP,Q,SR,CR,AF,Seek,Emph,Confront,CCT
				S01,W1,K,4,3,4,5,10,2,1,20,12,14,3,2,1,1,1
				""";
		LabImport unmapped = read(csv);
		assertThat(unmapped.rows()).isEmpty();
		assertThat(unmapped.errors()).extracting(RowError::line).containsOnly(1);
		assertThat(unmapped.errors()).extracting(RowError::column).contains("session", "counsellor", "coder", "SST",
				"Partnership", "Empathy", "Persuade");

		LabImport mapped = read(csv, Map.of("id", "session", "WORKER", "counsellor", "Who", "coder id", "Change",
				"Cultivating Change Talk", "Sustain", "SST", "Part", "partnership", "Emp", "Empathy", "Info", "GI",
				"Pers", "Persuade"));

		assertThat(mapped.errors()).isEmpty();
		// the mapped "Change" wins over the column recognised as CCT by its name, which is ignored
		assertThat(mapped.unrecognisedColumns()).containsExactly("CCT");
		assertThat(mapped.rows()).singleElement().satisfies(r -> {
			assertThat(r.sessionId()).isEqualTo("S01");
			assertThat(r.globals()).isEqualTo(new MitiGlobals(4, 3, 4, 5));
			assertThat(r.counts().get(Behaviour.GI)).isEqualTo(10);
			assertThat(r.counts().get(Behaviour.PERSUADE)).isEqualTo(2);
		});
	}

	@Test
	void mappingCanIgnoreAColumnAndReportsUnknownColumnsAndFields() {
		String csv = HEADER + ",Complex Reflections\nS01,C,X,3,3,3,3,1,1,1,1,1,1,1,1,1,1,7\n";
		LabImport clash = read(csv);
		assertThat(clash.rows()).isEmpty();
		assertThat(clash.errors()).singleElement().satisfies(e -> {
			assertThat(e.line()).isEqualTo(1);
			assertThat(e.column()).isEqualTo("Complex Reflections");
			assertThat(e.reason()).contains("\"CR\"", "both give CR");
		});

		LabImport ignored = read(csv, Map.of("Complex Reflections", "ignore"));
		assertThat(ignored.errors()).isEmpty();
		assertThat(ignored.rows().get(0).counts().get(Behaviour.CR)).isEqualTo(1);

		LabImport bad = read(csv, Map.of("Nope", "CR", "Complex Reflections", "Reflection"));
		assertThat(bad.rows()).isEmpty();
		assertThat(bad.errors()).extracting(RowError::toString).anySatisfy(
				s -> assertThat(s).startsWith("line 1, column 'Nope': the mapping names a column that is not"));
		assertThat(bad.errors()).extracting(RowError::toString).anySatisfy(
				s -> assertThat(s).contains("column 'Complex Reflections'", "\"Reflection\" is not a field"));
	}

	@Test
	void aMissingColumnIsOneHeaderErrorNamingItAndTheRecognisedColumns() {
		LabImport result = read(HEADER.replace(",Empathy", "") + "\nS01,C,X,3,3,3,1,1,1,1,1,1,1,1,1,1\n");

		assertThat(result.rows()).isEmpty();
		assertThat(result.errors()).singleElement().satisfies(e -> {
			assertThat(e.line()).isEqualTo(1);
			assertThat(e.column()).isEqualTo("Empathy");
			assertThat(e.reason()).startsWith("no column for Empathy").contains("recognised columns:",
					"\"Session\" as session", "\"CR\" as CR");
		});
	}

	@Test
	void reportsEachBadCellWithItsLineAndColumn() {
		LabImport result = read(HEADER + """

				S01,C1,LAB-A,3,3,3,3,1,1,1,20,1,1,1,1,1,1
				S02,C1,LAB-A,3,3,3,6,1,1,1,20,1,1,1,1,1,1
				S03,C1,LAB-A,0,3,3,3,1,1,1,20,1,1,1,1,1,1
				S04,C1,LAB-A,3,3,3,3,1.5,1,1,20,1,1,1,1,1,1
				S05,C1,LAB-A,3,3,3,3,1,1,1,many,1,1,1,1,1,1
				S06,C1,LAB-A,3,3,3,3,1,1,1,20,,1,1,1,1,1
				S07,C1,LAB-A,3,3,3,3,1,1,1,20,1,1,1,1,1,-2
				S08,C1,LAB-A,3,3,3,3,1,1,1,=1+1,1,1,1,1,1,1
				=HYPERLINK("http://x"),C1,LAB-A,3,3,3,3,1,1,1,20,1,1,1,1,1,1
				S10,,LAB-A,3,3,3,3,1,1,1,20,1,1,1,1,1,1
				S11,C1,LAB-A,3,3,3
				S12,C1,LAB-A,3,3,3,3,1,1,1,20,1,1,1,1,1,1,surplus
				S13,C1,LAB-A,3,3,3,3,1,1,1,20,1,1,1,1,1,12345
				S14,C1,LAB-A,3.0,3,3,3,1,1,1,20,1,1,1,1,1,1
				""");

		assertThat(result.rows()).extracting(LabRow::sessionId).containsExactly("S01", "S14");
		assertThat(result.rows().get(1).globals().cct()).isEqualTo(3);
		assertThat(result.errors()).extracting(RowError::toString).containsExactly(
				"line 3, column 'Empathy': 6 is outside 1–5",
				"line 4, column 'CCT': 0 is outside 1–5",
				"line 5, column 'GI': 1.5 is not a whole number",
				"line 6, column 'Q': \"many\" is not a whole number",
				"line 7, column 'SR': missing",
				"line 8, column 'Confront': -2 is negative; a count is 0 or more",
				"line 9, column 'Q': \"=1+1\" looks like a spreadsheet formula; enter the value itself",
				"line 10, column 'Session': \"=HYPERLINK(\"http://x\")\" looks like a spreadsheet formula; enter the value itself",
				"line 11, column 'Counsellor': missing",
				"line 12: the row ends after 6 cells but the header has 17",
				"line 13: the row has 18 cells but the header has 17 (is a comma or semicolon inside a value not quoted?)",
				"line 14, column 'Confront': 12345 is more than 9999; is it really a count?");
	}

	@Test
	void reportsDuplicateSessionAndCoderPairsAndConflictingCounsellors() {
		LabImport result = read(HEADER + """

				S01,C1,LAB-A,3,3,3,3,1,1,1,20,1,1,1,1,1,1

				S01,C1,LAB-B,3,3,3,3,1,1,1,20,1,1,1,1,1,1
				s01,C1,lab-a,4,4,4,4,1,1,1,20,1,1,1,1,1,1
				S01,C2,LAB-C,3,3,3,3,1,1,1,20,1,1,1,1,1,1
				""");

		assertThat(result.rows()).extracting(LabRow::coderId).containsExactly("LAB-A", "LAB-B");
		assertThat(result.rows().get(1).line()).isEqualTo(4); // the blank line 3 is skipped but counted
		assertThat(result.errors()).extracting(RowError::toString).containsExactly(
				"line 5, column 'Session': session s01 is already coded by LAB-A on line 2 (one row per session and coder)",
				"line 6, column 'Counsellor': session S01 belongs to C1 on line 2, not to C2");
	}

	@Test
	void lineNumbersFollowPhysicalLinesAcrossQuotedLineBreaks() {
		LabImport result = read(HEADER + """

				S01,"Caseworker
				with a two-line name",LAB-A,3,3,3,3,1,1,1,20,1,1,1,1,1,1
				S02,C1,LAB-A,3,3,3,9,1,1,1,20,1,1,1,1,1,1
				""");

		assertThat(result.rows()).singleElement().satisfies(r -> assertThat(r.line()).isEqualTo(2));
		assertThat(result.errors()).extracting(RowError::line).containsExactly(4);
	}

	@Test
	void refusesFilesThatAreNotUtf8() {
		byte[] latin1 = (HEADER + "\nS01,Sæther,LAB-A,3,3,3,3,1,1,1,20,1,1,1,1,1,1\n")
				.getBytes(StandardCharsets.ISO_8859_1);
		LabImport result = LabCsv.read("lab.csv", latin1, Map.of());
		assertThat(result.rows()).isEmpty();
		assertThat(result.errors()).singleElement().satisfies(e -> {
			assertThat(e.line()).isEqualTo(2);
			assertThat(e.reason()).startsWith("lab.csv is not UTF-8 (byte 0xE6 on line 2")
					.contains("save it as \"CSV UTF-8\"");
		});

		byte[] utf16 = (HEADER + "\n").getBytes(StandardCharsets.UTF_16);
		assertThat(LabCsv.read("lab.csv", utf16, Map.of()).errors()).singleElement()
				.satisfies(e -> assertThat(e.reason()).contains("UTF-16"));

		byte[] zip = { 'P', 'K', 3, 4, 0, 0 };
		assertThat(LabCsv.read("lab.xlsx", zip, Map.of()).errors()).singleElement()
				.satisfies(e -> assertThat(e.reason()).contains("workbook"));
	}

	@Test
	void emptyFileAndUnclosedQuote() {
		assertThat(read("").errors()).singleElement()
				.satisfies(e -> assertThat(e.reason()).isEqualTo("lab.csv is empty"));
		LabImport unclosed = read(HEADER + "\nS01,\"C1,LAB-A,3,3,3,3,1,1,1,20,1,1,1,1,1,1\n");
		assertThat(unclosed.rows()).isEmpty();
		assertThat(unclosed.errors()).singleElement()
				.satisfies(e -> assertThat(e.reason()).contains("not valid CSV"));
	}

	@Test
	void detectsTheDelimiterFromTheHeaderLine() {
		assertThat(LabCsv.delimiter("a,b,c\n1;2;3;4;5")).isEqualTo(',');
		assertThat(LabCsv.delimiter("a;b;c\n")).isEqualTo(';');
		assertThat(LabCsv.delimiter("\"a,b\";c;d")).isEqualTo(';');
		assertThat(LabCsv.delimiter("a\tb\tc")).isEqualTo('\t');
		assertThat(LabCsv.delimiter("a")).isEqualTo(',');
	}

	@Test
	void recognisesFormulaLookingCells() {
		assertThat(LabCsv.formula("=1+1")).isTrue();
		assertThat(LabCsv.formula("@SUM(A1)")).isTrue();
		assertThat(LabCsv.formula("+A1")).isTrue();
		assertThat(LabCsv.formula("-A1")).isTrue();
		assertThat(LabCsv.formula("-2")).isFalse();
		assertThat(LabCsv.formula("-(1)")).isTrue(); // the same rule as questionnaires (SpreadsheetCells)
		assertThat(LabCsv.formula("S01")).isFalse();
		assertThat(LabCsv.formula("")).isFalse();
	}

	@Test
	void fieldNamesAndRecognition() {
		assertThat(LabCsv.fieldNames()).containsExactly("session", "counsellor", "coder", "CCT", "SST",
				"Partnership", "Empathy", "GI", "Persuade", "PwP", "Q", "SR", "CR", "AF", "Seek", "Emph", "Confront");
		assertThat(LabCsv.field("Caseworker")).contains("counsellor");
		assertThat(LabCsv.field("Emphasizing Autonomy")).contains("Emph");
		assertThat(LabCsv.field("Cultivating Change Talk")).contains("CCT");
		assertThat(LabCsv.field("Date")).isEmpty();
	}

	@Test
	void writerOutputReadsBackToTheSameRows() {
		List<LabRow> rows = List.of(
				new LabRow(2, "S01", "MI Caseworker 1", "LAB-A", new MitiGlobals(4, 3, 4, 5),
						MitiCounts.of(10, 2, 1, 20, 12, 14, 3, 2, 1, 1)),
				new LabRow(3, "S02", "Sæther, \"Kari\"", "LAB-B", new MitiGlobals(1, 5, 2, 3),
						MitiCounts.of(0, 0, 0, 35, 5, 20, 6, 5, 4, 2)));

		String text = LabCsvWriter.text(rows);
		assertThat(text).startsWith(HEADER + "\r\n");
		byte[] bytes = LabCsvWriter.write(rows);
		assertThat(bytes[0]).isEqualTo((byte) 0xEF);

		LabImport back = LabCsv.read("export.csv", bytes, Map.of());
		assertThat(back.errors()).isEmpty();
		assertThat(back.unrecognisedColumns()).isEmpty();
		assertThat(back.rows()).isEqualTo(rows);
		for (Global g : Global.values()) {
			assertThat(back.rows().get(1).globals().get(g)).isEqualTo(rows.get(1).globals().get(g));
		}
	}

	@Test
	void writerNeutralisesFormulaLookingIds() {
		List<LabRow> rows = List.of(new LabRow(2, "=1+1", "@boss", "-x", new MitiGlobals(3, 3, 3, 3),
				MitiCounts.NONE));
		String text = LabCsvWriter.text(rows);
		assertThat(text).contains("'=1+1,'@boss,'-x,3,3,3,3,0,");

		LabImport back = LabCsv.read("export.csv", text.getBytes(StandardCharsets.UTF_8), Map.of());
		assertThat(back.errors()).isEmpty();
		assertThat(back.rows().get(0).sessionId()).isEqualTo("'=1+1");
	}

}

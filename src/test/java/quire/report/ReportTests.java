package quire.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import quire.QuireHome;
import quire.corpus.CorpusService;
import quire.corpus.DemoProject;
import quire.corpus.ImportRequest;
import quire.corpus.Language;
import quire.project.ProjectId;
import quire.project.ProjectService;

/** The COREQ checklist and the report on the demo project, and on a project that has almost nothing. */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportTests {

	@DynamicPropertySource
	static void home(DynamicPropertyRegistry registry) {
		QuireHome.register(registry, QuireHome.create("quire-report"));
	}

	@Autowired
	DemoProject demo;

	@Autowired
	ProjectService projects;

	@Autowired
	CorpusService corpus;

	@Autowired
	ReportService report;

	@Autowired
	quire.fidelity.FidelityService fidelity;

	ProjectId project;

	@BeforeAll
	void createDemo() {
		project = projects.findByName(DemoProject.NAME).orElseGet(demo::create).id();
	}

	@Test
	void checklistFillsItemsFromDataAndFromTheAuthorsAndNamesWhatIsMissing() {
		var entries = report.checklist(project);
		assertThat(entries).hasSize(32);
		assertThat(entries.get(23).status()).isEqualTo(ChecklistEntry.Status.FROM_DATA);
		assertThat(entries.get(23).answer()).contains("2 coder(s)").contains("Anna, Jonas");
		assertThat(entries.get(20).answer()).contains("focus-group-mi-caseworkers 43 min");
		assertThat(entries.get(26).answer()).contains("Quire");
		// credentials come from the study record's team, sampling from the authors' answer
		assertThat(entries.get(1).status()).isEqualTo(ChecklistEntry.Status.FROM_DATA);
		assertThat(entries.get(1).answer()).contains("Ingrid Holm").contains("PhD");
		assertThat(entries.get(13).answer()).contains("Meeting room at the local welfare office");
		// speakers are per document: the three MI sessions' sick-listed workers are three people, and the
		// moderators of the two focus groups are facilitators, not participants
		// (4 MI and 3 MI-substitute caseworkers, 3 sick-listed workers, Saksbehandler 5)
		assertThat(entries.get(11).answer()).startsWith("11 participants speak in the transcripts (facilitators not counted).");
		assertThat(entries.get(27).answer()).contains("MI Caseworker 1–4 read the summary of results");
		assertThat(entries.get(9).status()).isEqualTo(ChecklistEntry.Status.AUTHOR);
		// items 7, 8 and 23 are left unanswered in the demo on purpose
		assertThat(entries.stream().filter(e -> e.status() == ChecklistEntry.Status.MISSING).map(e -> e.item().number()))
			.containsExactly(7, 8, 23);
	}

	@Test
	void pdfAndWordCarryEveryItemTheThemesQuotesAndTables() throws Exception {
		byte[] pdf = report.render(project, ReportService.Format.PDF);
		try (var doc = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
			for (CoreqItem item : CoreqItem.ALL) {
				assertThat(text).as("item " + item.number()).contains(item.item());
			}
			assertThat(text).contains("MI: a useful but difficult method to master").contains("– MI Caseworker")
				.contains("Table 3").contains("Technical").contains("Table 2").contains("very satisfied")
				.contains("RE-AIM joint display").contains("page 1 of");
			var image = new PDFRenderer(doc).renderImageWithDPI(2, 40);
			int dark = 0;
			for (int x = 0; x < image.getWidth(); x++) {
				for (int y = 0; y < image.getHeight(); y++) {
					if ((image.getRGB(x, y) & 0xFF) < 128) {
						dark++;
					}
				}
			}
			assertThat(dark).as("page 3 is not blank").isGreaterThan(200);
		}
		try (var word = new XWPFDocument(new ByteArrayInputStream(report.render(project, ReportService.Format.DOCX)));
				var extractor = new XWPFWordExtractor(word)) {
			String text = extractor.getText();
			assertThat(text).contains("Methods").contains("Results").contains("Participant checking")
				.contains("MI: a useful but difficult method to master").contains("Relational");
		}
		String markdown = new String(report.render(project, ReportService.Format.MARKDOWN), StandardCharsets.UTF_8);
		assertThat(markdown).contains("# Results").contains("| # | Item | Answer | Status | Section |");
	}

	@Test
	void theMitiTableIsTheLabsTwentyPrimaryRatingsAndSaysSo() {
		// seed 002's Table 3 from the demo lab's 20 primary ratings; the 3 sessions coded in Quire and the
		// 4 reliability ratings are not in it (Technical 3.25 is as near 3.26 as 20 integer-scored sessions get)
		var miti = fidelity.results(project, quire.fidelity.ResultsBy.COUNSELLOR, fidelity.thresholdSet(project));
		assertThat(miti.caption()).isEqualTo("20 sessions rated by the coding lab (primary ratings)");
		assertThat(miti.overall().score(quire.fidelity.Summary.TECHNICAL).stats().mean().value()).isEqualTo(3.25);
		assertThat(miti.overall().score(quire.fidelity.Summary.RELATIONAL).stats().mean().value()).isCloseTo(3.45,
				org.assertj.core.api.Assertions.within(1e-12));

		String markdown = new String(report.render(project, ReportService.Format.MARKDOWN), StandardCharsets.UTF_8);
		assertThat(markdown)
			.contains("Table 3. MITI summary scores of 20 sessions rated by the coding lab (primary ratings) against "
					+ fidelity.thresholdSet(project).name())
			.contains("| Technical | 3.25 (0.70) |").contains("| Relational | 3.45 (0.63) |")
			.contains("Mean Technical and Relational per counsellor (1–5), 20 sessions rated by the coding lab (primary ratings)");
	}

	@Test
	void aProjectWithAlmostNothingStillGetsAnHonestReport() throws Exception {
		ProjectId empty = projects.create("Thin " + UUID.randomUUID(), "").id();
		corpus.importDocument(empty, new ImportRequest("intervju.txt",
				"Intervjuer: Hvordan gikk det?\nSaksbehandler: Det var lærerikt, særlig å øve på refleksjoner.\n"
					.getBytes(StandardCharsets.UTF_8), null, Language.NORWEGIAN));
		var entries = report.checklist(empty);
		assertThat(entries.stream().filter(e -> e.status() == ChecklistEntry.Status.MISSING).count()).isGreaterThan(20);
		try (var doc = Loader.loadPDF(report.render(empty, ReportService.Format.PDF))) {
			String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
			assertThat(text).contains("items are missing and must be answered by the authors").contains("not reported");
		}
	}

}

package quire.report.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;

/** The Markdown, DOCX and PDF renderers on a bilingual sample report, and validation of the model. */
class RenderersTests {

	private static final String QUOTE = "Jeg følte meg «sett» – og det gjorde at jeg kom tilbake.";

	private static ReportDocument sample() {
		List<List<String>> rows = new ArrayList<>();
		for (int i = 1; i <= 40; i++) {
			rows.add(List.of(String.format("Deltaker %02d", i), i % 2 == 0 ? "Kvinne" : "Mann",
					String.valueOf(20 + i), i % 3 == 0 ? "Rådgiver på sykehus, Tromsø" : "Sykepleier | Bodø"));
		}
		List<Block> blocks = List.of(
				new Heading(1, "Metode"),
				new Paragraph("Studien ble gjennomført i Nord-Norge blant helsepersonell på små og store sykehus. "
						+ "We interviewed counsellors about “motivational interviewing” – its reach, adoption and "
						+ "maintenance – and coded the transcripts with a RE-AIM codebook. Æ, ø og å må skrives riktig."),
				new Heading(2, "Deltakere"),
				new Table("Tabell 1. Deltakere", List.of("Deltaker", "Kjønn", "Alder", "Stilling og sted"), rows),
				new Heading(2, "Analyse"),
				new BarChart("Nye koder per dokument", List.of("Intervju 1", "Intervju 2", "Intervju 3", "Fokusgruppe"),
						List.of(24.0, 11.0, 4.0, 1.5), 0, "koder"),
				new PageBreak(),
				new Heading(1, "Resultater"),
				new Heading(2, "Adoption"),
				new Heading(3, "Tidspress (12 coded segments)"),
				new Quote(QUOTE, "Deltaker 07, sykepleier"),
				new Paragraph("Short closing paragraph."));
		return new ReportDocument("Motiverende samtale på sykehus i nord", "Metode og resultater – et utkast", blocks);
	}

	@Test
	void markdownHasTocHeadingsTablesAndQuotes() {
		String md = MarkdownRenderer.render(sample());
		assertThat(md).startsWith("# Motiverende samtale på sykehus i nord\n")
				.contains("## Innhold", "- [Metode](#metode)", "  - [Deltakere](#deltakere)")
				.contains("\n# Metode\n", "\n## Deltakere\n", "\n### Tidspress (12 coded segments)\n")
				.contains("| Deltaker | Kjønn | Alder | Stilling og sted |")
				.contains("| Deltaker 40 | Kvinne | 60 | Sykepleier \\| Bodø |")
				.contains("> " + QUOTE, "> – Deltaker 07, sykepleier")
				.contains("| Intervju 1 | 24 koder |");
		assertThat(md.indexOf("## Innhold")).isLessThan(md.indexOf("\n# Metode\n"));
		for (int i = 1; i <= 40; i++) {
			assertThat(md).contains(String.format("| Deltaker %02d |", i));
		}
	}

	@Test
	void docxHasHeadingStylesTablesAndQuote() throws Exception {
		byte[] bytes = DocxRenderer.render(sample());
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
			assertThat(doc.getStyles().styleExist("Heading1")).isTrue();
			assertThat(doc.getStyles().getStyle("Heading2").getName()).isEqualTo("heading 2");
			List<XWPFParagraph> paragraphs = doc.getParagraphs();
			assertThat(paragraphs).anySatisfy(p -> {
				assertThat(p.getStyle()).isEqualTo("Heading1");
				assertThat(p.getText()).isEqualTo("Metode");
			});
			assertThat(paragraphs).anySatisfy(p -> {
				assertThat(p.getStyle()).isEqualTo("Heading2");
				assertThat(p.getText()).isEqualTo("Deltakere");
			});
			assertThat(paragraphs).anySatisfy(p -> {
				assertThat(p.getText()).isEqualTo(QUOTE);
				assertThat(p.getRuns().get(0).isItalic()).isTrue();
				assertThat(p.getIndentationLeft()).isPositive();
			});
			assertThat(paragraphs).anySatisfy(p -> assertThat(p.getText()).isEqualTo("– Deltaker 07, sykepleier"));
			XWPFTable table = doc.getTables().get(0);
			assertThat(table.getNumberOfRows()).isEqualTo(41);
			assertThat(table.getRow(0).getCell(0).getText()).isEqualTo("Deltaker");
			assertThat(table.getRow(0).getCell(0).getParagraphs().get(0).getRuns().get(0).isBold()).isTrue();
			assertThat(table.getRow(40).getCell(3).getText()).isEqualTo("Sykepleier | Bodø");
			XWPFTable chart = doc.getTables().get(1);
			assertThat(chart.getRow(1).getCell(0).getText()).isEqualTo("Intervju 1");
			assertThat(chart.getRow(1).getCell(1).getText()).isEqualTo("24 koder");
		}
	}

	@Test
	void pdfHasTocTextTablesAcrossPagesAndPageNumbers() throws Exception {
		byte[] bytes = PdfRenderer.render(sample());
		try (PDDocument pdf = Loader.loadPDF(bytes)) {
			assertThat(pdf.getNumberOfPages()).isGreaterThanOrEqualTo(2);
			String text = new PDFTextStripper().getText(pdf);
			String flat = text.replaceAll("\\s+", " ");
			assertThat(flat).contains("Motiverende samtale på sykehus i nord");
			assertThat(text).contains("Metode og resultater – et utkast",
					"Innhold", "Metode", "Deltakere", "Resultater", "Tidspress (12 coded segments)")
					.contains("Æ, ø og å", "“motivational interviewing”")
					.contains("– Deltaker 07, sykepleier", "Nye koder per dokument", "24 koder", "Fokusgruppe")
					.contains("page 1 of " + pdf.getNumberOfPages());
			assertThat(flat).contains(QUOTE);
			for (int i = 1; i <= 40; i++) {
				assertThat(text).contains(String.format("Deltaker %02d", i));
			}
			// the table of contents lists headings with their page numbers
			int metodePage = pageOf(pdf, "Deltaker 01");
			assertThat(text).containsPattern("Deltakere\\s+" + metodePage);
			// the 40-row table spans pages, repeating its header
			assertThat(pdf.getNumberOfPages()).isGreaterThanOrEqualTo(4);
			int lastRowPage = pageOf(pdf, "Deltaker 40");
			assertThat(lastRowPage).isGreaterThan(metodePage);
			assertThat(pageText(pdf, lastRowPage)).contains("Stilling og sted");
			BufferedImage image = new PDFRenderer(pdf).renderImageWithDPI(0, 50);
			if (System.getProperty("quire.report.dump") != null) {
				pdf.save(System.getProperty("quire.report.dump"));
			}
			assertThat(darkPixels(image)).isGreaterThan(100);
		}
	}

	@Test
	void invalidInputIsRejectedWithClearMessages() {
		assertThatThrownBy(() -> new Heading(0, "Intro")).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("Heading level must be between 1 and 3, was 0");
		assertThatThrownBy(() -> new Heading(4, "Intro")).hasMessageContaining("was 4");
		assertThatThrownBy(() -> new Table("T", List.of("A", "B"), List.of(List.of("1", "2"), List.of("3"))))
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("Table row 2 has 1 cells but the header has 2 columns");
		assertThatThrownBy(() -> new BarChart("C", List.of("a"), List.of(1.0, 2.0), 0, ""))
				.hasMessageContaining("1 labels but 2 values");
		assertThatThrownBy(() -> new ReportDocument(" ", "", List.of())).hasMessageContaining("title must not be blank");
	}

	@Test
	void englishDocumentWithoutHeadingsRenders() throws Exception {
		ReportDocument d = new ReportDocument("Report", null, List.of(new Paragraph("Just text.")));
		assertThat(MarkdownRenderer.render(d)).isEqualTo("# Report\n\nJust text.\n");
		try (PDDocument pdf = Loader.loadPDF(PdfRenderer.render(d))) {
			assertThat(new PDFTextStripper().getText(pdf)).contains("Just text.", "page 2 of 2");
		}
		assertThat(new ReportDocument("Report", "", List.of(new Heading(1, "Intro"))).contentsLabel())
				.isEqualTo("Contents");
		assertThat(DocxRenderer.render(d)).isNotEmpty();
	}

	@Test
	void pdfWrapsLongCellsAndSurvivesOddCharacters() throws Exception {
		String longCell = "Dette er en lang celle som må brytes over flere linjer fordi den er mye bredere enn kolonnen. ".repeat(4)
				+ "x".repeat(300);
		ReportDocument d = new ReportDocument("Odd input", "", List.of(
				new Table("", List.of("Kort", "Lang"), List.of(List.of("a\tb", longCell))),
				new Paragraph("Han 漢 and\ttabs\nand newlines."),
				new BarChart("", List.of("only"), List.of(0.0), 0, "%")));
		try (PDDocument pdf = Loader.loadPDF(PdfRenderer.render(d))) {
			String flat = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
			assertThat(flat).contains("Dette er en lang celle", "a b", "Han ? and tabs and newlines.", "0%");
		}
	}

	private static int pageOf(PDDocument pdf, String s) throws Exception {
		for (int p = 1; p <= pdf.getNumberOfPages(); p++) {
			if (pageText(pdf, p).contains(s)) {
				return p;
			}
		}
		throw new AssertionError(s + " not found");
	}

	private static String pageText(PDDocument pdf, int page) throws Exception {
		PDFTextStripper stripper = new PDFTextStripper();
		stripper.setStartPage(page);
		stripper.setEndPage(page);
		return stripper.getText(pdf);
	}

	private static int darkPixels(BufferedImage image) {
		int dark = 0;
		for (int x = 0; x < image.getWidth(); x++) {
			for (int y = 0; y < image.getHeight(); y++) {
				int rgb = image.getRGB(x, y);
				int lum = ((rgb >> 16) & 0xFF) + ((rgb >> 8) & 0xFF) + (rgb & 0xFF);
				if (lum < 3 * 100) {
					dark++;
				}
			}
		}
		return dark;
	}
}

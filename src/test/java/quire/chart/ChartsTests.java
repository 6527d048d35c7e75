package quire.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.util.Matrix;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * One drawing, two outputs: the SVG a page shows and the PDF form a report places carry the same
 * title, n, axis labels and figures; the SVG is well-formed XML with text as text, the PDF form is
 * vectors and extractable text (no picture of a chart).
 */
final class ChartsTests {

	private static final List<Charts.Bar> BARS = List.of(new Charts.Bar("Yes & agreed", 75, "3 (75%)"),
			new Charts.Bar("No", 25, "1 (25%)"));

	@Test
	void barsAsSvgAreWellFormedAndNameWhatTheyShowAndTheirN() throws Exception {
		Chart chart = Charts.horizontalBars("Timing (n = 4 valid, 1 missing)", BARS, 100, "% of valid answers", 600,
				"Answers to Timing (n = 4 valid, 1 missing)");
		String svg = chart.svg();
		Document xml = parse(svg);
		assertThat(xml.getDocumentElement().getTagName()).isEqualTo("svg");
		assertThat(xml.getDocumentElement().getAttribute("aria-label")).isEqualTo("Answers to Timing (n = 4 valid, 1 missing)");
		assertThat(java.util.Arrays.stream(xml.getDocumentElement().getAttribute("viewBox").split(" "))
			.mapToDouble(Double::parseDouble).toArray()).containsExactly(0, 0, 600, chart.height());
		assertThat(text(xml, "/svg/title")).isEqualTo("Answers to Timing (n = 4 valid, 1 missing)");
		assertThat(texts(xml)).contains("Timing (n = 4 valid, 1 missing)", "% of valid answers", "Yes & agreed", "No",
				"3 (75%)", "1 (25%)");
		assertThat(chart.height()).isEqualTo(Charts.horizontalBarsHeight(2, true, true));
	}

	@Test
	void twoChartsOnOnePageDoNotShareClipPathIds() throws Exception {
		String a = Charts.horizontalBars("A", BARS, 100, "", 400, "A").svg();
		String b = Charts.horizontalBars("B", BARS, 100, "", 400, "B").svg();
		String idA = text(parse(a), "string(//*[local-name()='clipPath']/@id)");
		String idB = text(parse(b), "string(//*[local-name()='clipPath']/@id)");
		assertThat(idA).isNotBlank();
		assertThat(idA).isNotEqualTo(idB);
	}

	@Test
	void meanBarsNameTheirGroupsNAndScale() throws Exception {
		Chart chart = Charts.meanBars("Technical and Relational by counsellor", "4 sessions rated by the coding lab",
				"MITI 4.2.1 fair/good: fair dashed, good dotted; whiskers ± 1 SD", "mean score (1–5)", 1, 5,
				List.of("Technical", "Relational"),
				List.of(new Charts.MeanGroup("Ann", "n = 2", List.of(3.0, 3.75), List.of(0.7, Double.NaN)),
						new Charts.MeanGroup("Ben", "n = 1", List.of(Double.NaN, 4.5), List.of(Double.NaN, Double.NaN))),
				List.of(new Charts.Reference(0, 3, false), new Charts.Reference(1, 4, true)), "MITI summary scores");
		List<String> texts = texts(parse(chart.svg()));
		assertThat(texts).contains("Technical and Relational by counsellor", "4 sessions rated by the coding lab",
				"mean score (1–5)", "Technical", "Relational", "1", "5",
				"MITI 4.2.1 fair/good: fair dashed, good dotted; whiskers ± 1 SD");
		assertThat(texts).contains("Ann", "n = 2", "Ben", "n = 1");
	}

	@Test
	void boxPlotHasItsTitleAndScale() throws Exception {
		Chart chart = Charts.boxPlot("Age (n = 5)", "years", 30, 40, 45, 50, 60, "Box plot of Age (n = 5)");
		List<String> texts = texts(parse(chart.svg()));
		assertThat(texts).contains("Age (n = 5)", "years", "30", "60");
	}

	@Test
	void theSameDrawingGoesIntoAPdfAsVectorsAndText() throws Exception {
		Chart chart = Charts.horizontalBars("Nye koder per dokument (n = 2)", BARS, 100, "prosent", 480, "Nye koder");
		byte[] bytes;
		try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PDPage page = new PDPage(PDRectangle.A4);
			doc.addPage(page);
			PDFormXObject form = chart.pdf(doc, font(doc, "DejaVuSans.ttf"), font(doc, "DejaVuSans-Bold.ttf"));
			assertThat(form.getBBox().getWidth()).isEqualTo(480);
			assertThat(form.getBBox().getHeight()).isEqualTo(chart.height());
			try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
				cs.transform(Matrix.getTranslateInstance(56, 400));
				cs.drawForm(form);
			}
			doc.save(out);
			bytes = out.toByteArray();
		}
		try (PDDocument pdf = Loader.loadPDF(bytes)) {
			String text = new PDFTextStripper().getText(pdf);
			assertThat(text).contains("Nye koder per dokument (n = 2)", "prosent", "Yes & agreed", "3 (75%)", "1 (25%)");
			PDFormXObject placed = null;
			for (COSName name : pdf.getPage(0).getResources().getXObjectNames()) {
				PDXObject x = pdf.getPage(0).getResources().getXObject(name);
				assertThat(x).isNotInstanceOf(PDImageXObject.class);
				if (x instanceof PDFormXObject f) {
					placed = f;
				}
			}
			assertThat(placed).as("the chart is a form of vector drawing operators").isNotNull();
			String ops = new String(placed.getContents().readAllBytes(), StandardCharsets.ISO_8859_1);
			assertThat(ops).as("paths filled and text shown").contains(" l\n").contains("\nf\n").containsPattern("T[jJ]");
			for (COSName name : placed.getResources().getXObjectNames()) {
				assertThat(placed.getResources().getXObject(name)).isNotInstanceOf(PDImageXObject.class);
			}
		}
	}

	@Test
	void badSizesAndValuesAreRefusedWithTheValue() {
		assertThatThrownBy(() -> new Charts.Bar("a", -1, "-1")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("was -1.0");
		assertThatThrownBy(() -> new Charts.Bar("a", Double.NaN, "")).hasMessageContaining("was NaN");
		assertThatThrownBy(() -> new Charts.MeanGroup("g", "n = 1", List.of(1.0), List.of())).hasMessageContaining("1 means but 0 SDs");
	}

	private static PDType0Font font(PDDocument doc, String file) throws Exception {
		try (InputStream in = ChartsTests.class.getResourceAsStream("/quire/fonts/" + file)) {
			return PDType0Font.load(doc, in, true);
		}
	}

	private static Document parse(String svg) throws Exception {
		DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
		f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
	}

	private static String text(Document xml, String xpath) throws Exception {
		return XPathFactory.newDefaultInstance().newXPath().evaluate(xpath, xml);
	}

	/** The text of every SVG text element. */
	private static List<String> texts(Document xml) throws Exception {
		NodeList nodes = (NodeList) XPathFactory.newDefaultInstance().newXPath()
			.evaluate("//*[local-name()='text']", xml, XPathConstants.NODESET);
		return java.util.stream.IntStream.range(0, nodes.getLength()).mapToObj(i -> nodes.item(i).getTextContent()).toList();
	}

}

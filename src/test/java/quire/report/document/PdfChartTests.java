package quire.report.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The report's bar charts are the shared chart drawing, placed as vectors, continued across pages. */
final class PdfChartTests {

	@Test
	void aLongChartContinuesOnTheNextPageAsVectorsWithEveryBar() throws Exception {
		List<String> labels = new ArrayList<>();
		List<Double> values = new ArrayList<>();
		for (int i = 1; i <= 60; i++) {
			labels.add("Session " + i);
			values.add((double) (i % 7));
		}
		ReportDocument d = new ReportDocument("Saturation", "", List.of(new Heading(1, "Codes"),
				new BarChart("New codes per session (n = 60 sessions)", labels, values, 0, "codes")));
		try (PDDocument pdf = Loader.loadPDF(PdfRenderer.render(d))) {
			String text = new PDFTextStripper().getText(pdf);
			assertThat(text).contains("New codes per session (n = 60 sessions)", "Session 1\n", "Session 60", "6 codes");
			int chartPages = 0;
			for (int p = 0; p < pdf.getNumberOfPages(); p++) {
				PDResources resources = pdf.getPage(p).getResources();
				boolean form = false;
				for (COSName name : resources.getXObjectNames()) {
					assertThat(resources.getXObject(name)).isNotInstanceOf(PDImageXObject.class);
					form |= resources.getXObject(name) instanceof PDFormXObject;
				}
				chartPages += form ? 1 : 0;
			}
			assertThat(chartPages).as("60 bars need two pages").isEqualTo(2);
			for (int i = 1; i <= 60; i++) {
				assertThat(text).contains("Session " + i + "\n");
			}
		}
	}

}

package quire.report.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;

import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * Renders a {@link ReportDocument} as a Word document (.docx) with Apache POI.
 *
 * <p>The paragraph styles {@code Title}, {@code Subtitle}, {@code Heading1}..{@code Heading3} and {@code Quote} are
 * defined in the document's own style part, so Word recognises headings (navigation pane, table of contents).
 */
public final class DocxRenderer {

	private DocxRenderer() {
	}

	/**
	 * Renders the document.
	 *
	 * @param d the document
	 * @return the .docx bytes
	 */
	public static byte[] render(ReportDocument d) {
		try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			defineStyles(doc);
			XWPFParagraph title = doc.createParagraph();
			title.setStyle("Title");
			title.createRun().setText(d.title());
			if (!d.subtitle().isBlank()) {
				XWPFParagraph sub = doc.createParagraph();
				sub.setStyle("Subtitle");
				sub.createRun().setText(d.subtitle());
			}
			List<Heading> toc = d.tocHeadings();
			if (!toc.isEmpty()) {
				XWPFParagraph label = doc.createParagraph();
				label.setStyle("TOCHeading");
				label.createRun().setText(d.contentsLabel());
				for (Heading h : toc) {
					XWPFParagraph p = doc.createParagraph();
					p.setIndentationLeft(h.level() == 1 ? 0 : 360);
					p.setSpacingAfter(0);
					p.createRun().setText(h.text());
				}
				doc.createParagraph().createRun().addBreak(BreakType.PAGE);
			}
			for (Block b : d.blocks()) {
				switch (b) {
					case Heading h -> {
						XWPFParagraph p = doc.createParagraph();
						p.setStyle("Heading" + h.level());
						p.createRun().setText(h.text());
					}
					case Paragraph par -> doc.createParagraph().createRun().setText(par.text());
					case Quote q -> {
						XWPFParagraph p = doc.createParagraph();
						p.setStyle("Quote");
						p.setIndentationLeft(720);
						p.setIndentationRight(720);
						XWPFRun r = p.createRun();
						r.setItalic(true);
						r.setText(q.text());
						if (!q.attribution().isBlank()) {
							XWPFParagraph a = doc.createParagraph();
							a.setIndentationLeft(720);
							a.createRun().setText("– " + q.attribution());
						}
					}
					case Table t -> {
						caption(doc, t.caption());
						table(doc, t.header(), t.rows());
						doc.createParagraph();
					}
					case BarChart c -> {
						caption(doc, c.title());
						List<List<String>> rows = new java.util.ArrayList<>();
						for (int i = 0; i < c.labels().size(); i++) {
							rows.add(List.of(c.labels().get(i), c.format(c.values().get(i))));
						}
						table(doc, List.of("", c.unit().isBlank() ? "Value" : "Value (" + c.unit() + ")"), rows);
						doc.createParagraph();
					}
					case PageBreak pb -> doc.createParagraph().createRun().addBreak(BreakType.PAGE);
				}
			}
			doc.write(out);
			return out.toByteArray();
		} catch (IOException e) {
			throw new UncheckedIOException("Could not write the Word document", e);
		}
	}

	private static void caption(XWPFDocument doc, String caption) {
		if (!caption.isBlank()) {
			XWPFParagraph p = doc.createParagraph();
			p.setStyle("Caption");
			p.setKeepNext(true);
			XWPFRun r = p.createRun();
			r.setBold(true);
			r.setText(caption);
		}
	}

	private static void table(XWPFDocument doc, List<String> header, List<List<String>> rows) {
		XWPFTable table = doc.createTable(rows.size() + 1, header.size());
		table.setWidth("100%");
		fill(table.getRow(0), header, true);
		table.getRow(0).setRepeatHeader(true);
		for (int i = 0; i < rows.size(); i++) {
			fill(table.getRow(i + 1), rows.get(i), false);
		}
	}

	private static void fill(XWPFTableRow row, List<String> cells, boolean bold) {
		for (int c = 0; c < cells.size(); c++) {
			XWPFTableCell cell = row.getCell(c);
			XWPFParagraph p = cell.getParagraphs().get(0);
			p.setSpacingAfter(0);
			XWPFRun r = p.createRun();
			r.setBold(bold);
			r.setText(cells.get(c));
		}
	}

	private static void defineStyles(XWPFDocument doc) {
		XWPFStyles styles = doc.createStyles();
		addStyle(styles, "Title", "Title", 0, 52, true, false, -1);
		addStyle(styles, "Subtitle", "Subtitle", 0, 30, false, true, -1);
		addStyle(styles, "TOCHeading", "TOC Heading", 0, 32, true, false, -1);
		addStyle(styles, "Heading1", "heading 1", 1, 32, true, false, 0);
		addStyle(styles, "Heading2", "heading 2", 2, 26, true, false, 1);
		addStyle(styles, "Heading3", "heading 3", 3, 24, true, true, 2);
		addStyle(styles, "Quote", "Quote", 0, 0, false, true, -1);
		addStyle(styles, "Caption", "caption", 0, 20, true, false, -1);
	}

	/** Adds a paragraph style; {@code halfPoints} 0 keeps the default size, {@code outline} -1 means body text. */
	private static void addStyle(XWPFStyles styles, String id, String name, int priority, int halfPoints, boolean bold,
			boolean italic, int outline) {
		CTStyle s = CTStyle.Factory.newInstance();
		s.setStyleId(id);
		s.setType(STStyleType.PARAGRAPH);
		s.addNewName().setVal(name);
		s.addNewBasedOn().setVal("Normal");
		s.addNewNext().setVal("Normal");
		s.addNewQFormat();
		if (priority > 0) {
			s.addNewUiPriority().setVal(BigInteger.valueOf(9));
		}
		CTPPrGeneral ppr = s.addNewPPr();
		if (outline >= 0) {
			ppr.addNewOutlineLvl().setVal(BigInteger.valueOf(outline));
			ppr.addNewKeepNext();
			ppr.addNewSpacing().setBefore(BigInteger.valueOf(240));
		}
		CTRPr rpr = s.addNewRPr();
		if (bold) {
			rpr.addNewB();
		}
		if (italic) {
			rpr.addNewI();
		}
		if (halfPoints > 0) {
			rpr.addNewSz().setVal(BigInteger.valueOf(halfPoints));
		}
		styles.addStyle(new XWPFStyle(s, styles));
	}
}

package quire.report.document;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.util.Matrix;

import quire.chart.Chart;
import quire.chart.Charts;

/**
 * Renders a {@link ReportDocument} as an A4 PDF with PDFBox.
 *
 * <p>Layout: a title page, a table of contents (level 1 and 2 headings with page numbers), then the blocks; 56 pt
 * margins, DejaVu Sans embedded as subsets (so any Latin text, including æøå and typographic punctuation, prints and
 * extracts), word-wrapped text, tables with content-based column widths that split across pages with the header
 * repeated, vector bar charts (the drawing {@link Charts} makes for the page too), and "page N of M" at the foot of every page. The document is laid out twice: the first
 * pass finds the page of each heading, the second prints the table of contents with those numbers (the layout does not
 * depend on the numbers, so both passes paginate identically).
 */
public final class PdfRenderer {

	private static final float MARGIN = 56;
	private static final PDRectangle PAGE = PDRectangle.A4;
	private static final float WIDTH = PAGE.getWidth() - 2 * MARGIN;
	private static final float TOP = PAGE.getHeight() - MARGIN;
	private static final float BOTTOM = MARGIN;
	private static final float BODY = 10.5f;
	private static final float TABLE = 9f;
	private static final float CELL_PAD = 4f;
	private static final Color GRID = new Color(0x99, 0x99, 0x99);
	private static final Color HEADER_FILL = new Color(0xE8, 0xEC, 0xF2);
	private static final Color BAR = new Color(0x3B, 0x6E, 0xA8);
	private static final Color MUTED = new Color(0x55, 0x55, 0x55);

	private PdfRenderer() {
	}

	/**
	 * Renders the document.
	 *
	 * @param d the document
	 * @return the PDF bytes
	 */
	public static byte[] render(ReportDocument d) {
		try {
			Map<Integer, Integer> headingPages = new HashMap<>();
			try (PDDocument first = new PDDocument()) {
				new Layout(first, d, Map.of(), headingPages).run();
			}
			try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
				new Layout(doc, d, headingPages, new HashMap<>()).run();
				doc.getDocumentInformation().setTitle(d.title());
				if (!d.subtitle().isBlank()) {
					doc.getDocumentInformation().setSubject(d.subtitle());
				}
				doc.save(out);
				return out.toByteArray();
			}
		} catch (IOException e) {
			throw new UncheckedIOException("Could not write the PDF document", e);
		}
	}

	private static PDType0Font font(PDDocument doc, String file) throws IOException {
		try (InputStream in = PdfRenderer.class.getResourceAsStream("/quire/fonts/" + file)) {
			if (in == null) {
				throw new IOException("Font not found on the class path: quire/fonts/" + file);
			}
			return PDType0Font.load(doc, in, true);
		}
	}

	/** One layout pass over one PDDocument. */
	private static final class Layout {

		private final PDDocument doc;
		private final ReportDocument d;
		private final Map<Integer, Integer> knownPages;
		private final Map<Integer, Integer> foundPages;
		private final PDType0Font regular;
		private final PDType0Font bold;
		private final PDType0Font italic;
		private final PdfText type = new PdfText();
		private PDPageContentStream cs;
		private float y;

		Layout(PDDocument doc, ReportDocument d, Map<Integer, Integer> knownPages, Map<Integer, Integer> foundPages)
				throws IOException {
			this.doc = doc;
			this.d = d;
			this.knownPages = knownPages;
			this.foundPages = foundPages;
			this.regular = font(doc, "DejaVuSans.ttf");
			this.bold = font(doc, "DejaVuSans-Bold.ttf");
			this.italic = font(doc, "DejaVuSans-Oblique.ttf");
		}

		void run() throws IOException {
			titlePage();
			contents();
			List<Block> blocks = d.blocks();
			for (int i = 0; i < blocks.size(); i++) {
				switch (blocks.get(i)) {
					case Heading h -> {
						heading(h);
						foundPages.put(i, doc.getNumberOfPages());
					}
					case Paragraph p -> {
						lines(type.wrap(regular, BODY, p.text(), WIDTH), regular, BODY, MARGIN);
						space(BODY * 0.6f);
					}
					case Quote q -> quote(q);
					case Table t -> table(t);
					case BarChart c -> chart(c);
					case PageBreak pb -> {
						if (y < TOP) {
							newPage();
						}
					}
				}
			}
			cs.close();
			footers();
		}

		// ---- pages -------------------------------------------------------------------------------------------

		private void newPage() throws IOException {
			if (cs != null) {
				cs.close();
			}
			PDPage page = new PDPage(PAGE);
			doc.addPage(page);
			cs = new PDPageContentStream(doc, page);
			y = TOP;
		}

		/** Starts a new page unless {@code height} fits below y (or the page is still empty). */
		private void ensure(float height) throws IOException {
			if (y - height < BOTTOM && y < TOP) {
				newPage();
			}
		}

		private void space(float h) {
			y -= h;
		}

		private void footers() throws IOException {
			int total = doc.getNumberOfPages();
			for (int i = 0; i < total; i++) {
				PDPage page = doc.getPage(i);
				try (PDPageContentStream foot = new PDPageContentStream(doc, page, AppendMode.APPEND, true, true)) {
					String s = "page " + (i + 1) + " of " + total;
					float w = type.width(regular, 8.5f, s);
					foot.setNonStrokingColor(MUTED);
					type.text(foot, regular, 8.5f, (PAGE.getWidth() - w) / 2, MARGIN / 2, s);
				}
			}
		}

		// ---- sections ----------------------------------------------------------------------------------------

		private void titlePage() throws IOException {
			newPage();
			y = PAGE.getHeight() * 0.62f;
			List<String> title = type.wrap(bold, 26, d.title(), WIDTH);
			for (String line : title) {
				type.text(cs, bold, 26, MARGIN, y, line);
				y -= 34;
			}
			cs.setStrokingColor(BAR);
			cs.setLineWidth(2);
			cs.moveTo(MARGIN, y + 14);
			cs.lineTo(MARGIN + 120, y + 14);
			cs.stroke();
			y -= 12;
			if (!d.subtitle().isBlank()) {
				cs.setNonStrokingColor(MUTED);
				for (String line : type.wrap(regular, 14, d.subtitle(), WIDTH)) {
					type.text(cs, regular, 14, MARGIN, y, line);
					y -= 20;
				}
				cs.setNonStrokingColor(Color.BLACK);
			}
		}

		private void contents() throws IOException {
			List<Block> blocks = d.blocks();
			boolean any = blocks.stream().anyMatch(b -> b instanceof Heading h && h.level() <= 2);
			if (!any) {
				newPage();
				return;
			}
			newPage();
			type.text(cs, bold, 18, MARGIN, y - 18, d.contentsLabel());
			y -= 18 + 16;
			float numberWidth = 36;
			for (int i = 0; i < blocks.size(); i++) {
				if (!(blocks.get(i) instanceof Heading h) || h.level() > 2) {
					continue;
				}
				PDType0Font f = h.level() == 1 ? bold : regular;
				float size = h.level() == 1 ? 11 : 10.5f;
				float indent = h.level() == 1 ? 0 : 16;
				float leading = size * 1.45f;
				List<String> lines = type.wrap(f, size, h.text(), WIDTH - indent - numberWidth - 8);
				if (h.level() == 1) {
					space(4);
				}
				ensure(lines.size() * leading);
				for (int l = 0; l < lines.size(); l++) {
					y -= leading;
					type.text(cs, f, size, MARGIN + indent, y, lines.get(l));
					if (l == lines.size() - 1) {
						Integer page = knownPages.get(i);
						String n = page == null ? "" : String.valueOf(page);
						float lineEnd = MARGIN + indent + type.width(f, size, lines.get(l)) + 4;
						float numStart = MARGIN + WIDTH - type.width(f, size, n);
						dots(lineEnd, numStart - 4, y);
						type.text(cs, f, size, numStart, y, n);
					}
				}
			}
			newPage();
		}

		private void dots(float from, float to, float baseline) throws IOException {
			if (to - from < 10) {
				return;
			}
			cs.setStrokingColor(GRID);
			cs.setLineWidth(0.6f);
			cs.setLineDashPattern(new float[] {0.6f, 2.4f}, 0);
			cs.moveTo(from, baseline + 1);
			cs.lineTo(to, baseline + 1);
			cs.stroke();
			cs.setLineDashPattern(new float[0], 0);
			cs.setStrokingColor(Color.BLACK);
		}

		private void heading(Heading h) throws IOException {
			float size = switch (h.level()) {
				case 1 -> 18;
				case 2 -> 14;
				default -> 12;
			};
			float leading = size * 1.3f;
			List<String> lines = type.wrap(bold, size, h.text(), WIDTH);
			float before = y < TOP ? size * 0.8f : 0;
			// keep with next: require room for the heading and about three lines of body text
			ensure(before + lines.size() * leading + 3 * BODY * 1.4f);
			if (y < TOP) {
				space(before);
			}
			for (String line : lines) {
				y -= leading;
				type.text(cs, bold, size, MARGIN, y, line);
			}
			space(size * 0.5f);
		}

		/** Prints lines at x, one per leading, breaking pages as needed. */
		private void lines(List<String> lines, PDType0Font f, float size, float x) throws IOException {
			float leading = size * 1.4f;
			for (String line : lines) {
				ensure(leading);
				y -= leading;
				type.text(cs, f, size, x, y, line);
			}
		}

		private void quote(Quote q) throws IOException {
			float indent = 24;
			float leading = BODY * 1.4f;
			List<String> lines = type.wrap(italic, BODY, q.text(), WIDTH - 2 * indent);
			for (String line : lines) {
				ensure(leading);
				y -= leading;
				cs.setStrokingColor(BAR);
				cs.setLineWidth(2);
				cs.moveTo(MARGIN + 8, y - 3);
				cs.lineTo(MARGIN + 8, y + leading - 3);
				cs.stroke();
				type.text(cs, italic, BODY, MARGIN + indent, y, line);
			}
			if (!q.attribution().isBlank()) {
				cs.setNonStrokingColor(MUTED);
				lines(type.wrap(regular, BODY - 1, "– " + q.attribution(), WIDTH - 2 * indent), regular, BODY - 1,
						MARGIN + indent);
				cs.setNonStrokingColor(Color.BLACK);
			}
			space(BODY * 0.8f);
		}

		private void caption(String caption) throws IOException {
			if (caption.isBlank()) {
				return;
			}
			List<String> lines = type.wrap(bold, BODY - 0.5f, caption, WIDTH);
			float leading = (BODY - 0.5f) * 1.4f;
			ensure(lines.size() * leading + 40);
			for (String line : lines) {
				y -= leading;
				type.text(cs, bold, BODY - 0.5f, MARGIN, y, line);
			}
			space(4);
		}

		// ---- tables ------------------------------------------------------------------------------------------

		private void table(Table t) throws IOException {
			caption(t.caption());
			float[] widths = columnWidths(t);
			float leading = TABLE * 1.3f;
			List<List<String>> header = cellLines(t.header(), widths, bold);
			float headerHeight = height(header, leading);
			ensure(headerHeight + (t.rows().isEmpty() ? 0 : leading + 2 * CELL_PAD));
			row(header, widths, headerHeight, leading, bold, true);
			for (List<String> r : t.rows()) {
				List<List<String>> cells = cellLines(r, widths, regular);
				float h = height(cells, leading);
				if (y - h < BOTTOM && y < TOP) {
					newPage();
					row(header, widths, headerHeight, leading, bold, true);
				}
				row(cells, widths, h, leading, regular, false);
			}
			space(BODY);
		}

		private List<List<String>> cellLines(List<String> cells, float[] widths, PDType0Font f) throws IOException {
			List<List<String>> out = new ArrayList<>(cells.size());
			for (int c = 0; c < cells.size(); c++) {
				out.add(type.wrap(f, TABLE, cells.get(c), widths[c] - 2 * CELL_PAD));
			}
			return out;
		}

		private static float height(List<List<String>> cells, float leading) {
			int max = 1;
			for (List<String> c : cells) {
				max = Math.max(max, c.size());
			}
			return max * leading + 2 * CELL_PAD;
		}

		private void row(List<List<String>> cells, float[] widths, float h, float leading, PDType0Font f,
				boolean header) throws IOException {
			float x = MARGIN;
			if (header) {
				cs.setNonStrokingColor(HEADER_FILL);
				cs.addRect(MARGIN, y - h, sum(widths), h);
				cs.fill();
				cs.setNonStrokingColor(Color.BLACK);
			}
			cs.setStrokingColor(GRID);
			cs.setLineWidth(0.5f);
			for (int c = 0; c < cells.size(); c++) {
				cs.addRect(x, y - h, widths[c], h);
				cs.stroke();
				float ty = y - CELL_PAD;
				for (String line : cells.get(c)) {
					ty -= leading;
					type.text(cs, f, TABLE, x + CELL_PAD, ty + leading * 0.22f, line);
				}
				x += widths[c];
			}
			y -= h;
		}

		private float[] columnWidths(Table t) throws IOException {
			int cols = t.header().size();
			float[] natural = new float[cols];
			float[] min = new float[cols];
			List<List<String>> all = new ArrayList<>();
			all.add(t.header());
			all.addAll(t.rows());
			for (int r = 0; r < all.size(); r++) {
				PDType0Font f = r == 0 ? bold : regular;
				for (int c = 0; c < cols; c++) {
					String text = type.clean(f, all.get(r).get(c));
					natural[c] = Math.max(natural[c], type.width(f, TABLE, text) + 2 * CELL_PAD);
					for (String word : text.split(" ")) {
						min[c] = Math.max(min[c], Math.min(type.width(f, TABLE, word), WIDTH / 3) + 2 * CELL_PAD);
					}
				}
			}
			float sumNatural = sum(natural);
			float sumMin = sum(min);
			float[] w = new float[cols];
			if (sumNatural <= WIDTH) {
				for (int c = 0; c < cols; c++) {
					w[c] = natural[c] + (WIDTH - sumNatural) * natural[c] / sumNatural;
				}
			} else if (sumMin >= WIDTH) {
				for (int c = 0; c < cols; c++) {
					w[c] = WIDTH * min[c] / sumMin;
				}
			} else {
				float slack = sumNatural - sumMin;
				for (int c = 0; c < cols; c++) {
					w[c] = min[c] + (WIDTH - sumMin) * (natural[c] - min[c]) / slack;
				}
			}
			return w;
		}

		private static float sum(float[] a) {
			float s = 0;
			for (float v : a) {
				s += v;
			}
			return s;
		}

		// ---- charts ------------------------------------------------------------------------------------------

		/**
		 * The chart drawn by {@link Charts#horizontalBars} (the page's drawing) as a vector form, under the
		 * layout's caption; a chart taller than the rest of the page continues on the next with the same scale.
		 */
		private void chart(BarChart c) throws IOException {
			caption(c.title());
			List<Charts.Bar> bars = new ArrayList<>();
			for (int i = 0; i < c.labels().size(); i++) {
				double v = c.values().get(i);
				bars.add(new Charts.Bar(type.clean(regular, c.labels().get(i)), v, type.clean(regular, c.format(v))));
			}
			int from = 0;
			do {
				int room = (int) ((y - BOTTOM - Charts.horizontalBarsHeight(0, false, false)) / Charts.BAR_ROW) + 1;
				if (room < Math.min(2, bars.size() - from) && y < TOP) {
					newPage();
					continue;
				}
				int to = Math.min(bars.size(), from + Math.max(1, room));
				Chart chart = Charts.horizontalBars("", bars.subList(from, to), c.scaleMax(), "", (int) WIDTH, c.title());
				PDFormXObject form = chart.pdf(doc, regular, bold);
				cs.saveGraphicsState();
				cs.transform(Matrix.getTranslateInstance(MARGIN, y - chart.height()));
				cs.drawForm(form);
				cs.restoreGraphicsState();
				y -= chart.height();
				from = to;
			}
			while (from < bars.size());
			space(BODY);
		}
	}
}

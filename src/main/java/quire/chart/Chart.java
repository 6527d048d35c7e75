package quire.chart;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer;
import quire.chart.internal.ChartLook;

/**
 * One chart drawing, written for a page or a PDF: a JFreeChart in Quire's look with its size and a
 * sentence that says what it shows (for screen readers, and as the SVG's {@code <title>}). The same
 * {@link JFreeChart#draw} call paints both outputs, so a figure on screen and in the report cannot
 * drift apart.
 */
public final class Chart {

	private final JFreeChart chart;

	private final int width;

	private final int height;

	private final String description;

	private Chart(JFreeChart chart, int width, int height, String description) {
		this.chart = chart;
		this.width = width;
		this.height = height;
		this.description = description;
	}

	/**
	 * Wraps a chart, applying Quire's look (fonts, backgrounds; series colours the chart set stay).
	 *
	 * @param chart the chart
	 * @param width its width in CSS pixels (on a PDF page: points)
	 * @param height its height
	 * @param description what the chart shows, naming what it is computed over and its n
	 * @return the chart
	 */
	public static Chart of(JFreeChart chart, int width, int height, String description) {
		if (width <= 0 || height <= 0) {
			throw new IllegalArgumentException("A chart needs a positive size, was " + width + " × " + height);
		}
		ChartLook.apply(chart);
		return new Chart(chart, width, height, description);
	}

	/** Its width in CSS pixels or PDF points. */
	public int width() {
		return this.width;
	}

	/** Its height in CSS pixels or PDF points. */
	public int height() {
		return this.height;
	}

	/** What the chart shows. */
	public String description() {
		return this.description;
	}

	/** Paints the chart into an area of any Java2D surface. */
	public void draw(Graphics2D g, Rectangle2D area) {
		this.chart.draw(g, area);
	}

	/**
	 * The chart as an inline SVG element (well-formed XML, text as text), scaling with its container
	 * through its view box; its {@code <title>} and {@code aria-label} are the description.
	 */
	public String svg() {
		SVGGraphics2D g = new SVGGraphics2D(this.width, this.height);
		// several charts share a page: their clip paths need distinct ids
		g.setDefsKeyPrefix("q" + UUID.randomUUID().toString().substring(0, 8));
		g.setFontFunction(ChartLook::cssFamily);
		draw(g, new Rectangle2D.Double(0, 0, this.width, this.height));
		String svg = g.getSVGElement(null, true, new ViewBox(0, 0, this.width, this.height), null, null);
		String label = escape(this.description);
		int open = svg.indexOf('>');
		return "<svg role='img' aria-label='" + label + "'" + svg.substring(4, open + 1) + "<title>" + label + "</title>"
				+ svg.substring(open + 1);
	}

	/**
	 * The chart as a PDF form (vectors and real text) of {@link #width()} × {@link #height()} points,
	 * for the caller to place on a page. The document's fonts stand in for the chart's, so its text
	 * is extractable and embedded once; text the fonts cannot show must have been replaced before.
	 *
	 * @param doc the document the form belongs to
	 * @param regular the document's DejaVu Sans
	 * @param bold the document's DejaVu Sans Bold
	 * @return the form
	 */
	public PDFormXObject pdf(PDDocument doc, PDFont regular, PDFont bold) {
		try {
			PdfBoxGraphics2D g = new PdfBoxGraphics2D(doc, this.width, this.height);
			PdfBoxGraphics2DFontTextDrawer text = new PdfBoxGraphics2DFontTextDrawer();
			text.registerFont(ChartLook.regularName(), regular);
			text.registerFont(ChartLook.boldName(), bold);
			g.setFontTextDrawer(text);
			try {
				draw(g, new Rectangle2D.Double(0, 0, this.width, this.height));
			}
			finally {
				g.dispose();
			}
			return g.getXFormObject();
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not draw the chart into the PDF", e);
		}
	}

	private static String escape(String s) {
		return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&apos;");
	}

}

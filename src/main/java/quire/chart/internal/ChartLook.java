package quire.chart.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.text.TextUtils;

/**
 * Quire's chart look: DejaVu Sans (the font the PDF reports embed, loaded from the class path so a
 * chart draws the same on a machine without system fonts), white plot, light grid, flat bars. The
 * theme sets fonts and backgrounds; series colours stay with the chart that sets them.
 */
public final class ChartLook {

	/** The colour of a single data series (Quire's teal). */
	public static final Color TEAL = new Color(0x2F, 0x6F, 0x73);

	/** The colour of a second data series. */
	public static final Color ORANGE = new Color(0xC2, 0x70, 0x3D);

	/** The fill of a box in a box plot. */
	public static final Color LIGHT_TEAL = new Color(0xCF, 0xE3, 0xE4);

	/** Text and lines. */
	public static final Color INK = new Color(0x22, 0x22, 0x22);

	/** Secondary text (notes, tick labels). */
	public static final Color MUTED = new Color(0x55, 0x55, 0x55);

	private static final Font REGULAR = load("DejaVuSans.ttf");

	private static final Font BOLD = load("DejaVuSans-Bold.ttf");

	static {
		// JFreeChart draws rotated text (a vertical axis label) as glyph outlines unless told otherwise, an old
		// JDK workaround: as text it stays text in the SVG and the PDF (searchable, read by screen readers)
		TextUtils.setUseDrawRotatedStringWorkaround(false);
	}

	private ChartLook() {
	}

	/** The regular face at a size. */
	public static Font regular(float size) {
		return REGULAR.deriveFont(size);
	}

	/** The bold face at a size. */
	public static Font bold(float size) {
		return BOLD.deriveFont(size);
	}

	/** The face name ({@link Font#getFontName()}) of {@link #regular}, under which a PDF font stands in for it. */
	public static String regularName() {
		return REGULAR.getFontName();
	}

	/** The face name of {@link #bold}. */
	public static String boldName() {
		return BOLD.getFontName();
	}

	/** The CSS font family a page uses for a Java font family: DejaVu Sans where installed, else the page's sans-serif. */
	public static String cssFamily(String family) {
		// unquoted: JFreeSVG writes the style in single quotes, and CSS takes multi-word names without them
		return family.replaceAll("[^\\p{L}\\p{N} -]", "") + ", Helvetica Neue, Arial, sans-serif";
	}

	/** Applies the look to a chart; series colours the chart set stay. */
	public static void apply(JFreeChart chart) {
		StandardChartTheme theme = new StandardChartTheme("Quire", false);
		theme.setExtraLargeFont(bold(13));
		theme.setLargeFont(regular(11));
		theme.setRegularFont(regular(11));
		theme.setSmallFont(regular(10));
		theme.setTitlePaint(INK);
		theme.setSubtitlePaint(INK);
		theme.setChartBackgroundPaint(Color.WHITE);
		theme.setPlotBackgroundPaint(Color.WHITE);
		theme.setPlotOutlinePaint(Color.WHITE);
		theme.setLegendBackgroundPaint(Color.WHITE);
		theme.setLegendItemPaint(INK);
		theme.setDomainGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
		theme.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
		theme.setAxisLabelPaint(INK);
		theme.setTickLabelPaint(MUTED);
		theme.setItemLabelPaint(INK);
		theme.setErrorIndicatorPaint(INK);
		theme.setBarPainter(new StandardBarPainter());
		theme.setShadowVisible(false);
		theme.apply(chart);
		chart.setBorderVisible(false);
		chart.setTextAntiAlias(true);
		chart.getPlot().setOutlineStroke(new BasicStroke(0));
	}

	private static Font load(String file) {
		try (InputStream in = ChartLook.class.getResourceAsStream("/quire/fonts/" + file)) {
			if (in == null) {
				throw new IllegalStateException("Font not found on the class path: quire/fonts/" + file);
			}
			return Font.createFont(Font.TRUETYPE_FONT, in);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not read the font quire/fonts/" + file, e);
		}
		catch (FontFormatException e) {
			throw new IllegalStateException("quire/fonts/" + file + " is not a TrueType font", e);
		}
	}

}

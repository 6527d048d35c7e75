package quire.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.ExtendedCategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.CategoryItemLabelGenerator;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.BoxAndWhiskerRenderer;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.BoxAndWhiskerItem;
import org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;

import quire.chart.internal.ChartLook;

/**
 * The chart kinds Quire draws, each once for page and PDF: labelled horizontal bars (frequencies,
 * report figures), grouped means with ± SD whiskers and reference lines (fidelity scores) and a
 * horizontal box plot (a numeric answer). Titles, subtitles and axis labels are the caller's: they
 * name what the chart is computed over and its n.
 */
public final class Charts {

	/** The height of one bar's row in {@link #horizontalBars}, in pixels or points. */
	public static final int BAR_ROW = 22;

	private static final FontRenderContext MEASURE = new FontRenderContext(null, true, true);

	private Charts() {
	}

	/**
	 * One bar of {@link #horizontalBars}.
	 *
	 * @param label what the bar counts (shortened with an ellipsis when long)
	 * @param value its length, 0 or more
	 * @param valueLabel the figure printed after the bar, e.g. {@code 3 (75%)}
	 */
	public record Bar(String label, double value, String valueLabel) {

		/** Checks the value. */
		public Bar {
			Objects.requireNonNull(label, "label");
			Objects.requireNonNull(valueLabel, "valueLabel");
			if (!(value >= 0) || Double.isInfinite(value)) {
				throw new IllegalArgumentException("A bar's value must be finite and 0 or more, was " + value);
			}
		}
	}

	/**
	 * Horizontal bars, one row each, labelled with their figures; the value axis has no ticks (the
	 * figures are on the bars).
	 *
	 * @param title the title (blank: none, for a caption the caller prints)
	 * @param bars the bars, top to bottom
	 * @param max the value of a full-length bar (at least the largest value)
	 * @param valueAxisLabel what the lengths measure (blank: none)
	 * @param width the width
	 * @param description what the chart shows, with n
	 * @return the chart, {@link #horizontalBarsHeight} high
	 */
	public static Chart horizontalBars(String title, List<Bar> bars, double max, String valueAxisLabel, int width,
			String description) {
		DefaultCategoryDataset data = new DefaultCategoryDataset();
		List<String> figures = new ArrayList<>();
		float labelRoom = width * 0.35f;
		double widest = 0;
		for (int i = 0; i < bars.size(); i++) {
			Bar b = bars.get(i);
			data.addValue(b.value(), "value", new Row(i, fit(b.label(), ChartLook.regular(10), labelRoom)));
			figures.add(b.valueLabel());
			widest = Math.max(widest, textWidth(b.valueLabel(), ChartLook.regular(10)));
		}
		double top = max > 0 ? max : 1;
		for (Bar b : bars) {
			top = Math.max(top, b.value());
		}
		// leave room after the longest bar for its figure
		double plotWidth = Math.max(40, width - labelRoom - 24);
		double room = Math.min(0.9, (widest + 8) / Math.max(1, plotWidth - widest - 8));
		CategoryAxis categories = new CategoryAxis(null);
		categories.setTickMarksVisible(false);
		categories.setAxisLineVisible(false);
		categories.setCategoryMargin(0.3);
		categories.setLowerMargin(0.02);
		categories.setUpperMargin(0.02);
		NumberAxis values = new NumberAxis(valueAxisLabel.isBlank() ? null : valueAxisLabel);
		values.setRange(0, top * (1 + room));
		values.setTickLabelsVisible(false);
		values.setTickMarksVisible(false);
		BarRenderer renderer = new BarRenderer();
		renderer.setDrawBarOutline(false);
		renderer.setDefaultItemLabelGenerator(new Figures(figures));
		renderer.setDefaultItemLabelsVisible(true);
		renderer.setDefaultItemLabelFont(ChartLook.regular(10));
		renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
		renderer.setItemLabelAnchorOffset(4);
		renderer.setMaximumBarWidth(1);
		CategoryPlot plot = new CategoryPlot(data, categories, values, renderer);
		plot.setOrientation(PlotOrientation.HORIZONTAL);
		plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
		plot.setRangeGridlinesVisible(false);
		plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
		JFreeChart chart = new JFreeChart(plot);
		chart.removeLegend();
		titled(chart, title);
		Chart c = Chart.of(chart, width, horizontalBarsHeight(bars.size(), !title.isBlank(), !valueAxisLabel.isBlank()),
				description);
		// the theme sets fonts and clears series colours: the bars' own come after it
		renderer.setSeriesPaint(0, ChartLook.TEAL);
		renderer.setDefaultItemLabelFont(ChartLook.regular(10));
		categories.setTickLabelFont(ChartLook.regular(10));
		return c;
	}

	/** The height of {@link #horizontalBars} with this many rows, a title or not, an axis label or not. */
	public static int horizontalBarsHeight(int rows, boolean titled, boolean axisLabelled) {
		return Math.max(1, rows) * BAR_ROW + (titled ? 26 : 0) + (axisLabelled ? 22 : 6) + 8;
	}

	/**
	 * A group of {@link #meanBars}: one mean (and SD) per series, {@code NaN} where undefined.
	 *
	 * @param label the group's name
	 * @param n its n, printed under the name, e.g. {@code n = 4}
	 * @param means one per series
	 * @param sds one per series
	 */
	public record MeanGroup(String label, String n, List<Double> means, List<Double> sds) {

		/** Copies the lists. */
		public MeanGroup {
			means = List.copyOf(means);
			sds = List.copyOf(sds);
			if (means.size() != sds.size()) {
				throw new IllegalArgumentException("A group has " + means.size() + " means but " + sds.size() + " SDs");
			}
		}
	}

	/**
	 * A horizontal reference line of {@link #meanBars} in a series' colour.
	 *
	 * @param series the series index
	 * @param value where it is drawn
	 * @param dotted dotted (else dashed)
	 */
	public record Reference(int series, double value, boolean dotted) {
	}

	/**
	 * Vertical bars of means, grouped, one colour per series, with ± 1 SD whiskers and reference
	 * lines, on a fixed scale (bars rise from its lower end).
	 *
	 * @param title the title
	 * @param subtitle what it is computed over, with n
	 * @param note a line under the legend (what the lines and whiskers mean)
	 * @param valueAxisLabel what the scale measures
	 * @param lower the scale's lower end
	 * @param upper its upper end
	 * @param series the series names (two at most get their own colours, then they repeat)
	 * @param groups the groups, left to right
	 * @param references the reference lines
	 * @param description what the chart shows, with n
	 * @return the chart
	 */
	public static Chart meanBars(String title, String subtitle, String note, String valueAxisLabel, double lower,
			double upper, List<String> series, List<MeanGroup> groups, List<Reference> references, String description) {
		DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
		ExtendedCategoryAxis categories = new ExtendedCategoryAxis(null);
		for (int g = 0; g < groups.size(); g++) {
			MeanGroup group = groups.get(g);
			Row key = new Row(g, group.label());
			categories.addSubLabel(key, group.n());
			for (int s = 0; s < series.size(); s++) {
				double mean = group.means().get(s);
				double sd = group.sds().get(s);
				data.add(Double.isNaN(mean) ? null : mean, Double.isNaN(sd) ? null : sd, series.get(s), key);
			}
		}
		categories.setMaximumCategoryLabelLines(2);
		categories.setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
		NumberAxis values = new NumberAxis(valueAxisLabel);
		values.setRange(lower, upper);
		values.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
		StatisticalBarRenderer renderer = new StatisticalBarRenderer();
		renderer.setDrawBarOutline(false);
		renderer.setItemMargin(0.05);
		renderer.setMaximumBarWidth(0.08);
		renderer.setErrorIndicatorStroke(new BasicStroke(1.2f));
		CategoryPlot plot = new CategoryPlot(data, categories, values, renderer);
		for (Reference r : references) {
			ValueMarker line = new ValueMarker(r.value(), colour(r.series()), r.dotted()
					? new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {2, 3}, 0)
					: new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0));
			plot.addRangeMarker(line);
		}
		JFreeChart chart = new JFreeChart(plot);
		titled(chart, title);
		TextTitle sub = new TextTitle(subtitle);
		chart.addSubtitle(sub);
		TextTitle foot = new TextTitle(note);
		foot.setPosition(RectangleEdge.BOTTOM);
		chart.addSubtitle(foot);
		int width = Math.max(560, 70 + groups.size() * 120);
		Chart c = Chart.of(chart, width, 380, description);
		for (int s = 0; s < series.size(); s++) {
			renderer.setSeriesPaint(s, colour(s));
		}
		categories.setSubLabelFont(ChartLook.regular(10));
		categories.setSubLabelPaint(ChartLook.MUTED);
		chart.getTitle().setHorizontalAlignment(HorizontalAlignment.LEFT);
		sub.setHorizontalAlignment(HorizontalAlignment.LEFT);
		foot.setFont(ChartLook.regular(10));
		foot.setPaint(ChartLook.MUTED);
		return c;
	}

	/**
	 * A horizontal box plot of one numeric variable: whiskers from minimum to maximum, the box from
	 * the lower to the upper quartile, a line at the median.
	 *
	 * @param title the title (the variable and its n)
	 * @param valueAxisLabel what the axis measures (blank: none)
	 * @param min the minimum
	 * @param q1 the lower quartile
	 * @param median the median
	 * @param q3 the upper quartile
	 * @param max the maximum
	 * @param description what the chart shows, with n
	 * @return the chart
	 */
	public static Chart boxPlot(String title, String valueAxisLabel, double min, double q1, double median, double q3,
			double max, String description) {
		DefaultBoxAndWhiskerCategoryDataset data = new DefaultBoxAndWhiskerCategoryDataset();
		data.add(new BoxAndWhiskerItem(null, median, q1, q3, min, max, min, max, List.of()), "values", "");
		CategoryAxis categories = new CategoryAxis(null);
		categories.setTickLabelsVisible(false);
		categories.setTickMarksVisible(false);
		categories.setAxisLineVisible(false);
		NumberAxis values = new NumberAxis(valueAxisLabel.isBlank() ? null : valueAxisLabel);
		double lo = Math.floor(min);
		double hi = Math.max(Math.ceil(max), lo + 1);
		values.setRange(lo, hi);
		values.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
		BoxAndWhiskerRenderer renderer = new BoxAndWhiskerRenderer();
		renderer.setUseOutlinePaintForWhiskers(true);
		renderer.setMeanVisible(false);
		renderer.setMaximumBarWidth(0.4);
		CategoryPlot plot = new CategoryPlot(data, categories, values, renderer);
		plot.setOrientation(PlotOrientation.HORIZONTAL);
		plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
		plot.setDomainGridlinesVisible(false);
		JFreeChart chart = new JFreeChart(plot);
		chart.removeLegend();
		titled(chart, title);
		Chart c = Chart.of(chart, 440, valueAxisLabel.isBlank() ? 110 : 130, description);
		renderer.setSeriesPaint(0, ChartLook.LIGHT_TEAL);
		renderer.setSeriesOutlinePaint(0, ChartLook.TEAL);
		renderer.setSeriesOutlineStroke(0, new BasicStroke(1.5f));
		return c;
	}

	private static void titled(JFreeChart chart, String title) {
		if (!title.isBlank()) {
			chart.setTitle(new TextTitle(title));
			chart.getTitle().setHorizontalAlignment(HorizontalAlignment.LEFT);
		}
	}

	private static Color colour(int series) {
		return series % 2 == 0 ? ChartLook.TEAL : ChartLook.ORANGE;
	}

	private static double textWidth(String s, Font font) {
		return font.getStringBounds(s, MEASURE).getWidth();
	}

	/** Shortens text with an ellipsis to fit a width. */
	static String fit(String text, Font font, double max) {
		String t = text.strip();
		if (textWidth(t, font) <= max) {
			return t;
		}
		while (t.length() > 1 && textWidth(t + "…", font) > max) {
			t = t.substring(0, t.length() - 1);
		}
		return t.strip() + "…";
	}

	/** A category: its position (labels may repeat) and its label, which the axis prints. */
	private record Row(int index, String label) implements Comparable<Row> {

		@Override
		public int compareTo(Row o) {
			return Integer.compare(this.index, o.index);
		}

		@Override
		public String toString() {
			return this.label;
		}
	}

	/** The figure printed after each bar. */
	private record Figures(List<String> figures) implements CategoryItemLabelGenerator {

		@Override
		public String generateRowLabel(CategoryDataset dataset, int row) {
			return dataset.getRowKey(row).toString();
		}

		@Override
		public String generateColumnLabel(CategoryDataset dataset, int column) {
			return dataset.getColumnKey(column).toString();
		}

		@Override
		public String generateLabel(CategoryDataset dataset, int row, int column) {
			return this.figures.get(column);
		}
	}

}

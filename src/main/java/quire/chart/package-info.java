/**
 * Charts drawn once and written twice: a {@link quire.chart.Chart} is a JFreeChart drawing in Quire's
 * look (DejaVu Sans, white plot, no gradients) that writes itself as SVG for a page (JFreeSVG) and
 * as vectors into a PDF page (pdfbox-graphics2d), so the screen and the report show the same
 * figure. {@link quire.chart.Charts} builds the chart kinds several modules share (labelled
 * horizontal bars, a box plot); a module with a chart of its own builds a JFreeChart and wraps it
 * with {@link quire.chart.Chart#of}. No Spring, no I/O beyond the bundled fonts.
 */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package quire.chart;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

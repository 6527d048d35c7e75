/** Quire's chart look (fonts, colours, theme), private to the chart module. */
@NullMarked
package quire.chart.internal;

import org.jspecify.annotations.NullMarked;

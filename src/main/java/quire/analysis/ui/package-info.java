/** The joint displays page. */
@NullMarked
package quire.analysis.ui;

import org.jspecify.annotations.NullMarked;

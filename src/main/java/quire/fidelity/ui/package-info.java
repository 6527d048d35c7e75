/** Views of MITI fidelity: results against thresholds, reliability, lab import, and the keyboard coding screen. */
@NullMarked
package quire.fidelity.ui;

import org.jspecify.annotations.NullMarked;

/** Internals of the coding module: codebook exchange, coding units and agreement matrices. */
@NullMarked
package quire.coding.internal;

import org.jspecify.annotations.NullMarked;

/** Views for reading and coding transcripts, the codebook, retrieval, the framework matrix and agreement. */
@NullMarked
package quire.coding.ui;

import org.jspecify.annotations.NullMarked;

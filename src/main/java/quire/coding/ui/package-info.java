/**
 * Views for reading and coding transcripts, the codebook, retrieval, the framework matrix and
 * agreement. Who is coding in this browser session is the shell's {@link quire.ui.CurrentCoder}.
 */
@NullMarked
package quire.coding.ui;

import org.jspecify.annotations.NullMarked;

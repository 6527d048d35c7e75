/**
 * Views of the corpus module: documents and transcript reading; {@link quire.corpus.ui.DocumentColumn} lets
 * other features add a column to the Documents page.
 */
@NullMarked
@NamedInterface("ui")
package quire.corpus.ui;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;

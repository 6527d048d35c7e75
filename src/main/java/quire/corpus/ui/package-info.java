/**
 * Views of the corpus module: documents and transcript reading.
 */
@NullMarked
package quire.corpus.ui;

import org.jspecify.annotations.NullMarked;

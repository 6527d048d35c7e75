/** The de-identification review screen and the word frequency list and cloud. */
@NullMarked
package quire.nlp.ui;

import org.jspecify.annotations.NullMarked;

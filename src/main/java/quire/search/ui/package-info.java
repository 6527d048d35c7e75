/**
 * Views of the search module.
 */
@NullMarked
package quire.search.ui;

import org.jspecify.annotations.NullMarked;

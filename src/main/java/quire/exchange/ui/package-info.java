/** The exchange page: export the current project as .qdpx, import a .qdpx as a new project. */
@NullMarked
package quire.exchange.ui;

import org.jspecify.annotations.NullMarked;

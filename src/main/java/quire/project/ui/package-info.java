/**
 * Views of the project module: the project list and the members page. Which project a browser
 * session works in is the shell's {@link quire.ui.CurrentProject}.
 */
@NullMarked
package quire.project.ui;

import org.jspecify.annotations.NullMarked;

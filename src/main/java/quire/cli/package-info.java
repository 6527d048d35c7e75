/**
 * Headless commands over the same services as the web app (project, demo, import, search).
 */
@NullMarked
package quire.cli;

import org.jspecify.annotations.NullMarked;

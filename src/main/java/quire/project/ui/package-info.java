/**
 * Views of the project module, and {@link quire.project.ui.CurrentProject}, which other features'
 * views use to know which project the researcher is working in.
 */
@NullMarked
@NamedInterface("ui")
package quire.project.ui;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;

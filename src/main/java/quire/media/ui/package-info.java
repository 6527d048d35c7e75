/** The recording player that other features' pages dock beside a transcript (plain Flow, no frontend bundle). */
@NullMarked
@NamedInterface("ui")
package quire.media.ui;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;

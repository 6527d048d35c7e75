/**
 * Views for reading and coding transcripts, the codebook, retrieval, the framework matrix and
 * agreement. {@link quire.coding.ui.CurrentCoder} (who is coding in this browser session) is shared
 * with other features' views, such as coding all search hits.
 */
@NamedInterface("ui")
@NullMarked
package quire.coding.ui;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;

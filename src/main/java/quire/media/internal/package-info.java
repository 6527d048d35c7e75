/** How a recording's format is read from its first bytes and its duration from its headers. */
@NullMarked
package quire.media.internal;

import org.jspecify.annotations.NullMarked;

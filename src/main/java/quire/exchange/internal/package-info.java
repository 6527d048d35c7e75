/**
 * Internals of the exchange module: the guarded ZIP reader, the hardened XML parser, offset alignment
 * and the choice of how another tool counted characters.
 */
@NullMarked
package quire.exchange.internal;

import org.jspecify.annotations.NullMarked;

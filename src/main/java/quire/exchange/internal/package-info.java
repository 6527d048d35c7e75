/** Internals of the exchange module: the guarded ZIP reader, the hardened XML parser and offset alignment. */
@NullMarked
package quire.exchange.internal;

import org.jspecify.annotations.NullMarked;

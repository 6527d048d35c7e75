/**
 * The search port ({@code TurnEngine}) and its embedded Lucene implementation: analyzers, index writer and searcher management.
 */
@NullMarked
package quire.search.internal;

import org.jspecify.annotations.NullMarked;

/**
 * Lucene internals of the search module: analyzers, index writer and searcher management.
 */
@NullMarked
package quire.search.internal;

import org.jspecify.annotations.NullMarked;

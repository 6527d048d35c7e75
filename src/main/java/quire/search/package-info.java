/**
 * Lucene full-text search over speaker turns: per-language analysis, indexing that follows corpus events, queries with filters and keyword-in-context results. Public API: {@link quire.search.SearchService}.
 */
@NullMarked
package quire.search;

import org.jspecify.annotations.NullMarked;

/**
 * Lucene full-text search over speaker turns: per-language analysis, indexing that follows corpus events, queries with filters and keyword-in-context results. Public API: {@link quire.search.SearchService}.
 */
@ApplicationModule(allowedDependencies = { "coding", "corpus", "project", "ui" })
@NullMarked
package quire.search;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

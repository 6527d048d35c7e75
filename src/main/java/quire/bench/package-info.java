/**
 * Measurement harness for corpus scale: a reproducible synthetic corpus generator and a benchmark
 * that compares Quire's import, index and search with bare Lucene, ripgrep and PostgreSQL full-text
 * search on the same corpus and machine. Public API: {@link quire.bench.CorpusGenerator} and
 * {@link quire.bench.Benchmark}. Nothing here is a feature researchers use; it writes only into the
 * Quire home and the PostgreSQL schema it is given, and drops that schema afterwards.
 */
@ApplicationModule(allowedDependencies = { "coding", "corpus", "nlp", "project", "report", "search", "security" })
@NullMarked
package quire.bench;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

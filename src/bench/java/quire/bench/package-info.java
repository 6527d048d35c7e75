/**
 * Measurement harness for corpus scale: a reproducible synthetic corpus generator and a benchmark
 * that compares Quire's import, index and search with bare Lucene, ripgrep and PostgreSQL full-text
 * search on the same corpus and machine. Public API: {@link quire.bench.CorpusGenerator} and
 * {@link quire.bench.Benchmark}. Nothing here is a feature researchers use; it writes only into the
 * Quire home and the PostgreSQL schema it is given, and drops that schema afterwards.
 *
 * <p>
 * It is not part of the application: its sources are {@code src/bench/java}, compiled only by the
 * {@code bench} Maven profile (with the test classes, so never into {@code target/quire.jar}) and
 * packed into {@code target/quire-bench.jar}; {@link quire.bench.BenchApplication} adds its
 * {@code generate} and {@code bench} commands to Quire's command line ({@code bin/bench}).
 */
@ApplicationModule(allowedDependencies = { "coding", "corpus", "nlp", "project", "report", "search", "security" })
@NullMarked
package quire.bench;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

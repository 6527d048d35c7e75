/**
 * The benchmark's parts: text synthesis, the bare-Lucene, ripgrep and PostgreSQL baselines, the
 * query set, percentiles and the Markdown table.
 */
@NullMarked
package quire.bench.internal;

import org.jspecify.annotations.NullMarked;

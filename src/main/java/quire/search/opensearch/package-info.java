/**
 * The OpenSearch implementation of the search port ({@code quire.search.internal.TurnEngine}), chosen
 * by {@code quire.search.engine=opensearch}: turns are indexed in an OpenSearch cluster through the
 * low-level REST client (no Lucene of the cluster's version in Quire's process), with the analysis
 * chains of Quire's analyzers declared in the index settings. The cluster finds the matching turns;
 * Quire locates the hits in them with its own query parser, so rows and counts mean what they mean
 * on the embedded index (docs/decisions/022-opensearch-engine.md).
 */
@NullMarked
package quire.search.opensearch;

import org.jspecify.annotations.NullMarked;

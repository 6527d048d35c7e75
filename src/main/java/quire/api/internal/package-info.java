/**
 * The REST API's machinery: controllers under {@code /api/v1}, the stateless filter chain with
 * bearer-token authentication and per-token rate limits, and RFC 9457 problem details for every error.
 */
@NullMarked
package quire.api.internal;

import org.jspecify.annotations.NullMarked;

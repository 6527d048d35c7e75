/**
 * The REST API for analysis scripts (R, Python, Stata): versioned JSON under {@code /api/v1},
 * described by OpenAPI 3 at {@code /api/v1/openapi.json}, with personal access tokens
 * ({@link quire.api.ApiTokenService}) that act as their user with that user's project roles. The
 * controllers, the token filter chain, the rate limiter and the problem-details handler are internal
 * ({@code quire.api.internal}); they call the feature services, never their tables. The token page
 * lives in {@code quire.api.ui}.
 */
@ApplicationModule(allowedDependencies = { "analysis", "coding", "corpus", "fidelity", "media", "project", "report", "search", "security", "stats", "survey", "ui" })
@NullMarked
package quire.api;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

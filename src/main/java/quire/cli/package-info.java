/**
 * Headless commands over the same services as the web app (project, demo, import, search).
 */
@ApplicationModule(allowedDependencies = { "analysis", "api", "backup", "bench", "coding", "corpus", "exchange", "fidelity", "media", "nlp", "project", "report", "search", "security", "stats", "survey" })
@NullMarked
package quire.cli;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

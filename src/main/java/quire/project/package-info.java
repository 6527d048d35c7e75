/**
 * Research projects: the container for documents, codings and study metadata. Public API: {@link quire.project.ProjectService} and its records.
 */
@ApplicationModule(allowedDependencies = { "security", "tabular", "ui" })
@NullMarked
package quire.project;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

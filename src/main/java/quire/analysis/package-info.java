/**
 * Mixed methods: joint displays that put coded segments beside participant attributes, MITI results
 * and questionnaire answers about the same people, and quantitizing exports for statistics packages.
 * Public API: {@link quire.analysis.JointDisplayService} and its records.
 */
@ApplicationModule(allowedDependencies = { "coding", "corpus", "fidelity", "project", "stats", "survey", "tabular", "ui" })
@NullMarked
package quire.analysis;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

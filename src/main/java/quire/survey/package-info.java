/**
 * Questionnaires: CSV and XLSX imports with a variable codebook (labels, measurement levels, value
 * labels, missing codes) linked to participants by an id column, and descriptive statistics laid out
 * like the seed study's tables. Public API: {@link quire.survey.SurveyService} and its records.
 */
@ApplicationModule(allowedDependencies = { "chart", "corpus", "project", "stats", "tabular", "ui" })
@NullMarked
package quire.survey;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

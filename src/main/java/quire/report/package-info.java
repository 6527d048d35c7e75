/**
 * COREQ reporting: the 32-item checklist filled from the project and the authors' answers, and a
 * publication report (Methods, Results by RE-AIM dimension, MITI and questionnaire tables, joint
 * display, codebook and checklist appendices) rendered as PDF, Word and Markdown. Public API:
 * {@link quire.report.ReportService} and its records.
 */
@ApplicationModule(allowedDependencies = { "analysis", "chart", "coding", "corpus", "fidelity", "media", "project", "stats", "survey", "ui" })
@NullMarked
package quire.report;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

/**
 * Internals of the survey module: reading questionnaire and participant tables from CSV or Excel files
 * ({@link quire.survey.internal.TableReader}), proposing a codebook from the data
 * ({@link quire.survey.internal.CodebookProposer}) and checking the data against a codebook
 * ({@link quire.survey.internal.TableValidator}).
 */
@NullMarked
package quire.survey.internal;

import org.jspecify.annotations.NullMarked;

/**
 * Mixed methods: joint displays that put coded segments beside participant attributes, MITI results
 * and questionnaire answers about the same people, and quantitizing exports for statistics packages.
 * Public API: {@link quire.analysis.JointDisplayService} and its records.
 */
@NullMarked
package quire.analysis;

import org.jspecify.annotations.NullMarked;

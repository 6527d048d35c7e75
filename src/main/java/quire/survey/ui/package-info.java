/** The questionnaires page: import with a variable codebook, frequency tables, crosstabs and charts. */
@NullMarked
package quire.survey.ui;

import org.jspecify.annotations.NullMarked;

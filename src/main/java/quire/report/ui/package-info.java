/** The report page: the COREQ checklist with the authors' answers, preview and downloads. */
@NullMarked
package quire.report.ui;

import org.jspecify.annotations.NullMarked;

/**
 * Documents, participants (cases), document groups and speaker turns, and the importers for txt, docx, pdf, vtt and srt. Public API: {@link quire.corpus.CorpusService}, its records and the events {@link quire.corpus.DocumentImported} and {@link quire.corpus.DocumentDeleted}.
 */
@ApplicationModule(allowedDependencies = { "project", "security", "tabular", "ui" })
@NullMarked
package quire.corpus;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

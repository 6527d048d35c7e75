/**
 * Thematic coding: a code tree per project (themes are parent codes) mapped to RE-AIM dimensions and
 * marked barrier or facilitator, deductive or inductive; codings anchored to {@code [start, end)}
 * offsets of a document's immutable text, by coder; memos; retrieval, frequencies, framework matrix
 * and co-occurrence; auto-coding; inter-coder agreement. Public API: {@link quire.coding.CodebookService},
 * {@link quire.coding.CodingService}, {@link quire.coding.SpeakerCoding}, {@link quire.coding.MemoService},
 * {@link quire.coding.AgreementService}, their records and the event {@link quire.coding.CodingChanged}.
 */
@ApplicationModule(allowedDependencies = { "corpus", "corpus :: ui", "media", "media :: ui", "project", "security", "stats", "tabular", "ui" })
@NullMarked
package quire.coding;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

/**
 * Language processing with Stanford CoreNLP (English) and rules (Norwegian, and English without
 * CoreNLP's models): sentence units stored per document, de-identification with consistent
 * pseudonyms and a review step, and word frequencies. Public API: {@link quire.nlp.SentenceService},
 * {@link quire.nlp.DeidentificationService}, {@link quire.nlp.WordFrequencyService} and their records.
 * See docs/decisions/004-corenlp.md for how the 474 MB models jar is handled.
 */
@ApplicationModule(allowedDependencies = { "coding", "corpus", "project", "ui" })
@NullMarked
package quire.nlp;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

package quire.nlp;

import quire.corpus.DocumentSummary;

/** What applying de-identification made: the new document, how many spans were replaced, and how many codings moved with it. */
public record DeidentificationResult(DocumentSummary document, int replacements, int codingsCopied) {
}

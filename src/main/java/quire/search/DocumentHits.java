package quire.search;

import quire.corpus.DocumentId;

/** How many hits one document has for a search. */
public record DocumentHits(DocumentId document, String documentName, int hits) {
}

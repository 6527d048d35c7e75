package quire.coding;

import quire.corpus.DocumentId;

/** A range {@code [start, end)} of a document's text, e.g. a search hit to be coded. */
public record TextSpan(DocumentId documentId, int start, int end) {
}

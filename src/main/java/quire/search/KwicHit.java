package quire.search;

import org.jspecify.annotations.Nullable;

import quire.corpus.DocumentId;

/**
 * One keyword-in-context row: the hit and about 60 characters either side. {@code start} and
 * {@code end} are character offsets of the hit in the document's stored text, so a view can open the
 * transcript at the hit and highlight it.
 */
public record KwicHit(DocumentId document, String documentName, int turnIndex, @Nullable String speaker, int start,
		int end, String left, String hit, String right) {
}

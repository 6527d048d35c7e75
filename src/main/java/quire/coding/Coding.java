package quire.coding;

import java.time.Instant;

import quire.corpus.DocumentId;

/** A code applied by a coder to the characters {@code [start, end)} of a document's text. */
public record Coding(CodingId id, DocumentId documentId, CodeId codeId, int start, int end, String coder,
		Instant createdAt) {

	/** Whether this coding and the range {@code [otherStart, otherEnd)} share at least one character. */
	public boolean overlaps(int otherStart, int otherEnd) {
		return start < otherEnd && otherStart < end;
	}

}

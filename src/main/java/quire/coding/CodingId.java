package quire.coding;

/** Identifies one coding (a code applied to a span of a document by a coder). */
public record CodingId(long value) {
}

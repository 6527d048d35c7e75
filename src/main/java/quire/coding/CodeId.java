package quire.coding;

/** Identifies a code of a project's codebook. */
public record CodeId(long value) {
}

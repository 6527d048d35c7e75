package quire.coding;

/** The version of a code a person started editing, and who changed it last. */
public record EditVersion(int version, String changedBy) {
}

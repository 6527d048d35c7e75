package quire.coding;

import org.jspecify.annotations.Nullable;

/**
 * A coded segment for reading and export: the coding, where it is (document, group, turn, speaker)
 * and its text with some context either side.
 */
public record CodedSegment(Coding coding, String codePath, String documentName, @Nullable String group, int turnIndex,
		@Nullable String speaker, String before, String text, String after) {
}

package quire.report.document;

import java.util.Objects;

/**
 * A section heading.
 *
 * @param level the heading level, 1 (chapter) to 3
 * @param text the heading text, not blank
 */
public record Heading(int level, String text) implements Block {

	/** Validates the level and text. */
	public Heading {
		if (level < 1 || level > 3) {
			throw new IllegalArgumentException("Heading level must be between 1 and 3, was " + level);
		}
		Objects.requireNonNull(text, "Heading text must not be null");
		if (text.isBlank()) {
			throw new IllegalArgumentException("Heading text must not be blank");
		}
	}
}

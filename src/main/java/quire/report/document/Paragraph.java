package quire.report.document;

import java.util.Objects;

/**
 * A paragraph of running text.
 *
 * @param text the text; line breaks are treated as spaces by the renderers
 */
public record Paragraph(String text) implements Block {

	/** Validates the text. */
	public Paragraph {
		Objects.requireNonNull(text, "Paragraph text must not be null");
	}
}

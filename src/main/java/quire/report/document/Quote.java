package quire.report.document;

import java.util.Objects;

/**
 * A quotation, rendered indented and italic followed by "– attribution".
 *
 * @param text the quoted text
 * @param attribution who said it (may be blank, then no attribution line is rendered)
 */
public record Quote(String text, String attribution) implements Block {

	/** Validates the parts; a null attribution becomes blank. */
	public Quote {
		Objects.requireNonNull(text, "Quote text must not be null");
		attribution = attribution == null ? "" : attribution;
	}
}

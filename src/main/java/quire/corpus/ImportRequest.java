package quire.corpus;

import org.jspecify.annotations.Nullable;

/**
 * A file to import: its name (the extension chooses the reader), its bytes, an optional document
 * group and an optional language ({@code null}: Quire guesses from the text).
 */
public record ImportRequest(String fileName, byte[] content, @Nullable String group, @Nullable Language language) {

	public ImportRequest {
		if (fileName.isBlank()) {
			throw new IllegalArgumentException("an imported file needs a name");
		}
	}

}

package quire.corpus;

import java.util.List;

/** An imported document and what the researcher should know about the import (renames, guesses). */
public record ImportResult(DocumentSummary document, List<String> notes) {

	public ImportResult {
		notes = List.copyOf(notes);
	}

}

package quire.coding;

import java.util.List;

/** What a codebook import did: codes added and updated, and notes (e.g. colours that were missing). */
public record CodebookImport(String fileName, int added, int updated, List<String> notes) {

	public CodebookImport {
		notes = List.copyOf(notes);
	}

	public String describe() {
		return fileName + ": " + DeleteImpact.plural(added, "code") + " added, " + updated + " updated"
				+ (notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")");
	}

}

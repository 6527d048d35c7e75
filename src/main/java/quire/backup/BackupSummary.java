package quire.backup;

import java.nio.file.Path;

/** What a backup holds (or a restore brought back): where, and how many projects, documents and codings. */
public record BackupSummary(Path folder, long projects, long documents, long codings) {

	public String describe() {
		return projects + " project(s), " + documents + " document(s), " + codings + " coding(s) in " + folder;
	}

}

package quire.corpus.ui;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import quire.corpus.ImportRequest;
import quire.project.ProjectId;

/**
 * Files another feature takes in the Documents page's upload beside transcripts and imports together
 * with the transcript of the same name (a Spring bean; a recording with its .vtt, for one), so the
 * corpus module need not know that feature. Files it may pair are held until the whole upload has
 * arrived, then paired; a transcript without a companion is imported on its own.
 */
public interface UploadCompanion {

	/** The file endings it takes (".mp3", …), added to the upload's accepted types. */
	List<String> endings();

	/** Whether {@code fileName} is one of its files (by name; the content is checked on import). */
	boolean takes(String fileName);

	/** Whether a transcript of this name may have a companion, so it waits for the rest of the upload. */
	boolean mayPair(String transcriptName);

	/** The companion of a transcript among the names of the files uploaded together, if there is one. */
	Optional<String> companionOf(String transcriptName, Collection<String> fileNames);

	/**
	 * Imports the transcript with its companion, all or nothing.
	 * @return the line the import log shows
	 * @throws IllegalArgumentException naming the file and the reason; nothing was imported
	 */
	String importTogether(ProjectId project, ImportRequest transcript, String companionName, Path companion);

	/** Why one of its files that came without a transcript was not imported, and what to do instead. */
	String alone(String companionName);

}

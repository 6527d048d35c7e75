package quire.media.ui;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import quire.corpus.ImportRequest;
import quire.corpus.ui.UploadCompanion;
import quire.media.MediaService;
import quire.media.RecordedImport;
import quire.media.RecordedTranscripts;
import quire.project.ProjectId;

/**
 * The Documents page's upload takes recordings too: a recording uploaded with its .vtt or .srt of
 * the same name becomes one document with its recording, all or nothing ({@link MediaService#importTogether}).
 */
@Component
class RecordingUpload implements UploadCompanion {

	private final MediaService media;

	RecordingUpload(MediaService media) {
		this.media = media;
	}

	@Override
	public List<String> endings() {
		return RecordedTranscripts.RECORDING_ENDINGS;
	}

	@Override
	public boolean takes(String fileName) {
		return RecordedTranscripts.isRecordingName(fileName);
	}

	@Override
	public boolean mayPair(String transcriptName) {
		return RecordedTranscripts.isTimedTranscriptName(transcriptName);
	}

	@Override
	public Optional<String> companionOf(String transcriptName, Collection<String> fileNames) {
		return Optional.ofNullable(RecordedTranscripts.pairs(fileNames).get(transcriptName));
	}

	@Override
	public String importTogether(ProjectId project, ImportRequest transcript, String companionName, Path companion) {
		RecordedImport done = media.importTogether(project, transcript, companionName, companion);
		var d = done.transcript().document();
		return "Imported " + transcript.fileName() + " with its recording " + companionName + " as “" + d.name() + "”: "
				+ d.turnCount() + " turns, " + d.wordCount() + " words, " + d.language().label() + "; "
				+ done.recording().format().label() + ", " + done.recording().durationText();
	}

	@Override
	public String alone(String companionName) {
		return "Not imported: " + companionName + ": a recording is imported with its transcript of the same name "
				+ "(.vtt or .srt) in the same upload; to add it to a document already here, use Attach… in the "
				+ "Recording column";
	}

}

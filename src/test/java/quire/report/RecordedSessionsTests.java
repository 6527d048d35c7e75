package quire.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import quire.corpus.CorpusService;
import quire.corpus.DocumentSummary;
import quire.corpus.GroupKind;
import quire.corpus.ImportRequest;
import quire.corpus.Language;
import quire.corpus.StudyDesignService;
import quire.media.MediaService;
import quire.media.internal.ToneWav;
import quire.project.ProjectId;
import quire.project.ProjectService;

/** COREQ items 19 (audio/visual recording) and 21 (duration) from the recordings attached to the transcripts. */
class RecordedSessionsTests extends ReportContext {

	@Autowired
	ProjectService projects;

	@Autowired
	CorpusService corpus;

	@Autowired
	StudyDesignService designs;

	@Autowired
	MediaService media;

	@Autowired
	ReportService report;

	DocumentSummary focusGroup(ProjectId p, String name) {
		return corpus.importDocument(p, new ImportRequest(name + ".txt", ("Moderator: Welcome to " + name
				+ ".\nParticipant 1: Thank you.\nKari: Hello.\n").getBytes(StandardCharsets.UTF_8), "Focus groups",
				Language.ENGLISH)).document();
	}

	ChecklistEntry item(ProjectId p, int number) {
		return report.checklist(p).get(number - 1);
	}

	@Test
	void recordedSessionsAnswerItems19And21AndTheRestSayWhatIsMissing() {
		ProjectId p = projects.create("Recorded sessions " + UUID.randomUUID(), "").id();
		DocumentSummary first = focusGroup(p, "fg-one");
		DocumentSummary second = focusGroup(p, "fg-two");
		designs.setDesign(p, "Focus groups", GroupKind.FOCUS_GROUP, null);
		assertThat(item(p, 19).status()).isNotEqualTo(ChecklistEntry.Status.FROM_DATA);
		assertThat(item(p, 21).status()).isNotEqualTo(ChecklistEntry.Status.FROM_DATA);

		// two minutes and a half, which rounds to three
		media.attach(first.id(), "fg-one.wav", new ByteArrayInputStream(ToneWav.tones(150_000, List.of(0L), List.of(440))));
		ChecklistEntry recording = item(p, 19);
		assertThat(recording.status()).isEqualTo(ChecklistEntry.Status.FROM_DATA);
		assertThat(recording.answer()).isEqualTo("One of two sessions was recorded (audio); the others have no recording attached.");
		assertThat(recording.evidence()).containsExactly("fg-one: fg-one.wav — WAV audio, 2:30, 1.1 MB",
				"fg-two: no recording attached");
		ChecklistEntry duration = item(p, 21);
		assertThat(duration.status()).isEqualTo(ChecklistEntry.Status.FROM_DATA);
		assertThat(duration.evidence()).contains("fg-one: 3 min (the attached recording)");

		media.attach(second.id(), "fg-two.wav", new ByteArrayInputStream(ToneWav.tones(61_000, List.of(0L), List.of(440))));
		assertThat(item(p, 19).answer()).isEqualTo("All two sessions were recorded (audio); the recordings are kept with their transcripts.");
		assertThat(item(p, 21).evidence()).containsExactly("fg-one: 3 min (the attached recording)",
				"fg-two: 1 min (the attached recording)");
	}

}

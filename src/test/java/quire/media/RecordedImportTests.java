package quire.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import quire.SharedHome;
import quire.corpus.CorpusService;
import quire.corpus.ImportRejectedException;
import quire.corpus.ImportRequest;
import quire.corpus.Language;
import quire.media.internal.ToneWav;
import quire.project.ProjectId;
import quire.project.ProjectService;

/**
 * A recording uploaded with its .vtt becomes one document with its recording, and either one being
 * refused leaves nothing behind: no document, no row, no file.
 */
@SpringBootTest
class RecordedImportTests implements SharedHome {

	static final String VTT = """
			WEBVTT

			00:00:01.000 --> 00:00:04.000
			<v Counsellor>What brings you here today?

			00:00:05.000 --> 00:00:09.000
			<v Client>My doctor said I should talk to someone about drinking.
			""";

	@Autowired
	MediaService media;

	@Autowired
	CorpusService corpus;

	@Autowired
	ProjectService projects;

	ProjectId project() {
		return projects.create("Recorded imports " + UUID.randomUUID(), "").id();
	}

	ImportRequest vtt(String name) {
		return new ImportRequest(name, VTT.getBytes(StandardCharsets.UTF_8), null, Language.ENGLISH);
	}

	Path file(byte[] content) throws Exception {
		Path f = Files.createTempFile("recorded-import", ".bin");
		Files.write(f, content);
		return f;
	}

	List<Path> storedFiles(ProjectId project) throws Exception {
		Path folder = HOME.resolve("media").resolve(Long.toString(project.value()));
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		try (var files = Files.list(folder)) {
			return files.toList();
		}
	}

	@Test
	void aRecordingAndItsTranscriptBecomeOneDocumentWithItsRecording() throws Exception {
		ProjectId project = project();
		Path wav = file(ToneWav.tones(10_000, List.of(1000L, 5000L), List.of(440, 880)));
		RecordedImport done = media.importTogether(project, vtt("session-7.vtt"), "Session-7.wav", wav);
		assertThat(done.transcript().document().name()).isEqualTo("session-7");
		assertThat(done.transcript().document().turnCount()).isEqualTo(2);
		assertThat(done.recording().format()).isEqualTo(MediaFormat.WAV);
		assertThat(done.recording().durationMillis()).isBetween(9_990L, 10_010L);
		assertThat(media.find(done.transcript().document().id())).map(Recording::originalName).contains("Session-7.wav");
		assertThat(corpus.transcript(done.transcript().document().id()).orElseThrow().turns().get(1).startMs()).isEqualTo(5000L);
		assertThat(storedFiles(project)).hasSize(1);
	}

	@Test
	void aRefusedRecordingImportsNeitherAndTheTranscriptCanThenBeImportedAlone() throws Exception {
		ProjectId project = project();
		byte[] exe = new byte[512];
		exe[0] = 'M';
		exe[1] = 'Z';
		assertThatThrownBy(() -> media.importTogether(project, vtt("talk.vtt"), "talk.mp3", file(exe)))
			.isInstanceOf(MediaRejectedException.class)
			.hasMessageContaining("talk.mp3")
			.hasMessageContaining("Windows program");
		assertThat(corpus.documents(project)).isEmpty();
		assertThat(media.list(project)).isEmpty();
		assertThat(storedFiles(project)).isEmpty();
		// nothing half-imported: the same transcript is no "duplicate" of a leftover
		assertThat(corpus.importDocument(project, vtt("talk.vtt")).document().name()).isEqualTo("talk");
	}

	@Test
	void aRecordingOverTheLimitOrARefusedTranscriptLeavesNothing() throws Exception {
		ProjectId project = project();
		Path wav = file(ToneWav.tones(2000, List.of(0L), List.of(440)));
		ImportRequest broken = new ImportRequest("broken.vtt", "WEBVTT\n\nnot a cue at all --> never\n".getBytes(StandardCharsets.UTF_8),
				null, Language.ENGLISH);
		assertThatThrownBy(() -> media.importTogether(project, broken, "broken.wav", wav))
			.isInstanceOf(ImportRejectedException.class);
		assertThat(corpus.documents(project)).isEmpty();
		assertThat(media.list(project)).isEmpty();
		assertThat(storedFiles(project)).isEmpty();
	}

}

package quire.corpus.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;

import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.upload.Upload;

import quire.SignedInBrowserlessTest;
import quire.corpus.CorpusService;
import quire.corpus.DocumentSummary;
import quire.media.MediaService;
import quire.media.internal.ToneWav;
import quire.project.Project;
import quire.project.ProjectService;

/**
 * A recording uploaded on the Documents page together with its .srt of the same name becomes one
 * document with its recording; a renamed program in its place imports neither file; a recording
 * without its transcript is refused with what to do instead. The files of one upload are handed to
 * the view as the upload delivers them, then the upload's "all finished".
 */
@WithUserDetails(value = SignedInBrowserlessTest.RESEARCHER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
@SpringBootTest
@ViewPackages(packages = "quire")
class RecordedUploadViewTests extends SignedInBrowserlessTest {

	static final String SRT = """
			1
			00:00:01,000 --> 00:00:03,000
			Counsellor: How has the week been?

			2
			00:00:04,000 --> 00:00:06,000
			Client: Better than the last one.
			""";

	@Autowired
	ProjectService projects;

	@Autowired
	CorpusService corpus;

	@Autowired
	MediaService media;

	@Test
	void aRecordingWithItsTranscriptBecomesOneDocumentAndARefusedOneImportsNeither() {
		Project p = projects.create("Recorded uploads " + UUID.randomUUID(), "");
		workIn(p.id());
		DocumentsView view = navigate(DocumentsView.class);
		assertThat($(Upload.class).withId("upload").single().getElement().getProperty("accept")).contains(".mp3").contains(".wav");

		// the recording arrives first, then its transcript, then a lone text file, then the upload ends
		view.importFile("Session 4.wav", ToneWav.tones(7000, List.of(1000L, 4000L), List.of(440, 880)));
		view.importFile("session 4.srt", SRT.getBytes(StandardCharsets.UTF_8));
		view.importHeld();
		assertThat(logLines()).singleElement().asString()
			.startsWith("Imported session 4.srt with its recording Session 4.wav as “session 4”: 2 turns")
			.endsWith("WAV audio, 0:07");
		DocumentSummary d = corpus.findDocument(p.id(), "session 4").orElseThrow();
		assertThat(media.find(d.id())).hasValueSatisfying(r -> assertThat(r.originalName()).isEqualTo("Session 4.wav"));

		byte[] exe = new byte[300];
		exe[0] = 'M';
		exe[1] = 'Z';
		view.importFile("talk.srt", SRT.replace("week", "month").getBytes(StandardCharsets.UTF_8));
		view.importFile("talk.mp3", exe);
		view.importFile("lonely.wav", ToneWav.tones(500, List.of(), List.of()));
		view.importHeld();
		assertThat(logLines()).hasSize(3);
		assertThat(logLines()).anySatisfy(l -> assertThat(l).startsWith("Not imported: talk.mp3: it is a Windows program")
			.endsWith("(neither talk.srt nor talk.mp3 was imported)"));
		assertThat(logLines()).anySatisfy(l -> assertThat(l).startsWith("Not imported: lonely.wav: a recording is imported "
				+ "with its transcript of the same name"));
		assertThat(corpus.documents(p.id())).extracting(DocumentSummary::name).containsExactly("session 4");
		assertThat(media.list(p.id())).hasSize(1);

		// a timed transcript without a recording is imported on its own when the upload ends
		view.importFile("talk.srt", SRT.replace("week", "month").getBytes(StandardCharsets.UTF_8));
		view.importHeld();
		assertThat(logLines().get(0)).startsWith("Imported talk.srt as “talk”");
		assertThat(media.list(p.id())).hasSize(1);
	}

	private List<String> logLines() {
		Div log = $(Div.class).withId("import-log").single();
		return log.getChildren().map(c -> c.getElement().getTextRecursively()).toList();
	}

}

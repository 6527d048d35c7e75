package quire.corpus.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;

import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.upload.Upload;

import quire.SignedInBrowserlessTest;
import quire.corpus.CorpusService;
import quire.corpus.DocumentSummary;
import quire.project.Project;
import quire.project.ProjectService;

/**
 * Hostile files uploaded through the Documents page: each gets an error line naming the file and the
 * reason (no stack trace), nothing is imported, and the page goes on working for the next file.
 */
@WithUserDetails(value = SignedInBrowserlessTest.RESEARCHER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
@SpringBootTest
@ViewPackages(packages = "quire")
class HostileUploadViewTests extends SignedInBrowserlessTest {

	@Autowired
	ProjectService projects;

	@Autowired
	CorpusService corpus;

	@Test
	void hostileUploadsAreRefusedWithAReasonAndThePageStillWorks() throws IOException {
		Project p = projects.create("Hostile uploads", "");
		workIn(p.id());
		navigate(DocumentsView.class);
		Upload upload = $(Upload.class).withId("upload").single();
		assertThat(upload.getMaxFileSize()).isEqualTo(corpus.maxFileSize());

		test(upload).upload("binary-disguised.txt", "text/plain", resource("binary-disguised.txt"));
		test(upload).upload("broken-timestamps.vtt", "text/vtt", resource("broken-timestamps.vtt"));

		List<String> lines = logLines();
		assertThat(lines).hasSize(2);
		assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("Not imported: binary-disguised.txt: ")
			.doesNotContain("Exception"));
		assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("Not imported: broken-timestamps.vtt: ")
			.contains("line 8").doesNotContain("Exception"));
		assertThat(corpus.documents(p.id())).isEmpty();

		test(upload).upload("fine.txt", "text/plain",
				"Moderator: What got in the way?\nParticipant 4: The commute.".getBytes(StandardCharsets.UTF_8));
		assertThat(logLines()).hasSize(3).first().asString().startsWith("Imported fine.txt");
		@SuppressWarnings("unchecked")
		Grid<DocumentSummary> grid = $(Grid.class).withId("documents").single();
		assertThat(test(grid).size()).isEqualTo(1);
	}

	private List<String> logLines() {
		Div log = $(Div.class).withId("import-log").single();
		return log.getChildren().map(c -> c.getElement().getTextRecursively()).toList();
	}

	private static byte[] resource(String name) throws IOException {
		try (InputStream in = HostileUploadViewTests.class.getResourceAsStream("/hostile/" + name)) {
			return in.readAllBytes();
		}
	}

}

package quire.exchange.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;

import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;

import quire.SignedInBrowserlessTest;
import quire.corpus.CorpusService;
import quire.corpus.ImportRequest;
import quire.corpus.Language;
import quire.exchange.QdpxService;
import quire.project.Project;
import quire.project.ProjectService;

/** The exchange page: a project's own export imports back as a new project; a damaged file is refused. */
@WithUserDetails(value = SignedInBrowserlessTest.RESEARCHER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
@SpringBootTest
@ViewPackages(packages = "quire")
class ExchangeViewTests extends SignedInBrowserlessTest {

	@Autowired
	ProjectService projects;

	@Autowired
	CorpusService corpus;

	@Autowired
	QdpxService qdpx;

	@Test
	void anExportImportsBackAndAGarbageFileIsRefused() {
		Project p = projects.findByName("Exchange view").orElseGet(() -> {
			Project created = projects.create("Exchange view", "");
			corpus.importDocument(created.id(), new ImportRequest("fg.txt",
					"[00:00:01] Moderator: How was it?\n[00:00:04] MI Caseworker 1: Demanding.\n".getBytes(StandardCharsets.UTF_8),
					null, Language.ENGLISH));
			return created;
		});
		byte[] archive = qdpx.export(p.id());
		workIn(p.id());
		navigate(ExchangeView.class);
		ExchangeView view = (ExchangeView) UI.getCurrent().getCurrentView();
		test($(TextField.class).withId("import-name").single()).setValue("Copy of exchange view");
		view.importArchive("copy.qdpx", archive);
		assertThat($(Span.class).withId("import-summary").single().getText()).contains("Imported 'Copy of exchange view'")
			.contains("1 document,");
		assertThat(projects.findByName("Copy of exchange view")).isPresent();

		test($(TextField.class).withId("import-name").single()).setValue("Garbage");
		view.importArchive("garbage.qdpx", "not a zip".getBytes(StandardCharsets.UTF_8));
		assertThat($(Span.class).withId("import-summary").single().getText()).contains("Not imported").contains("garbage.qdpx");
		assertThat(projects.findByName("Garbage")).isEmpty();
	}

}

package quire.corpus.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;

import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;

import quire.SignedInBrowserlessTest;
import quire.QuireHome;
import quire.corpus.CorpusService;
import quire.corpus.DocumentSummary;
import quire.corpus.ImportRequest;
import quire.corpus.Language;
import quire.project.Project;
import quire.project.ProjectService;
import quire.ui.GridRows;

/** The documents view without a browser: listing and deleting with confirmation. */
@WithUserDetails(value = SignedInBrowserlessTest.RESEARCHER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
@SpringBootTest
@ViewPackages(packages = "quire")
class DocumentsViewTests extends SignedInBrowserlessTest {

	@DynamicPropertySource
	static void home(DynamicPropertyRegistry registry) {
		QuireHome.register(registry, QuireHome.create("quire-documents-view"));
	}

	@Autowired
	ProjectService projects;

	@Autowired
	CorpusService corpus;

	@Test
	void listsDocumentsAndDeletesAfterConfirmation() {
		Project p = projects.create("Documents view", "");
		corpus.importDocument(p.id(), new ImportRequest("first.txt",
				"Moderator: Hello.\nMI Caseworker 1: Hi.".getBytes(StandardCharsets.UTF_8), "G", Language.ENGLISH));
		corpus.importDocument(p.id(), new ImportRequest("second.txt",
				"Moderator: Again.\nMI Caseworker 1: Yes.".getBytes(StandardCharsets.UTF_8), "G", Language.ENGLISH));
		context.getBean(quire.project.ui.CurrentProject.class).select(p.id());

		navigate(DocumentsView.class);
		assertThat($(H2.class).first().getText()).isEqualTo("Documents view");
		@SuppressWarnings("unchecked")
		Grid<DocumentSummary> grid = $(Grid.class).withId("documents").single();
		assertThat(test(grid).size()).isEqualTo(2);
		assertThat(test(grid).getRow(0).name()).isEqualTo("first");

		Button delete = (Button) test(grid).getCellComponent(0, 7);
		test(delete).click();
		ConfirmDialog dialog = $(ConfirmDialog.class).single();
		test(dialog).confirm();

		assertThat(corpus.documents(p.id())).extracting(DocumentSummary::name).containsExactly("second");
		assertThat(test(grid).size()).isEqualTo(1);
	}

	@Autowired
	org.springframework.context.ApplicationContext context;

	@Test
	void aLongListScrollsInsideTheGridInsteadOfShowingEveryRow() {
		Project p = projects.create("Documents of a large project", "");
		for (int i = 0; i < GridRows.SHOW_ALL_UP_TO + 10; i++) {
			corpus.importDocument(p.id(), new ImportRequest("interview-" + i + ".txt",
					("Moderator: Question " + i + ".\nClient: Answer " + i + ".").getBytes(StandardCharsets.UTF_8), null,
					Language.ENGLISH));
		}
		context.getBean(quire.project.ui.CurrentProject.class).select(p.id());

		navigate(DocumentsView.class);
		@SuppressWarnings("unchecked")
		Grid<DocumentSummary> grid = $(Grid.class).withId("documents").single();
		assertThat(test(grid).size()).isEqualTo(GridRows.SHOW_ALL_UP_TO + 10);
		// all rows visible would make the browser fetch more pages at once than Vaadin allows
		assertThat(grid.isAllRowsVisible()).isFalse();
		assertThat(grid.getHeight()).isEqualTo("70vh");
	}

}

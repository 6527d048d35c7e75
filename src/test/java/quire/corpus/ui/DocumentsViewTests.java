package quire.corpus.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;

import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;

import quire.SignedInBrowserlessTest;
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
		context.getBean(quire.ui.CurrentProject.class).select(p.id());

		navigate(DocumentsView.class);
		assertThat($(H2.class).first().getText()).isEqualTo("Documents view");
		@SuppressWarnings("unchecked")
		Grid<DocumentSummary> grid = $(Grid.class).withId("documents").single();
		assertThat(test(grid).size()).isEqualTo(2);
		assertThat(test(grid).getRow(0).name()).isEqualTo("first");

		Button delete = deleteButton(grid);
		test(delete).click();
		ConfirmDialog dialog = $(ConfirmDialog.class).single();
		test(dialog).confirm();

		assertThat(corpus.documents(p.id())).extracting(DocumentSummary::name).containsExactly("second");
		assertThat(test(grid).size()).isEqualTo(1);
	}

	/** The first row's delete button, wherever other features' columns put it. */
	private Button deleteButton(Grid<DocumentSummary> grid) {
		for (int column = 0; column < grid.getColumns().size(); column++) {
			try {
				if (test(grid).getCellComponent(0, column) instanceof Button b
						&& String.valueOf(b.getElement().getAttribute("aria-label")).startsWith("Delete")) {
					return b;
				}
			}
			catch (RuntimeException notAComponentColumn) {
				// a text column
			}
		}
		throw new AssertionError("no Delete button in the first row");
	}

	@Autowired
	org.springframework.context.ApplicationContext context;

	@Autowired
	quire.corpus.SpeakerLinkService speakers;

	/** The Participants page lists each document's speakers; a click on one links it, here to a repeat session's first. */
	@Test
	void participantsPageLinksASpeakerOfOneDocumentToTheParticipantOfAnother() {
		Project p = projects.create("Participants view", "");
		DocumentSummary first = corpus.importDocument(p.id(), new ImportRequest("s1.txt",
				"Counsellor: Hello.\nClient: Hi.\nCounsellor: Well?\nClient: Fine.".getBytes(StandardCharsets.UTF_8), "MI", Language.ENGLISH))
			.document();
		DocumentSummary second = corpus.importDocument(p.id(), new ImportRequest("s2.txt",
				"Counsellor: Again.\nClient: Yes.\nCounsellor: And?\nClient: Better.".getBytes(StandardCharsets.UTF_8), "MI",
				Language.ENGLISH)).document();
		context.getBean(quire.ui.CurrentProject.class).select(p.id());

		navigate(ParticipantsView.class);
		@SuppressWarnings("unchecked")
		Grid<quire.corpus.SpeakerLink> links = $(Grid.class).withId("speaker-links").single();
		assertThat(test(links).size()).isEqualTo(4);
		int row = -1;
		for (int i = 0; i < test(links).size(); i++) {
			if (test(links).getRow(i).documentName().equals("s2") && test(links).getRow(i).speaker().equals("Client")) {
				row = i;
			}
		}
		assertThat(test(links).getRow(row).participantLabel()).isEqualTo("Client — s2");
		test(links).clickRow(row);
		@SuppressWarnings("unchecked")
		com.vaadin.flow.component.combobox.ComboBox<quire.corpus.Participant> to = $(com.vaadin.flow.component.combobox.ComboBox.class)
			.withId("speaker-link-to").single();
		test(to).selectItem("Client — s1 (2 turns)");
		test($(Button.class).withId("speaker-link-save").single()).click();

		assertThat(speakers.link(second.id(), "Client").orElseThrow().participantLabel()).isEqualTo("Client — s1");
		assertThat(speakers.link(first.id(), "Client").orElseThrow().participantLabel()).isEqualTo("Client — s1");
		assertThat(test(links).size()).isEqualTo(4);
		assertThat($(com.vaadin.flow.component.html.Span.class).withId("participant-count").single().getText())
			.as("the client of s2 is no longer a participant of its own").startsWith("3 participants");
	}

	@Test
	void aLongListScrollsInsideTheGridInsteadOfShowingEveryRow() {
		Project p = projects.create("Documents of a large project", "");
		for (int i = 0; i < GridRows.SHOW_ALL_UP_TO + 10; i++) {
			corpus.importDocument(p.id(), new ImportRequest("interview-" + i + ".txt",
					("Moderator: Question " + i + ".\nClient: Answer " + i + ".").getBytes(StandardCharsets.UTF_8), null,
					Language.ENGLISH));
		}
		context.getBean(quire.ui.CurrentProject.class).select(p.id());

		navigate(DocumentsView.class);
		@SuppressWarnings("unchecked")
		Grid<DocumentSummary> grid = $(Grid.class).withId("documents").single();
		assertThat(test(grid).size()).isEqualTo(GridRows.SHOW_ALL_UP_TO + 10);
		// all rows visible would make the browser fetch more pages at once than Vaadin allows
		assertThat(grid.isAllRowsVisible()).isFalse();
		assertThat(grid.getHeight()).isEqualTo("70vh");
	}

}

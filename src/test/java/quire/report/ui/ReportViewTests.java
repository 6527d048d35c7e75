package quire.report.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;

import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;

import quire.SignedInBrowserlessTest;
import quire.project.Project;
import quire.project.ProjectService;
import quire.report.ChecklistEntry;
import quire.report.ReportService;

/** The report page: answering a checklist item from the grid changes its status. */
@WithUserDetails(value = SignedInBrowserlessTest.RESEARCHER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
@SpringBootTest
@ViewPackages(packages = "quire")
class ReportViewTests extends SignedInBrowserlessTest {

	@Autowired
	ProjectService projects;

	@Autowired
	ReportService report;

	Project project;

	@BeforeEach
	void project() {
		project = projects.findByName("Report view").orElseGet(() -> projects.create("Report view", ""));
		workIn(project.id());
	}

	@Test
	void anAnswerWrittenForAnItemMakesItAnsweredByTheAuthors() {
		navigate(ReportView.class);
		assertThat($(Span.class).withId("coreq-summary").single().getText()).contains("missing");
		@SuppressWarnings("unchecked")
		Grid<ChecklistEntry> grid = $(Grid.class).withId("coreq").single();
		test(grid).clickRow(9); // item 10, sampling
		test($(TextArea.class).withId("coreq-answer").single()).setValue("Purposive sampling of all trained caseworkers.");
		test($(Button.class).withId("coreq-save").single()).click();

		ChecklistEntry sampling = report.checklist(project.id()).get(9);
		assertThat(sampling.status()).isEqualTo(ChecklistEntry.Status.AUTHOR);
		assertThat(sampling.answer()).isEqualTo("Purposive sampling of all trained caseworkers.");
		assertThat($(Span.class).withId("coreq-summary").single().getText()).contains("1 answered by the authors");
	}

	@Test
	void aTeamMemberAddedOnThePageAppearsInTheRecord() {
		navigate(ReportView.class);
		test($(Button.class).withId("add-team-member").single()).click();
		test($(com.vaadin.flow.component.textfield.TextField.class).withId("member-name").single()).setValue("Kari Nord");
		test($(com.vaadin.flow.component.textfield.TextField.class).withId("member-role").single()).setValue("moderator");
		test($(Button.class).withId("record-save").single()).click();
		assertThat($(com.vaadin.flow.component.html.Div.class).withId("study-record").single().getElement().getTextRecursively())
			.contains("Kari Nord");
	}

	@Test
	void thePreviewLeavesOutTheSectionsTicked() {
		navigate(ReportView.class);
		test($(Button.class).withId("report-preview").single()).click();
		String whole = $(com.vaadin.flow.component.markdown.Markdown.class).single().getContent();
		assertThat(whole).contains("# Methods").contains("## Data analysis");
		@SuppressWarnings("unchecked")
		com.vaadin.flow.component.checkbox.CheckboxGroup<String> leaveOut = $(com.vaadin.flow.component.checkbox.CheckboxGroup.class)
			.withId("report-leave-out").single();
		leaveOut.setValue(java.util.Set.of("Data analysis"));
		String without = $(com.vaadin.flow.component.markdown.Markdown.class).single().getContent();
		assertThat(without).contains("# Methods").doesNotContain("## Data analysis");
	}

}

package quire.survey.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;

import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeTable;

import quire.SignedInBrowserlessTest;
import quire.corpus.AttributeKind;
import quire.corpus.ParticipantService;
import quire.project.Project;
import quire.project.ProjectService;
import quire.survey.SurveyService;

/** The questionnaire page without a browser: preview, correct nothing, import, read the frequency table. */
@WithUserDetails(value = SignedInBrowserlessTest.RESEARCHER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
@SpringBootTest
@ViewPackages(packages = "quire")
class MixedMethodsViewsTests extends SignedInBrowserlessTest {

	@Autowired
	ProjectService projects;

	@Autowired
	ParticipantService participants;

	@Autowired
	SurveyService survey;

	Project project;

	@BeforeEach
	void project() {
		project = projects.findByName("Mixed views").orElseGet(() -> {
			Project p = projects.create("Mixed views", "");
			participants.defineAttribute(p.id(), "Gender", AttributeKind.CATEGORY, List.of("woman", "man"));
			for (String id : List.of("R1", "R2", "R3")) {
				participants.addParticipant(p.id(), id);
			}
			return p;
		});
		workIn(project.id());
	}

	@Test
	void aQuestionnaireIsPreviewedImportedAndTabulated() {
		navigate(QuestionnairesView.class);
		QuestionnairesView view = (QuestionnairesView) UI.getCurrent().getCurrentView();
		view.preview("answers.csv", "id,satisfaction\nR1,5\nR2,4\nR3,5\n".getBytes(StandardCharsets.UTF_8));
		assertThat($(Div.class).withId("survey-log").single().getElement().getTextRecursively()).contains("Ready to import 3");
		test($(Button.class).withId("survey-import-button").single()).click();

		assertThat(survey.questionnaires(project.id())).hasSize(1);
		String table = $(NativeTable.class).withId("frequency-table").single().getElement().getTextRecursively();
		assertThat(table).contains("very satisfied").contains("2 (66.7%)").contains("1 (33.3%)");

		// choosing an attribute shows its crosstabs first, next to the control, not below every table
		@SuppressWarnings("unchecked")
		com.vaadin.flow.component.select.Select<String> by = $(com.vaadin.flow.component.select.Select.class)
			.withId("survey-by").single();
		test(by).selectItem("Gender");
		var first = $(Div.class).withId("survey-tables").single().getChildren().findFirst().orElseThrow();
		assertThat(first.getId()).hasValue("survey-by-heading");
		assertThat(first.getElement().getText()).isEqualTo("By Gender");
	}

	@Test
	void unknownIdsBlockTheImportAndAreListed() {
		navigate(QuestionnairesView.class);
		QuestionnairesView view = (QuestionnairesView) UI.getCurrent().getCurrentView();
		view.preview("other.csv", "id,satisfaction\nR1,5\nZZ,4\n".getBytes(StandardCharsets.UTF_8));
		test($(Button.class).withId("survey-import-button").single()).click();
		assertThat($(Div.class).withId("survey-log").single().getElement().getTextRecursively())
			.contains("Ids that match no participant: ZZ");
		assertThat(survey.questionnaire(project.id(), "other")).isEmpty();
	}

}

package quire.analysis.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;

import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import quire.corpus.GroupKind;
import com.vaadin.flow.component.html.NativeTableCell;

import quire.SignedInBrowserlessTest;
import quire.corpus.DemoProject;
import quire.project.ProjectId;
import quire.project.ProjectService;

/** The joint displays page on the demo project: the RE-AIM display and codes × group. */
@WithUserDetails(value = SignedInBrowserlessTest.RESEARCHER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
@SpringBootTest
@ViewPackages(packages = "quire")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JointDisplayViewTests extends SignedInBrowserlessTest {

	@Autowired
	DemoProject demo;

	@Autowired
	ProjectService projects;

	ProjectId project;

	@BeforeAll
	void createDemo() {
		project = projects.findByName(DemoProject.NAME).orElseGet(demo::create).id();
	}

	@BeforeEach
	void openTheDemo() {
		workIn(project);
	}

	@Test
	void theDemoShowsThemesMitiAndQuestionnaireEvidenceSideBySide() {
		navigate(JointDisplayView.class);
		String display = $(Div.class).withId("reaim-display").single().getElement().getTextRecursively();
		assertThat(display).contains("Adoption").contains("MI: a useful but difficult method to master")
			.contains("Technical").contains("satisfied or very satisfied")
			.contains("sessions rated by the coding lab, primary ratings, mean (SD)): Technical");
		// %CR is shown as a percentage, with its sign
		assertThat(display).containsPattern("%CR \\d+\\.\\d\\d% \\(\\d+\\.\\d\\d%\\)");
		// identical MITI figures are shown once; later rows say why they would be the same
		java.util.List<String> mitiCells = $(NativeTableCell.class).all().stream()
			.filter(c -> c.getElement().getTextRecursively().contains("primary ratings"))
			.map(c -> c.getElement().getTextRecursively())
			.toList();
		assertThat(mitiCells).doesNotHaveDuplicates().isNotEmpty();
		assertThat(display).containsPattern("Same as under \\w+: the same caseworkers speak in this dimension's segments");
		String matrix = $(Div.class).withId("attribute-matrix").single().getElement().getTextRecursively();
		assertThat(matrix).contains("Group: MI").contains("Group: MI-substitute");
		test($(NativeTableCell.class).withId("attr-cell-0-0").single()).click();
		assertThat($(Div.class).withId("attribute-cell").single().getElement().getTextRecursively()).contains("segments from");
	}

	@Test
	void theStudyDesignPageShowsEachStrandAndSavesAGroupsKind() {
		navigate(StudyDesignView.class);
		String strands = $(Div.class).withId("study-strands").single().getElement().getTextRecursively();
		assertThat(strands).contains("Qualitative strand: 2 focus groups, 1 individual interview")
			.contains("Fidelity strand: 3 counselling sessions (MI)")
			.contains("20 sessions rated by the coding lab")
			.contains("respondents");
		String groups = $(Div.class).withId("study-groups").single().getElement().getTextRecursively();
		assertThat(groups).contains("Interviews").contains("inferred from the group's name");

		@SuppressWarnings("unchecked")
		Select<GroupKind> kind = $(Select.class).withId("study-kind-1").single();
		assertThat(kind.getValue()).isEqualTo(GroupKind.FOCUS_GROUP);
		test(kind).selectItem(GroupKind.FIELD_NOTES.label());
		try {
			assertThat($(Div.class).withId("study-groups").single().getElement().getTextRecursively())
				.contains("set by a researcher");
			assertThat($(Div.class).withId("study-strands").single().getElement().getTextRecursively())
				.contains("Qualitative strand: 1 focus group, 1 individual interview, 1 field notes or other document");
		}
		finally {
			test($(Button.class).withId("study-reset-1").single()).click();
		}
		assertThat($(Div.class).withId("study-strands").single().getElement().getTextRecursively())
			.contains("Qualitative strand: 2 focus groups, 1 individual interview");
	}

}

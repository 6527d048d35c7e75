package quire.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;

import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.upload.Upload;

import quire.SignedInBrowserlessTest;
import quire.project.Project;
import quire.project.ProjectAccess;
import quire.project.ProjectRole;
import quire.project.ProjectService;
import quire.security.UserService;

/**
 * What {@link ProjectPage} decides for every project page: which project the page shows, and what a
 * researcher without any project sees. Two accounts of their own: one that is a member of no project,
 * and a guest who may read one project only.
 */
@WithUserDetails(value = SignedInBrowserlessTest.RESEARCHER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
@SpringBootTest
@ViewPackages(packages = "quire")
class ProjectPageTests extends SignedInBrowserlessTest {

	static final String NEWCOMER = "project-page-newcomer";

	static final String GUEST = "project-page-guest";

	@Autowired
	ProjectService projects;

	@Autowired
	ProjectAccess access;

	@Autowired
	UserService accounts;

	Project hidden;

	Project shared;

	@BeforeEach
	void accountsAndProjects() {
		// Set-up runs as server code: the projects go to the first administrator, the researcher.
		SecurityContextHolder.clearContext();
		hidden = projects.findByName("Project page hidden").orElseGet(() -> projects.create("Project page hidden", ""));
		shared = projects.findByName("Project page shared").orElseGet(() -> projects.create("Project page shared", ""));
		for (String name : List.of(NEWCOMER, GUEST)) {
			if (accounts.find(name).isEmpty()) {
				accounts.create(name, name, "password-of-" + name, false);
			}
		}
		access.grant(shared.id(), GUEST, ProjectRole.VIEWER);
	}

	@Test
	@WithUserDetails(value = NEWCOMER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
	void aResearcherWithoutProjectsIsShownWhereToCreateOne() {
		for (String page : List.of("codebook", "documents", "participants", "matrix", "memos", "agreement", "search",
				"fidelity", "questionnaires", "study", "joint-displays", "report", "members")) {
			UI.getCurrent().navigate(page);
			assertThat($(Div.class).withId("no-project").exists()).as(page).isTrue();
		}
	}

	@Test
	@WithUserDetails(value = NEWCOMER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
	void theExchangePageStillImportsWithoutAProject() {
		UI.getCurrent().navigate("exchange");
		assertThat($(Div.class).withId("no-project").exists()).isFalse();
		assertThat($(Anchor.class).withId("export-qdpx").exists()).isFalse();
		assertThat($(Upload.class).withId("import-qdpx").exists()).isTrue();
	}

	@Test
	@WithUserDetails(value = GUEST, setupBefore = TestExecutionEvent.TEST_EXECUTION)
	void aProjectTheResearcherMayNotReadGivesWayToOneTheyMay() {
		// The session points at a project the guest is no member of (as after being removed from it).
		workIn(hidden.id());
		UI.getCurrent().navigate("codebook");
		assertThat($(H2.class).all()).extracting(H2::getText).contains("Codebook · Project page shared")
			.noneMatch(t -> t.contains("hidden"));
	}

}

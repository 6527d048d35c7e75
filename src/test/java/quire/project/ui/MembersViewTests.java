package quire.project.ui;

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
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;

import quire.SignedInBrowserlessTest;
import quire.project.AuditEntry;
import quire.project.Member;
import quire.project.Project;
import quire.project.ProjectAccess;
import quire.project.ProjectRole;
import quire.project.ProjectService;
import quire.security.UserAccount;
import quire.security.UserService;

/** The members page: an owner adds a coder and reads the audit log; a viewer sees the team but no log. */
@WithUserDetails(value = SignedInBrowserlessTest.RESEARCHER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
@SpringBootTest
@ViewPackages(packages = "quire")
class MembersViewTests extends SignedInBrowserlessTest {

	@Autowired
	ProjectService projects;

	@Autowired
	ProjectAccess access;

	@Autowired
	UserService accounts;

	Project project;

	@BeforeEach
	void teamAndProject() {
		// Set-up runs as server code: the project goes to the first administrator, the researcher.
		SecurityContextHolder.clearContext();
		project = projects.findByName("Members view").orElseGet(() -> projects.create("Members view", ""));
		for (String name : List.of("carl", "vera")) {
			if (accounts.find(name).isEmpty()) {
				accounts.create(name, name.equals("carl") ? "Carl Coder" : "Vera Viewer", "password-of-" + name, false);
			}
		}
		access.grant(project.id(), "vera", ProjectRole.VIEWER);
		workIn(project.id());
	}

	@Test
	@SuppressWarnings("unchecked")
	void anOwnerAddsACoderAndSeesItInTheAuditLog() {
		navigate(MembersView.class);
		ComboBox<UserAccount> who = $(ComboBox.class).withId("add-member-user").single();
		test(who).selectItem("Carl Coder (carl)");
		test($(Button.class).withId("add-member").single()).click();

		Grid<Member> members = $(Grid.class).withId("members").single();
		assertThat(test(members).size()).isEqualTo(3);
		assertThat(access.members(project.id())).extracting(Member::username, Member::role)
			.contains(org.assertj.core.groups.Tuple.tuple("carl", ProjectRole.CODER));
		Grid<AuditEntry> log = $(Grid.class).withId("audit-log").single();
		assertThat(test(log).size()).isGreaterThanOrEqualTo(2);
		assertThat(test(log).getCellText(0, 1)).isEqualTo(RESEARCHER);
		assertThat(test(log).getCellText(0, 3)).isEqualTo("carl is now coder");
	}

	@Test
	@WithUserDetails(value = "vera", setupBefore = TestExecutionEvent.TEST_EXECUTION)
	void aViewerSeesTheTeamButCannotChangeItOrReadTheLog() {
		navigate(MembersView.class);
		assertThat($(Grid.class).withId("members").exists()).isTrue();
		assertThat($(Grid.class).withId("audit-log").exists()).isFalse();
		assertThat($(Button.class).withId("add-member").exists()).isFalse();
	}

}

package quire;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.vaadin.browserless.SpringBrowserlessTest;

import quire.project.ProjectId;
import quire.security.UserAccount;
import quire.security.UserService;
import quire.ui.CurrentProject;

/**
 * Base of the browserless view tests: the views run for a signed-in administrator, "researcher",
 * who owns the projects the tests create (the test's setup runs as server code, so projects made
 * there go to the first administrator, and the test method runs signed in through
 * {@code @WithUserDetails(value = RESEARCHER, setupBefore = TEST_EXECUTION)} on each class).
 *
 * <p>
 * All view tests share one home ({@link #HOME}) and therefore one Spring context: a subclass that
 * keeps to {@code @SpringBootTest @ViewPackages(packages = "quire")} and declares no
 * {@code @DynamicPropertySource}, properties, profiles or {@code @DirtiesContext} of its own is served
 * by the context the first view test started. Projects are named after their test class and reused
 * with {@code findByName(..).orElseGet(..)}; no view test may assume the home is empty. A test that
 * searches every project of the researcher (the all-projects search) uses words no other test loads.
 */
public abstract class SignedInBrowserlessTest extends SpringBrowserlessTest {

	public static final String RESEARCHER = "researcher";

	/** The view tests' shared home, created when the first view test class loads. */
	public static final Path HOME = QuireHome.create("quire-shared-views");

	@DynamicPropertySource
	static void sharedViewHome(DynamicPropertyRegistry registry) {
		QuireHome.register(registry, HOME);
	}

	@Autowired
	UserService users;

	@Autowired
	ObjectProvider<CurrentProject> currentProject;

	@BeforeEach
	void signUpResearcher() {
		ensure(users);
	}

	/**
	 * Makes the project the session's current one. Pages that work in "the current project" would
	 * otherwise open the first project by name, and the shared home holds every view test's projects.
	 */
	protected void workIn(ProjectId project) {
		currentProject.getObject().select(project);
	}

	/** The researcher account, created by server code (no signed-in user) if it does not exist yet. */
	public static UserAccount ensure(UserService users) {
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContextHolder.clearContext();
		try {
			return users.find(RESEARCHER)
				.orElseGet(() -> users.create(RESEARCHER, "Rita Researcher", "researcher-password", true));
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

}

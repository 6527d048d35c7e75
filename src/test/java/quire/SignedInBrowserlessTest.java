package quire;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

import com.vaadin.browserless.SpringBrowserlessTest;

import quire.security.UserAccount;
import quire.security.UserService;

/**
 * Base of the browserless view tests: the views run for a signed-in administrator, "researcher",
 * who owns the projects the tests create (the test's setup runs as server code, so projects made
 * there go to the first administrator, and the test method runs signed in through
 * {@code @WithUserDetails(value = RESEARCHER, setupBefore = TEST_EXECUTION)} on each class).
 */
public abstract class SignedInBrowserlessTest extends SpringBrowserlessTest {

	public static final String RESEARCHER = "researcher";

	@Autowired
	UserService users;

	@BeforeEach
	void signUpResearcher() {
		ensure(users);
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

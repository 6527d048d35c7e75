package quire;

import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Makes the test's own application context the one whose security holder is in force. Vaadin's
 * Spring integration installs its context's {@code SecurityContextHolderStrategy} as the JVM-wide
 * one when the context starts, while the context's beans (method security, view access control)
 * keep using their own instance. Since test classes share cached contexts, a context started later
 * would otherwise take the holder away from one reused afterwards, and signed-in tests would run
 * signed out. Registered for every Spring test in {@code META-INF/spring.factories}; it does not
 * change the context cache key.
 */
public class ContextSecurityHolder implements TestExecutionListener, Ordered {

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public void prepareTestInstance(TestContext testContext) {
		install(testContext);
	}

	@Override
	public void beforeTestMethod(TestContext testContext) {
		install(testContext);
	}

	private static void install(TestContext testContext) {
		ApplicationContext context = testContext.getApplicationContext();
		context.getBeanProvider(SecurityContextHolderStrategy.class).ifUnique(SecurityContextHolder::setContextHolderStrategy);
	}

}

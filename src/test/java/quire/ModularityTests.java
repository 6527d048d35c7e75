package quire;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;

/** Keeps the feature modules' boundaries true and writes their documentation to docs/modules. */
class ModularityTests {

	/**
	 * Test classes, wherever the build puts them: the default import option only recognises
	 * {@code target/test-classes}, so a build with {@code -Dquire.build.dir=target-x} would otherwise
	 * count tests (with their field injection) as module code.
	 */
	static final DescribedPredicate<JavaClass> TEST_CLASSES = DescribedPredicate.describe("test classes",
			c -> c.getSource().map(s -> s.getUri().toString().contains("/test-classes/")).orElse(false));

	private final ApplicationModules modules = ApplicationModules.of(QuireApplication.class, TEST_CLASSES);

	@Test
	void modulesRespectTheirBoundaries() {
		modules.verify();
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
			.writeDocumentation();
	}

}

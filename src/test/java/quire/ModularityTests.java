package quire;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModuleDependency;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.NamedInterface;
import org.springframework.modulith.docs.Documenter;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;

/**
 * Keeps the feature modules' boundaries true and writes their documentation. Every run writes it
 * under {@code target/modules} (the build directory), so tests never change the working tree; the
 * committed copy in {@code docs/modules} is refreshed on purpose with
 * {@code mvn -o test -Dtest=ModularityTests -Dquire.docs.refresh=true}.
 */
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

	/**
	 * {@code verify()} fails a module that uses more than its {@code allowedDependencies}; this fails one
	 * that declares more than it uses, so the declarations (and {@code docs/architecture.md}, which
	 * {@link ArchitectureTests} compares with them) stay the picture of today's code, not a licence.
	 */
	@Test
	void modulesAllowExactlyTheDependenciesTheyUse() {
		Map<String, Set<String>> used = new TreeMap<>();
		for (ApplicationModule module : modules) {
			used.put(module.getIdentifier().toString(), module.getDirectDependencies(modules)
				.stream()
				.map(ModularityTests::allowedDependency)
				.collect(Collectors.toCollection(TreeSet::new)));
		}
		assertThat(ArchitectureTests.declaredDependencies())
			.as("each module's allowedDependencies (package-info.java) against what its classes use")
			.isEqualTo(used);
	}

	/** How {@code allowedDependencies} names the target: {@code "corpus"}, or {@code "corpus :: ui"} for a named interface. */
	private static String allowedDependency(ApplicationModuleDependency dependency) {
		ApplicationModule target = dependency.getTargetModule();
		return target.getNamedInterfaces()
			.stream()
			.filter(i -> !i.isUnnamed() && i.contains(dependency.getTargetType()))
			.map(NamedInterface::getName)
			.findFirst()
			.map(name -> target.getIdentifier() + " :: " + name)
			.orElse(target.getIdentifier().toString());
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder(documentationFolder()))
			.writeDocumentation();
	}

	/**
	 * {@code docs/modules} when asked for with {@code -Dquire.docs.refresh=true}; otherwise
	 * {@code modules} in the build directory that holds the test classes ({@code target}, or the
	 * folder given with {@code -Dquire.build.dir}).
	 */
	static String documentationFolder() {
		if (Boolean.getBoolean("quire.docs.refresh")) {
			return "docs/modules";
		}
		try {
			Path testClasses = Path.of(ModularityTests.class.getProtectionDomain().getCodeSource().getLocation().toURI());
			return testClasses.getParent().resolve("modules").toString();
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

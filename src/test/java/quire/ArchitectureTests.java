package quire;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.Location;

/**
 * Layering rules the build enforces (beyond {@link ModularityTests}' module boundaries): domain
 * code knows no screen. Only classes in a {@code ui} package (a module's {@code ui/} or the shell
 * {@code quire.ui}) may use Vaadin or the shell.
 */
class ArchitectureTests {

	/** The application's classes, wherever the build writes them; test classes are left out. */
	static final JavaClasses MAIN = new ClassFileImporter()
		.withImportOption((Location location) -> !location.contains("/test-classes/"))
		.importPackages("quire");

	@Test
	void onlyUiPackagesUseVaadin() {
		noClasses().that()
			.resideOutsideOfPackage("..ui..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("com.vaadin..")
			.because("screens live in ui packages; services, stores and the API must work without a browser")
			.check(MAIN);
	}

	@Test
	void onlyUiPackagesUseTheShell() {
		noClasses().that()
			.resideOutsideOfPackage("..ui..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("quire.ui..")
			.because("the shell (main layout, navigation) sits on top of the modules, never below them")
			.check(MAIN);
	}

	@Test
	void theRuleSeesTheApplication() {
		// A rule over no classes passes whatever it says: make sure the import found the modules.
		assertThat(MAIN.containPackage("quire.corpus")).isTrue();
		assertThat(MAIN.containPackage("quire.security.ui")).isTrue();
	}

}

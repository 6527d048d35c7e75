package quire;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Keeps the feature modules' boundaries true and writes their documentation to docs/modules. */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(QuireApplication.class);

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

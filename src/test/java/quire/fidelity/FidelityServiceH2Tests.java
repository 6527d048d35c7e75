package quire.fidelity;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import quire.QuireHome;

/** The fidelity contract on the embedded H2 file database. */
@SpringBootTest
class FidelityServiceH2Tests extends FidelityServiceContract {

	@DynamicPropertySource
	static void home(DynamicPropertyRegistry registry) {
		QuireHome.register(registry, QuireHome.create("quire-fidelity-h2"));
	}

}

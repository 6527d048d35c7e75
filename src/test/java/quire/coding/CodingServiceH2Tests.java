package quire.coding;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import quire.QuireHome;

/** The coding contract on the embedded H2 file database. */
@SpringBootTest
class CodingServiceH2Tests extends CodingServiceContract {

	@DynamicPropertySource
	static void home(DynamicPropertyRegistry registry) {
		QuireHome.register(registry, QuireHome.create("quire-coding-h2"));
	}

}

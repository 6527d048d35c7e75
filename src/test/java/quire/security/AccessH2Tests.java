package quire.security;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import quire.QuireHome;

/** The access contract on the embedded H2 file database. */
@SpringBootTest
class AccessH2Tests extends AccessContract {

	@DynamicPropertySource
	static void home(DynamicPropertyRegistry registry) {
		QuireHome.register(registry, QuireHome.create("quire-access-h2"));
	}

}

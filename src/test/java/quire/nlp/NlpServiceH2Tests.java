package quire.nlp;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;


import quire.QuireHome;

/** The language-processing contract on the embedded H2 file database. */
@SpringBootTest
class NlpServiceH2Tests extends NlpServiceContract {

	@DynamicPropertySource
	static void home(DynamicPropertyRegistry registry) {
		QuireHome.register(registry, QuireHome.create("quire-nlp-h2"));

	}

}

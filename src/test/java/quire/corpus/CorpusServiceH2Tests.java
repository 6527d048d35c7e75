package quire.corpus;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import quire.QuireHome;

/** The corpus contract on the embedded H2 file database. */
@SpringBootTest
class CorpusServiceH2Tests extends CorpusServiceContract {

	@DynamicPropertySource
	static void home(DynamicPropertyRegistry registry) {
		QuireHome.register(registry, QuireHome.create("quire-corpus-h2"));
	}

}

package quire.nlp;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import quire.EnabledIfPostgres;
import quire.PostgresSchema;
import quire.QuireHome;

/** The language-processing contract on PostgreSQL, in a fresh schema of the local server. */
@EnabledIfPostgres
@SpringBootTest
class NlpServicePostgresTests extends NlpServiceContract {

	@DynamicPropertySource
	static void home(DynamicPropertyRegistry registry) {
		QuireHome.register(registry, QuireHome.create("quire-nlp-postgres"));
		PostgresSchema.register(registry);
	}

}

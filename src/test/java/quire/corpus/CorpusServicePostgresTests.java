package quire.corpus;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import quire.EnabledIfPostgres;
import quire.PostgresSchema;
import quire.QuireHome;

/** The corpus contract on PostgreSQL, in a fresh schema of the local server. */
@EnabledIfPostgres
@SpringBootTest
class CorpusServicePostgresTests extends CorpusServiceContract {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		QuireHome.register(registry, QuireHome.create("quire-corpus-pg"));
		PostgresSchema.register(registry);
	}

}

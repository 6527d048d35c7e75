package quire.coding;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import quire.EnabledIfPostgres;
import quire.PostgresSchema;
import quire.QuireHome;

/** The coding contract on PostgreSQL, in a fresh schema of the local server. */
@EnabledIfPostgres
@SpringBootTest
class CodingServicePostgresTests extends CodingServiceContract {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		QuireHome.register(registry, QuireHome.create("quire-coding-pg"));
		PostgresSchema.register(registry);
	}

}

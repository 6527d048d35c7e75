package quire;

import java.nio.file.Path;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The PostgreSQL twin of {@link SharedHome}: one home and one fresh PostgreSQL schema that all
 * {@code *PostgresTests} share, so their context starts once. The same rules apply: no test
 * assumes an empty database.
 */
public interface SharedPostgresHome {

	Path HOME = QuireHome.create("quire-shared-postgres");

	@DynamicPropertySource
	static void sharedPostgres(DynamicPropertyRegistry registry) {
		QuireHome.register(registry, HOME);
		PostgresSchema.register(registry);
	}

}

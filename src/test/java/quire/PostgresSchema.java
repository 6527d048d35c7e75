package quire;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A fresh schema in the local PostgreSQL ({@code 127.0.0.1:5432}, database {@code test}, trust
 * auth) for one test context, so the same service tests run against the team database as against
 * H2. Override with {@code QUIRE_TEST_PG_URL} / {@code QUIRE_TEST_PG_USER}.
 */
public final class PostgresSchema {

	private PostgresSchema() {
	}

	public static void register(DynamicPropertyRegistry registry) {
		String base = System.getenv().getOrDefault("QUIRE_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
		String user = System.getenv().getOrDefault("QUIRE_TEST_PG_USER", "postgres");
		String schema = "quire_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		try (Connection c = DriverManager.getConnection(base, user, ""); Statement s = c.createStatement()) {
			s.execute("create schema " + schema);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("PostgreSQL at " + base + " is needed for the PostgreSQL tests: "
					+ ex.getMessage(), ex);
		}
		registry.add("spring.datasource.url", () -> base + "?currentSchema=" + schema);
		registry.add("spring.datasource.username", () -> user);
		registry.add("spring.datasource.password", () -> "");
		registry.add("spring.flyway.schemas", () -> schema);
	}

}

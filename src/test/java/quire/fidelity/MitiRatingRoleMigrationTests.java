package quire.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import quire.EnabledIfPostgres;

/**
 * Migration V14 stores each MITI rating's role: on a database written before it, per session and source
 * the first complete rating (the one results used) becomes primary — or the first one where none is
 * complete — and every other rating reliability; no rating is lost or changed otherwise. On H2 and
 * PostgreSQL.
 */
final class MitiRatingRoleMigrationTests {

	@Test
	void anH2DatabaseFromBeforeV14GetsRolesAndKeepsEveryRating() throws SQLException {
		// one connection throughout: H2 evaluates a check constraint in the session that created it
		var single = new SingleConnectionDataSource("jdbc:h2:mem:v14-" + UUID.randomUUID(), "sa", "", true);
		try {
			migrate(Flyway.configure().dataSource(single), single::getConnection);
		}
		finally {
			single.destroy();
		}
	}

	@Nested
	@EnabledIfPostgres
	final class OnPostgres {

		@Test
		void aPostgresDatabaseFromBeforeV14GetsRolesAndKeepsEveryRating() throws SQLException {
			String base = System.getenv().getOrDefault("QUIRE_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
			String user = System.getenv().getOrDefault("QUIRE_TEST_PG_USER", "postgres");
			String schema = "quire_v14_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
			try (Connection c = DriverManager.getConnection(base, user, ""); Statement s = c.createStatement()) {
				s.execute("create schema " + schema);
			}
			try {
				String url = base + "?currentSchema=" + schema;
				migrate(Flyway.configure().dataSource(url, user, "").schemas(schema),
						() -> DriverManager.getConnection(url, user, ""));
			}
			finally {
				try (Connection c = DriverManager.getConnection(base, user, ""); Statement s = c.createStatement()) {
					s.execute("drop schema " + schema + " cascade");
				}
			}
		}

	}

	private interface Connect {

		Connection open() throws SQLException;

	}

	/**
	 * S1: two complete lab ratings (Ann first); S2: Ann's Quire coding in progress, then Jo's complete one
	 * (Jo's was the primary); S3: only Ann's coding in progress; S4: a lab rating and a complete Quire one.
	 */
	private static void migrate(org.flywaydb.core.api.configuration.FluentConfiguration config, Connect connect)
			throws SQLException {
		config.locations("classpath:db/migration").target(MigrationVersion.fromVersion("12")).load().migrate();
		try (Connection c = connect.open(); Statement s = c.createStatement()) {
			s.execute("insert into project (name, created_at) values ('P', current_timestamp)");
			for (String label : List.of("S1", "S2", "S3", "S4")) {
				s.execute("insert into miti_session (project_id, label, counsellor) select id, '" + label
						+ "', 'CW1' from project where name = 'P'");
			}
			rating(s, "S1", "Ann", "LAB", "4, 3, 4, 4");
			rating(s, "S1", "Ben", "LAB", "3, 3, 4, 3");
			rating(s, "S2", "Ann", "QUIRE", "null, null, null, null");
			rating(s, "S2", "Jo", "QUIRE", "2, 2, 3, 3");
			rating(s, "S3", "Ann", "QUIRE", "null, null, null, null");
			rating(s, "S4", "Lab", "LAB", "5, 4, 5, 4");
			rating(s, "S4", "Cy", "QUIRE", "1, 2, 1, 2");
		}
		config.target(MigrationVersion.LATEST).load().migrate();
		try (Connection c = connect.open(); Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("""
						select s.label, r.coder, r.source, r.rating_role, r.cct, r.q from miti_rating r
						join miti_session s on s.id = r.session_id order by s.label, r.id""")) {
			List<String> rows = new ArrayList<>();
			while (rs.next()) {
				rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4) + " cct "
						+ rs.getString(5) + " q " + rs.getInt(6));
			}
			assertThat(rows).containsExactly("S1 Ann LAB PRIMARY cct 4 q 7", "S1 Ben LAB RELIABILITY cct 3 q 7",
					"S2 Ann QUIRE RELIABILITY cct null q 7", "S2 Jo QUIRE PRIMARY cct 2 q 7",
					"S3 Ann QUIRE PRIMARY cct null q 7", "S4 Lab LAB PRIMARY cct 5 q 7", "S4 Cy QUIRE PRIMARY cct 1 q 7");
		}
	}

	private static void rating(Statement s, String session, String coder, String source, String globals)
			throws SQLException {
		s.execute("insert into miti_rating (session_id, coder, source, cct, sst, partnership, empathy, q, updated_at) "
				+ "values ((select id from miti_session where label = '" + session + "'), '" + coder + "', '" + source
				+ "', " + globals + ", 7, current_timestamp)");
	}

}

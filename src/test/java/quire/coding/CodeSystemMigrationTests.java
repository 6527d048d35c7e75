package quire.coding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import quire.EnabledIfPostgres;

/**
 * Migration V19 gives every code a code system: the shipped MITI codebook's codes (by GUID), a top-level code
 * named as its root, and every code below them are MITI; all others are thematic. A database written before it
 * keeps every code unchanged, on H2 and on PostgreSQL.
 */
final class CodeSystemMigrationTests {

	@Test
	void anH2DatabaseFromBeforeV19GetsTheMitiCodesInferred() throws SQLException {
		String url = "jdbc:h2:mem:v19-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
		// one session throughout: H2 2.4 evaluates an IN check constraint (code_origin_known) with the session
		// that created it, so that session must outlive Flyway's run, as it does in the application's pool
		var single = new org.springframework.jdbc.datasource.SingleConnectionDataSource(url, "sa", "", true);
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
		void aPostgresDatabaseFromBeforeV19GetsTheMitiCodesInferred() throws SQLException {
			String base = System.getenv().getOrDefault("QUIRE_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
			String user = System.getenv().getOrDefault("QUIRE_TEST_PG_USER", "postgres");
			String schema = "quire_v19_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
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

	private static void migrate(FluentConfiguration config, Connect connect) throws SQLException {
		config.locations("classpath:db/migration");
		// the newest migration before V19, whichever other migrations exist by then
		MigrationVersion before = java.util.Arrays.stream(config.load().info().all())
			.map(m -> m.getVersion())
			.filter(v -> v != null && v.isNewerThan("1") && !v.isAtLeast("19"))
			.max(MigrationVersion::compareTo)
			.orElseThrow();
		config.target(before).load().migrate();
		try (Connection c = connect.open(); Statement s = c.createStatement()) {
			s.execute("insert into project (name, created_at) values ('P', current_timestamp)");
			// the shipped MITI codebook: its root and one behaviour code by GUID, a sub-code a coder added
			code(s, "root", null, CodeSystem.MITI_ROOT_GUID, CodeSystem.MITI_ROOT_NAME);
			code(s, "q", "root", "4e1518b9-ab9a-4c4c-b35b-ec862a29f415", "Question (Q)");
			code(s, "open", "q", "a1", "Open question");
			// a MITI codebook with other GUIDs, found by its root's name as quire.fidelity finds it
			code(s, "lab", null, "b1", CodeSystem.MITI_ROOT_NAME);
			code(s, "lab-sr", "lab", "b2", "Simple Reflection (SR)");
			// thematic codes, one named like a behaviour code
			code(s, "reach", null, "c1", "Reach");
			code(s, "theme-q", "reach", "c2", "Question (Q)");
		}
		config.target(MigrationVersion.LATEST).load().migrate();
		try (Connection c = connect.open(); Statement s = c.createStatement()) {
			Map<String, String> systems = new LinkedHashMap<>();
			try (ResultSet rs = s.executeQuery("select definition, code_system from code order by id")) {
				while (rs.next()) {
					systems.put(rs.getString(1), rs.getString(2));
				}
			}
			assertThat(systems).containsExactly(Map.entry("root", "MITI"), Map.entry("q", "MITI"),
					Map.entry("open", "MITI"), Map.entry("lab", "MITI"), Map.entry("lab-sr", "MITI"),
					Map.entry("reach", "THEMATIC"), Map.entry("theme-q", "THEMATIC"));
			try (ResultSet rs = s.executeQuery("select count(*) from code where name = 'Question (Q)'")) {
				rs.next();
				assertThat(rs.getInt(1)).as("no code lost or changed").isEqualTo(2);
			}
			assertThatThrownBy(() -> s.execute("update code set code_system = 'OTHER' where definition = 'reach'"))
				.isInstanceOf(SQLException.class);
		}
	}

	/** A code whose definition holds a key for the assertions; {@code parent} is the parent's key. */
	private static void code(Statement s, String key, String parent, String guid, String name) throws SQLException {
		long project = id(s, "select id from project where name = 'P'");
		String parentId = parent == null ? "null" : String.valueOf(id(s, "select id from code where definition = '" + parent + "'"));
		s.execute("""
				insert into code (project_id, parent_id, guid, name, definition, colour, origin, position)
				values (%d, %s, '%s', '%s', '%s', '#1F77B4', 'DEDUCTIVE', 0)
				""".formatted(project, parentId, guid, name, key));
	}

	private static long id(Statement s, String query) throws SQLException {
		try (ResultSet rs = s.executeQuery(query)) {
			assertThat(rs.next()).as(query).isTrue();
			return rs.getLong(1);
		}
	}

}

package quire.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import quire.EnabledIfPostgres;

/**
 * Migration V12 moves each document's text into {@code document_body}: a database written before it
 * keeps every text, on H2 and on PostgreSQL, and the document table no longer has the column; the
 * lower-cased name key of the name check is filled in.
 */
final class DocumentBodyMigrationTests {

	private static final String TEXT = "Moderator: Hva tenker du om sykmeldingen?\nAnna: Det var «tøft» — 100 % ærlig.\n";

	@Test
	void anH2DatabaseFromBeforeV12KeepsEveryText() throws SQLException {
		String url = "jdbc:h2:mem:v12-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
		try (Connection keepsTheDatabaseOpen = DriverManager.getConnection(url, "sa", "")) {
			migrateKeepingTexts(Flyway.configure().dataSource(url, "sa", ""), () -> DriverManager.getConnection(url, "sa", ""));
		}
	}

	@Nested
	@EnabledIfPostgres
	final class OnPostgres {

	@Test
	void aPostgresDatabaseFromBeforeV12KeepsEveryText() throws SQLException {
		String base = System.getenv().getOrDefault("QUIRE_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
		String user = System.getenv().getOrDefault("QUIRE_TEST_PG_USER", "postgres");
		String schema = "quire_v12_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		try (Connection c = DriverManager.getConnection(base, user, ""); Statement s = c.createStatement()) {
			s.execute("create schema " + schema);
		}
		try {
			String url = base + "?currentSchema=" + schema;
			migrateKeepingTexts(Flyway.configure().dataSource(url, user, "").schemas(schema),
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

	private static void migrateKeepingTexts(org.flywaydb.core.api.configuration.FluentConfiguration config,
			Connect connect) throws SQLException {
		config.locations("classpath:db/migration").target(MigrationVersion.fromVersion("11")).load().migrate();
		try (Connection c = connect.open(); Statement s = c.createStatement()) {
			s.execute("insert into project (name, created_at) values ('P', current_timestamp)");
			for (int i = 1; i <= 3; i++) {
				s.execute("""
						insert into document (project_id, name, original_name, format, language, content_sha256, size_bytes,
						                      body, turn_count, word_count, imported_at)
						select id, 'Doc %d', 'doc.txt', 'txt', 'no', '%064d', 10, '%s', 2, 12, current_timestamp
						from project where name = 'P'
						""".formatted(i, i, (TEXT + i).replace("'", "''")));
			}
		}
		config.target(MigrationVersion.LATEST).load().migrate();
		try (Connection c = connect.open(); Statement s = c.createStatement()) {
			try (ResultSet rs = s.executeQuery("""
					select d.name, b.body, d.name_key from document d join document_body b on b.document_id = d.id
					order by d.name""")) {
				for (int i = 1; i <= 3; i++) {
					assertThat(rs.next()).isTrue();
					assertThat(rs.getString(1)).isEqualTo("Doc " + i);
					assertThat(rs.getString(2)).isEqualTo(TEXT + i);
					assertThat(rs.getString(3)).as("the name check's key").isEqualTo("doc " + i);
				}
				assertThat(rs.next()).isFalse();
			}
			assertThatThrownBy(() -> s.executeQuery("select body from document")).isInstanceOf(SQLException.class);
			// a document deleted takes its text with it
			s.execute("delete from document where name = 'Doc 2'");
			try (ResultSet rs = s.executeQuery("select count(*) from document_body")) {
				rs.next();
				assertThat(rs.getInt(1)).isEqualTo(2);
			}
		}
	}

}

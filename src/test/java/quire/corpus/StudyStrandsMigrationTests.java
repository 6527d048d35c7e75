package quire.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Migration V13 adds a document group's kind and strand (null until a researcher sets them, so the
 * design is inferred from the data) and records a de-identified copy's original from the
 * de-identification log; a database written before it keeps its groups and documents unchanged.
 */
final class StudyStrandsMigrationTests {

	@Test
	void aDatabaseFromBeforeV13KeepsItsGroupsAndFindsItsCopiesOriginals() throws SQLException {
		String url = "jdbc:h2:mem:v13-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
		// one session throughout, as in the application's pool (H2 evaluates IN checks with its creator's session)
		var single = new SingleConnectionDataSource(url, "sa", "", true);
		try {
			var config = Flyway.configure().dataSource(single).locations("classpath:db/migration");
			config.target(MigrationVersion.fromVersion("12")).load().migrate();
			try (Connection c = single.getConnection(); Statement s = c.createStatement()) {
				s.execute("insert into project (name, created_at) values ('P', current_timestamp)");
				s.execute("insert into document_group (project_id, name) select id, 'Focus groups' from project");
				document(s, "fg1", "a");
				document(s, "fg1 (de-identified)", "b");
				s.execute("insert into nlp_deidentified (document_id, original_id, original_name, replacements, applied_at) "
						+ "select c.id, o.id, o.name, 3, current_timestamp from document c, document o "
						+ "where c.name = 'fg1 (de-identified)' and o.name = 'fg1'");
			}
			config.target(MigrationVersion.LATEST).load().migrate();
			try (Connection c = single.getConnection(); Statement s = c.createStatement()) {
				try (ResultSet rs = s.executeQuery("select name, kind, strand from document_group")) {
					assertThat(rs.next()).isTrue();
					assertThat(rs.getString(1)).isEqualTo("Focus groups");
					assertThat(rs.getString(2)).as("inferred, not stored").isNull();
					assertThat(rs.getString(3)).isNull();
				}
				try (ResultSet rs = s.executeQuery("select c.derived_from = o.id, o.derived_from from document c, document o "
						+ "where c.name = 'fg1 (de-identified)' and o.name = 'fg1'")) {
					assertThat(rs.next()).isTrue();
					assertThat(rs.getBoolean(1)).as("the copy records its original").isTrue();
					assertThat(rs.getObject(2)).as("the original has none").isNull();
				}
				try (ResultSet rs = s.executeQuery("select count(*) from document_body")) {
					rs.next();
					assertThat(rs.getInt(1)).as("no document lost").isEqualTo(2);
				}
			}
		}
		finally {
			single.destroy();
		}
	}

	private static void document(Statement s, String name, String sha) throws SQLException {
		s.execute("insert into document (project_id, group_id, name, name_key, original_name, format, language, "
				+ "content_sha256, size_bytes, turn_count, word_count, imported_at) select p.id, g.id, '" + name + "', '"
				+ name + "', '" + name + ".txt', 'txt', 'en', '" + sha.repeat(64) + "', 10, 1, 2, current_timestamp "
				+ "from project p join document_group g on g.project_id = p.id");
		s.execute("insert into document_body (document_id, body) select id, 'Moderator: hi' from document where name = '"
				+ name + "'");
	}

}

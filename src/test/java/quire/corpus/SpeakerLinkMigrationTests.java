package quire.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import quire.EnabledIfPostgres;

/**
 * Migration V16 makes speakers per document on a database written by the schema before it, on H2 and
 * PostgreSQL: "Sick-listed worker" and "Moderator", shared across documents with nothing entered about
 * them, become one participant per document; "MI Caseworker 1", a role label with an attribute value,
 * keeps its participant and value, its links proposals; "Anna", a person, keeps hers, proposed in her
 * second focus group. No coding, memo, rating, attribute value or questionnaire answer is lost.
 */
final class SpeakerLinkMigrationTests {

	/**
	 * A file database, as Quire's own: on an in-memory one kept open across connections, H2 2.4 refused
	 * inserts into tables with check constraints once the migrating connection had closed ("Check
	 * constraint invalid").
	 */
	@Test
	void anH2DatabaseFromBeforeV16GetsSpeakersPerDocument(@TempDir Path home) throws SQLException {
		String url = "jdbc:h2:file:" + home.resolve("quire") + ";WRITE_DELAY=0";
		migrate(Flyway.configure().dataSource(url, "sa", ""), () -> DriverManager.getConnection(url, "sa", ""));
	}

	@Nested
	@EnabledIfPostgres
	final class OnPostgres {

		@Test
		void aPostgresDatabaseFromBeforeV16GetsSpeakersPerDocument() throws SQLException {
			String base = System.getenv().getOrDefault("QUIRE_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
			String user = System.getenv().getOrDefault("QUIRE_TEST_PG_USER", "postgres");
			String schema = "quire_v16_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
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

	/** Documents and the speakers of their turns, in order. */
	private static final Map<String, List<String>> DOCUMENTS = new TreeMap<>(Map.of(
			"mi-01", List.of("MI Caseworker 1", "Sick-listed worker", "MI Caseworker 1"),
			"mi-02", List.of("MI Caseworker 1", "Sick-listed worker"),
			"mi-03", List.of("MI Caseworker 3", "Sick-listed worker"),
			"fg-1", List.of("Moderator", "Anna", "Kari", "MI Caseworker 1"),
			"fg-2", List.of("Moderator", "Anna")));

	private static void migrate(FluentConfiguration config, Connect connect) throws SQLException {
		// the schema just before V16, whichever versions other changes added below it
		MigrationVersion v16 = MigrationVersion.fromVersion("16");
		MigrationVersion previous = java.util.Arrays.stream(config.locations("classpath:db/migration").load().info().all())
			.map(m -> m.getVersion())
			.filter(v -> v.compareTo(v16) < 0)
			.max(MigrationVersion::compareTo)
			.orElseThrow();
		config.target(previous).load().migrate();
		Map<String, Integer> before;
		try (Connection c = connect.open(); Statement s = c.createStatement()) {
			s.execute("insert into project (name, created_at) values ('P', current_timestamp)");
			for (String label : List.of("Sick-listed worker", "MI Caseworker 1", "MI Caseworker 3", "Moderator", "Anna",
					"Kari", "SW001")) {
				s.execute("insert into participant (project_id, label) select id, '" + label + "' from project");
			}
			int n = 0;
			for (var d : DOCUMENTS.entrySet()) {
				n++;
				s.execute("""
						insert into document (project_id, name, name_key, original_name, format, language, content_sha256,
						                      size_bytes, turn_count, word_count, imported_at)
						select id, '%s', '%s', '%s.txt', 'txt', 'en', '%064d', 10, %d, 10, current_timestamp from project
						""".formatted(d.getKey(), d.getKey(), d.getKey(), n, d.getValue().size()));
				s.execute("insert into document_body (document_id, body) select id, 'x x x x x x x x x x' from document where name = '"
						+ d.getKey() + "'");
				for (int t = 0; t < d.getValue().size(); t++) {
					String speaker = d.getValue().get(t);
					s.execute("""
							insert into speaker_turn (document_id, turn_index, participant_id, speaker, start_offset, end_offset)
							select d.id, %d, p.id, '%s', %d, %d from document d, participant p
							where d.name = '%s' and p.label = '%s'
							""".formatted(t, speaker, 2 * t, 2 * t + 1, d.getKey(), speaker));
				}
			}
			s.execute("insert into attribute (project_id, name, kind, categories, position) values ((select id from project), 'Role', 'TEXT', '', 0)");
			s.execute("""
					insert into participant_value (participant_id, attribute_id, attribute_value)
					select p.id, a.id, 'caseworker' from participant p, attribute a where p.label = 'MI Caseworker 1'""");
			s.execute("""
					insert into questionnaire (project_id, name, id_column, file_name, imported_at)
					select id, 'Q', 'id', 'q.csv', current_timestamp from project""");
			s.execute("""
					insert into survey_variable (questionnaire_id, column_name, label, level, position)
					select id, 'satisfaction', 'Satisfaction', 'ORDINAL', 0 from questionnaire""");
			s.execute("""
					insert into survey_response (variable_id, participant_id, answer)
					select v.id, p.id, '5' from survey_variable v, participant p where p.label in ('SW001', 'Anna')""");
			s.execute("""
					insert into code (project_id, guid, name, colour, origin, position)
					select id, '00000000-0000-0000-0000-000000000001', 'Theme', '#112233', 'INDUCTIVE', 0 from project""");
			s.execute("""
					insert into coding (project_id, document_id, code_id, start_offset, end_offset, coder, created_at)
					select d.project_id, d.id, c.id, 0, 3, 'Anna', current_timestamp from document d, code c""");
			s.execute("""
					insert into memo (project_id, target_kind, target_id, author, body, created_at, updated_at)
					select project_id, 'CODING', id, 'Anna', 'why', current_timestamp, current_timestamp from coding""");
			s.execute("""
					insert into miti_session (project_id, label, document_id, counsellor, client)
					select project_id, 'MI-01', id, 'MI Caseworker 1', 'Sick-listed worker' from document where name = 'mi-01'""");
			s.execute("""
					insert into miti_rating (session_id, coder, source, cct, sst, partnership, empathy, updated_at)
					select id, 'Anna', 'QUIRE', 3, 4, 4, 4, current_timestamp from miti_session""");
			before = counts(s);
		}

		config.target(MigrationVersion.LATEST).load().migrate();

		try (Connection c = connect.open(); Statement s = c.createStatement()) {
			assertThat(counts(s)).as("nothing the researchers entered is lost").isEqualTo(before);
			assertThat(list(s, "select label from participant").stream().sorted().toList()).containsExactly("Anna", "Kari",
					"MI Caseworker 1", "MI Caseworker 3", "Moderator — fg-1", "Moderator — fg-2",
					"SW001", "Sick-listed worker — mi-01", "Sick-listed worker — mi-02", "Sick-listed worker — mi-03");
			assertThat(list(s, """
					select d.name || ' / ' || l.speaker || ' -> ' || p.label || ' (' || l.origin || ')'
					from speaker_link l join document d on d.id = l.document_id join participant p on p.id = l.participant_id
					""").stream().sorted().toList()).containsExactly(
					"fg-1 / Anna -> Anna (DOCUMENT)",
					"fg-1 / Kari -> Kari (DOCUMENT)",
					"fg-1 / MI Caseworker 1 -> MI Caseworker 1 (PROPOSED)",
					"fg-1 / Moderator -> Moderator — fg-1 (DOCUMENT)",
					"fg-2 / Anna -> Anna (PROPOSED)",
					"fg-2 / Moderator -> Moderator — fg-2 (DOCUMENT)",
					"mi-01 / MI Caseworker 1 -> MI Caseworker 1 (PROPOSED)",
					"mi-01 / Sick-listed worker -> Sick-listed worker — mi-01 (DOCUMENT)",
					"mi-02 / MI Caseworker 1 -> MI Caseworker 1 (PROPOSED)",
					"mi-02 / Sick-listed worker -> Sick-listed worker — mi-02 (DOCUMENT)",
					"mi-03 / MI Caseworker 3 -> MI Caseworker 3 (DOCUMENT)",
					"mi-03 / Sick-listed worker -> Sick-listed worker — mi-03 (DOCUMENT)");
			assertThat(list(s, """
					select count(*) from speaker_turn t join speaker_link l on l.document_id = t.document_id and l.speaker = t.speaker
					where t.participant_id = l.participant_id""")).as("every turn follows its speaker's link")
				.containsExactly(Integer.toString(DOCUMENTS.values().stream().mapToInt(List::size).sum()));
			assertThat(list(s, """
					select p.label || '=' || v.attribute_value from participant_value v join participant p on p.id = v.participant_id"""))
				.containsExactly("MI Caseworker 1=caseworker");
			assertThat(list(s, """
					select p.label from survey_response r join participant p on p.id = r.participant_id"""))
				.containsExactlyInAnyOrder("Anna", "SW001");
		}
	}

	private static Map<String, Integer> counts(Statement s) throws SQLException {
		Map<String, Integer> out = new TreeMap<>();
		for (String table : List.of("coding", "memo", "miti_session", "miti_rating", "participant_value", "survey_response",
				"speaker_turn", "document")) {
			out.put(table, Integer.parseInt(list(s, "select count(*) from " + table).get(0)));
		}
		return out;
	}

	private static List<String> list(Statement s, String sql) throws SQLException {
		List<String> out = new ArrayList<>();
		try (ResultSet rs = s.executeQuery(sql)) {
			while (rs.next()) {
				out.add(rs.getString(1));
			}
		}
		return out;
	}

}

package quire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Kills Quire (SIGKILL) in the middle of a bulk import and again in the middle of a burst of
 * codings, starts it again, and checks against the database and the index that every document and
 * coding the app reported as done is there, nothing is half-imported or half-coded, and the search
 * index holds exactly the committed turns with their codes: the index updates that the kill cut off
 * between the database commit and the index commit are replayed from Spring Modulith's event
 * publication registry at the next start.
 * <p>
 * Each step is a real Quire process on its own home ({@code quire.QuireApplication} with the test
 * class path): {@code qdpx import} (a project with the code "Crash"), {@code import} of 100
 * transcripts (16 per transaction, each file whole), killed after a random number of them; {@code code} (one
 * transaction per document), killed after a random number of documents; then {@code search}, the
 * restart. The kill point is random (seeded and printed); the assertions are not.
 */
class CrashRecoveryTests {

	private static final int DOCUMENTS = 100;

	private static final int TURNS = 30;

	@TempDir
	Path dir;

	@Test
	void committedWorkSurvivesAKillAndTheIndexIsHealedAtTheNextStart() throws Exception {
		long seed = System.nanoTime();
		Random random = new Random(seed);
		System.out.println("CrashRecoveryTests seed " + seed);
		Path home = dir.resolve("home");
		Path files = Files.createDirectories(dir.resolve("files"));

		Files.write(dir.resolve("crash.qdpx"), setupArchive());
		assertThat(quire(home, "qdpx", "import", "--name", "Crash", dir.resolve("crash.qdpx").toString())).isZero();

		List<String> args = new ArrayList<>(List.of("import", "--project", "Crash", "--language", "en"));
		for (int i = 0; i < DOCUMENTS; i++) {
			Path file = files.resolve("doc-%03d.txt".formatted(i));
			Files.writeString(file, transcript(i));
			args.add(file.toString());
		}
		int importKillAfter = 20 + random.nextInt(40);
		Run imported = killAfter(home, args, line -> line.startsWith("imported "), importKillAfter, random);
		System.out.printf("import: killed=%s after %d reported documents%n", imported.killed, imported.reported.size());
		assertThat(imported.killed).as("the import was still running when it was killed").isTrue();

		Set<String> documentsAfterImport;
		try (Connection db = database(home)) {
			documentsAfterImport = checkDocuments(db);
			Set<String> reported = new LinkedHashSet<>();
			imported.reported.forEach(l -> reported.add(l.substring("imported ".length(), l.indexOf(".txt"))));
			assertThat(documentsAfterImport).as("documents in the database").containsAll(reported);
			// files are committed in groups and reported after their group's commit: a kill between the
			// two leaves at most one group committed but not yet reported (each file still whole)
			assertThat(documentsAfterImport.size()).as("at most one group committed but not reported")
				.isBetween(reported.size(), reported.size() + quire.corpus.CorpusService.IMPORT_GROUP);
			System.out.printf("import: %d event publications outstanding after the kill%n", outstanding(db));
		}

		// Early in the burst: with the index committing in groups a document codes in milliseconds, so a
		// late kill point can find the command already finished.
		int codeKillAfter = 1 + random.nextInt(Math.max(1, documentsAfterImport.size() / 5));
		Run coded = killAfter(home, List.of("code", "--project", "Crash", "--code", "Crash", "--coder", "Kim", "caseload"),
				line -> line.startsWith("coded "), codeKillAfter, random);
		System.out.printf("code: killed=%s after %d reported documents%n", coded.killed, coded.reported.size());
		assertThat(coded.killed).as("the coding burst was still running when it was killed").isTrue();

		Map<String, Integer> codingsByDocument;
		try (Connection db = database(home)) {
			assertThat(checkDocuments(db)).isEqualTo(documentsAfterImport);
			codingsByDocument = checkCodings(db);
			System.out.printf("code: %d event publications outstanding after the kill%n", outstanding(db));
			for (String line : coded.reported) {
				String name = line.substring("coded ".length(), line.indexOf(':'));
				assertThat(codingsByDocument.get(name)).as("codings of %s, reported as coded", name).isEqualTo(TURNS);
			}
		}

		// the restart: search for the token every turn carries
		Run search = run(home, List.of("search", "--project", "Crash", "--json", "--limit", "1", "zqd*"));
		assertThat(search.exit).isZero();
		String printed = String.join("\n", search.reported);
		JsonNode result = JsonMapper.builder().build()
			.readTree(printed.substring(printed.indexOf("\n{") + 1, printed.lastIndexOf('}') + 1));
		Map<String, Integer> hits = new TreeMap<>();
		result.get("perDocument").forEach(d -> hits.put(d.get("document").asString(), d.get("hits").asInt()));
		Map<String, Integer> expected = new TreeMap<>();
		documentsAfterImport.forEach(d -> expected.put(d, TURNS));
		assertThat(hits).as("search hits per document after the restart").isEqualTo(expected);

		try (Connection db = database(home)) {
			checkIndex(home, db, codingsByDocument);
			assertThat(outstanding(db)).as("event publications still outstanding after the restart").isZero();
		}
		System.out.printf("crash recovery: %d documents committed (%d reported) before the import was killed, "
				+ "%d coded documents (%d reported) before the coding burst was killed; all found after restart%n",
				documentsAfterImport.size(), imported.reported.size(),
				codingsByDocument.values().stream().filter(n -> n > 0).count(), coded.reported.size());
	}

	// ---- checks against the database and the index ---------------------------------------------

	/** Every document is whole: all its turns, its text; no turn without its document. Returns the names. */
	private static Set<String> checkDocuments(Connection db) throws SQLException {
		Set<String> names = new LinkedHashSet<>();
		try (Statement s = db.createStatement();
				ResultSet rs = s.executeQuery("""
						select d.name, d.turn_count, b.body, (select count(*) from speaker_turn t where t.document_id = d.id)
						from document d left join document_body b on b.document_id = d.id order by d.name""")) {
			while (rs.next()) {
				String name = rs.getString(1);
				if (!name.startsWith("doc-")) {
					continue;
				}
				assertThat(rs.getInt(2)).as("turn_count of %s", name).isEqualTo(TURNS);
				assertThat(rs.getInt(4)).as("speaker turns of %s", name).isEqualTo(TURNS);
				assertThat(rs.getString(3)).as("text of %s", name)
					.isEqualTo(transcript(Integer.parseInt(name.substring(4))));
				names.add(name);
			}
		}
		assertThat(count(db, "select count(*) from speaker_turn t where not exists "
				+ "(select 1 from document d where d.id = t.document_id)")).as("orphan turns").isZero();
		return names;
	}

	/** Every coding points at an existing document; a document is coded wholly or not at all. */
	private static Map<String, Integer> checkCodings(Connection db) throws SQLException {
		assertThat(count(db, "select count(*) from coding c where not exists "
				+ "(select 1 from document d where d.id = c.document_id)")).as("codings of missing documents").isZero();
		Map<String, Integer> byDocument = new HashMap<>();
		try (Statement s = db.createStatement();
				ResultSet rs = s.executeQuery("""
						select d.name, (select count(*) from coding c where c.document_id = d.id and c.coder = 'Kim')
						from document d where d.name like 'doc-%'""")) {
			while (rs.next()) {
				byDocument.put(rs.getString(1), rs.getInt(2));
				assertThat(rs.getInt(2)).as("codings of %s", rs.getString(1)).isIn(0, TURNS);
			}
		}
		return byDocument;
	}

	/** The index holds each document's turns exactly once, with the code on exactly the coded turns. */
	private static void checkIndex(Path home, Connection db, Map<String, Integer> codingsByDocument)
			throws SQLException, IOException {
		long code = count(db, "select id from code where name = 'Crash'");
		try (var directory = FSDirectory.open(home.resolve("index")); var reader = DirectoryReader.open(directory)) {
			IndexSearcher searcher = new IndexSearcher(reader);
			long indexedTurns = 0;
			try (Statement s = db.createStatement();
					ResultSet rs = s.executeQuery("select id, name, turn_count from document where name like 'doc-%'")) {
				while (rs.next()) {
					Term document = new Term("document", Long.toString(rs.getLong(1)));
					int turns = searcher.count(new TermQuery(document));
					int codedTurns = searcher.count(new BooleanQuery.Builder().add(new TermQuery(document), Occur.FILTER)
						.add(new TermQuery(new Term("code", Long.toString(code))), Occur.FILTER)
						.build());
					assertThat(turns).as("indexed turns of %s", rs.getString(2)).isEqualTo(rs.getInt(3));
					assertThat(codedTurns).as("indexed turns of %s with the code", rs.getString(2))
						.isEqualTo(codingsByDocument.get(rs.getString(2)));
					indexedTurns += turns;
				}
			}
			long allTurns = count(db, "select count(*) from speaker_turn");
			assertThat((long) reader.numDocs()).as("turns in the index, of any document").isEqualTo(allTurns);
			assertThat(indexedTurns).isLessThanOrEqualTo(allTurns);
		}
	}

	/** Index updates committed to the event publication registry but not completed. */
	private static long outstanding(Connection db) throws SQLException {
		return count(db, "select count(*) from event_publication where completion_date is null");
	}

	private static long count(Connection db, String sql) throws SQLException {
		try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	/** The database of a home whose Quire is not running (the test then holds it until it closes the connection). */
	private static Connection database(Path home) throws SQLException {
		String password;
		try {
			password = Files.readString(home.resolve("db/quire.password")).strip(); // generated at the first start
		}
		catch (IOException ex) {
			throw new SQLException("no password file in " + home.resolve("db"), ex);
		}
		return DriverManager.getConnection("jdbc:h2:file:" + home.resolve("db/quire") + ";AUTO_SERVER=TRUE", "sa", password);
	}

	// ---- the files -------------------------------------------------------------------------------

	/** A transcript whose every turn carries the document's own token ({@code zqd007}) and the word caseload. */
	static String transcript(int document) {
		StringBuilder text = new StringBuilder();
		for (int t = 0; t < TURNS; t++) {
			String speaker = t % 2 == 0 ? "Moderator" : "Participant " + (document % 7 + 1);
			text.append(speaker).append(": Turn ").append(t).append(" of zqd%03d says the caseload".formatted(document))
				.append(t % 3 == 0 ? " kept growing after the training." : " was the reason for sick leave.")
				.append('\n');
		}
		return text.toString().strip();
	}

	/** A .qdpx with one code, "Crash", and no sources: the project the run works in. */
	static byte[] setupArchive() throws IOException {
		var bytes = new java.io.ByteArrayOutputStream();
		try (var zip = new ZipOutputStream(bytes)) {
			zip.putNextEntry(new ZipEntry("project.qde"));
			zip.write("""
					<?xml version="1.0" encoding="utf-8"?>
					<Project xmlns="urn:QDA-XML:project:1.0" name="Crash">
					  <CodeBook><Codes>
					    <Code guid="00000000-0000-4000-8000-0000000000c1" name="Crash" isCodable="true" color="#D62728"/>
					  </Codes></CodeBook>
					</Project>
					""".getBytes(StandardCharsets.UTF_8));
		}
		return bytes.toByteArray();
	}

	// ---- running Quire ---------------------------------------------------------------------------

	/** What a Quire process printed (the lines that matched) and how it ended. */
	record Run(List<String> reported, boolean killed, int exit) {
	}

	private static int quire(Path home, String... args) throws Exception {
		Run run = run(home, List.of(args));
		return run.exit;
	}

	/** Runs a Quire command with extra JVM options (e.g. another database) to its end; returns its exit status. */
	static int quire(Path home, List<String> jvm, String... args) throws Exception {
		List<String> command = new ArrayList<>(java(jvm));
		command.addAll(List.of("quire.QuireApplication", "--home", home.toString()));
		command.addAll(List.of(args));
		Path log = Files.createTempFile("quire-crash-", ".log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		if (!process.waitFor(180, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new AssertionError("Quire " + List.of(args) + " did not end within 180 s; see " + log);
		}
		if (process.exitValue() != 0) {
			System.out.println(Files.readString(log));
		}
		return process.exitValue();
	}

	/** The command that starts a JVM with the test's class path, small and quick to start, plus {@code jvm} options. */
	static List<String> java(List<String> jvm) {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx512m", "-cp", System.getProperty("java.class.path")));
		command.addAll(jvm);
		return command;
	}

	private static Run run(Path home, List<String> args) throws Exception {
		return killAfter(home, args, line -> true, Integer.MAX_VALUE, new Random(0));
	}

	/**
	 * Runs Quire with {@code args} and kills it (SIGKILL) a few milliseconds after it has printed
	 * {@code lines} lines that match, unless it ends before that.
	 */
	private static Run killAfter(Path home, List<String> args, Predicate<String> match, int lines, Random random)
			throws Exception {
		List<String> command = new ArrayList<>(java(List.of()));
		command.addAll(List.of("quire.QuireApplication", "--home", home.toString()));
		command.addAll(args);
		Path log = Files.createTempFile("quire-crash-", ".log");
		Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
		List<String> reported = new ArrayList<>();
		boolean killed = false;
		try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = out.readLine()) != null) {
				if (!match.test(line)) {
					continue;
				}
				reported.add(line);
				if (reported.size() >= lines && !killed) {
					Thread.sleep(random.nextInt(5));
					killed = process.isAlive();
					// SIGKILL through the handle: Process.destroyForcibly would also close our end of the pipe
					process.toHandle().destroyForcibly();
					// go on reading: what it printed before it died is still in the pipe
				}
			}
		}
		if (!process.waitFor(120, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new AssertionError("Quire " + args + " did not end within 120 s; see " + log);
		}
		int exit = process.exitValue();
		if (!killed && exit != 0) {
			System.out.println(Files.readString(log));
		}
		return new Run(reported, killed, exit);
	}

}

package quire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Kills the Quire web app (SIGKILL) while API clients write to it, starts it again on the same home,
 * and checks after every restart that no acknowledged write was lost, no document is half imported,
 * and every search the app answers without saying "the index is being checked" equals the database,
 * in every project (issue 19: after a kill during uploads, search found 1 of 41 documents and none
 * of the other projects', without a word).
 * <p>
 * Each round runs two write paths at once and kills the app after a random (seeded, printed) number
 * of acknowledged writes: uploads through {@code POST /api/v1/projects/{id}/documents} from two
 * client threads (the upload page's single-document import, one transaction per file) and a burst
 * of codings through {@code POST /api/v1/projects/{id}/codings} from two more. A bystander project,
 * imported at the start, must stay searchable throughout. Each round starts the web app once more
 * (tens of seconds), so the suite runs one round on H2; {@code -Dquire.crash.rounds=N} runs N, and
 * {@code -Dquire.crash.postgres=true} the same on PostgreSQL. {@link CrashRecoveryTests} kills the
 * command line's bulk import and coding.
 */
class ApiCrashRecoveryTests {

	static final int ROUNDS = Integer.getInteger("quire.crash.rounds", 1);

	static final int BYSTANDERS = 8;

	static final int TURNS = 12;

	static final String SECRET = "qr_crash-test-token-" + UUID.randomUUID();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	Path dir;

	@Test
	void apiWritesSurviveKillsOnH2() throws Exception {
		Path home = dir.resolve("home");
		run(home, Db.h2(home), List.of());
	}

	/**
	 * The same on PostgreSQL, in a schema of its own, with {@code -Dquire.crash.postgres=true} (each
	 * round starts the web app again, so the suite runs H2 only); skipped when no PostgreSQL answers.
	 */
	@org.junit.jupiter.api.Nested
	@org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "quire.crash.postgres", matches = "true")
	@EnabledIfPostgres
	class OnPostgres {

		@Test
		void apiWritesSurviveKillsOnPostgres() throws Exception {
			Path home = dir.resolve("home-pg");
			String base = System.getenv().getOrDefault("QUIRE_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
			String user = System.getenv().getOrDefault("QUIRE_TEST_PG_USER", "postgres");
			String schema = "quire_crash_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
			try (Connection c = DriverManager.getConnection(base, user, ""); Statement s = c.createStatement()) {
				s.execute("create schema " + schema);
			}
			String url = base + "?currentSchema=" + schema;
			run(home, new Db(url, user), List.of("-Dspring.datasource.url=" + url, "-Dspring.datasource.username=" + user,
					"-Dspring.datasource.password=", "-Dspring.flyway.schemas=" + schema));
		}

	}

	private void run(Path home, Db db, List<String> jvm) throws Exception {
		long seed = Long.getLong("quire.crash.seed", System.nanoTime());
		Random random = new Random(seed);
		System.out.println("ApiCrashRecoveryTests seed " + seed + ", rounds " + ROUNDS);
		Files.write(dir.resolve("crash.qdpx"), bystanderArchive());
		assertThat(CrashRecoveryTests.quire(home, jvm, "qdpx", "import", "--name", "Crash",
				dir.resolve("crash.qdpx").toString())).isZero();
		long crash;
		long uploads;
		try (Connection c = db.open()) {
			crash = count(c, "select id from project where name = 'Crash'");
			uploads = setUp(c, crash);
		}

		Expected expected = new Expected();
		Server server = Server.start(home, jvm);
		int killPoints = 0;
		try {
			expected.check(server, db, crash, uploads); // the bystanders as imported
			AtomicInteger nextUpload = new AtomicInteger();
			List<Map<String, Object>> codingQueue = codingQueue(server, crash);
			for (int round = 0; round < ROUNDS; round++) {
				// uploads and codings at once, two clients each; killed after a random number of writes
				int killAfter = 4 + random.nextInt(30);
				AtomicInteger writes = new AtomicInteger();
				List<String> acknowledged = java.util.Collections.synchronizedList(new ArrayList<>());
				List<int[]> coded = java.util.Collections.synchronizedList(new ArrayList<>());
				Server running = server;
				runAll(List.of(() -> upload(running, uploads, nextUpload, acknowledged, writes, killAfter, random),
						() -> upload(running, uploads, nextUpload, acknowledged, writes, killAfter, random),
						() -> code(running, crash, codingQueue, coded, writes, killAfter, random),
						() -> code(running, crash, codingQueue, coded, writes, killAfter, random)));
				server = server.killAndRestart(home, jvm);
				killPoints++;
				System.out.printf("round %d: killed after %d uploads and %d codings were acknowledged%n", round,
						acknowledged.size(), coded.size());
				expected.uploaded.addAll(acknowledged);
				expected.codings.addAll(coded);
				expected.check(server, db, crash, uploads);
			}
		}
		finally {
			server.stop();
		}
		System.out.printf("API crash recovery: %d kill points, %d uploads and %d codings acknowledged, none lost%n",
				killPoints, expected.uploaded.size(), expected.codings.size());
	}

	// ---- the writes --------------------------------------------------------------------------------

	/** Uploads one file after another until the server dies; a 201 is an acknowledged upload. */
	private static void upload(Server server, long project, AtomicInteger next, List<String> acknowledged,
			AtomicInteger writes, int killAfter, Random random) {
		while (server.alive()) {
			int i = next.getAndIncrement();
			String name = "up-%03d".formatted(i);
			try {
				HttpResponse<String> r = server.upload(project, name + ".txt", upload(i));
				if (r.statusCode() != 201) {
					throw new AssertionError("upload of " + name + " answered " + r.statusCode() + ": " + r.body());
				}
				acknowledged.add(name);
				server.killAfter(writes, killAfter, random);
			}
			catch (IOException ex) {
				return; // the server died: this upload is not acknowledged
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	/** Codes turns from the queue until it is empty or the server dies; a 201 is an acknowledged coding. */
	private static void code(Server server, long project, List<Map<String, Object>> queue, List<int[]> acknowledged,
			AtomicInteger writes, int killAfter, Random random) {
		while (server.alive()) {
			Map<String, Object> coding;
			synchronized (queue) {
				if (queue.isEmpty()) {
					return;
				}
				coding = queue.remove(0);
			}
			try {
				HttpResponse<String> r = server.post("/api/v1/projects/" + project + "/codings", JSON.writeValueAsString(coding));
				if (r.statusCode() != 201) {
					throw new AssertionError("coding " + coding + " answered " + r.statusCode() + ": " + r.body());
				}
				acknowledged.add(new int[] { ((Number) coding.get("document")).intValue(), (int) coding.get("start"),
						(int) coding.get("end") });
				server.killAfter(writes, killAfter, random);
			}
			catch (IOException ex) {
				return;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private static void runAll(List<Runnable> clients) throws InterruptedException {
		List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
		List<Thread> threads = new ArrayList<>();
		for (Runnable client : clients) {
			Thread thread = new Thread(client, "crash-client-" + threads.size());
			thread.setUncaughtExceptionHandler((th, ex) -> failures.add(ex));
			threads.add(thread);
			thread.start();
		}
		for (Thread thread : threads) {
			thread.join(TimeUnit.MINUTES.toMillis(3));
		}
		assertThat(failures).as("client failures").isEmpty();
	}

	/** One coding of code "Crash" per turn of each bystander document, in random document order. */
	private static List<Map<String, Object>> codingQueue(Server server, long project) throws Exception {
		List<Map<String, Object>> queue = new ArrayList<>();
		for (JsonNode d : JSON.readTree(server.get("/api/v1/projects/" + project + "/documents").body())) {
			JsonNode t = JSON.readTree(server.get("/api/v1/projects/" + project + "/documents/" + d.get("id").asLong()).body());
			for (JsonNode turn : t.get("turns")) {
				Map<String, Object> coding = new java.util.LinkedHashMap<>();
				coding.put("document", d.get("id").asLong());
				coding.put("code", "Crash");
				coding.put("start", turn.get("start").asInt());
				coding.put("end", turn.get("end").asInt());
				queue.add(coding);
			}
		}
		return java.util.Collections.synchronizedList(queue);
	}

	// ---- what must hold after each restart ---------------------------------------------------------

	/** The writes acknowledged so far. */
	static final class Expected {

		final Set<String> uploaded = ConcurrentHashMap.newKeySet();

		final List<int[]> codings = new ArrayList<>();

		/**
		 * Against the database: every acknowledged write is there and whole. Against search: every answer
		 * either says the index is being checked or equals the database, and the check ends.
		 */
		void check(Server server, Db db, long crash, long uploads) throws Exception {
			Map<String, Integer> crashTurns;
			Map<String, Integer> uploadTurns;
			Map<String, Integer> codedTurns;
			try (Connection c = db.open()) {
				crashTurns = wholeDocuments(c, crash, "doc-", CrashRecoveryTests::transcript, BYSTANDERS);
				uploadTurns = wholeDocuments(c, uploads, "up-", ApiCrashRecoveryTests::upload, Integer.MAX_VALUE);
				assertThat(uploadTurns.keySet()).as("uploads in the database").containsAll(uploaded);
				for (int[] coding : codings) {
					assertThat(count(c, "select count(*) from coding where document_id = " + coding[0] + " and start_offset = "
							+ coding[1] + " and end_offset = " + coding[2])).as("acknowledged coding %s", List.of(coding[0],
									coding[1], coding[2]))
						.isEqualTo(1);
				}
				codedTurns = new TreeMap<>();
				try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
						select d.name, count(distinct c.start_offset) from coding c join document d on d.id = c.document_id
						where d.project_id = %d group by d.name""".formatted(crash))) {
					while (rs.next()) {
						codedTurns.put(rs.getString(1), rs.getInt(2));
					}
				}
			}
			String coded = "/api/v1/projects/" + crash + "/search?limit=1&q=caseload&codedWith=Crash";
			Map<String, Map<String, Integer>> wanted = Map.of(
					"/api/v1/projects/" + crash + "/search?limit=1&q=" + enc("zqd*"), crashTurns,
					"/api/v1/projects/" + uploads + "/search?limit=1&q=" + enc("zqu*"), uploadTurns, coded, codedTurns);
			AtomicInteger answersDuringCheck = new AtomicInteger();
			Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100)).until(() -> {
				boolean complete = true;
				for (var e : wanted.entrySet()) {
					JsonNode page = JSON.readTree(server.get(e.getKey()).body());
					if (page.hasNonNull("indexCheck")) {
						assertThat(page.get("indexCheck").get("message").asString())
							.startsWith("the search index is being checked after an unclean stop:");
						answersDuringCheck.incrementAndGet();
						complete = false;
						continue;
					}
					Map<String, Integer> hits = new TreeMap<>();
					page.get("perDocument").forEach(d -> hits.put(d.get("document").asString(), d.get("hits").asInt()));
					// an answer that does not say the index is being checked must be the database's
					assertThat(hits).as("search %s after the restart", e.getKey()).isEqualTo(withoutZeros(e.getValue()));
				}
				return complete;
			});
			System.out.printf("restart: search equals the database (%d answers said the index was being checked)%n",
					answersDuringCheck.get());
		}

	}

	private static Map<String, Integer> withoutZeros(Map<String, Integer> counts) {
		Map<String, Integer> out = new TreeMap<>(counts);
		out.values().removeIf(n -> n == 0);
		return out;
	}

	/**
	 * The documents of a project whose names start with {@code prefix}: each with all its turns and
	 * exactly its file's text, no turn without its document. Returns turn counts by name.
	 */
	private static Map<String, Integer> wholeDocuments(Connection db, long project, String prefix,
			java.util.function.IntFunction<String> text, int expectedCount) throws SQLException {
		Map<String, Integer> turns = new TreeMap<>();
		try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("""
				select d.name, d.turn_count, b.body, (select count(*) from speaker_turn t where t.document_id = d.id)
				from document d left join document_body b on b.document_id = d.id where d.project_id = %d
				""".formatted(project))) {
			while (rs.next()) {
				String name = rs.getString(1);
				assertThat(name).startsWith(prefix);
				String body = text.apply(Integer.parseInt(name.substring(prefix.length())));
				int lines = body.split("\n").length;
				assertThat(rs.getInt(2)).as("turn_count of %s", name).isEqualTo(lines);
				assertThat(rs.getInt(4)).as("speaker turns of %s", name).isEqualTo(lines);
				assertThat(rs.getString(3)).as("text of %s", name).isEqualTo(body);
				turns.put(name, lines);
			}
		}
		if (expectedCount != Integer.MAX_VALUE) {
			assertThat(turns).hasSize(expectedCount);
		}
		assertThat(count(db, "select count(*) from speaker_turn t where not exists "
				+ "(select 1 from document d where d.id = t.document_id)")).as("orphan turns").isZero();
		return turns;
	}

	// ---- set-up and files --------------------------------------------------------------------------

	/** A user who owns both projects, a read-write token for them, and the project "Uploads"; returns its id. */
	private static long setUp(Connection db, long crash) throws SQLException {
		try (Statement s = db.createStatement()) {
			s.executeUpdate("insert into app_user (username, display_name, password_hash, is_admin, enabled, created_at) "
					+ "values ('kim', 'Kim', 'not-a-password', false, true, current_timestamp)");
			s.executeUpdate("insert into project (name, description, created_at) values ('Uploads', '', current_timestamp)");
		}
		long user = count(db, "select id from app_user where username = 'kim'");
		long uploads = count(db, "select id from project where name = 'Uploads'");
		try (Statement s = db.createStatement()) {
			s.executeUpdate("insert into project_member (project_id, user_id, role) values (" + crash + ", " + user
					+ ", 'OWNER'), (" + uploads + ", " + user + ", 'OWNER')");
			s.executeUpdate("insert into api_token (user_id, name, token_hash, scope, created_at) values (" + user
					+ ", 'crash', '" + sha256(SECRET) + "', 'READ_WRITE', current_timestamp)");
		}
		return uploads;
	}

	/** A .qdpx with the code "Crash" and {@value #BYSTANDERS} transcripts (the project other writes must not disturb). */
	static byte[] bystanderArchive() throws IOException {
		StringBuilder sources = new StringBuilder();
		for (int i = 0; i < BYSTANDERS; i++) {
			sources.append("<TextSource guid=\"00000000-0000-4000-8000-%012d\" name=\"doc-%03d\"><PlainTextContent>"
				.formatted(i + 100, i))
				.append(CrashRecoveryTests.transcript(i))
				.append("</PlainTextContent></TextSource>\n");
		}
		var bytes = new ByteArrayOutputStream();
		try (var zip = new ZipOutputStream(bytes)) {
			zip.putNextEntry(new ZipEntry("project.qde"));
			zip.write(("""
					<?xml version="1.0" encoding="utf-8"?>
					<Project xmlns="urn:QDA-XML:project:1.0" name="Crash">
					  <CodeBook><Codes>
					    <Code guid="00000000-0000-4000-8000-0000000000c1" name="Crash" isCodable="true" color="#D62728"/>
					  </Codes></CodeBook>
					  <Sources>
					""" + sources + """
					  </Sources>
					</Project>
					""").getBytes(StandardCharsets.UTF_8));
		}
		return bytes.toByteArray();
	}

	/** An uploaded transcript: {@value #TURNS} turns, each with the file's own token ({@code zqu007}) and "caseload". */
	static String upload(int i) {
		StringBuilder text = new StringBuilder();
		for (int t = 0; t < TURNS; t++) {
			text.append(t % 2 == 0 ? "Interviewer" : "Participant " + (i % 5 + 1)).append(": Upload turn ").append(t)
				.append(" of zqu%03d on the caseload and the training.".formatted(i))
				.append('\n');
		}
		return text.toString().strip();
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

	private static String sha256(String s) {
		try {
			return HexFormat.of()
				.formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static long count(Connection db, String sql) throws SQLException {
		try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	/** Where a home's database is: its H2 file, or a PostgreSQL schema. */
	record Db(String url, String user) {

		static Db h2(Path home) {
			return new Db("jdbc:h2:file:" + home.resolve("db/quire") + ";AUTO_SERVER=TRUE", "sa");
		}

		Connection open() throws SQLException {
			return DriverManager.getConnection(url, user, password());
		}

		/** An H2 home's generated password (written at its first start); PostgreSQL runs with trust auth. */
		private String password() throws SQLException {
			if (!url.startsWith("jdbc:h2:file:")) {
				return "";
			}
			Path file = Path.of(url.substring("jdbc:h2:file:".length(), url.indexOf(';'))).resolveSibling("quire.password");
			try {
				return java.nio.file.Files.readString(file).strip();
			}
			catch (java.io.IOException ex) {
				throw new SQLException("no password file at " + file, ex);
			}
		}

	}

	// ---- the web app in a process of its own -------------------------------------------------------

	/** Quire's web app on a free port, with the test's token; killed with SIGKILL. */
	static final class Server {

		private final Process process;

		private final int port;

		private final Path log;

		private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

		private Server(Process process, int port, Path log) {
			this.process = process;
			this.port = port;
			this.log = log;
		}

		static Server start(Path home, List<String> jvm) throws Exception {
			int port;
			try (ServerSocket socket = new ServerSocket(0)) {
				port = socket.getLocalPort();
			}
			List<String> command = new ArrayList<>(CrashRecoveryTests.java(jvm));
			command.addAll(List.of("-Dquire.home=" + home, "-Dserver.port=" + port, "-Dquire.demo.on-first-start=false",
					"-Dquire.api.rate-limit.per-second=100000", "-Dquire.api.rate-limit.burst=100000",
					"quire.QuireApplication"));
			Path log = Files.createTempFile("quire-crash-server-", ".log");
			Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
			Server server = new Server(process, port, log);
			try {
				Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(() -> {
					if (!process.isAlive()) {
						throw new AssertionError("Quire did not start; see " + log + ":\n" + Files.readString(log));
					}
					try {
						return server.get("/api/v1/projects").statusCode() == 200;
					}
					catch (IOException ex) {
						return false;
					}
				});
			}
			catch (RuntimeException | Error ex) {
				process.toHandle().destroyForcibly();
				throw ex;
			}
			return server;
		}

		boolean alive() {
			return process.isAlive();
		}

		/**
		 * Counts an acknowledged write and, at the {@code killAfter}th, sends SIGKILL a few milliseconds
		 * later (from a client thread, so the other clients' requests are in flight).
		 */
		void killAfter(AtomicInteger writes, int killAfter, Random random) throws InterruptedException {
			if (writes.incrementAndGet() == killAfter) {
				Thread.sleep(random.nextInt(5));
				process.toHandle().destroyForcibly();
			}
		}

		Server killAndRestart(Path home, List<String> jvm) throws Exception {
			process.toHandle().destroyForcibly();
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				throw new AssertionError("Quire did not die");
			}
			return start(home, jvm);
		}

		void stop() throws InterruptedException {
			process.toHandle().destroyForcibly();
			process.waitFor(60, TimeUnit.SECONDS);
		}

		HttpResponse<String> get(String path) throws IOException, InterruptedException {
			return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
			return http.send(request(path).header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json))
				.build(), HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<String> upload(long project, String fileName, String text) throws IOException, InterruptedException {
			String boundary = "quire-" + UUID.randomUUID();
			String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"language\"\r\n\r\nen\r\n" + "--"
					+ boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
					+ "\"\r\nContent-Type: text/plain\r\n\r\n" + text + "\r\n--" + boundary + "--\r\n";
			return http.send(request("/api/v1/projects/" + project + "/documents")
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
				.build(), HttpResponse.BodyHandlers.ofString());
		}

		private HttpRequest.Builder request(String path) {
			return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
				.timeout(Duration.ofSeconds(60))
				.header("Authorization", "Bearer " + SECRET);
		}

		@Override
		public String toString() {
			return "Quire on port " + port + " (log " + log + ")";
		}

	}

}

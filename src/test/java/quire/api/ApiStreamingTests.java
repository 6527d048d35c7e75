package quire.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import quire.QuireHome;
import quire.coding.Code;
import quire.coding.CodeDraft;
import quire.coding.CodebookService;
import quire.coding.Origin;
import quire.corpus.CorpusService;
import quire.corpus.ImportRequest;
import quire.corpus.Language;
import quire.project.Project;
import quire.project.ProjectService;
import quire.security.Actors;
import quire.security.UserAccount;
import quire.security.UserService;

/**
 * 100,000 codings streamed as NDJSON and walked page by page: every row arrives once, and the heap
 * grows by a few pages, not by the project. The measured figures go to target/api-streaming.txt.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "quire.api.rate-limit.per-second=1000", "quire.api.rate-limit.burst=1000" })
class ApiStreamingTests {

	static final int CODINGS = 100_000;

	@DynamicPropertySource
	static void home(DynamicPropertyRegistry registry) {
		QuireHome.register(registry, QuireHome.create("quire-api-stream"));
	}

	@LocalServerPort
	int port;

	@Autowired
	UserService users;

	@Autowired
	Actors actors;

	@Autowired
	ApiTokenService tokens;

	@Autowired
	ProjectService projects;

	@Autowired
	CorpusService corpus;

	@Autowired
	CodebookService codebook;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aHundredThousandCodingsStreamInAboutAPageOfMemory() throws Exception {
		SecurityContextHolder.clearContext();
		UserAccount user = users.create("analyst", "", "analyst-password-1", true);
		Project project = projects.create("Big project", "");
		var document = corpus.importDocument(project.id(), new ImportRequest("big.txt",
				"[00:00:01] Moderator: How was it?\n[00:00:04] MI Caseworker 1: Demanding, every single day.\n"
					.getBytes(StandardCharsets.UTF_8), null, Language.ENGLISH)).document();
		Code code = codebook.create(project.id(), null, new CodeDraft("Workload", "", "", "", "", "#756BB1",
				java.util.Set.of(), null, Origin.INDUCTIVE));
		// bulk rows straight into the table: the API reads them as it would a project coded for years
		List<Object[]> rows = new ArrayList<>();
		Timestamp now = Timestamp.from(Instant.now());
		for (int i = 0; i < CODINGS; i++) {
			rows.add(new Object[] { project.id().value(), document.id().value(), code.id().value(), 0, 10 + i % 20,
					"coder " + (i % 7), now });
		}
		jdbc.batchUpdate("insert into coding (project_id, document_id, code_id, start_offset, end_offset, coder, created_at) "
				+ "values (?, ?, ?, ?, ?, ?, ?)", rows);
		rows = null;
		String token = actors.callAs(user, () -> tokens.create("stream", ApiScope.READ, null)).secret();
		String url = "http://localhost:" + port + "/api/v1/projects/" + project.id().value() + "/codings";
		HttpClient http = HttpClient.newHttpClient();

		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		System.gc();
		System.gc();
		long baseline = memory.getHeapMemoryUsage().getUsed();
		AtomicLong peak = new AtomicLong(baseline);
		Thread sampler = Thread.ofPlatform().daemon().start(() -> {
			while (!Thread.currentThread().isInterrupted()) {
				System.gc(); // live heap: what survives a collection, not garbage waiting for one
				peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
				try {
					Thread.sleep(1000);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		});
		long started = System.nanoTime();
		long lines = 0;
		long lastId = 0;
		HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(java.net.URI.create(url))
			.header("Authorization", "Bearer " + token).header("Accept", "application/x-ndjson").GET().build(),
				HttpResponse.BodyHandlers.ofInputStream());
		assertThat(response.statusCode()).isEqualTo(200);
		try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = in.readLine()) != null) {
				long id = ApiTestSupport.JSON.readTree(line).get("id").asLong();
				assertThat(id).isGreaterThan(lastId);
				lastId = id;
				lines++;
			}
		}
		long streamMillis = (System.nanoTime() - started) / 1_000_000;
		sampler.interrupt();
		sampler.join();
		long streamPeak = peak.get() - baseline;
		assertThat(lines).isEqualTo(CODINGS + 0L);

		String report = String.format(java.util.Locale.ROOT,
				"API streaming of %,d codings (NDJSON, pages of 1,000): %,d ms with a forced GC every second; live heap "
						+ "above the baseline while streaming (after each forced GC; server and this client in one JVM): "
						+ "peak %.1f MB",
				CODINGS, streamMillis, streamPeak / 1e6);
		System.out.println(report);
		java.nio.file.Files.writeString(java.nio.file.Path.of(System.getProperty("quire.build.dir", "target"), "api-streaming.txt"),
				report + "\n");
		assertThat(streamPeak).as("live heap growth while streaming").isLessThan(64L << 20);
	}

}

package quire.search.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.IncompleteEventPublications;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import quire.EnabledIfPostgres;
import quire.PostgresSchema;
import quire.QuireApplication;
import quire.QuireHome;
import quire.coding.Code;
import quire.coding.CodeDraft;
import quire.coding.CodebookService;
import quire.coding.CodingService;
import quire.corpus.CorpusService;
import quire.corpus.DocumentSummary;
import quire.corpus.ImportRequest;
import quire.corpus.Language;
import quire.project.Project;
import quire.project.ProjectService;
import quire.search.CodeFilter;
import quire.search.SearchRequest;
import quire.search.SearchResult;
import quire.search.SearchService;

/**
 * Two Quire web nodes on one PostgreSQL schema and one OpenSearch alias (issue 26): each has its own
 * home and application context, an import through one is found through the other, a coding through
 * the other narrows the first one's "inside a code" search, and each event reaches the shared index
 * once — the node that commits it indexes it, the other never sees the event.
 */
@EnabledIfPostgres
@ExtendWith(OpenSearchClusterExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
final class TwoWebNodesTests {

	private static final String TRANSCRIPT = """
			[00:00:02] Moderator: How was the workload during the project?
			[00:00:07] Caseworker 1: The workload grew, and management never reduced our caseload.
			[00:00:15] Caseworker 2: Supervision helped with the workload though.
			[00:00:21] Moderator: Thank you both.
			""";

	private final JsonMapper json = JsonMapper.builder().build();

	private final String alias = "two-nodes-" + ProcessHandle.current().pid();

	private OpenSearchTestCluster cluster;

	private ConfigurableApplicationContext a;

	private ConfigurableApplicationContext b;

	@BeforeAll
	void startTwoNodes(OpenSearchTestCluster cluster) {
		this.cluster = cluster;
		Map<String, Object> shared = new HashMap<>();
		PostgresSchema.register((name, value) -> shared.put(name, value.get()));
		shared.put("quire.search.engine", "opensearch");
		shared.put("quire.search.opensearch.urls", String.join(",", cluster.urls().stream().map(Object::toString).toList()));
		shared.put("quire.search.opensearch.index", alias);
		// one copy of each shard, so the primaries' indexing count is the number of turn writes
		shared.put("quire.search.opensearch.replicas", "0");
		shared.put("server.port", "0");
		a = start(shared, QuireHome.create("quire-node-a"));
		b = start(shared, QuireHome.create("quire-node-b"));
	}

	private static ConfigurableApplicationContext start(Map<String, Object> shared, Path home) {
		Map<String, Object> properties = new HashMap<>(shared);
		QuireHome.register((name, value) -> properties.put(name, value.get()), home);
		// as command-line arguments, which override application.properties (the builder's properties do not)
		return new SpringApplicationBuilder(QuireApplication.class)
			.run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
	}

	@AfterAll
	void stopBothNodes() {
		for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] { b, a }) {
			if (node != null) {
				node.close();
			}
		}
		cluster.delete(alias + "-*");
	}

	@Test
	@Order(1)
	void eachNodeSeesTheOthersImportsAndCodingsAndEveryEventReachesTheIndexOnce() {
		Project project = a.getBean(ProjectService.class).create("Two nodes " + System.nanoTime(), "");
		DocumentSummary document = a.getBean(CorpusService.class)
			.importDocument(project.id(), new ImportRequest("fg.txt", TRANSCRIPT.getBytes(StandardCharsets.UTF_8),
					"Focus groups", Language.ENGLISH))
			.document();
		int turns = document.turnCount();
		assertThat(turns).isEqualTo(4);

		// the import was committed and indexed by node A; node B finds it in the shared index
		SearchService searchA = a.getBean(SearchService.class);
		SearchService searchB = b.getBean(SearchService.class);
		await().atMost(Duration.ofSeconds(60)).until(() -> searchB.indexedTurns(project.id()) == turns);
		SearchResult found = searchB.search(SearchRequest.of(project.id(), "workload"));
		assertThat(found.totalHits()).isEqualTo(3);
		assertThat(found.hits()).allSatisfy(h -> assertThat(h.document()).isEqualTo(document.id()));
		assertThat(indexing()).as("turns written once, by node A").isEqualTo(List.of((long) turns, (long) turns));

		// a coding through node B re-indexes the document once; node A's "inside a code" search sees it
		Code supervision = b.getBean(CodebookService.class)
			.create(project.id(), null, CodeDraft.named("Supervision", "#2CA02C"));
		String text = b.getBean(CorpusService.class).transcript(document.id()).orElseThrow().text();
		String quote = "Supervision helped with the workload";
		int start = text.indexOf(quote);
		assertThat(start).isNotNegative();
		b.getBean(CodingService.class).code(document.id(), supervision.id(), start, start + quote.length(), "Bo");
		SearchRequest inside = SearchRequest.of(project.id(), "workload")
			.withCodes(new CodeFilter(List.of(), List.of(), supervision.id()));
		await().atMost(Duration.ofSeconds(60)).until(() -> searchA.search(inside).totalHits() == 1);
		SearchResult within = searchA.search(inside);
		assertThat(within.hits()).singleElement().satisfies(h -> {
			assertThat(h.start()).isBetween(start, start + quote.length());
			assertThat(h.speaker()).isEqualTo("Caseworker 2");
		});
		assertThat(indexing()).as("the document written once more, by node B")
			.isEqualTo(List.of((long) turns, 2L * turns));
		assertThat(searchB.search(SearchRequest.of(project.id(), "workload")).totalHits()).isEqualTo(3);
	}

	/**
	 * A node that wrote a coding's turns to the cluster and died before it marked the event's publication
	 * complete leaves the publication incomplete; the next node to resubmit it (every start does) runs the
	 * listener again. The cluster already holds that version of the document, so the replay writes nothing:
	 * the change reached the index once.
	 */
	@Test
	@Order(2)
	void anEventReplayedAfterANodeDiedBeforeCompletingItDoesNotWriteTheIndexAgain() {
		Project project = b.getBean(ProjectService.class).create("Replay " + System.nanoTime(), "");
		DocumentSummary document = b.getBean(CorpusService.class)
			.importDocument(project.id(), new ImportRequest("replay.txt", TRANSCRIPT.getBytes(StandardCharsets.UTF_8),
					"Focus groups", Language.ENGLISH))
			.document();
		Code workload = b.getBean(CodebookService.class).create(project.id(), null, CodeDraft.named("Workload", "#1F77B4"));
		String text = b.getBean(CorpusService.class).transcript(document.id()).orElseThrow().text();
		int start = text.indexOf("The workload grew");
		b.getBean(CodingService.class).code(document.id(), workload.id(), start, start + 17, "Bo");
		SearchRequest inside = SearchRequest.of(project.id(), "workload")
			.withCodes(new CodeFilter(List.of(), List.of(), workload.id()));
		SearchService searchA = a.getBean(SearchService.class);
		await().atMost(Duration.ofSeconds(60)).until(() -> searchA.search(inside).totalHits() == 1);
		JdbcTemplate db = a.getBean(JdbcTemplate.class);
		await().atMost(Duration.ofSeconds(60))
			.until(() -> db.queryForObject("select count(*) from event_publication where completion_date is null", Long.class) == 0);
		List<Long> before = indexing();

		// node B "died" after writing the index: its coding event's publications are incomplete again
		int reopened = db.update("update event_publication set completion_date = null where event_type like '%CodingChanged%'"
				+ " and serialized_event like ?", "%" + document.id().value() + "%");
		assertThat(reopened).as("the coding's publications").isPositive();
		a.getBean(IncompleteEventPublications.class).resubmitIncompletePublications(p -> true);
		await().atMost(Duration.ofSeconds(60))
			.until(() -> db.queryForObject("select count(*) from event_publication where completion_date is null", Long.class) == 0);

		assertThat(indexing()).as("the replay found the document already at its version and wrote nothing").isEqualTo(before);
		assertThat(searchA.search(inside).totalHits()).isEqualTo(1);
		assertThat(b.getBean(SearchService.class).search(inside).totalHits()).isEqualTo(1);
	}

	/** The shared alias's turn count and the number of turn writes its primaries have taken. */
	private List<Long> indexing() {
		JsonNode primaries = json.readTree(cluster.get(0, "/" + alias + "/_stats/docs,indexing"))
			.path("_all")
			.path("primaries");
		return List.of(primaries.path("docs").path("count").asLong(), primaries.path("indexing").path("index_total").asLong());
	}

}

package quire.search.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import quire.corpus.DocumentId;
import quire.corpus.Language;
import quire.corpus.Transcript;
import quire.project.ProjectId;
import quire.search.SearchRequest;
import quire.search.SearchResult;
import quire.search.internal.CodeConstraints;
import quire.search.internal.EnglishTranscriptAnalyzer;
import quire.search.internal.IndexedTranscript;
import quire.search.internal.NorwegianTranscriptAnalyzer;
import quire.search.internal.TurnEngineContract;
import quire.search.internal.TurnIndex;

/**
 * The OpenSearch engine on the demo corpus, beside the embedded index holding the same transcripts:
 * the cluster's analysis chains give Quire's tokens, every query form gives the embedded index's
 * answer, and searches go on answering when a node stops.
 */
@ExtendWith(OpenSearchClusterExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
final class OpenSearchEngineTests {

	static final ProjectId PROJECT = new ProjectId(1);

	private static final Pattern TURN = Pattern.compile("^\\[\\d\\d:\\d\\d:\\d\\d\\] ([^:]{1,60}): (.+)$");

	private static final String NYNORSK = """
			Bilane stod ute i regnet, og vi snakka om korleis motiverande samtalar kan hjelpe dei sjukmelde.
			Eg trur at rettleiinga var god, men arbeidsgjevarane visste lite om ordninga.
			Dei fleste tilsette fekk oppfølging, og samtalane vart opplevde som nyttige.""";

	private final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private OpenSearchTestCluster cluster;

	private OpenSearchTurnEngine engine;

	private TurnIndex embedded;

	private final List<Transcript> demo = new ArrayList<>();

	@BeforeAll
	void indexTheDemoCorpusInBothEngines(OpenSearchTestCluster cluster) throws IOException {
		this.cluster = cluster;
		engine = OpenSearchTurnEngine.open(cluster.settings("demo-" + ProcessHandle.current().pid()));
		embedded = TurnIndex.open(new ByteBuffersDirectory());
		demo.add(demo(31, "focus-group-mi-caseworkers.txt", "Focus groups", Language.ENGLISH));
		demo.add(demo(32, "focus-group-mi-substitute.source.txt", "Focus groups", Language.ENGLISH));
		demo.add(demo(33, "mi-session-03.txt", "Sessions", Language.ENGLISH));
		demo.add(demo(34, "intervju-saksbehandler.txt", "Interviews", Language.NORWEGIAN));
		demo.add(TurnEngineContract.transcript(35, PROJECT, "nynorsk", "Interviews", Language.NORWEGIAN,
				NYNORSK.lines().flatMap(line -> java.util.stream.Stream.of("Deltakar", line)).toArray(String[]::new)));
		List<IndexedTranscript> all = demo.stream().map(t -> new IndexedTranscript(t, Map.of())).toList();
		engine.rebuild(all);
		embedded.rebuild(all);
	}

	@AfterAll
	void close() throws IOException {
		engine.close();
		embedded.close();
		cluster.delete(engine.alias() + "-*");
	}

	@Test
	void everyNodeLoadsQuiresAnalysisPluginFromTheZipTheBuildMakes() {
		JsonNode nodes = json.readTree(cluster.get(0, "/_nodes/plugins")).path("nodes");
		assertThat(nodes.size()).isEqualTo(2);
		for (JsonNode node : nodes) {
			List<JsonNode> quire = new ArrayList<>();
			node.path("plugins").forEach(p -> {
				if (p.path("name").asString().equals("quire-analysis")) {
					quire.add(p);
				}
			});
			// loaded from <home>/plugins, where the zip was installed, not from the node's classpath
			assertThat(quire).as(node.path("name").asString()).singleElement().satisfies(p -> {
				assertThat(p.path("classname").asString()).isEqualTo("quire.opensearch.QuireAnalysisPlugin");
				assertThat(p.path("opensearch_version").asString()).contains(node.path("version").asString());
				assertThat(p.path("version").asString()).isNotEqualTo("NA");
			});
		}
	}

	@Test
	void theClustersAnalysisChainsGiveQuiresTokens() {
		int compared = 0;
		for (Transcript t : demo) {
			boolean norwegian = t.document().language() == Language.NORWEGIAN;
			Analyzer quire = norwegian ? new NorwegianTranscriptAnalyzer() : new EnglishTranscriptAnalyzer();
			String analyzer = norwegian ? TurnMapping.NORWEGIAN : TurnMapping.ENGLISH;
			List<String> lines = t.turns().stream().map(t::turnText).toList();
			// _analyze returns at most 10,000 tokens: 40 turns at a time
			for (int from = 0; from < lines.size(); from += 40) {
				String text = String.join("\n", lines.subList(from, Math.min(lines.size(), from + 40)));
				List<String> expected = tokens(quire, text);
				assertThat(analyze(analyzer, text)).as(t.document().name() + " from turn " + from).isEqualTo(expected);
				compared += expected.size();
			}
		}
		assertThat(compared).isGreaterThan(15_000);
		System.out.println("Tokens compared between OpenSearch's _analyze and Quire's analyzers: " + compared);
	}

	@Test
	void everyQueryFormGivesTheEmbeddedIndexsAnswer() {
		List<String> queries = new ArrayList<>(List.of("motivation", "motivated", "summar*", "\"sick leave\"",
				"\"sick leave\"~3", "caseworker~", "workload OR caseload", "permission NOT asking", "\"open questions\" OR reflections",
				"the", "the OR and OR a", "\"the plan\"~4 OR plan", "sykmeldt", "motiverende intervju", "\"motiverende intervju\"",
				"veiledning*", "bilar", "sjukmelde OR sykmeldte", "samtale", "manag* AND NOT time", "worker's", "knee",
				"(work OR job) AND back"));
		Random random = new Random(26);
		String[] words = { "the", "to", "and", "work", "back", "plan", "employer", "leave", "i", "you" };
		for (int i = 0; i < 20; i++) {
			queries.add("\"" + words[random.nextInt(words.length)] + " " + words[random.nextInt(words.length)] + "\"~"
					+ (random.nextInt(6) + 1));
		}
		// pages of 37 turns, so that common words span many pages and a point in time
		engine.page = 37;
		long remote = 0;
		long local = 0;
		for (String q : queries) {
			SearchRequest request = SearchRequest.of(PROJECT, q);
			long t0 = System.nanoTime();
			SearchResult cluster = engine.search(request);
			long t1 = System.nanoTime();
			SearchResult own = embedded.search(request);
			remote += t1 - t0;
			local += System.nanoTime() - t1;
			assertThat(cluster).as(q).isEqualTo(own);
		}
		System.out.printf("%d queries on the demo corpus: OpenSearch %d ms, embedded index %d ms%n", queries.size(),
				remote / 1_000_000, local / 1_000_000);
		for (SearchRequest request : List.of(new SearchRequest(PROJECT, "the", "Sessions", null, null, 5),
				new SearchRequest(PROJECT, "work OR jobb", null, new DocumentId(34), null, 500),
				new SearchRequest(PROJECT, "the OR i", null, null, "Moderator", 30),
				new SearchRequest(PROJECT, "the OR det", null, null, null, 2000))) {
			assertThat(engine.search(request, CodeConstraints.NONE)).as(request.toString())
				.isEqualTo(embedded.search(request, CodeConstraints.NONE));
		}
		assertThat(engine.search(SearchRequest.of(PROJECT, "the")).matchingTurns()).as("several pages of turns")
			.isGreaterThan(3 * engine.page);
	}

	@Test
	void twoQuireNodesOnOneAliasSeeEachOthersChangesAndRebuilds() throws IOException {
		String alias = "shared-" + ProcessHandle.current().pid();
		try (OpenSearchTurnEngine first = OpenSearchTurnEngine.open(cluster.settings(alias));
				OpenSearchTurnEngine second = OpenSearchTurnEngine.open(cluster.settings(alias))) {
			assertThat(second.aliasedIndices()).as("the second node uses the index the first made")
				.isEqualTo(first.aliasedIndices());
			first.replaceDocument(new IndexedTranscript(demo.get(3), Map.of()));
			assertThat(second.search(SearchRequest.of(PROJECT, "motiverende")).totalHits()).isPositive();
			List<String> before = second.aliasedIndices();
			second.rebuild(List.of(new IndexedTranscript(demo.get(2), Map.of())));
			assertThat(first.aliasedIndices()).hasSize(1).doesNotContainAnyElementsOf(before);
			assertThat(first.search(SearchRequest.of(PROJECT, "motiverende")).totalHits()).isZero();
			assertThat(first.search(SearchRequest.of(PROJECT, "knee")).totalHits()).isPositive();
			assertThat(first.documents()).containsOnlyKeys(demo.get(2).document().id());
		}
		finally {
			cluster.delete(alias + "-*");
		}
	}

	/** Last: it adds a document to the cluster only, and leaves node b stopped for the rest of the test JVM. */
	@Test
	@Order(Integer.MAX_VALUE)
	void searchesGoOnAnsweringWhenANodeStops() {
		cluster.get(0, "/_cluster/health/" + engine.alias() + "?wait_for_status=green&timeout=120s");
		SearchRequest request = SearchRequest.of(PROJECT, "\"sick leave\" OR motiverende");
		SearchResult before = engine.search(request);
		assertThat(before.totalHits()).isPositive();
		// node b holds a copy of every shard (one replica); a stays the cluster manager
		cluster.stop("b");
		assertThat(cluster.nodes()).isEqualTo(1);
		assertThat(engine.search(request)).isEqualTo(before);
		engine.replaceDocument(new IndexedTranscript(TurnEngineContract.transcript(36, PROJECT, "after-the-stop",
				"Interviews", Language.ENGLISH, "Moderator", "A sick leave indexed with one node left."), Map.of()));
		assertThat(engine.search(request).totalHits()).isEqualTo(before.totalHits() + 1);
	}

	private Transcript demo(long id, String file, String group, Language language) throws IOException {
		List<String> speakerAndWords = new ArrayList<>();
		for (String line : Files.readAllLines(Path.of("corpora/demo", file), StandardCharsets.UTF_8)) {
			Matcher m = TURN.matcher(line);
			if (m.matches()) {
				speakerAndWords.add(m.group(1));
				speakerAndWords.add(m.group(2));
			}
		}
		assertThat(speakerAndWords).as(file).hasSizeGreaterThan(40);
		return TurnEngineContract.transcript(id, PROJECT, file.replaceFirst("\\..*", ""), group, language,
				speakerAndWords.toArray(String[]::new));
	}

	/** Term, offsets and position of each token, as "term start-end @position". */
	private static List<String> tokens(Analyzer analyzer, String text) {
		List<String> out = new ArrayList<>();
		try (TokenStream stream = analyzer.tokenStream("text", new StringReader(text))) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
			PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
			stream.reset();
			int position = -1;
			while (stream.incrementToken()) {
				position += increment.getPositionIncrement();
				out.add(term + " " + offset.startOffset() + "-" + offset.endOffset() + " @" + position);
			}
			stream.end();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out;
	}

	private List<String> analyze(String analyzer, String text) {
		var body = json.createObjectNode().put("analyzer", analyzer).put("text", text);
		HttpRequest request = HttpRequest.newBuilder(cluster.urls().get(0).resolve("/" + engine.alias() + "/_analyze"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
			.build();
		try {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			List<String> out = new ArrayList<>();
			for (JsonNode token : json.readTree(response.body()).path("tokens")) {
				out.add(token.path("token").asString() + " " + token.path("start_offset").asInt() + "-"
						+ token.path("end_offset").asInt() + " @" + token.path("position").asInt());
			}
			return out;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}

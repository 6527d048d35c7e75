package quire.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import quire.QuireHome;
import quire.coding.CodebookService;
import quire.coding.CodedSegment;
import quire.coding.CodingService;
import quire.coding.MemoService;
import quire.coding.MemoTarget;
import quire.coding.RetrievalService;
import quire.corpus.CorpusService;
import quire.corpus.DemoProject;
import quire.corpus.DocumentSummary;
import quire.corpus.ParticipantService;
import quire.project.AuditEntry;
import quire.project.AuditLog;
import quire.project.Project;
import quire.project.ProjectAccess;
import quire.project.ProjectRole;
import quire.search.SearchService;
import quire.security.Actors;
import quire.security.UserAccount;
import quire.security.UserService;
import quire.corpus.ImportRequest;
import quire.corpus.Language;
import quire.media.MediaService;
import quire.media.internal.ToneWav;
import tools.jackson.databind.JsonNode;

/**
 * The REST API over HTTP against the demo project: tokens and roles, problem details for every
 * refusal and bad request, the OpenAPI description against the real handlers, paging and streaming,
 * the audit log, and the HTTP calls of docs/api/segments.py and post_codings.py replayed.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiTests {

	@DynamicPropertySource
	static void home(DynamicPropertyRegistry registry) {
		QuireHome.register(registry, QuireHome.create("quire-api"));
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
	DemoProject demo;

	@Autowired
	ProjectAccess access;

	@Autowired
	CorpusService corpus;

	@Autowired
	SearchService search;

	@Autowired
	CodebookService codebook;

	@Autowired
	CodingService codings;

	@Autowired
	RetrievalService retrieval;

	@Autowired
	ParticipantService participants;

	@Autowired
	MemoService memos;

	@Autowired
	AuditLog audit;

	@Autowired
	quire.project.ProjectService projectService;

	@Autowired
	MediaService media;

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping handlers;

	ApiTestSupport api;

	Project project;

	String base;

	UserAccount owner;

	UserAccount coder;

	String ownerRead;

	String coderRead;

	String coderWrite;

	String viewerWrite;

	String strangerRead;

	String strangerWrite;

	String revoked;

	@BeforeAll
	void createDemoAndTokens() {
		api = new ApiTestSupport(port);
		SecurityContextHolder.clearContext();
		owner = users.create("owner", "Olga Owner", "owner-password-1", true);
		coder = users.create("coder", "Carl Coder", "coder-password-1", false);
		UserAccount viewer = users.create("viewer", "Vera Viewer", "viewer-password-1", false);
		UserAccount stranger = users.create("stranger", "Stan Stranger", "stranger-password-1", false);
		project = demo.create();
		access.grant(project.id(), "coder", ProjectRole.CODER);
		access.grant(project.id(), "viewer", ProjectRole.VIEWER);
		base = "/api/v1/projects/" + project.id().value();
		ownerRead = actors.callAs(owner, () -> tokens.create("owner read", ApiScope.READ, null)).secret();
		coderRead = actors.callAs(coder, () -> tokens.create("coder read", ApiScope.READ, null)).secret();
		coderWrite = actors.callAs(coder, () -> tokens.create("coder write", ApiScope.READ_WRITE,
				Instant.now().plus(Duration.ofDays(30)))).secret();
		viewerWrite = actors.callAs(viewer, () -> tokens.create("viewer write", ApiScope.READ_WRITE, null)).secret();
		strangerRead = actors.callAs(stranger, () -> tokens.create("stranger read", ApiScope.READ, null)).secret();
		strangerWrite = actors.callAs(stranger, () -> tokens.create("stranger write", ApiScope.READ_WRITE, null)).secret();
		NewApiToken gone = actors.callAs(coder, () -> tokens.create("revoked", ApiScope.READ_WRITE, null));
		actors.runAs(coder, () -> tokens.revoke(gone.token().id()));
		revoked = gone.secret();
		long turns = actors.callAs(owner, () -> corpus.documents(project.id()).stream().mapToLong(DocumentSummary::turnCount).sum());
		await().atMost(Duration.ofSeconds(90)).until(() -> search.indexedTurns(project.id()) == turns);
	}

	static void assertProblem(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				t -> assertThat(t).startsWith("application/problem+json"));
		JsonNode body = ApiTestSupport.json(response);
		assertThat(body.get("status").asInt()).isEqualTo(status);
		assertThat(body.get("title").asString()).isNotBlank();
		assertThat(body.get("detail").asString()).isNotBlank();
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("trace");
	}

	/**
	 * Issue 19: uploads beyond one person's limit of concurrent imports are refused at once with a
	 * 503 problem (never the HTML page), and other people's imports and reads go on.
	 */
	@Test
	void importsBeyondOnePersonsLimitAre503ProblemsAndOthersGoOn() throws Exception {
		java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
		java.util.concurrent.CountDownLatch reading = new java.util.concurrent.CountDownLatch(2);
		List<Thread> holders = new java.util.ArrayList<>();
		for (int i = 0; i < 2; i++) {
			int n = i;
			// a bulk import whose file is still being read holds one of the coder's two slots
			java.util.function.Supplier<quire.corpus.ImportRequest> slowFile = () -> {
				reading.countDown();
				try {
					release.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return new quire.corpus.ImportRequest("held-" + n + ".txt",
						("Moderator: held upload " + n + " zqheld").getBytes(java.nio.charset.StandardCharsets.UTF_8),
						null, null);
			};
			Thread t = new Thread(() -> actors.runAs(coder,
					() -> corpus.importFiles(project.id(), List.of(slowFile), outcomes -> {
					})));
			holders.add(t);
			t.start();
		}
		try {
			assertThat(reading.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
			HttpResponse<String> busy = api.postFile(base + "/documents", coderWrite, "third.txt",
					"Moderator: a third upload at once".getBytes(java.nio.charset.StandardCharsets.UTF_8), Map.of());
			assertProblem(busy, 503);
			assertThat(busy.headers().firstValue("Retry-After")).isPresent();
			assertThat(ApiTestSupport.json(busy).get("detail").asString()).contains("2 imports running");
			// another person is not held up
			assertThat(api.get("/api/v1/projects", ownerRead).statusCode()).isEqualTo(200);
		}
		finally {
			release.countDown();
			for (Thread t : holders) {
				t.join();
			}
		}
		HttpResponse<String> again = api.postFile(base + "/documents", coderWrite, "third.txt",
				"Moderator: a third upload, later".getBytes(java.nio.charset.StandardCharsets.UTF_8), Map.of());
		assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
	}

	@Test
	void aSearchOnACheckedIndexSaysNothingIsMissing() throws Exception {
		JsonNode page = ApiTestSupport.json(api.get(base + "/search?q=caseload", coderRead));
		assertThat(page.has("indexCheck")).isTrue();
		assertThat(page.get("indexCheck").isNull()).as("no check runs after a clean start").isTrue();
	}

	@Test
	void noTokenIsRefusedWith401ProblemDetails() throws Exception {
		for (String path : List.of("/api/v1/projects", base, base + "/codings", base + "/segments?code=Implementation",
				base + "/miti/results", base + "/coreq")) {
			HttpResponse<String> response = api.get(path, "");
			assertProblem(response, 401);
			assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h).startsWith("Bearer"));
		}
		assertProblem(api.postJson(base + "/codings", "", Map.of("document", 1, "code", "x", "start", 0, "end", 1)), 401);
	}

	@Test
	void anUnknownOrRevokedTokenIsRefusedWith401() throws Exception {
		assertProblem(api.get("/api/v1/projects", "qr_not-a-token"), 401);
		assertProblem(api.get("/api/v1/projects", revoked), 401);
		assertThat(ApiTestSupport.json(api.get("/api/v1/projects", revoked)).get("detail").asString()).contains("revoked");
		var basic = api.send(java.net.http.HttpRequest.newBuilder(api.uri("/api/v1/projects"))
			.header("Authorization", "Basic b3duZXI6b3duZXItcGFzc3dvcmQtMQ==").GET().build());
		assertProblem(basic, 401);
		NewApiToken expired = actors.callAs(coder, () -> tokens.create("expiring", ApiScope.READ, Instant.now().plusSeconds(60)));
		assertThat(api.get("/api/v1/projects", expired.secret()).statusCode()).isEqualTo(200);
		jdbc.update("update api_token set expires_at = ? where id = ?", java.sql.Timestamp.from(Instant.now().minusSeconds(1)),
				expired.token().id());
		assertProblem(api.get("/api/v1/projects", expired.secret()), 401);
	}

	@Test
	void aNonMemberDoesNotSeeTheProjectAtAll() throws Exception {
		HttpResponse<String> list = api.get("/api/v1/projects", strangerRead);
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(ApiTestSupport.json(list).size()).isZero();
		for (String path : List.of(base, base + "/documents", base + "/codings", base + "/participants",
				base + "/segments?code=Implementation", base + "/search?q=caseload", base + "/questionnaires")) {
			assertProblem(api.get(path, strangerRead), 404);
		}
		JsonNode mine = ApiTestSupport.json(api.get("/api/v1/projects", coderRead));
		assertThat(mine.size()).isEqualTo(1);
		assertThat(mine.get(0).get("name").asString()).isEqualTo(DemoProject.NAME);
		assertThat(mine.get(0).get("role").asString()).isEqualTo("coder");
	}

	@Test
	void aReadTokenMayNotWrite() throws Exception {
		HttpResponse<String> response = api.postJson(base + "/memos", coderRead,
				Map.of("target", "PROJECT", "title", "t", "body", "b"));
		assertProblem(response, 403);
		assertThat(ApiTestSupport.json(response).get("detail").asString()).contains("read-only");
	}

	@Test
	void aViewerMayNotCodeEvenWithAReadWriteToken() throws Exception {
		long document = firstDocument();
		HttpResponse<String> response = api.postJson(base + "/codings", viewerWrite,
				Map.of("document", document, "code", "Implementation", "start", 0, "end", 20));
		assertProblem(response, 403);
		assertThat(ApiTestSupport.json(response).get("detail").asString()).contains("coder").contains("viewer");
		assertThat(api.get(base + "/codes", viewerWrite).statusCode()).isEqualTo(200);
	}

	@Test
	void aLabCsvWithABadRowIsRefusedWithFileLineAndReason() throws Exception {
		String csv = """
				Session,Counsellor,Coder,CCT,SST,Partnership,Empathy,GI,Persuade,PwP,Q,SR,CR,AF,Seek,Emph,Confront
				S90,MI Caseworker 1,LAB-Z,3,4,3,3,8,2,1,24,10,9,2,2,2,1
				S91,MI Caseworker 2,LAB-Z,9,3,4,4,10,0,3,32,12,9,4,3,2,0
				""";
		HttpResponse<String> response = api.postFile(base + "/miti/lab-results", coderWrite, "lab-z.csv",
				csv.getBytes(StandardCharsets.UTF_8), Map.of());
		assertProblem(response, 400);
		JsonNode body = ApiTestSupport.json(response);
		assertThat(body.get("file").asString()).isEqualTo("lab-z.csv");
		assertThat(body.get("line").asInt()).isEqualTo(3);
		assertThat(body.get("column").asString()).isEqualTo("CCT");
		assertThat(body.get("reason").asString()).contains("9");
		assertThat(body.get("problems").size()).isEqualTo(1);
		JsonNode sessions = ApiTestSupport.json(api.get(base + "/miti/sessions", coderRead));
		for (JsonNode s : sessions) {
			assertThat(s.get("label").asString()).isNotIn("S90", "S91");
		}
	}

	@Test
	void mitiResultsNameTheirRatingSourceAndPoolOnlyWhenAsked() throws Exception {
		JsonNode lab = ApiTestSupport.json(api.get(base + "/miti/results", coderRead));
		assertThat(lab.get("source").asString()).isEqualTo("lab");
		assertThat(lab.get("caption").asString()).isEqualTo("20 sessions rated by the coding lab (primary ratings)");
		assertThat(lab.at("/overall/sessions").asInt()).isEqualTo(20);
		JsonNode pooled = ApiTestSupport.json(api.get(base + "/miti/results?source=pooled", coderRead));
		assertThat(pooled.get("source").asString()).isEqualTo("pooled");
		assertThat(pooled.get("caption").asString())
			.isEqualTo("23 sessions, coding lab and Quire pooled (primary ratings: 20 coding lab, 3 Quire)");
		assertThat(pooled.at("/overall/sessions").asInt()).isEqualTo(23);
		assertProblem(api.get(base + "/miti/results?source=both", coderRead), 400);
	}

	@Test
	void aQuestionnaireWithABadCellIsRefusedWithFileLineAndReason() throws Exception {
		String csv = "id,satisfaction\nSW001,5\nSW002,=HYPERLINK(\"x\")\n";
		HttpResponse<String> response = api.postFile(base + "/questionnaires", coderWrite, "follow-up.csv",
				csv.getBytes(StandardCharsets.UTF_8), Map.of("name", "Follow-up"));
		assertProblem(response, 400);
		JsonNode body = ApiTestSupport.json(response);
		assertThat(body.get("file").asString()).isEqualTo("follow-up.csv");
		assertThat(body.get("line").asInt()).isEqualTo(3);
		assertThat(body.get("reason").asString()).isNotBlank();
	}

	@Test
	void badRequestsGetProblemDetailsNeverStackTraces() throws Exception {
		assertProblem(api.get(base + "/codings?limit=abc", coderRead), 400);
		assertProblem(api.get(base + "/codings?limit=5000", coderRead), 400);
		assertProblem(api.get(base + "/segments", coderRead), 400);
		assertProblem(api.get(base + "/segments?code=No+such+code", coderRead), 400);
		assertProblem(api.get(base + "/segments?code=Implementation&attribute=shoe-size:42", coderRead), 400);
		assertProblem(api.get(base + "/search?q=%22unclosed", coderRead), 400);
		assertProblem(api.get(base + "/documents/999999", coderRead), 404);
		assertProblem(api.get("/api/v1/no-such-thing", coderRead), 404);
		assertProblem(api.get("/api/v2/projects", coderRead), 404);
		assertProblem(api.postJson(base + "/codings", coderWrite, Map.of("nonsense", true)), 400);
		var notJson = api.send(java.net.http.HttpRequest.newBuilder(api.uri(base + "/codings"))
			.header("Authorization", "Bearer " + coderWrite).header("Content-Type", "application/json")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString("{not json")).build());
		assertProblem(notJson, 400);
		assertProblem(api.postJson(base + "/codings", coderWrite,
				Map.of("document", firstDocument(), "code", "Implementation", "start", 5, "end", 5)), 400);
	}

	@Test
	void aThousandCharacterFileNameIsRefusedForItsLengthNotItsSize() throws Exception {
		HttpResponse<String> response = api.postFile(base + "/documents", coderWrite, "n".repeat(996) + ".txt",
				"Moderator: Hello.\n".getBytes(StandardCharsets.UTF_8), Map.of());
		assertProblem(response, 400);
		assertThat(response.body()).contains("the file name is longer than 255 characters (1000)")
			.doesNotContain("larger than");
	}

	@Test
	void aCodingOnAnotherProjectsDocumentAnswersAsForADocumentThatDoesNotExist() throws Exception {
		Project other = projectService.create("Other " + System.nanoTime(), "");
		long foreign = corpus.importDocument(other.id(), new quire.corpus.ImportRequest("other.txt",
				"Moderator: Not yours.\n".getBytes(StandardCharsets.UTF_8), null, quire.corpus.Language.ENGLISH))
			.document()
			.id()
			.value();
		HttpResponse<String> theirs = api.postJson(base + "/codings", coderWrite,
				Map.of("document", foreign, "code", "Implementation", "start", 0, "end", 9));
		HttpResponse<String> unknown = api.postJson(base + "/codings", coderWrite,
				Map.of("document", 987_654_321L, "code", "Implementation", "start", 0, "end", 9));
		assertProblem(theirs, 404);
		assertProblem(unknown, 404);
		assertThat(ApiTestSupport.json(theirs).get("title").asString())
			.isEqualTo(ApiTestSupport.json(unknown).get("title").asString());
		assertThat(codings.codings(new quire.corpus.DocumentId(foreign), null)).isEmpty();
	}

	@Test
	void theOpenApiDescriptionListsExactlyTheHandlers() throws Exception {
		HttpResponse<String> response = api.get("/api/v1/openapi.json", "");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode doc = ApiTestSupport.json(response);
		assertThat(doc.get("openapi").asString()).startsWith("3.");
		Set<String> described = new TreeSet<>();
		for (var path : doc.get("paths").properties()) {
			for (var operation : path.getValue().properties()) {
				described.add(operation.getKey().toUpperCase() + " " + path.getKey());
			}
		}
		Set<String> handled = new TreeSet<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> e : handlers.getHandlerMethods().entrySet()) {
			if (!e.getValue().getBeanType().getPackageName().startsWith("quire.api")) {
				continue;
			}
			for (String pattern : e.getKey().getPatternValues()) {
				e.getKey().getMethodsCondition().getMethods().forEach(m -> handled.add(m.name() + " " + pattern));
			}
		}
		assertThat(handled).hasSizeGreaterThan(20);
		assertThat(described).isEqualTo(handled);
		assertThat(doc.at("/components/securitySchemes/token/scheme").asString()).isEqualTo("bearer");
		// every error a call may answer is described, as a problem detail
		assertThat(doc.at("/components/schemas/Problem/properties").has("detail")).isTrue();
		JsonNode segments = doc.at("/paths/~1api~1v1~1projects~1{projectId}~1segments/get/responses");
		JsonNode coding = doc.at("/paths/~1api~1v1~1projects~1{projectId}~1codings/post/responses");
		for (String status : List.of("400", "401", "403", "404", "429", "503")) {
			assertThat(segments.at("/" + status + "/content/application~1problem+json/schema/$ref").asString())
				.isEqualTo("#/components/schemas/Problem");
			assertThat(coding.has(status)).isTrue();
		}
		assertThat(coding.has("409")).isTrue();
		assertThat(coding.has("413")).isTrue();
		assertThat(segments.has("409")).isFalse();
		assertThat(doc.at("/paths/~1api~1v1~1projects~1{projectId}~1documents/post/requestBody/content").has("multipart/form-data"))
			.isTrue();
		HttpResponse<String> page = api.get("/api/v1/docs", "");
		assertThat(page.statusCode()).isIn(200, 302);
		String ui = page.statusCode() == 302 ? page.headers().firstValue("Location").orElseThrow() : "/api/v1/docs";
		HttpResponse<String> html = api.get(ui.replaceFirst("^https?://[^/]+", ""), "");
		assertThat(html.statusCode()).isEqualTo(200);
		assertThat(html.body()).contains("swagger");
	}

	@Test
	void everyEndpointRefusesCallsWithoutAValidTokenOrRole() throws Exception {
		int checked = 0;
		for (Map.Entry<RequestMappingInfo, HandlerMethod> e : handlers.getHandlerMethods().entrySet()) {
			if (!e.getValue().getBeanType().getPackageName().startsWith("quire.api")) {
				continue;
			}
			for (String pattern : e.getKey().getPatternValues()) {
				String path = pattern.replace("{projectId}", Long.toString(project.id().value())).replaceAll("\\{[^}]+}", "1");
				for (var method : e.getKey().getMethodsCondition().getMethods()) {
					var request = java.net.http.HttpRequest.newBuilder(api.uri(path))
						.method(method.name(), java.net.http.HttpRequest.BodyPublishers.ofString("{}"))
						.header("Content-Type", "application/json");
					assertProblem(api.send(request.build()), 401);
					var stranger = api.send(request.copy().header("Authorization", "Bearer " + strangerRead).build());
					var strangerWriting = api.send(request.copy().header("Authorization", "Bearer " + strangerWrite).build());
					var viewer = api.send(request.copy().header("Authorization", "Bearer " + viewerWrite).build());
					if (method.name().equals("GET") && !path.equals("/api/v1/projects")) {
						assertProblem(stranger, 404);
					}
					else if (!method.name().equals("GET")) {
						assertProblem(stranger, 403); // a read token
						assertProblem(strangerWriting, 404); // not a member, whatever the body
						assertProblem(viewer, 403); // a member without the coder role, whatever the body
					}
					checked++;
				}
			}
		}
		assertThat(checked).isGreaterThan(20);
	}

	@Test
	void theVaadinAppStillAsksStrangersToSignIn() throws Exception {
		HttpResponse<String> response = api.get("/", "");
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
		assertThat(api.get("/", ownerRead).statusCode()).isEqualTo(302);
	}

	@Test
	void codingsArePagedByCursorAndStreamedAsNdjson() throws Exception {
		int total = actors.callAs(owner, () -> codings.codings(project.id(), null).size());
		assertThat(total).isGreaterThan(250);
		List<Long> ids = new ArrayList<>();
		long after = 0;
		int pages = 0;
		while (true) {
			JsonNode page = ApiTestSupport.json(api.get(base + "/codings?limit=100&after=" + after, ownerRead));
			page.get("items").forEach(c -> ids.add(c.get("id").asLong()));
			pages++;
			if (page.get("next").isNull()) {
				break;
			}
			after = page.get("next").asLong();
		}
		assertThat(ids).hasSize(total).doesNotHaveDuplicates().isSorted();
		assertThat(pages).isGreaterThanOrEqualTo(total / 100);
		HttpResponse<String> stream = api.get(base + "/codings", ownerRead, "application/x-ndjson");
		assertThat(stream.statusCode()).isEqualTo(200);
		assertThat(stream.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/x-ndjson"));
		List<String> lines = stream.body().lines().toList();
		assertThat(lines).hasSize(total);
		assertThat(ApiTestSupport.JSON.readTree(lines.get(0)).get("id").asLong()).isEqualTo(ids.get(0));
		JsonNode coder = ApiTestSupport.json(api.get(base + "/codings?coder=Anna&code=Implementation&limit=1000", ownerRead));
		coder.get("items").forEach(c -> assertThat(c.get("coder").asString()).isEqualTo("Anna"));
		assertThat(coder.get("items").size()).isPositive();
	}

	@Test
	void everyCallIsAudited() throws Exception {
		api.get(base + "/codes", ownerRead);
		List<AuditEntry> entries = actors.callAs(owner, () -> audit.entries(project.id(), 50));
		assertThat(entries).anySatisfy(e -> {
			assertThat(e.action()).isEqualTo("api");
			assertThat(e.actor()).isEqualTo("owner");
			assertThat(e.target()).isEqualTo("GET " + base + "/codes");
		});
	}

	@Test
	void everyReadEndpointAnswersAViewer() throws Exception {
		JsonNode questionnaires = ApiTestSupport.json(api.get(base + "/questionnaires", coderRead));
		assertThat(questionnaires.size()).isPositive();
		long questionnaire = questionnaires.get(0).get("id").asLong();
		for (String path : List.of(base, base + "/documents", base + "/documents/" + firstDocument(), base + "/attributes",
				base + "/participants", base + "/codes", base + "/memos", base + "/miti/sessions",
				base + "/miti/results?by=session", base + "/questionnaires/" + questionnaire + "/responses",
				base + "/joint-displays/re-aim", base + "/joint-displays/codes-by-attribute?attribute=group",
				base + "/coreq", base + "/search?q=caseload&limit=5")) {
			HttpResponse<String> response = api.get(path, viewerWrite);
			assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
		}
		JsonNode search = ApiTestSupport.json(api.get(base + "/search?q=caseload&limit=2&offset=1", viewerWrite));
		assertThat(search.get("hits").size()).isEqualTo(2);
		assertThat(search.get("hits").get(0).get("hit").asString()).containsIgnoringCase("caseload");
		assertThat(search.get("nextOffset").asInt()).isEqualTo(3);
		JsonNode coreq = ApiTestSupport.json(api.get(base + "/coreq", viewerWrite));
		assertThat(coreq.size()).isEqualTo(32);
	}

	/** The calls of docs/api/segments.py, in order. */
	@Test
	void segmentsPyPullsImplementationSegmentsOfMiCaseworkersWithAttributesAndMiti() throws Exception {
		String script = Files.readString(Path.of("docs/api/segments.py"));
		assertThat(script).contains("get(\"/projects\")").contains("/segments\", code=\"Implementation\"")
			.contains("attribute=[\"Role:caseworker\", \"Group:MI\"], merge=\"passages\", limit=500, after=after");

		JsonNode projects = ApiTestSupport.json(api.get("/api/v1/projects", coderRead));
		long pid = -1;
		for (JsonNode p : projects) {
			if (p.get("name").asString().startsWith("Demo: MI return-to-work study")) {
				pid = p.get("id").asLong();
			}
		}
		List<JsonNode> rows = new ArrayList<>();
		long after = 0;
		while (true) {
			Map<String, Object> params = new LinkedHashMap<>();
			params.put("code", "Implementation");
			params.put("attribute", List.of("Role:caseworker", "Group:MI"));
			params.put("limit", 500);
			params.put("after", after);
			HttpResponse<String> response = api.get("/api/v1/projects/" + pid + "/segments?" + ApiTestSupport.query(params),
					coderRead);
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			JsonNode page = ApiTestSupport.json(response);
			assertThat(page.get("rows").asString()).isEqualTo("codings");
			page.get("items").forEach(rows::add);
			if (page.get("next").isNull()) {
				break;
			}
			after = page.get("next").asLong();
		}

		// the same segments the coded-segments page shows, restricted to MI caseworkers
		Set<Long> expected = new HashSet<>();
		var implementation = actors.callAs(owner, () -> codebook.findCode(project.id(), "Implementation").orElseThrow());
		for (CodedSegment s : actors.callAs(owner, () -> retrieval.segments(implementation.id(), null))) {
			if (s.speaker() != null && s.speaker().startsWith("MI Caseworker")) {
				expected.add(s.coding().id().value());
			}
		}
		assertThat(expected).hasSizeGreaterThan(10);
		assertThat(rows).extracting(r -> r.get("codingId").asLong()).containsExactlyInAnyOrderElementsOf(expected);
		for (JsonNode r : rows) {
			assertThat(r.get("code").asString()).startsWith("Implementation");
			assertThat(r.get("speaker").asString()).matches("MI Caseworker [1-4]");
			assertThat(r.get("participant").asString()).isEqualTo(r.get("speaker").asString());
			assertThat(r.at("/attributes/Role").asString()).isEqualTo("caseworker");
			assertThat(r.at("/attributes/Group").asString()).isEqualTo("MI");
			assertThat(r.at("/attributes/Gender").asString()).isNotBlank();
			assertThat(r.at("/miti/counsellor").asString()).isEqualTo(r.get("speaker").asString());
			// the lab's five primary-rated sessions of each caseworker, not pooled with those coded in Quire
			assertThat(r.at("/miti/sessions").asInt()).isEqualTo(5);
			assertThat(r.at("/miti/source").asString()).isEqualTo("lab");
			assertThat(r.at("/miti/relational").asDouble()).isBetween(1.0, 5.0);
			assertThat(r.at("/miti/technical").asDouble()).isBetween(1.0, 5.0);
			assertThat(r.get("text").asString()).isNotBlank();
		}
		// the R script makes the same calls
		String r = Files.readString(Path.of("docs/api/segments.R"));
		assertThat(r).contains("quire(\"projects\")").contains("code = \"Implementation\"")
			.contains("attribute = c(\"Role:caseworker\", \"Group:MI\")").contains("merge = \"passages\", limit = 500, after = after");
		// no code line needs httr2 1.0's req_url_query(.multi = ...): Debian's httr2 0.2.2 runs it
		assertThat(r.lines().filter(l -> !l.strip().startsWith("#"))).noneMatch(l -> l.contains(".multi"));
	}

	/** One row per passage: by one coder, or merged across coders with the coders listed. */
	@Test
	void segmentsComeOnePerPassageByOneCoderOrMergedWithTheCodersListed() throws Exception {
		String p = base + "/segments?code=Implementation&attribute=Role:caseworker&attribute=Group:MI&limit=1000";
		JsonNode codingRows = ApiTestSupport.json(api.get(p, coderRead));
		JsonNode merged = ApiTestSupport.json(api.get(p + "&merge=passages", coderRead));
		JsonNode anna = ApiTestSupport.json(api.get(p + "&coder=Anna", coderRead));
		assertThat(merged.get("rows").asString()).isEqualTo("passages");
		assertThat(merged.get("next").isNull()).isTrue();
		assertThat(anna.get("rows").asString()).isEqualTo("codings");
		assertThat(anna.get("coder").asString()).isEqualTo("Anna");
		assertThat(anna.get("items")).isNotEmpty().allSatisfy(r -> assertThat(r.get("coder").asString()).isEqualTo("Anna"));

		Map<Long, String> coderOf = new HashMap<>();
		codingRows.get("items").forEach(r -> coderOf.put(r.get("codingId").asLong(), r.get("coder").asString()));
		Set<Long> covered = new HashSet<>();
		Set<String> spans = new HashSet<>();
		boolean both = false;
		for (JsonNode passage : merged.get("items")) {
			assertThat(spans.add(passage.get("documentId").asLong() + ":" + passage.get("start").asInt() + ":"
					+ passage.get("end").asInt())).as("a passage twice").isTrue();
			Set<String> coders = new TreeSet<>();
			for (JsonNode id : passage.get("codingIds")) {
				assertThat(covered.add(id.asLong())).as("a coding in two passages").isTrue();
				coders.add(coderOf.get(id.asLong()));
			}
			List<String> listed = new ArrayList<>();
			passage.get("coders").forEach(c -> listed.add(c.asString()));
			assertThat(listed).containsExactlyElementsOf(coders);
			both |= coders.containsAll(List.of("Anna", "Jonas"));
			assertThat(passage.at("/attributes/Role").asString()).isEqualTo("caseworker");
			assertThat(passage.get("text").asString()).isNotBlank();
			assertThat(passage.get("end").asInt()).isGreaterThan(passage.get("start").asInt());
		}
		// every coding is in exactly one passage, and the demo's coders share some passages
		assertThat(covered).isEqualTo(coderOf.keySet());
		assertThat(both).isTrue();
		assertThat(merged.get("items").size()).isLessThan(codingRows.get("items").size());
		// passages of one turn do not overlap: overlapping codings were merged
		List<JsonNode> sorted = new ArrayList<>();
		merged.get("items").forEach(sorted::add);
		for (JsonNode a : sorted) {
			for (JsonNode b : sorted) {
				if (a != b && a.get("documentId").asLong() == b.get("documentId").asLong()
						&& a.get("turnIndex").asInt() == b.get("turnIndex").asInt()) {
					assertThat(a.get("start").asInt() < b.get("end").asInt() && b.get("start").asInt() < a.get("end").asInt())
						.as("overlapping passages in one turn").isFalse();
				}
			}
		}
		assertProblem(api.get(p + "&merge=codes", coderRead), 400);
	}

	/** The calls of docs/api/post_codings.py, in order. */
	@Test
	void postCodingsPyCodesTheCaseloadTurnsAndWritesAJournalEntry() throws Exception {
		String script = Files.readString(Path.of("docs/api/post_codings.py"));
		String code = "Time and caseload pressure";
		assertThat(script).contains("CODE = \"" + code + "\"").contains("call(\"GET\", \"/projects\")")
			.contains("\"q\": \"caseload\", \"group\": \"Focus group — MI caseworkers\", \"limit\": 100")
			.contains("f\"/projects/{pid}/documents/{document_id}\"").contains("f\"/projects/{pid}/codings\"")
			.contains("f\"/projects/{pid}/memos\"").contains("f\"/projects/{pid}/participants\"")
			.contains("f\"/projects/{pid}/speakers\"");

		JsonNode projects = ApiTestSupport.json(api.get("/api/v1/projects", coderWrite));
		long pid = projects.get(0).get("id").asLong();
		String p = "/api/v1/projects/" + pid;
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("q", "caseload");
		params.put("group", "Focus group — MI caseworkers");
		params.put("limit", 100);
		JsonNode result = ApiTestSupport.json(api.get(p + "/search?" + ApiTestSupport.query(params), coderWrite));
		assertThat(result.get("totalHits").asInt()).isPositive();
		Map<Long, Map<Integer, JsonNode>> turns = new LinkedHashMap<>();
		for (JsonNode hit : result.get("hits")) {
			long document = hit.get("documentId").asLong();
			if (!turns.containsKey(document)) {
				Map<Integer, JsonNode> byIndex = new LinkedHashMap<>();
				ApiTestSupport.json(api.get(p + "/documents/" + document, coderWrite)).get("turns")
					.forEach(t -> byIndex.put(t.get("index").asInt(), t));
				turns.put(document, byIndex);
			}
		}
		Set<String> coded = new HashSet<>();
		List<Long> made = new ArrayList<>();
		for (JsonNode hit : result.get("hits")) {
			JsonNode turn = turns.get(hit.get("documentId").asLong()).get(hit.get("turnIndex").asInt());
			if (!coded.add(hit.get("documentId").asLong() + ":" + turn.get("index").asInt())) {
				continue;
			}
			HttpResponse<String> response = api.postJson(p + "/codings", coderWrite, Map.of("document",
					hit.get("documentId").asLong(), "code", code, "start", turn.get("start").asInt(), "end",
					turn.get("end").asInt()));
			assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
			made.add(ApiTestSupport.json(response).get("id").asLong());
		}
		Map<String, Object> memo = new LinkedHashMap<>();
		memo.put("target", "PROJECT");
		memo.put("targetId", null);
		memo.put("title", "Auto-coded 'caseload' turns");
		memo.put("body", "post_codings.py coded " + coded.size() + " turns mentioning 'caseload' with '" + code + "'.");
		HttpResponse<String> journal = api.postJson(p + "/memos", coderWrite, memo);
		assertThat(journal.statusCode()).as(journal.body()).isEqualTo(201);

		assertThat(made).hasSize(coded.size()).isNotEmpty();
		var theCode = actors.callAs(owner, () -> codebook.findCode(project.id(), code).orElseThrow());
		var mine = actors.callAs(owner, () -> codings.codings(project.id(), "coder"));
		assertThat(mine).filteredOn(c -> made.contains(c.id().value())).hasSize(made.size())
			.allSatisfy(c -> assertThat(c.codeId()).isEqualTo(theCode.id()));
		assertThat(actors.callAs(owner, () -> memos.memos(project.id(), MemoTarget.PROJECT, null)))
			.anySatisfy(m -> assertThat(m.author()).isEqualTo("coder"));
	}

	/**
	 * A turn has one number wherever a researcher reads it: the API's {@code turnNumber} is the number
	 * the coded-segments page and its CSV export show, and counting a document's turns from 1 reaches
	 * the turn that holds the segment; {@code turnIndex} keeps counting from 0 for scripts.
	 */
	@Test
	void turnNumbersAreThoseThePagesAndTheirExportsShow() throws Exception {
		JsonNode rows = ApiTestSupport.json(api.get(base + "/segments?code=Implementation&limit=1000", coderRead)).get("items");
		var implementation = actors.callAs(owner, () -> codebook.findCode(project.id(), "Implementation").orElseThrow());
		List<CodedSegment> segments = actors.callAs(owner, () -> retrieval.segments(implementation.id(), null));
		// the page's "Export CSV": code, document, group, turn, speaker, coder, start, end, …
		Map<String, Integer> exported = new HashMap<>();
		String csv = new String(actors.callAs(owner, () -> retrieval.exportCsv(implementation.id(), null)),
				java.nio.charset.StandardCharsets.UTF_8);
		for (var record : org.apache.commons.csv.CSVFormat.RFC4180.parse(new java.io.StringReader(csv)).getRecords().subList(1,
				segments.size() + 1)) {
			exported.put(record.get(1) + ":" + record.get(6) + ":" + record.get(7), Integer.parseInt(record.get(3)));
		}
		assertThat(rows.size()).isEqualTo(segments.size()).isGreaterThan(10);
		Map<Long, JsonNode> documents = new HashMap<>();
		for (JsonNode r : rows) {
			int number = r.get("turnNumber").asInt();
			assertThat(number).isEqualTo(exported.get(r.get("document").asString() + ":" + r.get("start").asInt() + ":"
					+ r.get("end").asInt()));
			assertThat(r.get("turnIndex").asInt()).isEqualTo(number - 1);
			JsonNode turns = documents.computeIfAbsent(r.get("documentId").asLong(), id -> {
				try {
					return ApiTestSupport.json(api.get(base + "/documents/" + id, coderRead)).get("turns");
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			});
			JsonNode turn = turns.get(number - 1);
			assertThat(turn.get("number").asInt()).isEqualTo(number);
			assertThat(turn.get("index").asInt()).isEqualTo(number - 1);
			assertThat(turn.get("start").asInt()).isLessThanOrEqualTo(r.get("start").asInt());
			assertThat(turn.get("end").asInt()).isGreaterThanOrEqualTo(r.get("end").asInt());
		}
		JsonNode hits = ApiTestSupport.json(api.get(base + "/search?q=caseload", coderRead)).get("hits");
		assertThat(hits.size()).isPositive();
		hits.forEach(h -> assertThat(h.get("turnNumber").asInt()).isEqualTo(h.get("turnIndex").asInt() + 1));
	}

	@Test
	void aDocumentComesWithItsTurnsAndSentenceUnits() throws Exception {
		JsonNode doc = ApiTestSupport.json(api.get(base + "/documents/" + firstDocument(), coderRead));
		assertThat(doc.get("turns").size()).isPositive();
		assertThat(doc.get("sentences").size()).isGreaterThanOrEqualTo(doc.get("turns").size() - 1);
		JsonNode first = doc.get("sentences").get(0);
		assertThat(first.get("end").asInt()).isGreaterThan(first.get("start").asInt());
		assertThat(first.get("text").asString()).hasSize(first.get("end").asInt() - first.get("start").asInt());
	}

	/** Speakers are per document: the demo's sick-listed worker of MI session 1 is linked to a questionnaire row and back. */
	@Test
	void aSpeakerOfADocumentIsLinkedToAParticipantAndUnlinked() throws Exception {
		JsonNode links = ApiTestSupport.json(api.get(base + "/speakers", viewerWrite));
		JsonNode worker = null;
		JsonNode caseworker = null;
		for (JsonNode l : links) {
			if (l.get("document").asString().equals("mi-session-01") && l.get("speaker").asString().equals("Sick-listed worker")) {
				worker = l;
			}
			if (l.get("document").asString().equals("mi-session-01") && l.get("speaker").asString().equals("MI Caseworker 1")) {
				caseworker = l;
			}
		}
		assertThat(worker).isNotNull();
		assertThat(worker.get("participant").asString()).isEqualTo("Sick-listed worker — mi-session-01");
		assertThat(worker.get("origin").asString()).isEqualTo("document");
		assertThat(caseworker.get("participant").asString()).isEqualTo("MI Caseworker 1");
		assertThat(caseworker.get("origin").asString()).isEqualTo("researcher");
		long sw001 = -1;
		for (JsonNode p : ApiTestSupport.json(api.get(base + "/participants", viewerWrite))) {
			if (p.get("label").asString().equals("SW001")) {
				sw001 = p.get("id").asLong();
			}
		}
		String speakersOf = base + "/documents/" + worker.get("documentId").asLong() + "/speakers";

		HttpResponse<String> linked = api.putJson(speakersOf, coderWrite, Map.of("speaker", "Sick-listed worker", "participantId", sw001));
		assertThat(linked.statusCode()).as(linked.body()).isEqualTo(200);
		assertThat(ApiTestSupport.json(linked).get("participant").asString()).isEqualTo("SW001");
		assertThat(ApiTestSupport.json(linked).get("origin").asString()).isEqualTo("researcher");
		assertProblem(api.postJson(speakersOf + "/review", coderWrite, Map.of("speaker", "Sick-listed worker", "decision", "accept")),
				400);
		assertProblem(api.putJson(speakersOf, coderWrite, Map.of("speaker", "Nurse", "participantId", sw001)), 400);
		assertProblem(api.putJson(speakersOf, coderWrite, Map.of()), 400);
		assertProblem(api.putJson(base + "/documents/999999/speakers", coderWrite, Map.of("speaker", "Nurse", "participantId", sw001)),
				404);

		HttpResponse<String> unlinked = api.postJson(speakersOf + "/unlink", coderWrite, Map.of("speaker", "Sick-listed worker"));
		assertThat(unlinked.statusCode()).as(unlinked.body()).isEqualTo(200);
		assertThat(ApiTestSupport.json(unlinked).get("participant").asString()).isEqualTo("Sick-listed worker — mi-session-01");
		assertThat(ApiTestSupport.json(api.get(base + "/speakers?proposed=true", viewerWrite)).size()).isZero();
	}

	private long firstDocument() throws Exception {
		return ApiTestSupport.json(api.get(base + "/documents", ownerRead)).get(0).get("id").asLong();
	}

	@Test
	void theStudyDesignNamesEachStrandAndAGroupCanBeSet() throws Exception {
		HttpResponse<String> response = api.get(base + "/study", coderRead);
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode study = ApiTestSupport.json(response);
		// other tests upload documents of their own into the demo, so only the demo's groups are asserted
		assertThat(study.get("strands").get("qualitative").get("description").asString())
			.startsWith("qualitative strand: 2 focus groups, 1 individual interview");
		assertThat(study.get("strands").get("fidelity").get("sessions").asInt()).isEqualTo(3);
		assertProblem(api.get(base + "/study", strangerRead), 404);
		assertProblem(api.putJson(base + "/study/groups/Interviews", coderRead, Map.of("kind", "interview")), 403);
		assertProblem(api.putJson(base + "/study/groups/Interviews", coderWrite, Map.of("kind", "podcast")), 400);
		HttpResponse<String> set = api.putJson(base + "/study/groups/Interviews", coderWrite,
				Map.of("kind", "field-notes", "strand", "none"));
		assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
		assertThat(ApiTestSupport.json(set).get("strands").get("qualitative").get("description").asString())
			.startsWith("qualitative strand: 2 focus groups").doesNotContain("interview");
		HttpResponse<String> again = api.putJson(base + "/study/groups/Interviews", coderWrite, Map.of("infer", true));
		assertThat(ApiTestSupport.json(again).get("strands").get("qualitative").get("description").asString())
			.startsWith("qualitative strand: 2 focus groups, 1 individual interview");
	}



	private Project recorded;

	private String mediaBase;

	private String ownerWrite;

	private String ownerPlay;

	/**
	 * A project of its own (the demo's documents and figures stay as they are) with the same members,
	 * and in it a document with {@code wav} attached over the API by the coder.
	 */
	private long documentWithRecording(String name, byte[] wav) throws Exception {
		synchronized (this) {
			if (recorded == null) {
				recorded = actors.callAs(owner, () -> projectService.create("Recordings", "media tests"));
				// the coder stays outside, so the demo's membership figures stay as the other tests expect
				actors.runAs(owner, () -> access.grant(recorded.id(), "viewer", ProjectRole.VIEWER));
				ownerWrite = actors.callAs(owner, () -> tokens.create("owner write", ApiScope.READ_WRITE, null)).secret();
				ownerPlay = actors.callAs(owner, () -> tokens.create("owner play", ApiScope.READ, null)).secret();
			}
		}
		mediaBase = "/api/v1/projects/" + recorded.id().value();
		long id = actors.callAs(owner, () -> corpus.importDocument(recorded.id(), new ImportRequest(name + ".txt",
				("Interviewer: Hello, " + name + ".\nP1: Hi.\n").getBytes(StandardCharsets.UTF_8), null, Language.ENGLISH)))
			.document().id().value();
		var put = api.send(java.net.http.HttpRequest.newBuilder(api.uri(mediaBase + "/documents/" + id + "/media?name=" + name + ".wav"))
			.header("Authorization", "Bearer " + ownerWrite).header("Content-Type", "audio/wav")
			.PUT(java.net.http.HttpRequest.BodyPublishers.ofByteArray(wav)).build());
		assertThat(put.statusCode()).as(put.body()).isEqualTo(201);
		JsonNode r = ApiTestSupport.json(put);
		assertThat(r.get("format").asString()).isEqualTo("wav");
		assertThat(r.get("sizeBytes").asLong()).isEqualTo(wav.length);
		return id;
	}

	private HttpResponse<String> patchJson(String path, String token, String json) throws Exception {
		return api.send(java.net.http.HttpRequest.newBuilder(api.uri(path)).header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString(json)).build());
	}

	/**
	 * Turn starts over the API, numbered from 1 as the transcript shows them: set all or nothing, and a time
	 * out of order is a 400 problem with the transcript page's message and changes nothing.
	 */
	@Test
	void turnStartsAreSetInTurnOrderAllOrNothing() throws Exception {
		long id = documentWithRecording("aligned", ToneWav.tones(1000, List.of(0L), List.of(440)));
		String path = mediaBase + "/documents/" + id + "/turn-starts";

		HttpResponse<String> set = patchJson(path, ownerWrite, "{\"starts\": [{\"turn\": 2, \"at\": \"0:05.5\"}]}");
		assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
		JsonNode turns = ApiTestSupport.json(set).get("turns");
		assertThat(turns.size()).isEqualTo(1);
		assertThat(turns.get(0).get("turn").asInt()).isEqualTo(2);
		assertThat(turns.get(0).get("speaker").asString()).isEqualTo("P1");
		assertThat(turns.get(0).get("startMs").asLong()).isEqualTo(5_500L);

		HttpResponse<String> late = patchJson(path, ownerWrite,
				"{\"starts\": [{\"turn\": 1, \"startMs\": 9000}, {\"turn\": 2, \"startMs\": 8000}]}");
		assertProblem(late, 400);
		assertThat(ApiTestSupport.json(late).get("detail").asString())
			.isEqualTo("turn 1 cannot start at 0:09.0: the later turn 2 starts at 0:08.0 (clear or correct that turn's time first)");
		assertProblem(patchJson(path, ownerWrite, "{\"starts\": [{\"turn\": 1, \"at\": \"soon\"}]}"), 400);
		assertProblem(patchJson(path, ownerPlay, "{\"starts\": [{\"turn\": 1, \"startMs\": 1000}]}"), 403);
		assertThat(actors.callAs(owner, () -> corpus.transcript(new quire.corpus.DocumentId(id)).orElseThrow().turns()))
			.extracting(quire.corpus.Turn::startMs).containsExactly(null, 5_500L);
	}

	private HttpResponse<byte[]> range(String path, String token, String range) throws Exception {
		var b = java.net.http.HttpRequest.newBuilder(api.uri(path)).header("Authorization", "Bearer " + token).GET();
		if (range != null) {
			b.header("Range", range);
		}
		return java.net.http.HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	@Test
	void aRecordingIsServedInRangesSoPlayersCanSeek() throws Exception {
		byte[] wav = ToneWav.tones(1000, List.of(0L), List.of(440));
		long id = documentWithRecording("ranges", wav);
		String path = mediaBase + "/documents/" + id + "/media";
		HttpResponse<byte[]> whole = range(path, ownerPlay, null);
		assertThat(whole.statusCode()).isEqualTo(200);
		assertThat(whole.headers().firstValue("Accept-Ranges")).hasValue("bytes");
		assertThat(whole.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("audio/wav"));
		assertThat(whole.body()).isEqualTo(wav);
		HttpResponse<byte[]> first = range(path, ownerPlay, "bytes=0-99");
		assertThat(first.statusCode()).isEqualTo(206);
		assertThat(first.headers().firstValue("Content-Range")).hasValue("bytes 0-99/" + wav.length);
		assertThat(first.body()).isEqualTo(java.util.Arrays.copyOfRange(wav, 0, 100));
		HttpResponse<byte[]> middle = range(path, ownerPlay, "bytes=1000-1999");
		assertThat(middle.statusCode()).isEqualTo(206);
		assertThat(middle.headers().firstValue("Content-Range")).hasValue("bytes 1000-1999/" + wav.length);
		assertThat(middle.body()).isEqualTo(java.util.Arrays.copyOfRange(wav, 1000, 2000));
		HttpResponse<byte[]> suffix = range(path, ownerPlay, "bytes=-500");
		assertThat(suffix.statusCode()).isEqualTo(206);
		assertThat(suffix.headers().firstValue("Content-Range"))
			.hasValue("bytes " + (wav.length - 500) + "-" + (wav.length - 1) + "/" + wav.length);
		assertThat(suffix.body()).isEqualTo(java.util.Arrays.copyOfRange(wav, wav.length - 500, wav.length));
		HttpResponse<byte[]> beyond = range(path, ownerPlay, "bytes=" + (wav.length + 10) + "-");
		assertThat(beyond.statusCode()).isEqualTo(416);
		assertThat(beyond.headers().firstValue("Content-Range")).hasValue("bytes */" + wav.length);
		JsonNode listed = ApiTestSupport.json(api.get(mediaBase + "/media", ownerPlay));
		JsonNode mine = null;
		for (JsonNode n : listed) {
			if (n.get("documentId").asLong() == id) {
				mine = n;
			}
		}
		assertThat(mine).isNotNull();
		assertThat(mine.get("durationMs").asLong()).isBetween(990L, 1010L);
		assertThat(mine.get("contentType").asString()).isEqualTo("audio/wav");
	}

	@Test
	void aViewerMayPlayButNotAttachAndANonMemberSeesNoRecording() throws Exception {
		byte[] wav = ToneWav.tones(500, List.of(), List.of());
		long id = documentWithRecording("roles", wav);
		String path = mediaBase + "/documents/" + id + "/media";
		String viewerRead = actors.callAs(users.find("viewer").orElseThrow(),
				() -> tokens.create("viewer play", ApiScope.READ, null)).secret();
		assertThat(range(path, viewerRead, "bytes=0-9").statusCode()).isEqualTo(206);
		assertProblem(api.get(path, strangerRead), 404);
		assertProblem(api.send(java.net.http.HttpRequest.newBuilder(api.uri(path))
			.header("Authorization", "Bearer " + viewerWrite)
			.PUT(java.net.http.HttpRequest.BodyPublishers.ofByteArray(wav)).build()), 403);
		assertProblem(api.send(java.net.http.HttpRequest.newBuilder(api.uri(path))
			.header("Authorization", "Bearer " + viewerWrite).DELETE().build()), 403);
		assertProblem(api.send(java.net.http.HttpRequest.newBuilder(api.uri(path))
			.header("Authorization", "Bearer " + strangerWrite).DELETE().build()), 404);
		assertThat(range(path, ownerPlay, null).statusCode()).isEqualTo(200);
	}

	@Test
	void aRenamedProgramIsRefusedWithTheReasonAndTheRecordingBeforeStays() throws Exception {
		byte[] wav = ToneWav.tones(500, List.of(), List.of());
		long id = documentWithRecording("sniffing", wav);
		byte[] exe = new byte[256];
		exe[0] = 'M';
		exe[1] = 'Z';
		var refused = api.send(java.net.http.HttpRequest.newBuilder(api.uri(mediaBase + "/documents/" + id + "/media?name=talk.mp3"))
			.header("Authorization", "Bearer " + ownerWrite).header("Content-Type", "audio/mpeg")
			.PUT(java.net.http.HttpRequest.BodyPublishers.ofByteArray(exe)).build());
		assertProblem(refused, 400);
		assertThat(ApiTestSupport.json(refused).get("detail").asString()).contains("talk.mp3").contains("Windows program");
		assertThat(range(mediaBase + "/documents/" + id + "/media", ownerPlay, null).body()).isEqualTo(wav);
	}

	@Test
	void aRecordingIsDetachedOrDeletedWithItsDocument() throws Exception {
		byte[] wav = ToneWav.tones(500, List.of(), List.of());
		long detached = documentWithRecording("detached", wav);
		String path = mediaBase + "/documents/" + detached + "/media";
		var delete = api.send(java.net.http.HttpRequest.newBuilder(api.uri(path))
			.header("Authorization", "Bearer " + ownerWrite).DELETE().build());
		assertThat(delete.statusCode()).isEqualTo(204);
		assertProblem(api.get(path, ownerPlay), 404);
		long deleted = documentWithRecording("deleted", wav);
		Path file = actors.callAs(owner, () -> media.open(new quire.corpus.DocumentId(deleted)).orElseThrow().file());
		assertThat(file).exists();
		actors.runAs(owner, () -> corpus.delete(new quire.corpus.DocumentId(deleted)));
		await().atMost(Duration.ofSeconds(30)).until(() -> !Files.exists(file));
		assertThat(actors.callAs(owner, () -> media.list(recorded.id())).stream()
			.noneMatch(r -> r.documentId().value() == deleted)).isTrue();
	}

}

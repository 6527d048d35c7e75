package quire.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import quire.search.internal.IndexCheckProgress;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import quire.QuireHome;
import quire.corpus.CorpusService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The headless commands, run in-process against a throwaway home. */
@SpringBootTest
@ActiveProfiles("cli")
class CliTests {

	@DynamicPropertySource
	static void home(DynamicPropertyRegistry registry) {
		QuireHome.register(registry, QuireHome.create("quire-cli"));
	}

	@Autowired
	IndexCheckProgress checkProgress;

	@Autowired
	QuireCommandLine cli;

	@TempDir
	Path files;


	CliRun run(String... args) {
		return CliRun.of(cli, args);
	}

	Path file(String name, String content) throws IOException {
		return Files.writeString(files.resolve(name), content, StandardCharsets.UTF_8);
	}

	@Test
	void createImportAndSearchAProject() throws IOException {
		assertThat(run("project", "create", "--name", "CLI study").exit()).isZero();
		assertThat(run("project", "list").out()).contains("CLI study");
		Path fg = file("fg1.txt", """
				[00:00:03] Moderator: What made the MI sessions different from usual follow-up?
				[00:00:09] MI Caseworker 3: We explored the whole situation of the person on sick leave,
				not only the plan for return to work.
				""");

		CliRun imported = run("import", "--project", "CLI study", "--group", "Focus groups", "--language", "en",
				fg.toString());
		assertThat(imported.exit()).isZero();
		assertThat(imported.out()).contains("imported fg1.txt as 'fg1': 2 turns");

		await().atMost(Duration.ofSeconds(30))
			.until(() -> run("search", "--project", "CLI study", "\"sick leave\"").out().contains("[sick leave]"));
		CliRun json = run("search", "--project", "CLI study", "--speaker", "MI Caseworker 3", "--json", "explored");
		assertThat(json.exit()).isZero();
		assertThat(json.out()).contains("\"document\" : \"fg1\"", "\"speaker\" : \"MI Caseworker 3\"",
				"\"hit\" : \"explored\"", "\"turn\" : 1", "\"turnNumber\" : 2");
		// the caseworker's turn is the second: the search page and the exports call it turn 2, so does the CLI
		assertThat(run("search", "--project", "CLI study", "explored").out()).contains("fg1 #2 ").doesNotContain("fg1 #1 ");
	}

	/** MITI suggestions name the counsellor's turn by the number the pages show (from 1). */
	@Test
	void mitiSuggestionsNumberTurnsAsThePagesDo() throws IOException {
		assertThat(run("project", "create", "--name", "CLI suggestions").exit()).isZero();
		Path session = file("mi-session.txt", """
				Client: I don't know if I can go back to work at all.
				Counsellor: What would make going back feel possible for you?
				""");
		assertThat(run("import", "--project", "CLI suggestions", "--language", "en", session.toString()).exit()).isZero();

		CliRun text = run("miti", "suggest", "--project", "CLI suggestions", "--document", "mi-session", "--counsellor",
				"Counsellor");
		assertThat(text.exit()).as(text.err()).isZero();
		assertThat(text.out()).startsWith("#2 ");
		CliRun json = run("miti", "suggest", "--project", "CLI suggestions", "--document", "mi-session", "--counsellor",
				"Counsellor", "--json");
		assertThat(json.out()).contains("\"turn\" : 1", "\"turnNumber\" : 2");
	}

	@Test
	void codeCodesEveryHitOfASearchOncePerDocumentAndARerunAddsNothing() throws IOException {
		assertThat(run("project", "create", "--name", "Code hits").exit()).isZero();
		Path qdc = file("one.qdc", """
				<?xml version="1.0" encoding="utf-8"?>
				<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>
				  <Code guid="00000000-0000-4000-8000-0000000000b1" name="Workload" isCodable="true" color="#D62728"/>
				</Codes></CodeBook>
				""");
		assertThat(run("codebook", "import", "--project", "Code hits", qdc.toString()).exit()).isZero();
		Path a = file("a.txt", "Moderator: Is the caseload high?\nMI Caseworker 1: The caseload is high. Very high.");
		Path b = file("b.txt", "Moderator: And here?\nMI Caseworker 2: No caseload problems here.");
		assertThat(run("import", "--project", "Code hits", "--language", "en", a.toString(), b.toString()).exit()).isZero();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> run("search", "--project", "Code hits", "caseload").out().contains("3 hits"));

		CliRun coded = run("code", "--project", "Code hits", "--code", "Workload", "--coder", "Kim", "--unit", "sentence",
				"caseload");
		assertThat(coded.exit()).as(coded.err()).isZero();
		assertThat(coded.out()).contains("coded a: 2 new codings", "coded b: 1 new coding",
				"3 new codings with 'Workload' as Kim in 2 documents");
		assertThat(run("code", "--project", "Code hits", "--code", "Workload", "--coder", "Kim", "--unit", "sentence",
				"caseload").out()).contains("0 new codings");
		CliRun unknown = run("code", "--project", "Code hits", "--code", "Nope", "caseload");
		assertThat(unknown.exit()).isEqualTo(2);
		assertThat(unknown.err()).contains("no code named 'Nope'");
	}

	@Test
	void codeRefusesWhileTheIndexCheckAfterAnUncleanStopHasFailed() throws IOException {
		run("project", "create", "--name", "Check failed");
		Path a = file("cf.txt", "Moderator: Is the caseload high?\nMI Caseworker 1: The caseload is high.");
		assertThat(run("import", "--project", "Check failed", "--language", "en", a.toString()).exit()).isZero();
		Path qdc = file("cf.qdc", """
				<?xml version="1.0" encoding="utf-8"?>
				<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>
				  <Code guid="00000000-0000-4000-8000-0000000000c1" name="Workload" isCodable="true" color="#D62728"/>
				</Codes></CodeBook>
				""");
		assertThat(run("codebook", "import", "--project", "Check failed", qdc.toString()).exit()).isZero();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> run("search", "--project", "Check failed", "caseload").out().contains("2 hits"));
		// what the check after an unclean stop leaves when it fails
		checkProgress.started(1);
		checkProgress.failed("disk full");
		checkProgress.finished();
		try {
			CliRun refused = run("code", "--project", "Check failed", "--code", "Workload", "caseload");
			assertThat(refused.exit()).isEqualTo(2);
			assertThat(refused.err()).contains("nothing coded: the search index could not be checked after an unclean stop (disk full)",
					"quire index rebuild");
			assertThat(refused.out()).doesNotContain("new coding");
		}
		finally {
			checkProgress.started(0);
			checkProgress.finished();
		}
		CliRun coded = run("code", "--project", "Check failed", "--code", "Workload", "caseload");
		assertThat(coded.exit()).as(coded.err()).isZero();
		assertThat(coded.out()).contains("2 new codings");
	}

	@Test
	void rejectedFilesAreNamedAndTheExitStatusIsNonZero() throws IOException {
		run("project", "create", "--name", "Rejects");
		Path good = file("ok.txt", "Moderator: Hello there.\nMI Caseworker 1: Hello.");
		Path empty = file("empty.txt", "");
		Path pptx = file("slides.pptx", "x");

		CliRun result = run("import", "--project", "Rejects", good.toString(), empty.toString(), pptx.toString(),
				files.resolve("missing.txt").toString());

		assertThat(result.exit()).isEqualTo(1);
		assertThat(result.out()).contains("imported ok.txt");
		assertThat(result.err()).contains("rejected empty.txt: the file is empty")
			.contains("rejected slides.pptx: unsupported file type")
			.contains("rejected missing.txt: no such file");
	}

	@Test
	void manyFilesAreImportedInGroupsAndEachIsReportedInOrder() throws IOException {
		run("project", "create", "--name", "Bulk");
		List<String> args = new ArrayList<>(List.of("import", "--project", "Bulk", "--language", "en"));
		int files = CorpusService.IMPORT_GROUP * 2 + 3;
		for (int i = 0; i < files; i++) {
			String content = i == CorpusService.IMPORT_GROUP + 1 ? "" // a bad file in the second group
					: "Moderator: Session " + i + ", how was the return to work?\nParticipant " + i + ": It was fine.";
			args.add(file("session-" + i + ".txt", content).toString());
		}
		CliRun result = run(args.toArray(String[]::new));
		assertThat(result.exit()).isEqualTo(1);
		assertThat(result.err()).contains("rejected session-" + (CorpusService.IMPORT_GROUP + 1) + ".txt: the file is empty");
		List<String> imported = result.out().lines().filter(l -> l.startsWith("imported ")).toList();
		assertThat(imported).hasSize(files - 1);
		assertThat(imported.get(0)).startsWith("imported session-0.txt as 'session-0'");
		assertThat(imported.get(files - 2)).startsWith("imported session-" + (files - 1) + ".txt");
		assertThat(run("search", "--project", "Bulk", "\"return to work\"").out()).contains("session-" + (files - 1));
	}

	@Test
	void participantLinkUnlinkAndListFollowTheSpeakersOfEachDocument() throws IOException {
		assertThat(run("project", "create", "--name", "Repeat sessions").exit()).isZero();
		String session = """
				Counsellor: How have the weeks been?
				Sick-listed worker: Better than I feared.
				Counsellor: What changed?
				Sick-listed worker: I talked to my boss.
				""";
		assertThat(run("import", "--project", "Repeat sessions", "--language", "en", file("mi-a.txt", session + "A").toString(),
				file("mi-b.txt", session + "B").toString()).exit()).isZero();
		CliRun before = run("participant", "list", "--project", "Repeat sessions", "--json");
		assertThat(before.exit()).as(before.err()).isZero();
		assertThat(before.out()).contains("\"label\" : \"Sick-listed worker — mi-a\"", "\"label\" : \"Sick-listed worker — mi-b\"",
				"\"origin\" : \"document\"");

		// the same worker came back for a second session
		CliRun linked = run("participant", "link", "--project", "Repeat sessions", "--document", "mi-b", "--speaker",
				"Sick-listed worker", "--participant", "Sick-listed worker — mi-a");
		assertThat(linked.exit()).as(linked.err()).isZero();
		assertThat(linked.out()).contains("linked 'Sick-listed worker' of 'mi-b' → Sick-listed worker — mi-a");
		CliRun after = run("participant", "list", "--project", "Repeat sessions", "--json");
		assertThat(after.out()).doesNotContain("Sick-listed worker — mi-b").contains("\"turns\" : 4", "\"origin\" : \"researcher\"");

		CliRun unlinked = run("participant", "unlink", "--project", "Repeat sessions", "--document", "mi-b", "--speaker",
				"Sick-listed worker");
		assertThat(unlinked.out()).contains("→ Sick-listed worker — mi-b");
		CliRun wrong = run("participant", "link", "--project", "Repeat sessions", "--document", "mi-b", "--speaker", "Nurse",
				"--participant", "Sick-listed worker — mi-a");
		assertThat(wrong.exit()).isEqualTo(2);
		assertThat(wrong.err()).contains("error: 'mi-b' has no speaker 'Nurse'; its speakers are Counsellor, Sick-listed worker");
	}

	@Test
	void unknownProjectIsAClearError() {
		CliRun result = run("search", "--project", "Nope", "workload");
		assertThat(result.exit()).isEqualTo(2);
		assertThat(result.err()).startsWith("error: no project named 'Nope'");
	}


	@Test
	void demoAgreementAndCodebookRoundTrip() throws IOException {
		String project = ensureDemo();

		CliRun agreement = run("agreement", "--project", project, "--coders", "Anna,Jonas", "--unit", "sentence");
		assertThat(agreement.exit()).as(agreement.err()).isZero();
		assertThat(agreement.out()).contains("Computed over: Anna and Jonas · qualitative strand: 2 focus groups")
			.contains(" sentences per code · Thematic codes, ")
			.contains("Management support")
			.contains("All codes (Thematic codes, ")
			.contains("alpha 95% CI");

		CliRun characters = run("agreement", "--project", project, "--coders", "Anna,Jonas", "--unit", "character");
		assertThat(characters.out()).contains("character-level agreement, not comparable to unit-based figures");
		assertThat(agreementJson("--project", project, "--coders", "Anna,Jonas", "--json", "--strand", "all",
				"--system", "miti").get("codeScope").asString()).startsWith("MITI behaviour codes, ");

		CliRun search = run("search", "--project", project, "--within", "Need for continued practice", "practi*");
		assertThat(search.exit()).as(search.err()).isZero();
		assertThat(search.out()).contains("[practise]");

		Path qdc = files.resolve("demo.qdc");
		CliRun export = run("codebook", "export", "--project", project, qdc.toString());
		assertThat(export.exit()).as(export.err()).isZero();
		assertThat(export.out()).contains("wrote 37 codes");
		assertThat(run("project", "create", "--name", "Codebook copy").exit()).isZero();
		CliRun imported = run("codebook", "import", "--project", "Codebook copy", qdc.toString());
		assertThat(imported.exit()).as(imported.err()).isZero();
		assertThat(imported.out()).contains("37 codes added");
	}

	/**
	 * The done-when of issue 18: the demo's agreement defaults to a unit that is not the character, lists only
	 * thematic codes over the qualitative strand (the focus groups, not the MI sessions), and says so.
	 */
	@Test
	void demoAgreementJsonDefaultsToSpeakerTurnsAndThematicCodesOfTheQualitativeStrand() {
		String project = ensureDemo();

		JsonNode root = agreementJson("--project", project, "--coders", "Anna,Jonas", "--json");

		assertThat(root.get("unit").asString()).isEqualTo("turn");
		assertThat(root.has("unitCaveat")).isFalse();
		assertThat(root.get("codeSystem").asString()).isEqualTo("thematic");
		assertThat(root.get("strand").asString()).isEqualTo("qualitative");
		assertThat(root.get("documentScope").asString()).startsWith("qualitative strand: 2 focus groups");
		List<String> documents = new ArrayList<>();
		root.get("documentNames").forEach(d -> documents.add(d.asString()));
		assertThat(documents).isNotEmpty().allSatisfy(d -> assertThat(d).startsWith("focus-group"));
		List<String> codes = new ArrayList<>();
		root.get("codes").forEach(c -> codes.add(c.get("code").asString()));
		assertThat(codes).isNotEmpty()
			.contains("Implementation › Management support")
			.noneSatisfy(c -> assertThat(c).startsWith(quire.coding.CodeSystem.MITI_ROOT_NAME));
		assertThat(root.get("codeScope").asString()).isEqualTo("Thematic codes, " + codes.size() + " codes");
		assertThat(root.get("overall").get("units").asInt()).isEqualTo(codes.size() * root.get("unitsPerCode").asInt());
		JsonNode ci = root.get("overall").get("alphaCi95");
		assertThat(ci.get("lower").asDouble()).isLessThanOrEqualTo(root.get("overall").get("krippendorffsAlpha").asDouble());
		assertThat(ci.get("upper").asDouble()).isGreaterThanOrEqualTo(root.get("overall").get("krippendorffsAlpha").asDouble());
		assertThat(root.get("alphaInterval").get("seed").asLong()).isEqualTo(quire.coding.AgreementRequest.DEFAULT_SEED);
		assertThat(root.get("computedOver").asString()).contains("speaker turns per code");
		// the same data and seed give the same interval
		assertThat(agreementJson("--project", project, "--coders", "Anna,Jonas", "--json").get("overall"))
			.isEqualTo(root.get("overall"));
	}

	/** The demo project, created by the first test that needs it (the tests share one Quire home). */
	String ensureDemo() {
		String project = quire.corpus.DemoProject.NAME;
		if (!run("project", "list").out().contains(project)) {
			CliRun demo = run("demo");
			assertThat(demo.exit()).as(demo.err()).isZero();
		}
		return project;
	}

	JsonNode agreementJson(String... args) {
		String[] all = new String[args.length + 1];
		all[0] = "agreement";
		System.arraycopy(args, 0, all, 1, args.length);
		CliRun run = run(all);
		assertThat(run.exit()).as(run.err()).isZero();
		return JsonMapper.builder().build().readTree(run.out());
	}

	@Test
	void aMalformedCodebookIsRejectedWithItsNameAndNothingChanges() throws IOException {
		assertThat(run("project", "create", "--name", "Bad codebook").exit()).isZero();
		Path bad = file("bad.qdc", "<?xml version=\"1.0\"?><CodeBook xmlns=\"urn:wrong\"><Codes/></CodeBook>");
		CliRun result = run("codebook", "import", "--project", "Bad codebook", bad.toString());
		assertThat(result.exit()).isNotZero();
		assertThat(result.err()).contains("bad.qdc").contains("urn:QDA-XML:codebook:1.0");
		Path out = files.resolve("empty.qdc");
		assertThat(run("codebook", "export", "--project", "Bad codebook", out.toString()).out()).contains("wrote 0 codes");
	}

	@Test
	void agreementNeedsTwoCodersAndAKnownUnit() {
		assertThat(run("project", "create", "--name", "Agreement errors").exit()).isZero();
		CliRun one = run("agreement", "--project", "Agreement errors", "--coders", "Anna");
		assertThat(one.exit()).isNotZero();
		assertThat(one.err()).contains("at least two coders");
		CliRun unit = run("agreement", "--project", "Agreement errors", "--coders", "Anna,Jonas", "--unit", "paragraph");
		assertThat(unit.err()).contains("unknown unit 'paragraph'");
	}


	@Test
	void mitiImportRejectsBadRowsAndSummarisesGoodOnes() throws IOException {
		assertThat(run("project", "create", "--name", "MITI lab").exit()).isZero();
		String header = "session;counselor;rater;CCT;SST;Partnership;Empathy;GI;Persuade;PwP;Q;SR;CR;AF;Seek;Emph;Confront\n";
		Path bad = file("lab-bad.csv", header + "A1;MI Caseworker 1;R1;3;3;4;6;5;1;0;20;8;6;2;1;1;0\n"
				+ "A2;MI Caseworker 1;R1;3;3;4;4;5;1;0;x;8;6;2;1;1;0\n");
		CliRun rejected = run("miti", "import", "--project", "MITI lab", bad.toString());
		assertThat(rejected.exit()).isNotZero();
		assertThat(rejected.out()).contains("nothing imported");
		assertThat(rejected.err()).contains("line 2").contains("Empathy").contains("line 3");
		assertThat(run("miti", "summary", "--project", "MITI lab").out()).doesNotContain("A1");

		Path good = file("lab.csv", header + "A1;MI Caseworker 1;R1;3;4;4;4;5;1;0;20;8;6;2;1;1;0\n"
				+ "A2;MI Caseworker 2;R1;2;3;3;4;5;1;0;0;8;6;2;1;1;0\n");
		CliRun imported = run("miti", "import", "--project", "MITI lab", good.toString());
		assertThat(imported.exit()).as(imported.err()).isZero();
		assertThat(imported.out()).contains("2 ratings imported, 2 new sessions");

		CliRun summary = run("miti", "summary", "--project", "MITI lab", "--thresholds", "beginning");
		assertThat(summary.out()).contains("Thresholds: Beginning proficiency (seed 002)")
			.contains("MI Caseworker 1").contains("All sessions")
			.contains("(1 n/d)");
		CliRun json = run("miti", "summary", "--project", "MITI lab", "--by", "session", "--json");
		assertThat(json.out()).contains("\"thresholds\" : \"MITI 4.2.1 fair/good\"").contains("\"name\" : \"A2\"")
			.contains("\"notDefined\" : 1");
	}


	@Test
	void mitiSummaryOnTheDemoIsTheLabsTwentySessionsUnlessPoolingIsChosen() {
		if (!run("project", "list").out().contains(quire.corpus.DemoProject.NAME)) {
			assertThat(run("demo").exit()).isZero();
		}
		String project = quire.corpus.DemoProject.NAME;
		// seed 002's Table 3 from the lab's 20 primary ratings (S01–S04's second lab coder only feeds the ICC):
		// Technical 3.25 (SD 0.6977), Relational 3.45 (SD 0.6262)
		CliRun json = run("miti", "summary", "--project", project, "--json");
		assertThat(json.exit()).as(json.err()).isZero();
		JsonNode root = JsonMapper.builder().build().readTree(json.out());
		assertThat(root.get("source").asString()).isEqualTo("lab");
		assertThat(root.get("caption").asString()).isEqualTo("20 sessions rated by the coding lab (primary ratings)");
		JsonNode overall = root.get("overall");
		assertThat(overall.get("sessions").asInt()).isEqualTo(20);
		assertThat(overall.at("/Technical/n").asInt()).isEqualTo(20);
		assertThat(overall.at("/Technical/mean").asDouble()).isEqualTo(3.25);
		assertThat(overall.at("/Technical/sd").asDouble()).isEqualTo(0.6977);
		assertThat(overall.at("/Relational/mean").asDouble()).isEqualTo(3.45);
		assertThat(overall.at("/Relational/sd").asDouble()).isEqualTo(0.6262);
		assertThat(root.at("/reliability/coders").toString()).isEqualTo("[\"LAB-A\",\"LAB-B\"]");
		assertThat(root.at("/reliability/sessions").asInt()).isEqualTo(4);

		CliRun text = run("miti", "summary", "--project", project);
		assertThat(text.out()).contains("Ratings: 20 sessions rated by the coding lab (primary ratings)")
			.contains("3.25 (0.70)").contains("3.45 (0.63)");

		// pooled with the three sessions coded in Quire: an explicit, labelled choice
		JsonNode pooled = JsonMapper.builder().build()
			.readTree(run("miti", "summary", "--project", project, "--source", "pooled", "--json").out());
		assertThat(pooled.get("source").asString()).isEqualTo("pooled");
		assertThat(pooled.get("caption").asString())
			.isEqualTo("23 sessions, coding lab and Quire pooled (primary ratings: 20 coding lab, 3 Quire)");
		assertThat(pooled.at("/overall/sessions").asInt()).isEqualTo(23);
		assertThat(run("miti", "summary", "--project", project, "--source", "pooled").out())
			.contains("Ratings: 23 sessions, coding lab and Quire pooled").contains("3.26 (0.65)").contains("3.48 (0.59)");
		JsonNode quire = JsonMapper.builder().build()
			.readTree(run("miti", "summary", "--project", project, "--source", "quire", "--json").out());
		assertThat(quire.at("/overall/sessions").asInt()).isEqualTo(3);

		CliRun wrong = run("miti", "summary", "--project", project, "--source", "both");
		assertThat(wrong.exit()).isNotZero();
		assertThat(wrong.err()).contains("unknown rating source 'both': use lab, quire or pooled");
	}

	@Test
	void mitiRoleMakesARatingPrimaryOrReliability() throws IOException {
		assertThat(run("project", "create", "--name", "MITI roles").exit()).isZero();
		Path lab = file("roles.csv", """
				Session,Counsellor,Coder,CCT,SST,Partnership,Empathy,GI,Persuade,PwP,Q,SR,CR,AF,Seek,Emph,Confront
				R1,MI Caseworker 1,A,2,2,2,2,5,1,0,20,8,6,2,1,1,0
				R1,MI Caseworker 1,B,4,4,4,4,5,1,0,20,8,6,2,1,1,0
				""");
		assertThat(run("miti", "import", "--project", "MITI roles", lab.toString()).exit()).isZero();
		assertThat(JsonMapper.builder().build().readTree(run("miti", "summary", "--project", "MITI roles", "--json").out())
			.at("/overall/Technical/mean").asDouble()).isEqualTo(2.0);

		CliRun role = run("miti", "role", "--project", "MITI roles", "--session", "R1", "--coder", "B", "--role", "primary");
		assertThat(role.exit()).as(role.err()).isZero();
		assertThat(role.out()).contains("session R1: B's rating is now primary");
		JsonNode after = JsonMapper.builder().build().readTree(run("miti", "summary", "--project", "MITI roles", "--json").out());
		assertThat(after.at("/overall/Technical/mean").asDouble()).isEqualTo(4.0);
		assertThat(after.at("/overall/sessions").asInt()).isEqualTo(1);

		CliRun unknown = run("miti", "role", "--project", "MITI roles", "--session", "R1", "--coder", "C", "--role", "primary");
		assertThat(unknown.exit()).isNotZero();
		assertThat(unknown.err()).contains("session 'R1' has no rating by 'C'; its coders are A, B");
		CliRun badRole = run("miti", "role", "--project", "MITI roles", "--session", "R1", "--coder", "A", "--role", "main");
		assertThat(badRole.err()).contains("unknown role 'main': use primary or reliability");
	}

	@Test
	void surveyImportDescribeAndMatrixOnTheDemo() throws IOException {
		if (run("project", "list").out().contains(quire.corpus.DemoProject.NAME) == false) {
			assertThat(run("demo").exit()).isZero();
		}
		String project = quire.corpus.DemoProject.NAME;
		CliRun describe = run("survey", "describe", "--project", project, "--by", "Gender");
		assertThat(describe.exit()).as(describe.err()).isZero();
		assertThat(describe.out()).contains("112 respondents").contains("very satisfied").contains("by Gender: woman | man");

		Path q = file("follow-up.csv", "id,satisfaction\nSW001,5\nNOBODY,4\n");
		CliRun refused = run("survey", "import", "--project", project, "--id-column", "id", q.toString());
		assertThat(refused.exit()).isNotZero();
		assertThat(refused.err()).contains("ids that match no participant: NOBODY");

		CliRun matrix = run("matrix", "--project", project, "--rows", "reaim", "--columns", "Group");
		assertThat(matrix.exit()).as(matrix.err()).isZero();
		assertThat(matrix.out()).contains("Adoption").contains("MI-substitute");

		CliRun codes = run("matrix", "--project", project, "--rows", "codes", "--columns", "Group");
		assertThat(codes.exit()).as(codes.err()).isZero();
		assertThat(codes.out()).contains("Rows: Thematic codes, ").contains("Management support")
			.doesNotContain("Question (Q)");
		assertThat(run("matrix", "--project", project, "--rows", "codes", "--system", "miti", "--columns", "Group").out())
			.contains("Rows: MITI behaviour codes, ")
			.contains("Question (Q)")
			.doesNotContain("Management support");
	}


	@Test
	void reportAndChecklistFromTheCommandLine() throws IOException {
		if (!run("project", "list").out().contains(quire.corpus.DemoProject.NAME)) {
			assertThat(run("demo").exit()).isZero();
		}
		String project = quire.corpus.DemoProject.NAME;
		Path md = files.resolve("report.md");
		CliRun written = run("report", "--project", project, "--format", "md", "--out", md.toString());
		assertThat(written.exit()).as(written.err()).isZero();
		assertThat(Files.readString(md)).contains("COREQ").contains("# Methods");
		CliRun pdf = run("report", "--project", project, "--format", "pdf", "--out", files.resolve("report.pdf").toString());
		assertThat(pdf.exit()).as(pdf.err()).isZero();
		assertThat(Files.size(files.resolve("report.pdf"))).isGreaterThan(10_000);
		CliRun checklist = run("coreq", "--project", project, "--json");
		assertThat(checklist.out()).contains("\"status\" : \"from_data\"").contains("\"status\" : \"missing\"");
		// items 18, 21 and 22 are computed over the focus groups and the interview, with what they counted
		JsonNode items = JsonMapper.builder().build().readTree(checklist.out());
		for (int item : new int[] { 18, 21, 22 }) {
			JsonNode entry = items.get(item - 1);
			assertThat(entry.get("item").asInt()).isEqualTo(item);
			assertThat(entry.get("evidence").size()).as("item " + item + " evidence").isPositive();
			String text = entry.toString();
			assertThat(text).as("item " + item).doesNotContainIgnoringCase("mi-session").doesNotContainIgnoringCase("MI session")
				.doesNotContainPattern("Sick-listed worker(?!s)").doesNotContain("MI Caseworker 1").doesNotContain("Moderator");
		}
		Path without = files.resolve("without.md");
		assertThat(run("report", "--project", project, "--format", "md", "--leave-out", "Joint display,Codebook", "--out", without.toString())
			.exit()).isZero();
		assertThat(Files.readString(without)).contains("# Methods").doesNotContain("## Joint display").doesNotContain("## Codebook");
		assertThat(run("report", "--project", project, "--format", "md", "--leave-out", "Discussion", "--out", "x").err())
			.contains("the report has no section 'Discussion'");
		assertThat(run("report", "--project", project, "--format", "odt", "--out", "x").err()).contains("unknown format 'odt'");
	}

	@Test
	void studyShowNamesEachStrandAndStudySetChangesAGroup() {
		if (run("project", "list").out().lines().noneMatch(l -> l.contains(quire.corpus.DemoProject.NAME))) {
			assertThat(run("demo").exit()).isZero();
		}
		String project = quire.corpus.DemoProject.NAME;

		CliRun show = run("study", "show", "--project", project);
		assertThat(show.exit()).as(show.err()).isZero();
		assertThat(show.out()).contains("Qualitative strand: 2 focus groups, 1 individual interview")
			.contains("Fidelity strand: 3 counselling sessions (MI)")
			.contains("20 sessions rated by the coding lab");

		CliRun json = run("study", "show", "--project", project, "--json");
		assertThat(json.out()).contains("\"qualitative\"").contains("\"group\" : \"MI sessions\"")
			.contains("\"strand\" : \"fidelity\"");

		CliRun set = run("study", "set", "--project", project, "--group", "Interviews", "--kind", "field-notes",
				"--strand", "none");
		assertThat(set.exit()).as(set.err()).isZero();
		assertThat(run("study", "show", "--project", project).out().lines().filter(l -> l.startsWith("Qualitative strand"))
			.findFirst()).hasValueSatisfying(l -> assertThat(l).startsWith("Qualitative strand: 2 focus groups").doesNotContain("interview"));
		assertThat(run("study", "set", "--project", project, "--group", "Interviews", "--infer").exit()).isZero();
		assertThat(run("study", "show", "--project", project).out())
			.contains("Qualitative strand: 2 focus groups, 1 individual interview");

		CliRun bad = run("study", "set", "--project", project, "--group", "Interviews", "--kind", "podcast");
		assertThat(bad.exit()).isNotZero();
		assertThat(bad.err()).contains("unknown group kind 'podcast'");
	}


	@Test
	void aRecordingIsAttachedListedAndDetachedAndARenamedProgramIsRefused() throws IOException {
		assertThat(run("project", "create", "--name", "Recorded").exit()).isZero();
		Path transcript = file("talk.txt", "Interviewer: Hello.\nP1: Hi there.\n");
		assertThat(run("import", "--project", "Recorded", "--language", "en", transcript.toString()).exit()).isZero();
		Path wav = Files.write(files.resolve("talk-audio.bin"), quire.media.internal.ToneWav.tones(2000, List.of(0L), List.of(440)));
		CliRun attached = run("media", "attach", "--project", "Recorded", "--document", "talk", wav.toString());
		assertThat(attached.exit()).as(attached.err()).isZero();
		assertThat(attached.out()).contains("WAV audio").contains("0:02");
		JsonNode listed = JsonMapper.builder().build().readTree(run("media", "list", "--project", "Recorded", "--json").out());
		assertThat(listed.size()).isEqualTo(1);
		assertThat(listed.get(0).get("document").asString()).isEqualTo("talk");
		assertThat(listed.get(0).get("format").asString()).isEqualTo("wav");
		assertThat(listed.get(0).get("durationMs").asLong()).isBetween(1990L, 2010L);
		byte[] exe = new byte[128];
		exe[0] = 'M';
		exe[1] = 'Z';
		Path renamed = Files.write(files.resolve("talk.mp3"), exe);
		CliRun refused = run("media", "attach", "--project", "Recorded", "--document", "talk", renamed.toString());
		assertThat(refused.exit()).isNotZero();
		assertThat(refused.err()).contains("talk.mp3").contains("Windows program");
		assertThat(run("media", "list", "--project", "Recorded").out()).contains("talk-audio.bin");
		assertThat(run("media", "detach", "--project", "Recorded", "--document", "talk").exit()).isZero();
		assertThat(run("media", "list", "--project", "Recorded").out()).contains("no recordings");
		assertThat(run("media", "detach", "--project", "Recorded", "--document", "talk").err()).contains("has no recording");
	}


	@Test
	void aFolderImportsEachRecordingWithItsTranscriptAllOrNothing() throws IOException {
		assertThat(run("project", "create", "--name", "Recorded folder").exit()).isZero();
		Path folder = Files.createDirectories(files.resolve("sessions"));
		String srt = "1\n00:00:01,000 --> 00:00:02,000\nCounsellor: How are you?\n\n2\n00:00:03,000 --> 00:00:04,000\nClient: %s\n";
		Files.writeString(folder.resolve("s01.srt"), srt.formatted("Fine."), StandardCharsets.UTF_8);
		Files.write(folder.resolve("S01.wav"), quire.media.internal.ToneWav.tones(5000, List.of(1000L, 3000L), List.of(440, 880)));
		Files.writeString(folder.resolve("s02.srt"), srt.formatted("Tired."), StandardCharsets.UTF_8);
		byte[] exe = new byte[128];
		exe[0] = 'M';
		exe[1] = 'Z';
		Files.write(folder.resolve("s02.mp3"), exe);
		Files.write(folder.resolve("lonely.wav"), quire.media.internal.ToneWav.tones(500, List.of(), List.of()));
		Files.writeString(folder.resolve("notes.txt"), "Moderator: A note.\nP1: Yes.\n", StandardCharsets.UTF_8);

		CliRun imported = run("import", "--project", "Recorded folder", "--language", "en", folder.toString());
		assertThat(imported.exit()).isEqualTo(1);
		assertThat(imported.out()).contains("imported s01.srt with its recording S01.wav as 's01': 2 turns")
			.contains("WAV audio, 0:05").contains("imported notes.txt as 'notes'");
		assertThat(imported.err()).contains("rejected s02.mp3: it is a Windows program")
			.contains("(neither s02.srt nor s02.mp3 was imported)")
			.contains("rejected lonely.wav: a recording is imported with its transcript of the same name");
		assertThat(run("media", "list", "--project", "Recorded folder").out()).contains("S01.wav").doesNotContain("s02");
		assertThat(run("search", "--project", "Recorded folder", "Tired").out()).doesNotContain("s02");
	}

	@Test
	void shellRunsAScriptsCommandsInOneProcessAndStopsAtTheFirstFailingLine() throws IOException {
		Path script = file("pipeline.quire", """
				# a pipeline: create, list, search
				project create --name "Shell study" --description 'made by a script'

				project list
				search --project "No such project" anything
				project create --name "Shell study, never made"
				""");
		CliRun run = run("shell", script.toString());
		assertThat(run.exit()).isEqualTo(2);
		assertThat(run.out()).contains("created project 'Shell study'", "Shell study\tmade by a script");
		assertThat(run.err()).contains("no project named 'No such project'",
				"error: line 5 failed (exit status 2): search --project \"No such project\" anything");
		assertThat(run("project", "list").out()).doesNotContain("never made");

		CliRun going = run("shell", "--keep-going", file("going.quire", """
				project create --name "Shell study"
				project create --name "Shell study, made after a failure"
				project list --bogus
				""").toString());
		assertThat(going.exit()).isEqualTo(2);
		assertThat(going.err()).contains("error: line 1 failed", "Unknown option: '--bogus'", "error: line 3 failed",
				"error: 2 lines failed");
		assertThat(run("project", "list").out()).contains("Shell study, made after a failure");
	}

	@Test
	void shellRefusesAHomePerLineAShellInAShellAndAMissingScript() throws IOException {
		CliRun home = run("shell", file("home.quire", "--home /elsewhere project list\n").toString());
		assertThat(home.exit()).isEqualTo(2);
		assertThat(home.err()).contains("--home is given once, to shell itself");
		CliRun nested = run("shell", file("nested.quire", "shell other.quire\n").toString());
		assertThat(nested.err()).contains("a script cannot start another shell");
		CliRun missing = run("shell", files.resolve("nowhere.quire").toString());
		assertThat(missing.exit()).isEqualTo(2);
		assertThat(missing.err().strip()).startsWith("error: no script file at");
	}

	/**
	 * Turn starts from the command line: one turn by its number as the page shows it, or many from a CSV;
	 * a time out of order is refused with the page's message and changes nothing.
	 */
	@Test
	void turnStartsAreSetOneByOneOrFromACsvAndOutOfOrderTimesChangeNothing() throws IOException {
		assertThat(run("project", "create", "--name", "Timed by hand").exit()).isZero();
		Path transcript = file("aligned.txt", "Interviewer: Hello.\nP1: Hi there.\nInterviewer: How are you?\nP1: Fine.\n");
		assertThat(run("import", "--project", "Timed by hand", "--language", "en", transcript.toString()).exit()).isZero();

		CliRun set = run("times", "set", "--project", "Timed by hand", "--document", "aligned", "--turn", "2", "--at",
				"00:01:23.5");
		assertThat(set.exit()).as(set.err()).isZero();
		assertThat(set.out()).isEqualTo("turn 2 (P1) of 'aligned' starts at 1:23.5\n");
		assertThat(starts("aligned")).containsExactly(null, 83_500L, null, null);

		CliRun late = run("times", "set", "--project", "Timed by hand", "--document", "aligned", "--turn", "1", "--at", "90000");
		assertThat(late.exit()).isNotZero();
		assertThat(late.err()).contains("turn 1 cannot start at 1:30.0: the later turn 2 starts at 1:23.5");
		assertThat(starts("aligned")).containsExactly(null, 83_500L, null, null);

		Path csv = file("starts.csv", "turn,start\n1,0:02\n3,1:30,5\n4;95000\n");
		CliRun imported = run("times", "import", "--project", "Timed by hand", "--document", "aligned", "--json", csv.toString());
		assertThat(imported.exit()).as(imported.err()).isZero();
		JsonNode json = JsonMapper.builder().build().readTree(imported.out());
		assertThat(json.size()).isEqualTo(3);
		assertThat(json.get(1).get("turn").asInt()).isEqualTo(3);
		assertThat(json.get(1).get("startMs").asLong()).isEqualTo(90_500L);
		assertThat(starts("aligned")).containsExactly(2_000L, 83_500L, 90_500L, 95_000L);

		Path disordered = file("disordered.csv", "1,0:01\n4,1:00\n");
		CliRun refused = run("times", "import", "--project", "Timed by hand", "--document", "aligned", disordered.toString());
		assertThat(refused.exit()).isNotZero();
		assertThat(refused.err()).contains("turn 4 cannot start at 1:00.0: the earlier turn 2 starts at 1:23.5");
		assertThat(starts("aligned")).as("all or nothing: turn 1 kept its start too")
			.containsExactly(2_000L, 83_500L, 90_500L, 95_000L);

		Path bad = file("bad.csv", "turn,start\n1,0:01\n2,soon\n");
		CliRun unreadable = run("times", "import", "--project", "Timed by hand", "--document", "aligned", bad.toString());
		assertThat(unreadable.exit()).isNotZero();
		assertThat(unreadable.err()).contains("bad.csv, line 3: 'soon' is not a time");
		assertThat(starts("aligned")).containsExactly(2_000L, 83_500L, 90_500L, 95_000L);
	}

	@Autowired
	quire.project.ProjectService projectService;

	@Autowired
	CorpusService corpus;

	private List<Long> starts(String document) {
		var project = projectService.findByName("Timed by hand").orElseThrow();
		var d = corpus.findDocument(project.id(), document).orElseThrow();
		List<Long> out = new ArrayList<>();
		corpus.transcript(d.id()).orElseThrow().turns().forEach(t -> out.add(t.startMs()));
		return out;
	}

}

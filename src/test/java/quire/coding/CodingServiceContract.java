package quire.coding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import quire.coding.AgreementReport.CodeAgreement;
import quire.coding.AgreementReport.Disagreement;
import quire.corpus.CorpusService;
import quire.corpus.DocumentId;
import quire.corpus.GroupKind;
import quire.corpus.Strand;
import quire.corpus.StudyDesignService;
import quire.corpus.ImportRequest;
import quire.corpus.Language;
import quire.corpus.Transcript;
import quire.corpus.Turn;
import quire.project.Project;
import quire.project.ProjectId;
import quire.project.ProjectService;
import quire.stats.Agreement;
import quire.stats.Bootstrap.Interval;

/**
 * What the coding module promises, run against H2 and PostgreSQL: the codebook tree and its .qdc
 * import and export, codings anchored to the document text, auto-coding, retrieval, memos and
 * inter-coder agreement.
 */
abstract class CodingServiceContract {

	/** Turns: 0 title (no speaker), 1 Moderator, 2 MI Caseworker 1, 3 MI Caseworker 2, 4 Moderator, 5 MI Caseworker 1. */
	static final String FOCUS_GROUP = """
			Focus group 3 — coding test

			[00:00:05] Moderator: Welcome, everyone. How did the MI training go?
			[00:00:12] MI Caseworker 1: It was demanding. Summarizing was the hardest part.
			[00:00:30] MI Caseworker 2: For me the workload was the problem, not the method.
			[00:00:41] Moderator: Say more about the workload.
			[00:00:50] MI Caseworker 1: We have too many cases and no time to practise.
			""";

	/** Four turns and nothing else, for agreement by hand. */
	static final String FOUR_TURNS = """
			Moderator: How did the training go?
			Caseworker 1: It was demanding.
			Caseworker 2: The workload was the problem.
			Moderator: Say more.
			""";

	static final String A = "Ann";

	static final String B = "Ben";

	@Autowired
	CorpusService corpus;

	@Autowired
	ProjectService projects;

	@Autowired
	CodebookService codebook;

	@Autowired
	CodingService codings;

	@Autowired
	SpeakerCoding speakerCoding;

	@Autowired
	quire.corpus.SpeakerLinkService speakerLinks;

	@Autowired
	RetrievalService retrieval;

	@Autowired
	MemoService memos;

	@Autowired
	AgreementService agreement;

	@Autowired
	ApplicationContext context;

	@Autowired
	StudyDesignService studyDesign;

	Project project;

	DocumentId doc;

	Transcript transcript;

	@BeforeEach
	void createProjectWithTranscript() {
		project = projects.create("Coding test " + UUID.randomUUID(), "");
		doc = importText(project.id(), "focus-group-3.txt", FOCUS_GROUP, "Focus groups");
		transcript = corpus.transcript(doc).orElseThrow();
		assertThat(transcript.turns()).extracting(Turn::speaker)
			.containsExactly(null, "Moderator", "MI Caseworker 1", "MI Caseworker 2", "Moderator", "MI Caseworker 1");
	}

	/**
	 * Index updates run after commit on the application task executor. Waiting for them keeps them from
	 * piling up in a test context that the test framework pauses when the next test class starts: a
	 * paused executor with queued tasks would hold up JVM exit for its whole await-termination period.
	 */
	@AfterEach
	void waitForIndexUpdates() throws InterruptedException {
		if (!(context.getBean("applicationTaskExecutor") instanceof ThreadPoolTaskExecutor executor)) {
			return;
		}
		long deadline = System.nanoTime() + 10_000_000_000L;
		while ((executor.getActiveCount() > 0 || !executor.getThreadPoolExecutor().getQueue().isEmpty())
				&& System.nanoTime() < deadline) {
			Thread.sleep(5);
		}
	}

	// ---- codebook -------------------------------------------------------------------------------

	@Test
	void createMakesCodesAndSubCodesWithPathAndDepth() {
		Code parent = codebook.create(project.id(), null, CodeDraft.named("Workload", "#1F77B4"));
		Code child = codebook.create(project.id(), parent.id(), CodeDraft.named("  Too   many cases ", "#d62728"));

		assertThat(parent.depth()).isZero();
		assertThat(parent.path()).isEqualTo("Workload");
		assertThat(parent.parentId()).isNull();
		assertThat(child.name()).isEqualTo("Too many cases");
		assertThat(child.colour()).isEqualTo("#D62728");
		assertThat(child.depth()).isEqualTo(1);
		assertThat(child.path()).isEqualTo("Workload › Too many cases");
		assertThat(child.parentId()).isEqualTo(parent.id());
		assertThat(child.origin()).isEqualTo(Origin.INDUCTIVE);
		assertThat(paths()).containsExactly("Workload", "Workload › Too many cases");
		assertThat(codebook.findCode(project.id(), "too many cases")).contains(child);
		assertThat(codebook.findCode(project.id(), "Workload › Too many cases")).contains(child);
	}

	@Test
	void updateRenamesButASiblingNameClashIsRejected() {
		Code parent = code("Workload");
		Code a = codebook.create(project.id(), parent.id(), CodeDraft.named("Too many cases", "#1F77B4"));
		Code b = codebook.create(project.id(), parent.id(), CodeDraft.named("No time", "#1F77B4"));
		Code top = code("Training");

		Code renamed = codebook.update(a.id(), new CodeDraft("Caseload", "Too many cases per caseworker.", "Counts",
				"Time", "\"We have too many\"", "#2ca02c", Set.of(ReAim.IMPLEMENTATION), Stance.BARRIER,
				Origin.INDUCTIVE), codebook.version(a.id()).version());
		assertThat(renamed.path()).isEqualTo("Workload › Caseload");
		assertThat(renamed.definition()).isEqualTo("Too many cases per caseworker.");
		assertThat(renamed.colour()).isEqualTo("#2CA02C");
		assertThat(renamed.dimensions()).containsExactly(ReAim.IMPLEMENTATION);
		assertThat(renamed.stance()).isEqualTo(Stance.BARRIER);

		var before = paths();
		assertThatThrownBy(() -> codebook.update(b.id(), b.draft().withName("caseload"), codebook.version(b.id()).version()))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("a code named 'caseload' exists already at that level");
		assertThatThrownBy(() -> codebook.update(top.id(), top.draft().withName("WORKLOAD"), codebook.version(top.id()).version()))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("exists already");
		assertThat(paths()).isEqualTo(before);
		// the same name at another level is fine
		assertThat(codebook.update(top.id(), top.draft().withName("Caseload"), codebook.version(top.id()).version()).path()).isEqualTo("Caseload");
		// renaming a code to its own name (other case) is not a clash
		assertThat(codebook.update(b.id(), b.draft().withName("NO TIME"), codebook.version(b.id()).version()).name()).isEqualTo("NO TIME");
	}

	@Test
	void aSecondEditFromAnOldVersionIsRefusedWithWhoChangedIt() {
		Code c = code("Workload");
		int seen = codebook.version(c.id()).version();
		codebook.update(c.id(), c.draft().withName("Caseload"), seen);
		assertThatThrownBy(() -> codebook.update(c.id(), c.draft().withName("Time pressure"), seen))
			.isInstanceOf(EditConflictException.class)
			.hasMessage("'Caseload' was changed by local administrator while you were editing it. Reload to see their "
					+ "version, then make your change again.");
		assertThat(codebook.code(c.id()).orElseThrow().name()).isEqualTo("Caseload");
		assertThat(codebook.version(c.id()).version()).isEqualTo(seen + 1);
	}

	@Test
	void moveChangesParentAndOrder() {
		Code a = code("Alpha");
		Code b = code("Beta");
		Code c = code("Gamma");

		codebook.move(c.id(), null, a.id());
		assertThat(paths()).containsExactly("Gamma", "Alpha", "Beta");

		Code moved = codebook.move(b.id(), a.id(), null);
		assertThat(moved.parentId()).isEqualTo(a.id());
		assertThat(moved.depth()).isEqualTo(1);
		assertThat(paths()).containsExactly("Gamma", "Alpha", "Alpha › Beta");

		Code d = codebook.create(project.id(), a.id(), CodeDraft.named("Delta", "#1F77B4"));
		codebook.move(d.id(), a.id(), b.id());
		assertThat(paths()).containsExactly("Gamma", "Alpha", "Alpha › Delta", "Alpha › Beta");

		codebook.move(c.id(), d.id(), null);
		assertThat(paths()).containsExactly("Alpha", "Alpha › Delta", "Alpha › Delta › Gamma", "Alpha › Beta");

		// back to the top level, at the end
		codebook.move(b.id(), null, null);
		assertThat(paths()).containsExactly("Alpha", "Alpha › Delta", "Alpha › Delta › Gamma", "Beta");
	}

	@Test
	void moveUnderItselfOrItsOwnDescendantIsRejected() {
		Code a = code("Alpha");
		Code b = codebook.create(project.id(), a.id(), CodeDraft.named("Beta", "#1F77B4"));
		Code c = codebook.create(project.id(), b.id(), CodeDraft.named("Gamma", "#1F77B4"));
		var before = paths();

		assertThatThrownBy(() -> codebook.move(a.id(), c.id(), null)).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("cannot move 'Alpha' under itself or one of its own sub-codes");
		assertThatThrownBy(() -> codebook.move(a.id(), b.id(), null)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> codebook.move(a.id(), a.id(), null)).isInstanceOf(IllegalArgumentException.class);
		assertThat(paths()).isEqualTo(before);
	}

	@Test
	void moveIntoASiblingWithTheSameNameIsRejected() {
		Code a = code("Alpha");
		codebook.create(project.id(), a.id(), CodeDraft.named("Beta", "#1F77B4"));
		Code topBeta = code("Beta");
		var before = paths();

		assertThatThrownBy(() -> codebook.move(topBeta.id(), a.id(), null)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("a code named 'Beta' exists already");
		assertThat(paths()).isEqualTo(before);
	}

	@Test
	void mergeMovesCodingsAndSubCodesDropsDuplicatesAndDeletesTheSource() {
		Code source = code("Workload");
		Code sourceChild = codebook.create(project.id(), source.id(), CodeDraft.named("Too many cases", "#1F77B4"));
		Code target = code("Time pressure");
		Code targetChild = codebook.create(project.id(), target.id(), CodeDraft.named("No time", "#1F77B4"));
		int[] workload = at("the workload was the problem");
		int[] cases = at("too many cases");

		codings.code(doc, source.id(), workload[0], workload[1], A); // duplicate of the target's: dropped
		codings.code(doc, source.id(), cases[0], cases[1], A); // moves
		codings.code(doc, source.id(), workload[0], workload[1], B); // other coder: moves
		Coding kept = codings.code(doc, target.id(), workload[0], workload[1], A);
		Coding child = codings.code(doc, sourceChild.id(), cases[0], cases[1], A);

		int moved = codebook.merge(source.id(), target.id());

		assertThat(moved).isEqualTo(2);
		assertThat(codebook.code(source.id())).isEmpty();
		assertThat(paths()).containsExactly("Time pressure", "Time pressure › No time", "Time pressure › Too many cases");
		assertThat(codebook.code(sourceChild.id()).orElseThrow().parentId()).isEqualTo(target.id());
		assertThat(codebook.code(targetChild.id()).orElseThrow().position()).isZero();
		List<Coding> all = codings.codings(doc, null);
		assertThat(all).extracting(Coding::codeId).doesNotContain(source.id());
		assertThat(all).filteredOn(c -> c.codeId().equals(target.id()))
			.extracting(c -> c.coder() + "@" + c.start() + "-" + c.end())
			.containsExactlyInAnyOrder(A + "@" + workload[0] + "-" + workload[1], A + "@" + cases[0] + "-" + cases[1],
					B + "@" + workload[0] + "-" + workload[1]);
		assertThat(all).extracting(Coding::id).contains(kept.id(), child.id());
		assertThat(codebook.codingCounts(project.id())).containsEntry(target.id(), 3).containsEntry(sourceChild.id(), 1);
	}

	@Test
	void mergeIntoItselfOrItsOwnSubCodeIsRejected() {
		Code a = code("Alpha");
		Code b = codebook.create(project.id(), a.id(), CodeDraft.named("Beta", "#1F77B4"));
		assertThatThrownBy(() -> codebook.merge(a.id(), a.id())).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("cannot merge 'Alpha' into itself");
		assertThatThrownBy(() -> codebook.merge(a.id(), b.id())).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("cannot merge 'Alpha' into its own sub-code 'Beta'");
		assertThat(paths()).containsExactly("Alpha", "Alpha › Beta");
	}

	@Test
	void deleteImpactCountsTheSubtreeAndDeleteRemovesIt() {
		Code parent = code("Workload");
		Code c1 = codebook.create(project.id(), parent.id(), CodeDraft.named("Cases", "#1F77B4"));
		Code g = codebook.create(project.id(), c1.id(), CodeDraft.named("Too many", "#1F77B4"));
		Code c2 = codebook.create(project.id(), parent.id(), CodeDraft.named("Time", "#1F77B4"));
		Code other = code("Training");
		int[] w = at("the workload was the problem");
		int[] cases = at("too many cases");
		codings.code(doc, parent.id(), w[0], w[1], A);
		codings.code(doc, c1.id(), cases[0], cases[1], A);
		codings.code(doc, c1.id(), cases[0], cases[1], B);
		codings.code(doc, g.id(), cases[0] + 4, cases[1], A);
		Coding survivor = codings.code(doc, other.id(), w[0], w[1], A);

		DeleteImpact impact = codebook.deleteImpact(parent.id());
		assertThat(impact).isEqualTo(new DeleteImpact("Workload", 4, 4));
		assertThat(impact.describe())
			.isEqualTo("Deleting 'Workload' removes 4 codes and 4 codings. This cannot be undone.");
		assertThat(codebook.deleteImpact(c2.id())).isEqualTo(new DeleteImpact("Time", 1, 0));

		assertThat(codebook.delete(parent.id())).isEqualTo(impact);
		assertThat(paths()).containsExactly("Training");
		assertThat(codings.codings(doc, null)).containsExactly(survivor);
	}

	@Test
	void startFromReAimGivesTheFiveDimensionsWithTheirSubCodes() {
		CodebookImport result = codebook.startFromReAim(project.id());

		assertThat(result.added()).isEqualTo(23);
		assertThat(result.updated()).isZero();
		List<Code> all = codebook.codes(project.id());
		assertThat(all).filteredOn(c -> c.depth() == 0)
			.extracting(Code::name)
			.containsExactly("Reach", "Effectiveness", "Adoption", "Implementation", "Maintenance");
		assertThat(all).filteredOn(c -> c.depth() == 1).hasSize(18);
		assertThat(all).allMatch(c -> c.depth() <= 1);
		assertThat(all).allMatch(c -> c.origin() == Origin.DEDUCTIVE);
		assertThat(all).allMatch(c -> !c.definition().isEmpty() && !c.inclusion().isEmpty()
				&& !c.exclusion().isEmpty() && !c.example().isEmpty());
		Map<String, Code> byName = all.stream().collect(Collectors.toMap(Code::name, Function.identity()));
		for (ReAim d : ReAim.values()) {
			Code dimension = byName.get(d.label());
			assertThat(dimension.dimensions()).as(d.label()).containsExactly(d);
			assertThat(dimension.stance()).as(d.label()).isNull();
			assertThat(all).filteredOn(c -> dimension.id().equals(c.parentId()))
				.isNotEmpty()
				.allMatch(c -> c.dimensions().equals(Set.of(d)));
		}
		// every sub-code is a barrier or a facilitator, except one neutral Implementation code
		assertThat(all).filteredOn(c -> c.stance() == Stance.BARRIER).hasSize(9).allMatch(c -> c.depth() == 1);
		assertThat(all).filteredOn(c -> c.stance() == Stance.FACILITATOR).hasSize(8).allMatch(c -> c.depth() == 1);
		assertThat(all).filteredOn(c -> c.depth() == 1 && c.stance() == null)
			.extracting(Code::path)
			.containsExactly("Implementation › Meeting setting and channel");
		assertThat(all).filteredOn(c -> c.parentId() != null).extracting(c -> c.parentId())
			.map(p -> codebook.code(p).orElseThrow().name())
			.containsOnly("Reach", "Effectiveness", "Adoption", "Implementation", "Maintenance");
		assertThat(countBy(all, "Reach")).isEqualTo(2);
		assertThat(countBy(all, "Effectiveness")).isEqualTo(2);
		assertThat(countBy(all, "Adoption")).isEqualTo(4);
		assertThat(countBy(all, "Implementation")).isEqualTo(6);
		assertThat(countBy(all, "Maintenance")).isEqualTo(4);

		Code late = byName.get("Late contact in the sick-leave spell");
		assertThat(late.path()).isEqualTo("Reach › Late contact in the sick-leave spell");
		assertThat(late.stance()).isEqualTo(Stance.BARRIER);
		assertThat(late.colour()).isEqualTo("#0B4F7C");
		assertThat(late.example())
			.isEqualTo("\"When I meet them at six months, they have already decided they won't go back to that job.\"");
		assertThat(byName.get("Early, proactive contact").stance()).isEqualTo(Stance.FACILITATOR);
		assertThat(byName.get("Time and caseload pressure").stance()).isEqualTo(Stance.BARRIER);
		assertThat(byName.get("Time and caseload pressure").dimensions()).containsExactly(ReAim.IMPLEMENTATION);
		assertThat(byName.get("MI seen as useful").stance()).isEqualTo(Stance.FACILITATOR);
		assertThat(byName.get("Reach").colour()).isEqualTo("#1F77B4");

		// starting again updates the same codes instead of adding copies
		CodebookImport again = codebook.startFromReAim(project.id());
		assertThat(again.added()).isZero();
		assertThat(again.updated()).isEqualTo(23);
		assertThat(codebook.codes(project.id())).isEqualTo(all);
	}

	@Test
	void exportedCodebookImportsIntoAFreshProjectUnchanged() throws IOException {
		codebook.startFromReAim(project.id());
		Code adoption = codebook.findCode(project.id(), "Adoption").orElseThrow();
		Code own = codebook.create(project.id(), adoption.id(),
				new CodeDraft("Fear of losing control", "Caseworkers worry that MI hands the agenda to the worker.\n\n"
						+ "A second paragraph of the definition.", "Statements about control", "Workload (other code)",
						"\"If I let him steer, where do we end up?\"", "#abcdef",
						Set.of(ReAim.ADOPTION, ReAim.IMPLEMENTATION), Stance.BARRIER, Origin.INDUCTIVE));
		codebook.create(project.id(), own.id(), CodeDraft.named("Sub-theme with <xml> & \"quotes\"", "#000000"));
		Code bare = codebook.create(project.id(), null, CodeDraft.named("Unsorted", "#7F7F7F"));
		codebook.move(bare.id(), null, adoption.id());

		byte[] qdc = codebook.exportQdc(project.id());
		Project fresh = projects.create("Coding copy " + UUID.randomUUID(), "");
		CodebookImport result = codebook.importQdc(fresh.id(), "export.qdc", new ByteArrayInputStream(qdc));

		assertThat(result.added()).isEqualTo(26);
		assertThat(result.fileName()).isEqualTo("export.qdc");
		assertThat(codebook.codes(fresh.id())).extracting(CodingServiceContract::portable)
			.containsExactlyElementsOf(codebook.codes(project.id()).stream().map(CodingServiceContract::portable).toList());
		assertThat(codebook.findCode(fresh.id(), "Adoption › Fear of losing control").orElseThrow().definition())
			.isEqualTo("Caseworkers worry that MI hands the agenda to the worker.\n\nA second paragraph of the definition.");
	}

	@Test
	void malformedCodebooksAreRejectedWithTheFileNameAndChangeNothing() {
		codebook.startFromReAim(project.id());
		Code own = code("Own code");
		codings.code(doc, own.id(), at("demanding")[0], at("demanding")[1], A);
		List<Code> before = codebook.codes(project.id());

		Map<String, String> files = Map.of( //
				"bad-xml.qdc", """
						<?xml version="1.0" encoding="UTF-8"?>
						<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="11111111-1111-1111-1111-111111111111" name="A">
						</CodeBook>""", //
				"xxe.qdc", """
						<?xml version="1.0" encoding="UTF-8"?>
						<!DOCTYPE CodeBook [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
						<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>
						<Code guid="11111111-1111-1111-1111-111111111111" name="&xxe;" isCodable="true"/>
						</Codes></CodeBook>""", //
				"namespace.qdc", """
						<?xml version="1.0" encoding="UTF-8"?>
						<CodeBook xmlns="urn:example:not-refi"><Codes>
						<Code guid="11111111-1111-1111-1111-111111111111" name="New code" isCodable="true"/>
						</Codes></CodeBook>""", //
				"duplicate-guid.qdc", """
						<?xml version="1.0" encoding="UTF-8"?>
						<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>
						<Code guid="11111111-1111-1111-1111-111111111111" name="New code" isCodable="true"/>
						<Code guid="11111111-1111-1111-1111-111111111111" name="Other code" isCodable="true"/>
						</Codes></CodeBook>""", //
				"unknown-member.qdc", """
						<?xml version="1.0" encoding="UTF-8"?>
						<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>
						<Code guid="11111111-1111-1111-1111-111111111111" name="New code" isCodable="true"/>
						</Codes><Sets>
						<Set guid="22222222-2222-2222-2222-222222222222" name="Barrier">
						<MemberCode targetGUID="33333333-3333-3333-3333-333333333333"/>
						</Set></Sets></CodeBook>""");
		files.forEach((name, xml) -> assertThatThrownBy(
				() -> codebook.importQdc(project.id(), name, new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))))
			.as(name)
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageStartingWith(name));
		assertThatThrownBy(() -> codebook.importQdc(project.id(), "xxe.qdc", stream(files.get("xxe.qdc"))))
			.hasMessageContaining("DOCTYPE");
		assertThatThrownBy(() -> codebook.importQdc(project.id(), "duplicate-guid.qdc", stream(files.get("duplicate-guid.qdc"))))
			.hasMessageContaining("duplicate GUID 11111111-1111-1111-1111-111111111111");
		assertThatThrownBy(() -> codebook.importQdc(project.id(), "unknown-member.qdc", stream(files.get("unknown-member.qdc"))))
			.hasMessageContaining("unknown code 33333333-3333-3333-3333-333333333333");

		assertThat(codebook.codes(project.id())).isEqualTo(before);
		assertThat(codings.codings(doc, null)).hasSize(1);
	}

	@Test
	void aCodebookThatFailsHalfWayIsRolledBack() {
		code("Workload");
		List<Code> before = codebook.codes(project.id());
		// well-formed and valid, but its third code clashes with the project's "Workload" at the top level
		String xml = """
				<?xml version="1.0" encoding="UTF-8"?>
				<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>
				<Code guid="11111111-1111-1111-1111-111111111111" name="First" isCodable="true" color="#123456">
				  <Code guid="44444444-4444-4444-4444-444444444444" name="Child" isCodable="true"/>
				</Code>
				<Code guid="55555555-5555-5555-5555-555555555555" name="workload" isCodable="true"/>
				</Codes></CodeBook>""";

		assertThatThrownBy(() -> codebook.importQdc(project.id(), "clash.qdc", stream(xml)))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("workload");
		assertThat(codebook.codes(project.id())).isEqualTo(before);
	}

	@Test
	void mergeKeepsSiblingNamesUnique() {
		Code source = code("Workload");
		codebook.create(project.id(), source.id(), CodeDraft.named("No time", "#1F77B4"));
		Code target = code("Time pressure");
		codebook.create(project.id(), target.id(), CodeDraft.named("No time", "#1F77B4"));

		try {
			codebook.merge(source.id(), target.id());
		}
		catch (IllegalArgumentException rejected) {
			// refusing the merge is as good as merging the two sub-codes
		}
		assertThat(paths()).doesNotHaveDuplicates();
	}

	@Test
	void mergeLeavesNoMemosOnDroppedDuplicateCodings() {
		Code source = code("Workload");
		Code target = code("Time pressure");
		int[] w = at("workload");
		Coding duplicate = codings.code(doc, source.id(), w[0], w[1], A);
		codings.code(doc, target.id(), w[0], w[1], A);
		Memo onDuplicate = memos.write(project.id(), MemoTarget.CODING, duplicate.id().value(), A, "", "Why.");

		codebook.merge(source.id(), target.id());

		assertThat(codings.coding(duplicate.id())).isEmpty();
		assertThat(memos.all(project.id()))
			.filteredOn(m -> m.target() == MemoTarget.CODING)
			.allSatisfy(m -> assertThat(codings.coding(new CodingId(m.targetId()))).as("coding of memo %s", m.id())
				.isPresent());
		memos.memo(onDuplicate.id())
			.ifPresent(m -> assertThat(m.targetId()).as("moved to the surviving twin").isNotEqualTo(duplicate.id().value()));
	}

	// ---- coding anchors -------------------------------------------------------------------------

	@Test
	void codeLeavesOutSurroundingWhiteSpace() {
		Code code = code("Demanding");
		int[] at = at("It was demanding.");
		Coding c = codings.code(doc, code.id(), at[0] - 1, at[1] + 1, "  " + A + " ");

		assertThat(c.start()).isEqualTo(at[0]);
		assertThat(c.end()).isEqualTo(at[1]);
		assertThat(c.coder()).isEqualTo(A);
		assertThat(c.codeId()).isEqualTo(code.id());
		assertThat(c.documentId()).isEqualTo(doc);
		assertThat(codings.coding(c.id())).contains(c);
	}

	@Test
	void spansOutsideTheTextEmptyOrOnlyWhiteSpaceAreRejected() {
		Code code = code("Anything");
		int length = transcript.text().length();
		int space = transcript.text().indexOf("It was") - 1;
		assertThat(transcript.text().charAt(space)).isEqualTo(' ');

		assertThatThrownBy(() -> codings.code(doc, code.id(), -1, 5, A)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("focus-group-3");
		assertThatThrownBy(() -> codings.code(doc, code.id(), length - 3, length + 1, A))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("(0.." + length + ")");
		assertThatThrownBy(() -> codings.code(doc, code.id(), 10, 10, A)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> codings.code(doc, code.id(), 12, 10, A)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> codings.code(doc, code.id(), space, space + 1, A))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("only white space");
		assertThatThrownBy(() -> codings.code(doc, code.id(), 5, 10, "  ")).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("a coding needs a coder name");
		assertThatThrownBy(() -> codings.code(new DocumentId(Long.MAX_VALUE), code.id(), 5, 10, A))
			.isInstanceOf(IllegalArgumentException.class);
		assertThat(codings.codings(doc, null)).isEmpty();
	}

	@Test
	void theSameSpanTwiceBySameCoderGivesTheSameCoding() {
		Code code = code("Demanding");
		int[] at = at("demanding");
		Coding first = codings.code(doc, code.id(), at[0], at[1], A);
		Coding again = codings.code(doc, code.id(), at[0] - 1, at[1], A); // the space before is trimmed
		Coding other = codings.code(doc, code.id(), at[0], at[1], B);

		assertThat(again).isEqualTo(first);
		assertThat(other.id()).isNotEqualTo(first.id());
		assertThat(codings.codings(doc, null)).hasSize(2);
	}

	@Test
	void aCodeFromAnotherProjectIsRejected() {
		Project other = projects.create("Other " + UUID.randomUUID(), "");
		Code foreign = codebook.create(other.id(), null, CodeDraft.named("Foreign", "#1F77B4"));

		assertThatThrownBy(() -> codings.code(doc, foreign.id(), 5, 10, A)).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("code 'Foreign' belongs to another project");
		assertThatThrownBy(() -> codings.code(doc, new CodeId(Long.MAX_VALUE), 5, 10, A))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> codings.codeAll(other.id(), foreign.id(), A, List.of(new TextSpan(doc, 5, 10))))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("belongs to another project");
		assertThat(codings.codings(doc, null)).isEmpty();
	}

	@Test
	void resizeWidensAndNarrowsAndRemoveDeletes() {
		Code code = code("Demanding");
		int[] word = at("demanding");
		int[] sentence = at("It was demanding.");
		Coding c = codings.code(doc, code.id(), word[0], word[1], A);

		Coding wide = codings.resize(c.id(), sentence[0] - 1, sentence[1] + 1);
		assertThat(wide.id()).isEqualTo(c.id());
		assertThat(wide.start()).isEqualTo(sentence[0]);
		assertThat(wide.end()).isEqualTo(sentence[1]);

		Coding narrow = codings.resize(c.id(), word[0], word[0] + 6);
		assertThat(transcript.text().substring(narrow.start(), narrow.end())).isEqualTo("demand");

		assertThatThrownBy(() -> codings.resize(c.id(), word[0] - 1, word[0])).isInstanceOf(IllegalArgumentException.class);
		assertThat(codings.coding(c.id())).contains(narrow);

		codings.remove(c.id());
		assertThat(codings.coding(c.id())).isEmpty();
		assertThat(codings.codings(doc, null)).isEmpty();
		assertThatThrownBy(() -> codings.remove(c.id())).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void codingsFilterByCoderAndCodersAreListed() {
		Code code = code("Demanding");
		int[] x = at("demanding");
		int[] y = at("workload was the problem");
		codings.code(doc, code.id(), y[0], y[1], B);
		codings.code(doc, code.id(), x[0], x[1], B);
		codings.code(doc, code.id(), x[0], x[1], A);
		codings.code(doc, code.id(), x[0], x[1], "Cleo");

		assertThat(codings.codings(doc, B)).extracting(Coding::start).containsExactly(x[0], y[0]);
		assertThat(codings.codings(doc, A)).singleElement().extracting(Coding::coder).isEqualTo(A);
		assertThat(codings.codings(doc, "Nobody")).isEmpty();
		assertThat(codings.codings(doc, null)).hasSize(4);
		assertThat(codings.codings(project.id(), B)).hasSize(2);
		assertThat(codings.coders(project.id())).containsExactly(A, B, "Cleo");
	}

	@Test
	void passagesMergeOverlappingCodingsOfOneTurnAcrossCodersAndListThem() {
		Code code = code("Demanding");
		int[] demanding = at("It was demanding");
		int[] wasDemanding = at("was demanding. Summarizing");
		int[] hardest = at("the hardest part");
		int[] workload = at("workload was the problem");
		codings.code(doc, code.id(), demanding[0], demanding[1], A);
		codings.code(doc, code.id(), wasDemanding[0], wasDemanding[1], B);
		codings.code(doc, code.id(), hardest[0], hardest[1], B);
		codings.code(doc, code.id(), workload[0], workload[1], A);
		CodingQuery all = new CodingQuery(Set.of(code.id()), null, null, null);

		List<CodedPassage> passages = retrieval.passages(project.id(), all);
		assertThat(passages).extracting(CodedPassage::text)
			.containsExactly("It was demanding. Summarizing", "the hardest part", "workload was the problem");
		assertThat(passages).extracting(CodedPassage::coders)
			.containsExactly(List.of(A, B), List.of(B), List.of(A));
		assertThat(passages.get(0).speaker()).isEqualTo("MI Caseworker 1");
		assertThat(passages.get(0).codings()).hasSize(2);
		assertThat(passages.get(0).codePaths()).containsExactly("Demanding");
		// one coder's: nothing of the other's is merged in
		assertThat(retrieval.passages(project.id(), new CodingQuery(Set.of(code.id()), B, null, null)))
			.extracting(CodedPassage::text).containsExactly("was demanding. Summarizing", "the hardest part");
	}

	@Test
	void aPageOfCodingsFiltersByDocumentGroupByItsExactName() {
		Code code = code("Demanding");
		DocumentId other = importText(project.id(), "four-turns.txt", FOUR_TURNS, "Interviews");
		int[] demanding = at("It was demanding");
		Coding inFocusGroup = codings.code(doc, code.id(), demanding[0], demanding[1], A);
		Turn answer = corpus.transcript(other).orElseThrow().turns().get(1);
		Coding inInterview = codings.code(other, code.id(), answer.start(), answer.end(), A);

		assertThat(codings.codingsAfter(project.id(), new CodingQuery(Set.of(), null, null, "Focus groups"), 0, 10))
			.containsExactly(inFocusGroup);
		assertThat(codings.codingsAfter(project.id(), new CodingQuery(Set.of(), null, null, "Interviews"), 0, 10))
			.containsExactly(inInterview);
		assertThat(codings.codingsAfter(project.id(), new CodingQuery(Set.of(), null, null, "focus groups"), 0, 10)).isEmpty();
		assertThat(codings.codingsAfter(project.id(), new CodingQuery(Set.of(), null, null, "No such group"), 0, 10)).isEmpty();
	}

	@Test
	void resizeOntoTheSameSpanAsAnotherCodingDoesNotDuplicateIt() {
		Code code = code("Demanding");
		int[] word = at("demanding");
		int[] sentence = at("It was demanding.");
		Coding wide = codings.code(doc, code.id(), sentence[0], sentence[1], A);
		Coding narrow = codings.code(doc, code.id(), word[0], word[1], A);

		try {
			codings.resize(narrow.id(), sentence[0], sentence[1]);
		}
		catch (IllegalArgumentException rejected) {
			// refusing is as good as merging the two
		}
		assertThat(codings.codings(doc, A)).extracting(c -> c.codeId() + "@" + c.start() + "-" + c.end())
			.doesNotHaveDuplicates()
			.contains(code.id() + "@" + wide.start() + "-" + wide.end());
	}

	@Test
	void deletingADocumentRemovesItsCodingsAndTheirMemos() {
		Code code = code("Workload");
		int[] w = at("workload");
		Coding coding = codings.code(doc, code.id(), w[0], w[1], A);
		Memo onCoding = memos.write(project.id(), MemoTarget.CODING, coding.id().value(), A, "", "Why.");
		Memo onDocument = memos.write(project.id(), MemoTarget.DOCUMENT, doc.value(), A, "", "Long session.");
		Memo onCode = memos.write(project.id(), MemoTarget.CODE, code.id().value(), A, "", "Scope.");

		corpus.delete(doc);

		assertThat(codings.coding(coding.id())).isEmpty();
		assertThat(codings.codings(project.id(), null)).isEmpty();
		assertThat(memos.memo(onCoding.id())).isEmpty();
		assertThat(memos.memo(onDocument.id())).isEmpty();
		assertThat(memos.memo(onCode.id())).isPresent();
		assertThat(codebook.code(code.id())).isPresent();
	}

	@Test
	void coderNamesAreLimited() {
		Code code = code("Anything");
		assertThatThrownBy(() -> codings.code(doc, code.id(), 5, 10, "x".repeat(101)))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("a coder name must be at most 100 characters");
		assertThat(codings.code(doc, code.id(), at("demanding")[0], at("demanding")[1], "x".repeat(100)).coder())
			.hasSize(100);
	}

	// ---- auto-coding ----------------------------------------------------------------------------

	@Test
	void speakerCodingCodesARoleLabelOnlyInTheChosenDocument() {
		Code code = code("Caseworker talk");
		DocumentId second = importText(project.id(), "interview.txt",
				"Interviewer: What is hard?\nMI Caseworker 1: Finding time.\nMI Caseworker 3: The forms.\n", "Interviews");
		// "MI Caseworker 1" speaks in both documents, but as two different people
		var chosen = List.of(new SpeakerCoding.DocumentSpeaker(second, "MI Caseworker 1"));

		assertThat(speakerCoding.preview(project.id(), chosen, code.id(), A))
			.isEqualTo(new SpeakerCoding.Preview(1, 1, 1));
		assertThat(speakerCoding.code(project.id(), chosen, code.id(), A)).isEqualTo(1);
		assertThat(codings.codings(doc, A)).isEmpty();
		assertThat(codings.codings(second, A)).extracting(c -> corpus.transcript(second).orElseThrow().text()
			.substring(c.start(), c.end())).containsExactly("Finding time.");

		assertThat(speakerCoding.preview(project.id(), chosen, code.id(), A))
			.isEqualTo(new SpeakerCoding.Preview(1, 1, 0));
		assertThat(speakerCoding.code(project.id(), chosen, code.id(), A)).isZero();
		assertThat(speakerCoding.preview(project.id(), chosen, code.id(), B).newCodings()).isEqualTo(1);
		assertThat(codings.codings(project.id(), null)).hasSize(1);
	}

	@Test
	void speakerCodingOfAPersonFollowsTheSpeakerLinks() {
		Code code = code("Caseworker talk");
		DocumentId linked = importText(project.id(), "interview.txt",
				"Interviewer: What is hard?\nCaseworker A: Finding time.\nCaseworker A: And the forms.\n", "Interviews");
		DocumentId other = importText(project.id(), "interview-2.txt",
				"Interviewer: What is hard?\nMI Caseworker 1: Nothing.\n", "Interviews");
		long person = speakerLinks.link(doc, "MI Caseworker 1").orElseThrow().participantId();
		assertThat(speakerLinks.link(other, "MI Caseworker 1").orElseThrow().participantId()).isNotEqualTo(person);
		speakerLinks.link(linked, "Caseworker A", person);

		var speakers = speakerCoding.speakersOf(project.id(), List.of(person));
		assertThat(speakers).containsExactlyInAnyOrder(new SpeakerCoding.DocumentSpeaker(doc, "MI Caseworker 1"),
				new SpeakerCoding.DocumentSpeaker(linked, "Caseworker A"));
		var preview = speakerCoding.preview(project.id(), speakers, code.id(), A);
		assertThat(preview).isEqualTo(new SpeakerCoding.Preview(4, 2, 4));
		assertThat(preview.describe(A)).isEqualTo("4 turns in 2 documents; 4 new codings as Ann.");
		assertThat(speakerCoding.code(project.id(), speakers, code.id(), A)).isEqualTo(preview.newCodings());
		assertThat(codings.codings(doc, A)).hasSize(2);
		assertThat(codings.codings(linked, A)).hasSize(2);
		assertThat(codings.codings(other, A)).isEmpty();
	}

	@Test
	void speakerCodingRefusesASpeakerTheDocumentDoesNotHave() {
		Code code = code("Caseworker talk");
		var wrong = List.of(new SpeakerCoding.DocumentSpeaker(doc, "MI Caseworker 1"),
				new SpeakerCoding.DocumentSpeaker(doc, "Caseworker 9"));
		assertThatThrownBy(() -> speakerCoding.code(project.id(), wrong, code.id(), A))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("'focus-group-3' has no speaker 'Caseworker 9'");
		assertThat(codings.codings(project.id(), null)).isEmpty();
	}

	@Test
	void codeAllMergesDuplicatesAndPreviewCountsThem() {
		Code code = code("Workload");
		int[] w = at("workload");
		int[] cases = at("too many cases");
		int[] later = { transcript.text().lastIndexOf("workload"), transcript.text().lastIndexOf("workload") + 8 };
		List<TextSpan> spans = List.of(new TextSpan(doc, w[0], w[1]), new TextSpan(doc, w[0] - 1, w[1] + 1),
				new TextSpan(doc, w[0], w[1]), new TextSpan(doc, cases[0], cases[1]), new TextSpan(doc, later[0], later[1]));
		codings.code(doc, code.id(), cases[0], cases[1], A);

		assertThat(codings.previewAll(project.id(), code.id(), A, spans)).isEqualTo(2);
		assertThat(codings.codeAll(project.id(), code.id(), A, spans)).isEqualTo(2);
		assertThat(codings.codings(doc, A)).hasSize(3);
		assertThat(codings.previewAll(project.id(), code.id(), A, spans)).isZero();
		assertThat(codings.codeAll(project.id(), code.id(), A, spans)).isZero();
		assertThat(codings.previewAll(project.id(), code.id(), B, spans)).isEqualTo(3);

		List<Code> before = codebook.codes(project.id());
		assertThatThrownBy(() -> codings.codeAll(project.id(), code.id(), B,
				List.of(new TextSpan(doc, w[0], w[1]), new TextSpan(doc, -5, 2))))
			.isInstanceOf(IllegalArgumentException.class);
		assertThat(codings.codings(doc, B)).as("nothing of a rejected batch is kept").isEmpty();
		assertThat(codebook.codes(project.id())).isEqualTo(before);
	}

	@Test
	void expandWidensHitsToTheirSentenceOrTurnAndMergesThem() {
		int[] hardest = at("hardest");
		int[] summarizing = at("Summarizing");
		int[] demanding = at("demanding");
		List<TextSpan> hits = List.of(new TextSpan(doc, hardest[0], hardest[1]),
				new TextSpan(doc, summarizing[0], summarizing[1]), new TextSpan(doc, demanding[0], demanding[1]),
				new TextSpan(doc, hardest[0], hardest[1]));

		assertThat(codings.expand(hits, AutoCodeUnit.HIT)).hasSize(3);
		assertThat(codings.expand(hits, AutoCodeUnit.SENTENCE))
			.extracting(s -> transcript.text().substring(s.start(), s.end()))
			.containsExactly("Summarizing was the hardest part.", "It was demanding.");
		assertThat(codings.expand(hits, AutoCodeUnit.TURN))
			.extracting(s -> transcript.text().substring(s.start(), s.end()))
			.containsExactly("It was demanding. Summarizing was the hardest part.");
	}

	// ---- retrieval ------------------------------------------------------------------------------

	@Test
	void segmentsIncludeSubCodesWithSpeakerTurnAndText() {
		Code parent = code("Workload");
		Code child = codebook.create(project.id(), parent.id(), CodeDraft.named("Cases", "#1F77B4"));
		Code unrelated = code("Training");
		int[] w = at("the workload was the problem");
		int[] cases = at("too many cases");
		codings.code(doc, child.id(), cases[0], cases[1], A);
		codings.code(doc, parent.id(), w[0], w[1], A);
		codings.code(doc, parent.id(), w[0], w[1], B);
		codings.code(doc, unrelated.id(), at("MI training")[0], at("MI training")[1], A);

		List<CodedSegment> segments = retrieval.segments(parent.id(), A);
		assertThat(segments).extracting(CodedSegment::text).containsExactly("the workload was the problem", "too many cases");
		CodedSegment first = segments.get(0);
		assertThat(first.codePath()).isEqualTo("Workload");
		assertThat(first.documentName()).isEqualTo("focus-group-3");
		assertThat(first.group()).isEqualTo("Focus groups");
		assertThat(first.turnIndex()).isEqualTo(3);
		assertThat(first.speaker()).isEqualTo("MI Caseworker 2");
		assertThat(first.before()).isEqualTo("For me ");
		assertThat(first.after()).isEqualTo(", not the method.");
		CodedSegment second = segments.get(1);
		assertThat(second.codePath()).isEqualTo("Workload › Cases");
		assertThat(second.turnIndex()).isEqualTo(5);
		assertThat(second.speaker()).isEqualTo("MI Caseworker 1");
		assertThat(second.before()).isEqualTo("We have ");

		assertThat(retrieval.segments(parent.id(), null)).hasSize(3);
		assertThat(retrieval.segments(child.id(), null)).singleElement().extracting(CodedSegment::text)
			.isEqualTo("too many cases");
	}

	@Test
	void dimensionRowsCountASubCodeUnderItsParentsDimension() {
		codebook.startFromReAim(project.id());
		Code adoption = codebook.findCode(project.id(), "Adoption").orElseThrow();
		Code own = codebook.create(project.id(), adoption.id(), CodeDraft.named("Fear of losing control", "#123456"));
		Code loose = code("Unsorted");

		List<MatrixRow> rows = retrieval.dimensionRows(project.id());
		assertThat(rows).extracting(MatrixRow::label)
			.containsExactly("Reach", "Effectiveness", "Adoption", "Implementation", "Maintenance");
		MatrixRow adoptionRow = rows.get(2);
		assertThat(adoptionRow.codes()).contains(adoption.id(), own.id()).doesNotContain(loose.id()).hasSize(6);
		assertThat(adoptionRow.colour()).isEqualTo(adoption.colour());
		assertThat(rows.get(0).codes()).hasSize(3);

		int[] w = at("too many cases");
		codings.code(doc, own.id(), w[0], w[1], A);
		FrameworkMatrix m = retrieval.matrix(project.id(), rows, MatrixColumns.DOCUMENTS, null, null);
		assertThat(m.columns()).containsExactly("focus-group-3");
		assertThat(m.count(2, 0)).isEqualTo(1);
		assertThat(m.rowTotal(0)).isZero();
	}

	@Test
	void matrixCountsSegmentsPerDocumentGroupAndSpeaker() {
		DocumentId second = importText(project.id(), "interview.txt",
				"Interviewer: What is hard?\nMI Caseworker 1: Finding time for the workload.\n", "Interviews");
		Transcript t2 = corpus.transcript(second).orElseThrow();
		Code parent = code("Workload");
		Code child = codebook.create(project.id(), parent.id(), CodeDraft.named("Cases", "#1F77B4"));
		Code training = code("Training");
		int[] w = at("the workload was the problem");
		int[] cases = at("too many cases");
		int w2 = t2.text().indexOf("Finding time");
		codings.code(doc, parent.id(), w[0], w[1], A);
		codings.code(doc, parent.id(), w[0], w[1], B);
		codings.code(doc, child.id(), cases[0], cases[1], A);
		codings.code(doc, child.id(), w[0], w[1], A); // same segment as the parent's: counted once in the parent's row
		codings.code(second, parent.id(), w2, w2 + 12, A);
		codings.code(doc, training.id(), at("MI training")[0], at("MI training")[1], A);

		List<MatrixRow> rows = retrieval.codeRows(project.id(), List.of(parent.id(), training.id()));
		assertThat(rows.get(0).codes()).containsExactlyInAnyOrder(parent.id(), child.id());

		FrameworkMatrix byDocument = retrieval.matrix(project.id(), rows, MatrixColumns.DOCUMENTS, null, null);
		assertThat(byDocument.columns()).containsExactlyInAnyOrder("focus-group-3", "interview");
		int fg = byDocument.columns().indexOf("focus-group-3");
		int iv = byDocument.columns().indexOf("interview");
		// A's and B's workload span are one passage (double coding is not counted twice), A's cases span another
		assertThat(byDocument.count(0, fg)).isEqualTo(2);
		assertThat(byDocument.segments(0, fg)).hasSize(3);
		assertThat(byDocument.count(0, iv)).isEqualTo(1);
		assertThat(byDocument.count(1, fg)).isEqualTo(1);
		assertThat(byDocument.count(1, iv)).isZero();
		assertThat(byDocument.rowTotal(0)).isEqualTo(3);

		FrameworkMatrix byGroup = retrieval.matrix(project.id(), rows, MatrixColumns.GROUPS, A, null);
		assertThat(byGroup.columns()).containsExactly("Focus groups", "Interviews");
		assertThat(byGroup.count(0, 0)).isEqualTo(2);
		assertThat(byGroup.count(0, 1)).isEqualTo(1);

		FrameworkMatrix bySpeaker = retrieval.matrix(project.id(), rows, MatrixColumns.SPEAKERS, null, null);
		assertThat(bySpeaker.columns()).containsExactly("MI Caseworker 1", "MI Caseworker 2", "Moderator");
		assertThat(bySpeaker.count(0, 0)).isEqualTo(2); // cases (focus group) + finding time (interview)
		assertThat(bySpeaker.count(0, 1)).isEqualTo(1); // A and B on the workload span: one passage
		assertThat(bySpeaker.count(0, 2)).isZero();
		assertThat(bySpeaker.count(1, 2)).isEqualTo(1);
		assertThat(bySpeaker.segments(1, 2)).singleElement().extracting(CodedSegment::text).isEqualTo("MI training");
	}

	@Test
	void coOccurrenceCountsOverlappingCodingsOfDifferentCodes() {
		Code x = code("X");
		Code y = code("Y");
		Code z = code("Z");
		int[] sentence = at("It was demanding. Summarizing was the hardest part.");
		int[] demanding = at("demanding");
		int[] hardest = at("hardest part");
		int[] w = at("workload");
		codings.code(doc, x.id(), sentence[0], sentence[1], A);
		codings.code(doc, y.id(), demanding[0], demanding[1], A);
		codings.code(doc, y.id(), hardest[0], hardest[1], B);
		codings.code(doc, z.id(), w[0], w[1], A); // overlaps nothing
		codings.code(doc, x.id(), demanding[0], demanding[1], B); // same code as the sentence: not a co-occurrence
		codings.code(doc, z.id(), demanding[1], demanding[1] + 2, A); // touches "demanding" but does not overlap it

		CoOccurrence all = retrieval.coOccurrence(project.id(), null, CodeSystem.THEMATIC, null);
		assertThat(all.codes()).extracting(Code::name).containsExactly("X", "Y", "Z");
		// one passage (the sentence) holds X and Y by A, Y and X by B, and Z by A; "workload" is another.
		// X–Y once: A's X overlaps A's Y (B's X meeting A's Y, or A's X meeting B's Y, is no co-occurrence)
		assertThat(all.counts()).isDeepEqualTo(new int[][] { //
				{ 1, 1, 1 }, //
				{ 1, 1, 0 }, //
				{ 1, 0, 2 } });
		CoOccurrence bo = retrieval.coOccurrence(project.id(), B, CodeSystem.THEMATIC, null);
		// B's X ("demanding") and B's Y ("hardest part") do not overlap
		assertThat(bo.counts()).isDeepEqualTo(new int[][] { //
				{ 1, 0, 0 }, //
				{ 0, 1, 0 }, //
				{ 0, 0, 0 } });
		CoOccurrence ann = retrieval.coOccurrence(project.id(), A, CodeSystem.THEMATIC, null);
		assertThat(ann.counts()).isDeepEqualTo(new int[][] { //
				{ 1, 1, 1 }, //
				{ 1, 1, 0 }, //
				{ 1, 0, 2 } });
	}

	@Test
	void exportCsvNeutralisesFormulaCells() throws IOException {
		DocumentId sheet = importText(project.id(), "sheet.txt",
				"Moderator: What did you type?\nMI Caseworker 1: =SUM(A1) and then +1.\n", "Notes");
		Transcript t = corpus.transcript(sheet).orElseThrow();
		Code formula = code("=HYPERLINK(\"x\")");
		int at = t.text().indexOf("=SUM(A1)");
		codings.code(sheet, formula.id(), at, at + 8, "@coder");

		byte[] csv = retrieval.exportCsv(formula.id(), null);
		assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
		List<CSVRecord> records = CSVFormat.RFC4180.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.get()
			.parse(new InputStreamReader(new ByteArrayInputStream(csv, 3, csv.length - 3), StandardCharsets.UTF_8))
			.getRecords();
		assertThat(records).hasSize(1);
		CSVRecord r = records.get(0);
		assertThat(r.get("code")).isEqualTo("'=HYPERLINK(\"x\")");
		assertThat(r.get("text")).isEqualTo("'=SUM(A1)");
		assertThat(r.get("coder")).isEqualTo("'@coder");
		assertThat(r.get("speaker")).isEqualTo("MI Caseworker 1");
		assertThat(r.get("document")).isEqualTo("sheet");
		assertThat(r.get("context_after")).isEqualTo(" and then +1.");
		assertThat(r.get("start")).isEqualTo(String.valueOf(at));
		for (String cell : r.values()) {
			assertThat(cell).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("@");
		}
	}

	@Test
	void exportDocxIsAReadableWordDocumentWithTheQuotes() throws IOException {
		Code parent = code("Workload");
		Code child = codebook.create(project.id(), parent.id(), CodeDraft.named("Cases", "#1F77B4"));
		int[] w = at("the workload was the problem");
		int[] cases = at("too many cases");
		codings.code(doc, parent.id(), w[0], w[1], A);
		codings.code(doc, child.id(), cases[0], cases[1], B);

		byte[] docx = retrieval.exportDocx(parent.id(), null);
		try (XWPFDocument word = new XWPFDocument(new ByteArrayInputStream(docx))) {
			List<String> paragraphs = word.getParagraphs().stream().map(XWPFParagraph::getText).toList();
			assertThat(paragraphs.get(0)).isEqualTo("Workload");
			assertThat(paragraphs).contains("2 coded segments", "“the workload was the problem”", "“too many cases”",
					"focus-group-3 — MI Caseworker 2 (turn 4, coded by Ann)",
					"focus-group-3 — MI Caseworker 1 (turn 6, coded by Ben)");
		}
		byte[] childOnly = retrieval.exportDocx(child.id(), A);
		try (XWPFDocument word = new XWPFDocument(new ByteArrayInputStream(childOnly))) {
			assertThat(word.getParagraphs()).extracting(XWPFParagraph::getText)
				.contains("Workload › Cases", "0 coded segments");
		}
	}

	// ---- memos ----------------------------------------------------------------------------------

	@Test
	void journalEntriesAndMemosAreWrittenEditedAndDeleted() {
		Code code = code("Workload");
		Memo journal = memos.write(project.id(), MemoTarget.PROJECT, null, A, " Day 1 ", "  First reading done. ");
		Memo onCode = memos.write(project.id(), MemoTarget.CODE, code.id().value(), B, "Scope", "Covers time too.");

		assertThat(journal.title()).isEqualTo("Day 1");
		assertThat(journal.body()).isEqualTo("First reading done.");
		assertThat(journal.targetId()).isNull();
		assertThat(journal.author()).isEqualTo(A);
		assertThat(memos.memos(project.id(), MemoTarget.PROJECT, null)).containsExactly(journal);
		assertThat(memos.memos(project.id(), MemoTarget.CODE, code.id().value())).containsExactly(onCode);
		assertThatThrownBy(() -> memos.write(project.id(), MemoTarget.PROJECT, 5L, A, "", "x"))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> memos.write(project.id(), MemoTarget.CODE, null, A, "", "x"))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> memos.write(project.id(), MemoTarget.PROJECT, null, A, "", "  "))
			.isInstanceOf(IllegalArgumentException.class);

		Memo edited = memos.edit(onCode.id(), "Scope (revised)", "Covers time and caseload.");
		assertThat(edited.title()).isEqualTo("Scope (revised)");
		assertThat(edited.body()).isEqualTo("Covers time and caseload.");
		assertThat(edited.createdAt()).isEqualTo(onCode.createdAt());
		assertThat(edited.updatedAt()).isAfterOrEqualTo(onCode.updatedAt());
		assertThat(memos.all(project.id())).hasSize(2);

		memos.delete(journal.id());
		assertThat(memos.memo(journal.id())).isEmpty();
		assertThat(memos.all(project.id())).containsExactly(edited);
	}

	@Test
	void memosOnACodeFollowMergeAndGoWithDelete() {
		Code source = code("Workload");
		Code target = code("Time pressure");
		Code doomed = code("Doomed");
		Memo onSource = memos.write(project.id(), MemoTarget.CODE, source.id().value(), A, "", "About workload.");
		Memo onDoomed = memos.write(project.id(), MemoTarget.CODE, doomed.id().value(), A, "", "About to go.");
		int[] w = at("workload");
		Coding coding = codings.code(doc, doomed.id(), w[0], w[1], A);
		Memo onCoding = memos.write(project.id(), MemoTarget.CODING, coding.id().value(), A, "", "Why this passage.");
		Memo journal = memos.write(project.id(), MemoTarget.PROJECT, null, A, "", "Merged two codes.");

		codebook.merge(source.id(), target.id());
		assertThat(memos.memos(project.id(), MemoTarget.CODE, target.id().value())).extracting(Memo::id)
			.containsExactly(onSource.id());
		assertThat(memos.memos(project.id(), MemoTarget.CODE, source.id().value())).isEmpty();

		codebook.delete(doomed.id());
		assertThat(memos.memo(onDoomed.id())).isEmpty();
		assertThat(memos.memo(onCoding.id())).isEmpty();
		assertThat(memos.all(project.id())).extracting(Memo::id).containsExactlyInAnyOrder(onSource.id(), journal.id());
	}

	@Test
	void removingACodingRemovesItsMemos() {
		Code code = code("Workload");
		int[] w = at("workload");
		Coding coding = codings.code(doc, code.id(), w[0], w[1], A);
		Memo onCoding = memos.write(project.id(), MemoTarget.CODING, coding.id().value(), A, "", "Why.");

		codings.remove(coding.id());
		assertThat(memos.memo(onCoding.id())).isEmpty();
	}

	@Test
	void aRemovedCodingIsRestoredAsItWasWithItsMemos() {
		Code code = code("Workload");
		int[] w = at("workload");
		Coding coding = codings.code(doc, code.id(), w[0], w[1], A);
		Memo onCoding = memos.write(project.id(), MemoTarget.CODING, coding.id().value(), A, "Title", "Why.");

		RemovedCoding removed = codings.remove(coding.id());
		assertThat(codings.coding(coding.id())).isEmpty();
		assertThat(codings.restore(removed)).isEqualTo(coding);
		assertThat(codings.coding(coding.id())).contains(coding);
		assertThat(memos.memo(onCoding.id())).contains(onCoding);
		// the identity sequence is not disturbed by the restored ids: the next coding gets a new id
		int[] o = at("not the method");
		assertThat(codings.code(doc, code.id(), o[0], o[1], A).id()).isNotEqualTo(coding.id());

		// the same span coded again meanwhile: that coding stands and the restore says so
		RemovedCoding again = codings.remove(coding.id());
		codings.code(doc, code.id(), w[0], w[1], A);
		assertThatThrownBy(() -> codings.restore(again)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("coded with 'Workload'");
	}

	// ---- agreement ------------------------------------------------------------------------------

	@Test
	void agreementOnTurnsMatchesTheHandComputation() {
		DocumentId four = importText(project.id(), "four.txt", FOUR_TURNS, null);
		List<Turn> turns = turns(four);
		Code x = code("X");
		// A codes turns 1 and 2, B codes turns 2 and 3 (1-based): A = 1 1 0 0, B = 0 1 1 0
		codeTurn(four, turns.get(0), x, A);
		codeTurn(four, turns.get(1), x, A);
		codeTurn(four, turns.get(1), x, B);
		codeTurn(four, turns.get(2), x, B);

		AgreementReport report = agreement.compare(
				new AgreementRequest(project.id(), List.of(A, B), List.of(four), List.of(), AgreementUnit.TURN));

		assertThat(report.unit()).isEqualTo(AgreementUnit.TURN);
		assertThat(report.coders()).containsExactly(A, B);
		assertThat(report.documents()).isEqualTo(1);
		CodeAgreement xa = single(report);
		assertThat(xa.code()).isEqualTo("X");
		assertThat(xa.units()).isEqualTo(4);
		assertThat(xa.codedUnits()).isEqualTo(3);
		// agree on turns 2 and 4: p_o = 2/4
		assertThat(xa.percent().value()).isCloseTo(0.5, within(1e-9));
		// A: two 1s, two 0s; B: two 1s, two 0s. p_e = (2/4)(2/4) + (2/4)(2/4) = 0.5
		// κ = (p_o − p_e) / (1 − p_e) = (0.5 − 0.5) / 0.5 = 0
		assertThat(xa.kappa().defined()).isTrue();
		assertThat(xa.kappa().value()).isCloseTo(0.0, within(1e-9));
		// α: coincidences o00 = 2 (turn 4), o11 = 2 (turn 2), o01 = o10 = 2 (turns 1, 3); n0 = n1 = 4, n = 8
		// D_o = 4/8 = 0.5; D_e = (8² − 4² − 4²) / (8 · 7) = 32/56; α = 1 − 0.5 · 56/32 = 0.125
		int[][] data = { { 1, 1, 0, 0 }, { 0, 1, 1, 0 } };
		assertThat(xa.alpha().value()).isCloseTo(0.125, within(1e-9))
			.isCloseTo(Agreement.krippendorffAlphaNominal(data).alpha().value(), within(1e-12));
		assertThat(report.overall().units()).isEqualTo(4);
		assertThat(report.overall().alpha().value()).isCloseTo(0.125, within(1e-9));

		assertThat(report.disagreements()).hasSize(2);
		Disagreement first = report.disagreements().get(0);
		assertThat(first.codeId()).isEqualTo(x.id());
		assertThat(first.code()).isEqualTo("X");
		assertThat(first.document()).isEqualTo("four");
		assertThat(first.documentId()).isEqualTo(four);
		assertThat(first.start()).isEqualTo(turns.get(0).start());
		assertThat(first.end()).isEqualTo(turns.get(0).end());
		assertThat(first.text()).isEqualTo("How did the training go?");
		assertThat(first.codedBy()).containsExactly(A);
		assertThat(first.notCodedBy()).containsExactly(B);
		Disagreement second = report.disagreements().get(1);
		assertThat(second.text()).isEqualTo("The workload was the problem.");
		assertThat(second.codedBy()).containsExactly(B);
		assertThat(second.notCodedBy()).containsExactly(A);
	}

	@Test
	void identicalCodingGivesPerfectAgreement() {
		DocumentId four = importText(project.id(), "four.txt", FOUR_TURNS, null);
		List<Turn> turns = turns(four);
		Code x = code("X");
		Code y = code("Y");
		for (String coder : List.of(A, B)) {
			codeTurn(four, turns.get(0), x, coder);
			codeTurn(four, turns.get(1), x, coder);
			codeTurn(four, turns.get(3), y, coder);
		}

		AgreementReport report = agreement.compare(
				new AgreementRequest(project.id(), List.of(A, B), List.of(), List.of(), AgreementUnit.TURN));

		assertThat(report.codes()).extracting(CodeAgreement::code).containsExactly("X", "Y");
		for (CodeAgreement c : report.codes()) {
			assertThat(c.percent().value()).as(c.code()).isEqualTo(1.0);
			assertThat(c.kappa().defined()).as(c.code()).isTrue();
			assertThat(c.kappa().value()).as(c.code()).isEqualTo(1.0);
			assertThat(c.alpha().value()).as(c.code()).isEqualTo(1.0);
		}
		assertThat(report.overall().units()).isEqualTo(8);
		assertThat(report.overall().codedUnits()).isEqualTo(3);
		assertThat(report.overall().kappa().value()).isEqualTo(1.0);
		assertThat(report.disagreements()).isEmpty();
	}

	@Test
	void aCoderWhoDidNotCodeADocumentCountsAsMissing() {
		DocumentId four = importText(project.id(), "four.txt", FOUR_TURNS, null);
		List<Turn> turns = turns(four);
		Code x = code("X");
		codeTurn(four, turns.get(0), x, A);
		codeTurn(four, turns.get(1), x, A);
		codeTurn(four, turns.get(1), x, B);
		codeTurn(four, turns.get(2), x, B);
		// only A coded the focus group: B is missing there, not "did not code"
		codeTurn(doc, transcript.turns().get(1), x, A);

		AgreementReport both = agreement.compare(
				new AgreementRequest(project.id(), List.of(A, B), List.of(), List.of(), AgreementUnit.TURN));
		AgreementReport onlyFour = agreement.compare(
				new AgreementRequest(project.id(), List.of(A, B), List.of(four), List.of(), AgreementUnit.TURN));

		assertThat(both.documents()).isEqualTo(2);
		CodeAgreement xa = single(both);
		assertThat(xa.units()).isEqualTo(4 + 6);
		assertThat(xa.percent()).isEqualTo(single(onlyFour).percent());
		assertThat(xa.kappa()).isEqualTo(single(onlyFour).kappa());
		assertThat(xa.alpha()).isEqualTo(single(onlyFour).alpha());
		assertThat(xa.percent().value()).isCloseTo(0.5, within(1e-9));
		assertThat(both.disagreements()).extracting(Disagreement::document).containsOnly("four");
	}

	@Test
	void fewerThanTwoCodersAreRejected() {
		assertThatThrownBy(
				() -> new AgreementRequest(project.id(), List.of(A), List.of(), List.of(), AgreementUnit.TURN))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("choose at least two coders to compare, got 1");
		assertThatThrownBy(
				() -> new AgreementRequest(project.id(), List.of(A, " Ann ", " "), List.of(), List.of(), AgreementUnit.TURN))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("choose at least two coders to compare, got 1");
	}

	@Test
	void aCodeNobodyUsedIsUndefinedNotNaN() {
		DocumentId four = importText(project.id(), "four.txt", FOUR_TURNS, null);
		List<Turn> turns = turns(four);
		Code x = code("X");
		Code unused = code("Unused");
		codeTurn(four, turns.get(0), x, A);
		codeTurn(four, turns.get(0), x, B);

		AgreementReport report = agreement.compare(new AgreementRequest(project.id(), List.of(A, B), List.of(four),
				List.of(unused.id()), AgreementUnit.TURN));

		CodeAgreement u = single(report);
		assertThat(u.code()).isEqualTo("Unused");
		assertThat(u.units()).isEqualTo(4);
		assertThat(u.codedUnits()).isZero();
		assertThat(u.percent().value()).isEqualTo(1.0);
		assertThat(u.kappa().defined()).isFalse();
		assertThat(u.kappa().reason()).contains("no variation");
		assertThat(u.alpha().defined()).isFalse();
		assertThat(u.alpha().reason()).contains("no variation");
		assertThat(Double.isNaN(u.kappa().value()) || Double.isNaN(u.alpha().value())).isFalse();
		assertThat(u.kappa().toString()).startsWith("undefined (");
		assertThat(report.disagreements()).isEmpty();

		assertThatThrownBy(() -> agreement.compare(new AgreementRequest(project.id(), List.of(A, B), List.of(four),
				List.of(new CodeId(Long.MAX_VALUE)), AgreementUnit.TURN)))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void characterUnitsCountNonWhiteSpaceInsideTurns() {
		DocumentId four = importText(project.id(), "four.txt", FOUR_TURNS, null);
		Transcript t = corpus.transcript(four).orElseThrow();
		Code x = code("X");
		int sentence = t.text().indexOf("It was demanding.");
		int word = t.text().indexOf("demanding");
		codings.code(four, x.id(), sentence, sentence + 17, A);
		codings.code(four, x.id(), word, word + 9, B);

		AgreementReport report = agreement.compare(
				new AgreementRequest(project.id(), List.of(A, B), List.of(four), List.of(), AgreementUnit.CHARACTER));

		// non-white-space characters of the turns (labels excluded):
		// "How did the training go?" 20, "It was demanding." 15, "The workload was the problem." 25, "Say more." 8
		CodeAgreement xa = single(report);
		assertThat(xa.units()).isEqualTo(68);
		assertThat(xa.codedUnits()).isEqualTo(15);
		// A codes 15 characters, B 9 of them; they disagree on "Itwas" and "." (6), agree on 62
		assertThat(xa.percent().value()).isCloseTo(62.0 / 68, within(1e-9));
		// p_e = (15·9 + 53·59) / 68² = 3262/4624; κ = (68·62 − 3262) / (68² − 3262) = 954/1362
		assertThat(xa.kappa().value()).isCloseTo(954.0 / 1362, within(1e-9));
		assertThat(report.disagreements()).extracting(Disagreement::text).containsExactly("It was", ".");
		assertThat(report.disagreements()).allSatisfy(d -> {
			assertThat(d.codedBy()).containsExactly(A);
			assertThat(d.notCodedBy()).containsExactly(B);
		});
	}

	@Test
	void sentenceUnitsSplitTurns() {
		Code x = code("X");
		int[] first = at("It was demanding.");
		codings.code(doc, x.id(), first[0], first[1], A);
		codings.code(doc, x.id(), first[0], first[1] - 1, B);
		int[] hardest = at("hardest part");
		codings.code(doc, x.id(), hardest[0], hardest[1], B);

		AgreementReport report = agreement.compare(
				new AgreementRequest(project.id(), List.of(A, B), List.of(doc), List.of(), AgreementUnit.SENTENCE));

		CodeAgreement xa = single(report);
		assertThat(xa.codedUnits()).isEqualTo(2);
		assertThat(report.disagreements()).singleElement()
			.satisfies(d -> assertThat(d.text()).isEqualTo("Summarizing was the hardest part."));
	}

	@Test
	void threeCodersGetPairwisePercentAndAlphaButNoKappa() {
		DocumentId four = importText(project.id(), "four.txt", FOUR_TURNS, null);
		List<Turn> turns = turns(four);
		Code x = code("X");
		// A = 1 1 0 0, B = 0 1 1 0, C = 1 1 0 0
		codeTurn(four, turns.get(0), x, A);
		codeTurn(four, turns.get(1), x, A);
		codeTurn(four, turns.get(1), x, B);
		codeTurn(four, turns.get(2), x, B);
		codeTurn(four, turns.get(0), x, "Cleo");
		codeTurn(four, turns.get(1), x, "Cleo");

		AgreementReport report = agreement.compare(new AgreementRequest(project.id(), List.of(A, B, "Cleo"),
				List.of(four), List.of(), AgreementUnit.TURN));

		CodeAgreement xa = single(report);
		// pairs per turn: turn 1 (1,0,1) agrees 1 of 3, turn 2 3 of 3, turn 3 (0,1,0) 1 of 3, turn 4 3 of 3: 8/12
		assertThat(xa.percent().value()).isCloseTo(8.0 / 12, within(1e-9));
		assertThat(xa.kappa().defined()).isFalse();
		assertThat(xa.kappa().reason()).isEqualTo("Cohen's kappa compares exactly two coders");
		int[][] data = { { 1, 1, 0, 0 }, { 0, 1, 1, 0 }, { 1, 1, 0, 0 } };
		assertThat(xa.alpha()).isEqualTo(Agreement.krippendorffAlphaNominal(data).alpha());
		assertThat(report.disagreements()).extracting(Disagreement::codedBy)
			.containsExactly(List.of(A, "Cleo"), List.of(B));
	}

	// ---- helpers --------------------------------------------------------------------------------

	// ---- code systems and strands -----------------------------------------------------------------

	/** An MI session in the fidelity strand beside the focus group (qualitative), and the MITI codebook. */
	record MixedMethods(DocumentId session, Code theme, Code other, Code question) {
	}

	MixedMethods mixedMethods() {
		DocumentId session = importText(project.id(), "mi-session-1.txt", FOUR_TURNS, "MI sessions");
		studyDesign.setDesign(project.id(), "MI sessions", GroupKind.COUNSELLING_SESSION, Strand.FIDELITY);
		studyDesign.setDesign(project.id(), "Focus groups", GroupKind.FOCUS_GROUP, Strand.QUALITATIVE);
		importMiti();
		Code question = codebook.findCode(project.id(), "Question (Q)").orElseThrow();
		return new MixedMethods(session, code("X"), code("Y"), question);
	}

	void importMiti() {
		try (var in = getClass().getClassLoader().getResourceAsStream("quire/codebooks/miti-4.2.1.qdc")) {
			codebook.importQdc(project.id(), "miti-4.2.1.qdc", in);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/** Both coders code {@code code} on the given turns (0-based) of the focus group: A on a, B on b. */
	void codeFocusGroupTurns(Code code, int[] a, int[] b) {
		for (int t : a) {
			codeTurn(doc, transcript.turns().get(t), code, A);
		}
		for (int t : b) {
			codeTurn(doc, transcript.turns().get(t), code, B);
		}
	}

	@Test
	void theShippedMitiCodebookIsTheMitiSystemAndEveryOtherCodeThematic() {
		codebook.startFromReAim(project.id());
		importMiti();
		Code own = code("Own theme");
		Code question = codebook.findCode(project.id(), "Question (Q)").orElseThrow();
		Code subBehaviour = codebook.create(project.id(), question.id(), CodeDraft.named("Open question", "#1F77B4"));

		List<Code> miti = codebook.codes(project.id(), CodeSystem.MITI);
		assertThat(miti).hasSize(12).extracting(Code::name).contains(CodeSystem.MITI_ROOT_NAME, "Question (Q)",
				"Confront (Confront)", "Open question");
		assertThat(subBehaviour.system()).isEqualTo(CodeSystem.MITI);
		assertThat(own.system()).isEqualTo(CodeSystem.THEMATIC);
		assertThat(codebook.codes(project.id(), CodeSystem.THEMATIC)).isNotEmpty()
			.allSatisfy(c -> assertThat(c.system()).isEqualTo(CodeSystem.THEMATIC))
			.extracting(Code::name)
			.contains("Reach", "Own theme")
			.doesNotContain("Question (Q)");
		// importing the MITI codebook again changes no code's system
		importMiti();
		assertThat(codebook.codes(project.id(), CodeSystem.MITI)).hasSize(12);
	}

	@Test
	void aCodeTreeStaysInOneSystemWhenMovedMergedOrReassigned() {
		importMiti();
		Code root = codebook.findCode(project.id(), CodeSystem.MITI_ROOT_NAME).orElseThrow();
		Code question = codebook.findCode(project.id(), "Question (Q)").orElseThrow();
		Code theme = code("Theme");
		Code child = codebook.create(project.id(), theme.id(), CodeDraft.named("Child", "#1F77B4"));

		assertThatThrownBy(() -> codebook.merge(theme.id(), question.id())).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("the code systems are analysed apart");
		assertThat(codebook.code(theme.id())).isPresent();

		codebook.move(theme.id(), root.id(), null);
		assertThat(codebook.code(child.id()).orElseThrow().system()).isEqualTo(CodeSystem.MITI);

		assertThat(codebook.setSystem(theme.id(), CodeSystem.THEMATIC)).isEqualTo(2);
		assertThat(codebook.code(theme.id()).orElseThrow().system()).isEqualTo(CodeSystem.THEMATIC);
		assertThat(codebook.code(child.id()).orElseThrow().system()).isEqualTo(CodeSystem.THEMATIC);
		assertThat(codebook.setSystem(theme.id(), CodeSystem.THEMATIC)).isZero();
	}

	@Test
	void agreementByDefaultComparesSpeakerTurnsOfTheQualitativeStrandOnThematicCodes() {
		MixedMethods mm = mixedMethods();
		List<Turn> session = turns(mm.session());
		codeFocusGroupTurns(mm.theme(), new int[] { 2, 3 }, new int[] { 2 });
		codeFocusGroupTurns(mm.question(), new int[] { 1, 4 }, new int[] { 1, 4 });
		codeTurn(mm.session(), session.get(0), mm.question(), A);
		codeTurn(mm.session(), session.get(0), mm.question(), B);
		codeTurn(mm.session(), session.get(1), mm.theme(), A);

		AgreementReport report = agreement.compare(new AgreementRequest(project.id(), List.of(A, B), List.of(), List.of(),
				AgreementRequest.DEFAULT_UNIT));

		assertThat(report.unit()).isEqualTo(AgreementUnit.TURN);
		assertThat(report.strand()).isEqualTo(Strand.QUALITATIVE);
		assertThat(report.documentNames()).containsExactly("focus-group-3");
		assertThat(report.documentScope()).isEqualTo("qualitative strand: 1 focus group; 1 document coded by Ann or Ben");
		assertThat(report.system()).isEqualTo(CodeSystem.THEMATIC);
		assertThat(report.codeScope()).isEqualTo("Thematic codes, 1 code");
		assertThat(report.codes()).extracting(CodeAgreement::code).containsExactly("X");
		int turnsInFocusGroup = transcript.turns().size();
		assertThat(report.units()).isEqualTo(turnsInFocusGroup);
		assertThat(report.overall().units()).isEqualTo(turnsInFocusGroup);
		assertThat(report.overall().codedUnits()).isEqualTo(2);
		assertThat(report.overall().code()).isEqualTo("All codes (Thematic codes, 1 code)");
		assertThat(report.computedOver()).isEqualTo("Ann and Ben · qualitative strand: 1 focus group; 1 document coded by "
				+ "Ann or Ben · " + turnsInFocusGroup + " speaker turns per code · Thematic codes, 1 code");

		AgreementReport allStrands = agreement.compare(new AgreementRequest(project.id(), List.of(A, B), List.of(), null,
				List.of(), CodeSystem.THEMATIC, AgreementUnit.TURN, 1_000, 1));
		assertThat(allStrands.documentNames()).containsExactlyInAnyOrder("focus-group-3", "mi-session-1");
		assertThat(allStrands.documentScope()).startsWith("all strands; 2 documents");
		assertThat(allStrands.codes()).extracting(CodeAgreement::code).containsExactly("X");
		assertThat(allStrands.codes().get(0).units()).isEqualTo(turnsInFocusGroup + 4);

		AgreementReport fidelity = agreement.compare(new AgreementRequest(project.id(), List.of(A, B), List.of(),
				Strand.FIDELITY, List.of(), CodeSystem.MITI, AgreementUnit.TURN, 1_000, 1));
		assertThat(fidelity.documentNames()).containsExactly("mi-session-1");
		assertThat(fidelity.codes()).extracting(CodeAgreement::code)
			.containsExactly(CodeSystem.MITI_ROOT_NAME + " › Question (Q)");
		assertThat(fidelity.codeScope()).isEqualTo("MITI behaviour codes, 1 code");

		assertThatThrownBy(() -> agreement.compare(new AgreementRequest(project.id(), List.of(A, B), List.of(),
				List.of(mm.question().id()), AgreementUnit.TURN))).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("is one of the MITI behaviour codes, not the Thematic codes");
	}

	@Test
	void allCodesPoolsTheChosenCodeSystemOnly() {
		MixedMethods mm = mixedMethods();
		codeFocusGroupTurns(mm.theme(), new int[] { 2, 3 }, new int[] { 2 });
		codeFocusGroupTurns(mm.other(), new int[] { 5 }, new int[] { 5, 4 });
		codeFocusGroupTurns(mm.question(), new int[] { 1 }, new int[] { 1 });

		AgreementReport report = agreement.compare(
				new AgreementRequest(project.id(), List.of(A, B), List.of(), List.of(), AgreementUnit.TURN));

		int units = transcript.turns().size();
		assertThat(report.codes()).extracting(CodeAgreement::code).containsExactly("X", "Y");
		assertThat(report.overall().units()).isEqualTo(2 * units);
		assertThat(report.overall().codedUnits()).isEqualTo(4);
		// the pooled α is α over the two thematic codes' decisions, without the MITI code's
		int[][] pooled = new int[2][2 * units];
		for (int u = 0; u < units; u++) {
			pooled[0][u] = u == 2 || u == 3 ? 1 : 0;
			pooled[1][u] = u == 2 ? 1 : 0;
			pooled[0][units + u] = u == 5 ? 1 : 0;
			pooled[1][units + u] = u == 5 || u == 4 ? 1 : 0;
		}
		assertThat(report.overall().alpha().value())
			.isCloseTo(Agreement.krippendorffAlphaNominal(pooled).alpha().value(), within(1e-12));
	}

	@Test
	void alphaHasASeededBootstrapIntervalButNotAtTheCharacterLevel() {
		Code x = code("X");
		Code y = code("Y");
		codeFocusGroupTurns(x, new int[] { 1, 2, 3 }, new int[] { 1, 2, 4 });
		codeFocusGroupTurns(y, new int[] { 2, 4, 5 }, new int[] { 2, 4, 5, 3 });
		AgreementRequest request = new AgreementRequest(project.id(), List.of(A, B), List.of(), Strand.QUALITATIVE,
				List.of(), CodeSystem.THEMATIC, AgreementUnit.TURN, 1_000, 42);

		AgreementReport first = agreement.compare(request);
		AgreementReport again = agreement.compare(request);

		Interval ci = first.overall().alphaCi();
		assertThat(ci).isEqualTo(again.overall().alphaCi());
		assertThat(ci.resamples()).isEqualTo(1_000);
		assertThat(ci.seed()).isEqualTo(42);
		assertThat(ci.lower().defined()).isTrue();
		assertThat(ci.lower().value()).isLessThanOrEqualTo(first.overall().alpha().value());
		assertThat(ci.upper().value()).isGreaterThanOrEqualTo(first.overall().alpha().value());

		AgreementReport characters = agreement.compare(new AgreementRequest(project.id(), List.of(A, B), List.of(),
				List.of(), AgreementUnit.CHARACTER));
		assertThat(characters.overall().alphaCiText()).contains("characters are not independent units");
		assertThat(characters.computedOver())
			.endsWith("character-level agreement, not comparable to unit-based figures");
	}

	@Test
	void matrixAndCoOccurrenceFollowTheStrandAndTheCodeSystem() {
		MixedMethods mm = mixedMethods();
		List<Turn> session = turns(mm.session());
		codeFocusGroupTurns(mm.theme(), new int[] { 2 }, new int[] {});
		codeFocusGroupTurns(mm.question(), new int[] { 2 }, new int[] {});
		codeTurn(mm.session(), session.get(1), mm.theme(), A);
		codeTurn(mm.session(), session.get(1), mm.other(), A);

		CoOccurrence themes = retrieval.coOccurrence(project.id(), null, CodeSystem.THEMATIC, Strand.QUALITATIVE);
		assertThat(themes.codes()).allSatisfy(c -> assertThat(c.system()).isEqualTo(CodeSystem.THEMATIC));
		assertThat(themes.codes()).extracting(Code::name).containsExactly("X", "Y");
		// X and Y overlap only in the MI session, which is not in the qualitative strand; X overlaps Q only as MITI
		assertThat(themes.counts()).isDeepEqualTo(new int[][] { { 1, 0 }, { 0, 0 } });
		assertThat(themes.scope()).isEqualTo("Thematic codes, 2 codes · qualitative strand: 1 focus group");
		CoOccurrence everywhere = retrieval.coOccurrence(project.id(), null, CodeSystem.THEMATIC, null);
		assertThat(everywhere.counts()).isDeepEqualTo(new int[][] { { 2, 1 }, { 1, 1 } });

		List<MatrixRow> rows = retrieval.codeRows(project.id(), List.of(mm.theme().id()));
		FrameworkMatrix qualitative = retrieval.matrix(project.id(), rows, MatrixColumns.DOCUMENTS, null, Strand.QUALITATIVE);
		assertThat(qualitative.columns()).containsExactly("focus-group-3");
		assertThat(qualitative.rowTotal(0)).isEqualTo(1);
		assertThat(qualitative.scope()).isEqualTo("qualitative strand: 1 focus group");
		FrameworkMatrix groups = retrieval.matrix(project.id(), rows, MatrixColumns.GROUPS, null, Strand.QUALITATIVE);
		assertThat(groups.columns()).containsExactly("Focus groups");
		FrameworkMatrix all = retrieval.matrix(project.id(), rows, MatrixColumns.DOCUMENTS, null, null);
		assertThat(all.columns()).containsExactlyInAnyOrder("focus-group-3", "mi-session-1");
		assertThat(all.rowTotal(0)).isEqualTo(2);
	}

	DocumentId importText(ProjectId project, String fileName, String text, @Nullable String group) {
		return corpus
			.importDocument(project, new ImportRequest(fileName, text.getBytes(StandardCharsets.UTF_8), group,
					Language.ENGLISH))
			.document()
			.id();
	}

	@Test
	void twoCodersCodingOneTranscriptAtOnceLoseNothing() throws Exception {
		Code a = code("Workload");
		Code b = code("Training");
		// Every word of the transcript is one distinct span, coded by both coders at the same time.
		String text = corpus.transcript(doc).orElseThrow().text();
		List<int[]> words = new java.util.ArrayList<>();
		var m = java.util.regex.Pattern.compile("\\p{L}{3,}").matcher(text);
		while (m.find()) {
			words.add(new int[] { m.start(), m.end() });
		}
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
		java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
		java.util.function.BiFunction<Code, String, java.util.concurrent.Callable<Integer>> burst = (code, coder) -> () -> {
			go.await();
			for (int[] w : words) {
				codings.code(doc, code.id(), w[0], w[1], coder);
			}
			return words.size();
		};
		var first = pool.submit(burst.apply(a, "Anna"));
		var second = pool.submit(burst.apply(b, "Jonas"));
		long t0 = System.nanoTime();
		go.countDown();
		int done = first.get() + second.get();
		double seconds = (System.nanoTime() - t0) / 1e9;
		pool.shutdown();
		System.out.printf("two concurrent coders: %d codings in %.2f s (%.0f codings/s)%n", done, seconds, done / seconds);
		assertThat(codings.codings(doc, "Anna")).hasSize(words.size());
		assertThat(codings.codings(doc, "Jonas")).hasSize(words.size());
	}

	Code code(String name) {
		return codebook.create(project.id(), null, CodeDraft.named(name, "#1F77B4"));
	}

	/** The range of the first occurrence of {@code phrase} in the focus group transcript. */
	int[] at(String phrase) {
		int i = transcript.text().indexOf(phrase);
		assertThat(i).as("'%s' in the transcript", phrase).isNotNegative();
		return new int[] { i, i + phrase.length() };
	}

	List<String> paths() {
		return codebook.codes(project.id()).stream().map(Code::path).toList();
	}

	List<Turn> turns(DocumentId document) {
		Transcript t = corpus.transcript(document).orElseThrow();
		assertThat(t.turns()).extracting(Turn::speaker)
			.containsExactly("Moderator", "Caseworker 1", "Caseworker 2", "Moderator");
		return t.turns();
	}

	void codeTurn(DocumentId document, Turn turn, Code code, String coder) {
		codings.code(document, code.id(), turn.start(), turn.end(), coder);
	}

	static CodeAgreement single(AgreementReport report) {
		assertThat(report.codes()).hasSize(1);
		return report.codes().get(0);
	}

	static long countBy(List<Code> all, String parentName) {
		Code parent = all.stream().filter(c -> c.name().equals(parentName)).findFirst().orElseThrow();
		return all.stream().filter(c -> parent.id().equals(c.parentId())).count();
	}

	static ByteArrayInputStream stream(String xml) {
		return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
	}

	/** What a .qdc file carries of a code. */
	record Portable(String guid, String path, int depth, String colour, String definition, String inclusion,
			String exclusion, String example, Set<ReAim> dimensions, @Nullable Stance stance, Origin origin) {
	}

	static Portable portable(Code c) {
		return new Portable(c.guid(), c.path(), c.depth(), c.colour(), c.definition(), c.inclusion(), c.exclusion(),
				c.example(), c.dimensions(), c.stance(), c.origin());
	}

}

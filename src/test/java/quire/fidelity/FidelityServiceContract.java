package quire.fidelity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import quire.project.AuditEntry;
import quire.project.AuditLog;
import quire.project.ProjectRole;
import quire.security.UserAccount;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import quire.fidelity.LabImportResult.Problem;
import quire.fidelity.internal.LabCsv;
import quire.fidelity.internal.LabImport;
import quire.coding.Code;
import quire.coding.CodeId;
import quire.coding.CodebookService;
import quire.coding.Coding;
import quire.coding.CodingService;
import quire.corpus.CorpusService;
import quire.corpus.DocumentId;
import quire.corpus.ImportRequest;
import quire.corpus.Language;
import quire.corpus.Transcript;
import quire.corpus.Turn;
import quire.project.ProjectId;
import quire.project.ProjectService;

/**
 * What the fidelity module promises, run against H2 and PostgreSQL: coding-lab import (all or nothing, or
 * good rows only), ratings with their primary flag, results per counsellor and overall against a threshold
 * set, the project's threshold set, ICC(2,1) reliability, the lab export, and MITI coding in Quire.
 */
abstract class FidelityServiceContract {

	static final String HEADER = "Session,Counsellor,Coder,CCT,SST,Partnership,Empathy,GI,Persuade,PwP,Q,SR,CR,AF,Seek,Emph,Confront\n";

	/**
	 * Four sessions of two counsellors, S01 coded by Ann and Ben (Ann's row first, so hers is primary).
	 * Primary ratings and their summary scores (Rel = (P+E)/2, Tech = (CCT+SST)/2, %CR = CR/(SR+CR),
	 * R:Q = (SR+CR)/Q, adherent = AF+Seek+Emph, non-adherent = Persuade+Confront):
	 * <pre>
	 * S01 CW1 Ann  CCT4 SST3 P4 E4  Q10 SR6 CR4 AF2 Seek1 Emph1  → Rel 4.0  Tech 3.5  %CR 0.4  R:Q 1.0   adh 4
	 * S02 CW1 Ann  CCT3 SST2 P3 E4  Q5  SR8 CR2 AF1              → Rel 3.5  Tech 2.5  %CR 0.2  R:Q 2.0   adh 1
	 * S03 CW2 Ben  CCT5 SST4 P5 E4  Q0  SR3 CR3 AF3 Seek2 Emph1  → Rel 4.5  Tech 4.5  %CR 0.5  R:Q n.d.  adh 6
	 * S04 CW2 Ben  CCT2 SST2 P3 E2  Q4  SR1 CR0 Pers2 Conf1      → Rel 2.5  Tech 2.0  %CR 0.0  R:Q 0.25  adh 0 non 3
	 * </pre>
	 */
	static final String LAB = HEADER + """
			S01,CW1,Ann,4,3,4,4,2,0,1,10,6,4,2,1,1,0
			S01,CW1,Ben,3,3,4,3,3,1,1,9,5,5,2,1,0,0
			S02,CW1,Ann,3,2,3,4,1,0,0,5,8,2,1,0,0,0
			S03,CW2,Ben,5,4,5,4,0,0,0,0,3,3,3,2,1,0
			S04,CW2,Ben,2,2,3,2,4,2,0,4,1,0,0,0,0,1
			""";

	/** Line 3 has Empathy 6, line 4 has "x" as Q; lines 2 and 5 are good. */
	static final String BAD_LAB = HEADER + """
			S01,CW1,Ann,4,3,4,4,2,0,1,10,6,4,2,1,1,0
			S02,CW1,Ann,3,2,3,6,1,0,0,5,8,2,1,0,0,0
			S03,CW2,Ben,5,4,5,4,0,0,0,x,3,3,3,2,1,0
			S04,CW2,Ben,2,2,3,2,4,2,0,4,1,0,0,0,0,1
			""";

	@Autowired
	FidelityService fidelity;

	@Autowired
	ProjectService projects;

	@Autowired
	quire.security.UserService users;

	@Autowired
	quire.security.Actors actors;

	@Autowired
	quire.project.ProjectAccess projectAccess;

	@Autowired
	AuditLog audit;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	ProjectId project;

	@BeforeEach
	void createProject() {
		project = projects.create("Fidelity test " + UUID.randomUUID(), "").id();
	}

	/**
	 * Index updates and module listeners run after commit on the application task executor. Waiting for
	 * them keeps them from piling up in a test context that the test framework pauses when the next test
	 * class starts: a paused executor with queued tasks would hold up JVM exit for its whole
	 * await-termination period.
	 */
	@AfterEach
	void waitForIndexUpdates() throws InterruptedException {
		settle();
	}

	// ---- lab import -----------------------------------------------------------------------------

	@Test
	void labImportStoresRatingsAndSessionsAndTheFirstRatingPerSessionIsPrimary() {
		LabImportResult result = importLab(LAB, false);

		// 5 rows → 5 ratings; sessions S01..S04 are new → 4
		assertThat(result.applied()).isTrue();
		assertThat(result.ratings()).isEqualTo(5);
		assertThat(result.sessionsCreated()).isEqualTo(4);
		assertThat(result.problems()).isEmpty();
		assertThat(result.ignoredColumns()).isEmpty();

		assertThat(fidelity.sessions(project)).extracting(MitiSession::label, MitiSession::counsellor)
			.containsExactly(tuple("S01", "CW1"), tuple("S02", "CW1"), tuple("S03", "CW2"), tuple("S04", "CW2"));
		assertThat(fidelity.sessions(project)).allSatisfy(s -> {
			assertThat(s.document()).isNull();
			assertThat(s.projectId()).isEqualTo(project);
		});
		List<Rating> ratings = fidelity.ratings(project);
		assertThat(ratings).extracting(r -> r.session().label(), Rating::coder, Rating::source, Rating::primary)
			.containsExactly(tuple("S01", "Ann", RatingSource.LAB, true), tuple("S01", "Ben", RatingSource.LAB, false),
					tuple("S02", "Ann", RatingSource.LAB, true), tuple("S03", "Ben", RatingSource.LAB, true),
					tuple("S04", "Ben", RatingSource.LAB, true));
		Rating s01Ben = ratings.get(1);
		assertThat(s01Ben.globals()).isEqualTo(new MitiGlobals(3, 3, 4, 3));
		assertThat(s01Ben.counts()).isEqualTo(MitiCounts.of(3, 1, 1, 9, 5, 5, 2, 1, 0, 0));
		// S01 Ben: Rel (4+3)/2 = 3.5, Tech (3+3)/2 = 3, %CR 5/10 = 0.5, R:Q 10/9, adherent 2+1+0 = 3, non 0+1 = 1
		assertThat(s01Ben.scores().relational()).isEqualTo(3.5);
		assertThat(s01Ben.scores().technical()).isEqualTo(3.0);
		assertThat(s01Ben.scores().percentCr().value()).isEqualTo(0.5);
		assertThat(s01Ben.scores().rq().value()).isCloseTo(10.0 / 9, within(1e-12));
		assertThat(s01Ben.scores().adherent()).isEqualTo(3);
		assertThat(s01Ben.scores().nonAdherent()).isEqualTo(1);
		// S03 has no questions: R:Q not defined
		assertThat(ratings.get(3).scores().rq().defined()).isFalse();
		assertThat(ratings.get(3).scores().rq().reason()).isEqualTo(MitiScores.NO_QUESTIONS);
	}

	@Test
	void reimportingTheSameFileReplacesWithoutDuplicates() {
		importLab(LAB, false);
		List<Rating> before = fidelity.ratings(project);

		LabImportResult again = importLab(LAB, false);

		// the same 5 ratings replace the earlier ones; all 4 sessions exist already
		assertThat(again.applied()).isTrue();
		assertThat(again.ratings()).isEqualTo(5);
		assertThat(again.sessionsCreated()).isZero();
		assertThat(fidelity.sessions(project)).hasSize(4);
		List<Rating> after = fidelity.ratings(project);
		assertThat(after).hasSize(5);
		assertThat(after).extracting(r -> r.session().label(), Rating::coder, Rating::globals, Rating::counts,
				Rating::primary)
			.containsExactlyElementsOf(before.stream()
				.map(r -> tuple(r.session().label(), r.coder(), r.globals(), r.counts(), r.primary()))
				.toList());
	}

	@Test
	void aFileWithBadRowsStoresNothing() {
		LabImportResult result = importLab(BAD_LAB, false);

		assertThat(result.applied()).isFalse();
		assertThat(result.ratings()).isZero();
		assertThat(result.sessionsCreated()).isZero();
		assertThat(result.problems()).extracting(Problem::line, Problem::column)
			.containsExactly(tuple(3, "Empathy"), tuple(4, "Q"));
		assertThat(result.problems().get(0).reason()).isEqualTo("6 is outside 1–5");
		assertThat(result.problems().get(1).reason()).isEqualTo("\"x\" is not a whole number");
		assertThat(result.describe()).isEqualTo("bad.csv: nothing imported, 2 problems");
		assertThat(fidelity.sessions(project)).isEmpty();
		assertThat(fidelity.ratings(project)).isEmpty();
	}

	@Test
	void goodRowsOnlyImportsTheGoodRowsAndReportsTheBadOnes() {
		LabImportResult result = importLab(BAD_LAB, true);

		// lines 2 (S01) and 5 (S04) are good
		assertThat(result.applied()).isTrue();
		assertThat(result.ratings()).isEqualTo(2);
		assertThat(result.sessionsCreated()).isEqualTo(2);
		assertThat(result.problems()).extracting(Problem::line, Problem::column)
			.containsExactly(tuple(3, "Empathy"), tuple(4, "Q"));
		assertThat(result.describe()).isEqualTo("bad.csv: 2 ratings imported, 2 new sessions, 2 bad row(s) skipped");
		assertThat(fidelity.sessions(project)).extracting(MitiSession::label).containsExactly("S01", "S04");
		assertThat(fidelity.ratings(project)).extracting(r -> r.session().label(), Rating::coder, Rating::primary)
			.containsExactly(tuple("S01", "Ann", true), tuple("S04", "Ben", true));
	}

	// ---- results --------------------------------------------------------------------------------

	@Test
	void resultsPerCounsellorAndOverallAgainstMiti421() {
		importLab(LAB, false);

		FidelityResults results = fidelity.results(project, ResultsBy.COUNSELLOR, ThresholdSet.MITI_4_2_1);

		assertThat(results.thresholds()).isEqualTo(ThresholdSet.MITI_4_2_1);
		assertThat(results.by()).isEqualTo(ResultsBy.COUNSELLOR);
		assertThat(results.groups()).extracting(ResultGroup::name, ResultGroup::sessions)
			.containsExactly(tuple("CW1", 2), tuple("CW2", 2));
		// each session once, by its primary rating: S01 counts Ann's, not Ben's
		assertThat(results.overall().name()).isEqualTo("All sessions");
		assertThat(results.overall().sessions()).isEqualTo(4);

		// CW1 = S01, S02
		ResultGroup cw1 = results.groups().get(0);
		// Relational 4.0, 3.5: mean 3.75, SD √((.25² + .25²)/1) = √.125; fair (≥ 3.5) 2/2, good (≥ 4) 1/2
		expect(cw1.score(Summary.RELATIONAL), 2, 3.75, Math.sqrt(0.125), 0, 1.0, 0.5);
		// Technical 3.5, 2.5: mean 3.0, SD √.5; fair (≥ 3) 1/2, good (≥ 4) 0/2
		expect(cw1.score(Summary.TECHNICAL), 2, 3.0, Math.sqrt(0.5), 0, 0.5, 0.0);
		// %CR 0.4, 0.2: mean 0.3, SD √.02; fair (≥ .40) 1/2 (0.4 itself), good (≥ .50) 0/2
		expect(cw1.score(Summary.PERCENT_CR), 2, 0.3, Math.sqrt(0.02), 0, 0.5, 0.0);
		// R:Q 1.0, 2.0: mean 1.5, SD √.5; fair (≥ 1) 2/2, good (≥ 2) 1/2
		expect(cw1.score(Summary.RQ), 2, 1.5, Math.sqrt(0.5), 0, 1.0, 0.5);
		// adherent 4, 1: mean 2.5, SD √4.5; no threshold
		expectNoThreshold(cw1.score(Summary.MI_ADHERENT), 2, 2.5, Math.sqrt(4.5));

		// CW2 = S03, S04
		ResultGroup cw2 = results.groups().get(1);
		// Relational 4.5, 2.5: mean 3.5, SD √2; fair 1/2, good 1/2
		expect(cw2.score(Summary.RELATIONAL), 2, 3.5, Math.sqrt(2), 0, 0.5, 0.5);
		// Technical 4.5, 2.0: mean 3.25, SD √(2 · 1.25²) = √3.125; fair 1/2, good 1/2
		expect(cw2.score(Summary.TECHNICAL), 2, 3.25, Math.sqrt(3.125), 0, 0.5, 0.5);
		// %CR 0.5, 0.0: mean 0.25, SD √.125; fair 1/2, good 1/2
		expect(cw2.score(Summary.PERCENT_CR), 2, 0.25, Math.sqrt(0.125), 0, 0.5, 0.5);
		// R:Q: S03 has Q = 0 (not defined, left out), S04 1/4 = 0.25 → n 1, mean .25, no SD; fair 0/1, good 0/1
		ScoreSummary cw2rq = cw2.score(Summary.RQ);
		assertThat(cw2rq.stats().n()).isEqualTo(1);
		assertThat(cw2rq.stats().mean().value()).isCloseTo(0.25, within(1e-12));
		assertThat(cw2rq.stats().sd().defined()).isFalse();
		assertThat(cw2rq.notDefined()).isEqualTo(1);
		assertThat(cw2rq.atLeastFair().value()).isEqualTo(0.0);
		assertThat(cw2rq.good().value()).isEqualTo(0.0);
		// adherent 6, 0: mean 3, SD √18
		expectNoThreshold(cw2.score(Summary.MI_ADHERENT), 2, 3.0, Math.sqrt(18));

		ResultGroup all = results.overall();
		// Relational 4.0, 3.5, 4.5, 2.5: mean 14.5/4 = 3.625;
		// Σ dev² = .375² + .125² + .875² + 1.125² = 2.1875, SD √(2.1875/3); fair 3/4, good 2/4
		expect(all.score(Summary.RELATIONAL), 4, 3.625, Math.sqrt(2.1875 / 3), 0, 0.75, 0.5);
		// Technical 3.5, 2.5, 4.5, 2.0: mean 3.125; Σ dev² = .140625 + .390625 + 1.890625 + 1.265625 = 3.6875;
		// fair (3.5, 4.5) 2/4, good (4.5) 1/4
		expect(all.score(Summary.TECHNICAL), 4, 3.125, Math.sqrt(3.6875 / 3), 0, 0.5, 0.25);
		// %CR .4, .2, .5, 0: mean .275; Σ dev² = .015625 + .005625 + .050625 + .075625 = .1475; fair 2/4, good 1/4
		expect(all.score(Summary.PERCENT_CR), 4, 0.275, Math.sqrt(0.1475 / 3), 0, 0.5, 0.25);
		// R:Q 1.0, 2.0, .25 (S03 not defined): mean 3.25/3; Σ dev² = (1/12)² + (11/12)² + (10/12)² = 222/144;
		// SD √(222/144/2); fair 2/3, good 1/3
		expect(all.score(Summary.RQ), 3, 3.25 / 3, Math.sqrt(222.0 / 144 / 2), 1, 2.0 / 3, 1.0 / 3);
		// adherent 4, 1, 6, 0: mean 2.75; Σ dev² = 1.5625 + 3.0625 + 10.5625 + 7.5625 = 22.75
		expectNoThreshold(all.score(Summary.MI_ADHERENT), 4, 2.75, Math.sqrt(22.75 / 3));
		// non-adherent 0, 0, 0, 3: mean .75, SD √((3·.5625 + 5.0625)/3) = √2.25 = 1.5
		expectNoThreshold(all.score(Summary.MI_NON_ADHERENT), 4, 0.75, 1.5);
		// globals and counts: Empathy 4, 4, 4, 2 → mean 3.5; Q 10, 5, 0, 4 → mean 4.75
		assertThat(all.globals().get(Global.EMPATHY).mean().value()).isEqualTo(3.5);
		assertThat(all.counts().get(Behaviour.Q).mean().value()).isEqualTo(4.75);
		assertThat(all.counts().get(Behaviour.Q).min().value()).isEqualTo(0.0);
	}

	@Test
	void resultsPerSessionUseThePrimaryRating() {
		importLab(LAB, false);

		FidelityResults results = fidelity.results(project, ResultsBy.SESSION, ThresholdSet.MITI_4_2_1);

		assertThat(results.groups()).extracting(ResultGroup::name, ResultGroup::sessions)
			.containsExactly(tuple("S01", 1), tuple("S02", 1), tuple("S03", 1), tuple("S04", 1));
		// S01 by Ann (primary): Relational (4+4)/2 = 4.0, not Ben's 3.5
		assertThat(results.groups().get(0).score(Summary.RELATIONAL).stats().mean().value()).isEqualTo(4.0);
		assertThat(results.groups().get(2).score(Summary.RQ).notDefined()).isEqualTo(1);
		assertThat(results.groups().get(2).score(Summary.RQ).atLeastFair().defined()).isFalse();
	}

	@Test
	void beginningProficiencyHasNoPercentCrThresholdAndNoGoodLevel() {
		importLab(LAB, false);

		ResultGroup all = fidelity.results(project, ResultsBy.COUNSELLOR, ThresholdSet.BEGINNING_PROFICIENCY).overall();

		ScoreSummary cr = all.score(Summary.PERCENT_CR);
		// the scores themselves do not depend on the threshold set
		assertThat(cr.stats().n()).isEqualTo(4);
		assertThat(cr.stats().mean().value()).isCloseTo(0.275, within(1e-12));
		assertThat(cr.atLeastFair().defined()).isFalse();
		assertThat(cr.atLeastFair().reason()).contains("Beginning proficiency (seed 002)").contains("%CR");
		assertThat(cr.good().defined()).isFalse();
		assertThat(all.score(Summary.RQ).atLeastFair().defined()).isFalse();
		// Technical ≥ 3: 3.5, 4.5 of 3.5, 2.5, 4.5, 2.0 → 2/4; fair only, so no good share
		assertThat(all.score(Summary.TECHNICAL).atLeastFair().value()).isEqualTo(0.5);
		assertThat(all.score(Summary.TECHNICAL).good().defined()).isFalse();
		// Relational ≥ 4: 4.0, 4.5 of 4.0, 3.5, 4.5, 2.5 → 2/4
		assertThat(all.score(Summary.RELATIONAL).atLeastFair().value()).isEqualTo(0.5);
	}

	@Test
	void resultsOfAProjectWithoutRatingsAreEmpty() {
		FidelityResults results = fidelity.results(project, ResultsBy.COUNSELLOR, ThresholdSet.MITI_4_2_1);

		assertThat(results.groups()).isEmpty();
		assertThat(results.overall().sessions()).isZero();
		ScoreSummary rel = results.overall().score(Summary.RELATIONAL);
		assertThat(rel.stats().n()).isZero();
		assertThat(rel.stats().mean().defined()).isFalse();
		assertThat(rel.atLeastFair().defined()).isFalse();
	}

	// ---- threshold set --------------------------------------------------------------------------

	@Test
	void theThresholdSetIsKeptPerProjectAndDefaultsToMiti421() {
		ProjectId other = projects.create("Fidelity other " + UUID.randomUUID(), "").id();
		assertThat(fidelity.thresholdSet(project)).isEqualTo(ThresholdSet.MITI_4_2_1);

		fidelity.chooseThresholdSet(project, ThresholdSet.BEGINNING_PROFICIENCY);
		assertThat(fidelity.thresholdSet(project)).isEqualTo(ThresholdSet.BEGINNING_PROFICIENCY);
		assertThat(fidelity.thresholdSet(other)).isEqualTo(ThresholdSet.MITI_4_2_1);

		fidelity.chooseThresholdSet(project, ThresholdSet.BEGINNING_PROFICIENCY); // again: no duplicate key
		fidelity.chooseThresholdSet(project, ThresholdSet.MITI_4_2_1);
		assertThat(fidelity.thresholdSet(project)).isEqualTo(ThresholdSet.MITI_4_2_1);

		assertThat(fidelity.thresholdSet(project, "beginning")).contains(ThresholdSet.BEGINNING_PROFICIENCY);
		assertThat(fidelity.thresholdSet(project, "  MITI 4.2.1 FAIR/GOOD ")).contains(ThresholdSet.MITI_4_2_1);
		assertThat(fidelity.thresholdSet(project, "Lenient")).isEmpty();
	}

	@Test
	void aProjectSavesItsOwnThresholdSetsAndResultsUseThem() {
		ThresholdSet lenient = new ThresholdSet("Lenient",
				java.util.Map.of(Summary.TECHNICAL, new Threshold(2.5, 3.5), Summary.PERCENT_CR, new Threshold(0.3, null)));
		ThresholdSet saved = fidelity.saveThresholdSet(project, lenient);
		assertThat(saved).isEqualTo(lenient);
		assertThat(fidelity.thresholdSets(project)).contains(ThresholdSet.MITI_4_2_1, ThresholdSet.BEGINNING_PROFICIENCY, lenient);
		ProjectId elsewhere = projects.create("Fidelity elsewhere " + UUID.randomUUID(), "").id();
		assertThat(fidelity.thresholdSets(elsewhere)).doesNotContain(lenient);
		fidelity.chooseThresholdSet(project, saved);
		assertThat(fidelity.thresholdSet(project)).isEqualTo(lenient);
		assertThatThrownBy(() -> fidelity.saveThresholdSet(project,
				new ThresholdSet("MITI 4.2.1 fair/good", java.util.Map.of(Summary.TECHNICAL, new Threshold(1, null)))))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("built-in");
		ThresholdSet stricter = new ThresholdSet("Lenient", java.util.Map.of(Summary.TECHNICAL, new Threshold(3, null)));
		fidelity.saveThresholdSet(project, stricter);
		assertThat(fidelity.thresholdSet(project, "lenient")).contains(stricter);
	}

	// ---- reliability ----------------------------------------------------------------------------

	/**
	 * Ann and Ben share S01 and S02, Ann and Cleo only S03, so the busiest pair is Ann and Ben. CCT:
	 * S01 (4, 3), S02 (2, 2).
	 */
	static final String DOUBLE_CODED = HEADER + """
			S01,CW1,Ann,4,3,4,4,2,0,1,10,6,4,2,1,1,0
			S01,CW1,Ben,3,3,4,3,3,1,1,9,5,5,2,1,0,0
			S02,CW1,Ann,2,2,3,4,1,0,0,5,8,2,1,0,0,0
			S02,CW1,Ben,2,3,3,3,1,0,1,6,7,2,1,1,0,0
			S03,CW2,Ann,5,4,5,4,0,0,0,0,3,3,3,2,1,0
			S03,CW2,Cleo,4,4,5,5,0,0,0,1,3,2,3,2,0,0
			""";

	@Test
	void reliabilityTakesTheCoderPairSharingMostSessions() {
		fidelity.importLab(project, "double.csv", DOUBLE_CODED.getBytes(StandardCharsets.UTF_8), Map.of(), false);

		Reliability r = fidelity.reliability(project, List.of());

		assertThat(r.coders()).containsExactly("Ann", "Ben");
		assertThat(r.sessions()).isEqualTo(2);
		// 4 globals + 10 behaviours
		assertThat(r.rows()).hasSize(14);
		assertThat(r.rows()).extracting(Reliability.Row::measure)
			.startsWith("Cultivating Change Talk", "Softening Sustain Talk", "Partnership", "Empathy")
			.contains("Question (Q)", "Complex Reflection (CR)");
		// matrices by hand: rows S01, S02; columns Ann, Ben
		double[][][] expected = {
				{ { 4, 3 }, { 2, 2 } }, // CCT
				{ { 3, 3 }, { 2, 3 } }, // SST
				{ { 4, 4 }, { 3, 3 } }, // Partnership
				{ { 4, 3 }, { 4, 3 } }, // Empathy
				{ { 2, 3 }, { 1, 1 } }, // GI
				{ { 0, 1 }, { 0, 0 } }, // Persuade
				{ { 1, 1 }, { 0, 1 } }, // PwP
				{ { 10, 9 }, { 5, 6 } }, // Q
				{ { 6, 5 }, { 8, 7 } }, // SR
				{ { 4, 5 }, { 2, 2 } }, // CR
				{ { 2, 2 }, { 1, 1 } }, // AF
				{ { 1, 1 }, { 0, 1 } }, // Seek
				{ { 1, 0 }, { 0, 0 } }, // Emph
				{ { 0, 0 }, { 0, 0 } }, // Confront
		};
		for (int i = 0; i < expected.length; i++) {
			assertThat(r.rows().get(i).icc()).as(r.rows().get(i).measure()).isEqualTo(quire.stats.Icc.icc21(expected[i]));
		}
		// CCT by hand: grand mean 11/4; row means 3.5, 2 → SSR = 2(.75² + .75²) = 2.25 = MSR;
		// column means 3, 2.5 → SSC = 2(.25² + .25²) = .25 = MSC; SST = 1.25² + .25² + .75² + .75² = 2.75,
		// SSE = 2.75 − 2.25 − .25 = .25 = MSE; ICC(2,1) = (MSR − MSE) / (MSR + MSE + 2(MSC − MSE)/2) = 2/2.5 = .8
		assertThat(r.rows().get(0).icc().icc().value()).isCloseTo(0.8, within(1e-9));
		assertThat(r.rows().get(0).icc().targets()).isEqualTo(2);
		assertThat(r.rows().get(0).icc().raters()).isEqualTo(2);
		// Confront is 0 everywhere: the ICC is not defined
		assertThat(r.rows().get(13).icc().icc().defined()).isFalse();

		// the named pair with one shared session has no rows
		Reliability annCleo = fidelity.reliability(project, List.of("Ann", "Cleo"));
		assertThat(annCleo.coders()).containsExactly("Ann", "Cleo");
		assertThat(annCleo.sessions()).isEqualTo(1);
		assertThat(annCleo.rows()).isEmpty();
	}

	@Test
	void reliabilityNeedsTwoDoubleCodedSessions() {
		importLab(LAB, false); // only S01 is double-coded

		Reliability r = fidelity.reliability(project, List.of());

		assertThat(r.coders()).containsExactly("Ann", "Ben");
		assertThat(r.sessions()).isEqualTo(1);
		assertThat(r.rows()).isEmpty();

		ProjectId empty = projects.create("Fidelity empty " + UUID.randomUUID(), "").id();
		Reliability none = fidelity.reliability(empty, List.of());
		assertThat(none.coders()).isEmpty();
		assertThat(none.sessions()).isZero();
		assertThat(none.rows()).isEmpty();
	}

	// ---- export ---------------------------------------------------------------------------------

	@Test
	void theLabExportReadsBackAsTheSameRows() {
		importLab(LAB, false);

		byte[] exported = fidelity.exportLab(project);

		LabImport back = LabCsv.read("export.csv", exported);
		LabImport original = LabCsv.read("lab.csv", LAB.getBytes(StandardCharsets.UTF_8));
		assertThat(back.errors()).isEmpty();
		assertThat(back.unrecognisedColumns()).isEmpty();
		// LAB is in session order with Ann before Ben in S01, so even the line numbers match
		assertThat(back.rows()).hasSize(5).isEqualTo(original.rows());

		// and it imports into another project as the same ratings
		ProjectId copy = projects.create("Fidelity copy " + UUID.randomUUID(), "").id();
		LabImportResult again = fidelity.importLab(copy, "export.csv", exported, Map.of(), false);
		assertThat(again.applied()).isTrue();
		assertThat(again.ratings()).isEqualTo(5);
		assertThat(fidelity.ratings(copy)).extracting(r -> r.session().label(), Rating::coder, Rating::globals,
				Rating::counts, Rating::primary)
			.containsExactlyElementsOf(fidelity.ratings(project).stream()
				.map(r -> tuple(r.session().label(), r.coder(), r.globals(), r.counts(), r.primary()))
				.toList());
	}

	// ---- MITI coding in Quire -------------------------------------------------------------------

	/**
	 * Turns: 0 counsellor (two sentences), 1 client, 2 counsellor, 3 client, 4 counsellor (two sentences),
	 * 5 client. The coded segment is turns 0–4.
	 */
	static final String MI_SESSION = """
			[00:00:01] MI Caseworker 1: Thanks for coming in today. What would you like to talk about?
			[00:00:05] Client: My job search, I guess.
			[00:00:09] MI Caseworker 1: You sound unsure about it.
			[00:00:14] Client: I am. I have applied to ten places and heard nothing.
			[00:00:20] MI Caseworker 1: That is a lot of effort. You kept going even without answers.
			[00:00:26] Client: Yes, but I am tired.
			""";

	static final String CW = "MI Caseworker 1";

	@Autowired
	MitiCodingService miti;

	@Autowired
	CorpusService corpus;

	@Autowired
	CodebookService codebook;

	@Autowired
	CodingService codings;

	DocumentId document;

	Transcript transcript;

	MitiSession codedSession() {
		document = corpus
			.importDocument(project, new ImportRequest("mi-session-1.txt", MI_SESSION.getBytes(StandardCharsets.UTF_8),
					"MI sessions", Language.ENGLISH))
			.document()
			.id();
		transcript = corpus.transcript(document).orElseThrow();
		assertThat(transcript.turns()).extracting(Turn::speaker)
			.containsExactly(CW, "Client", CW, "Client", CW, "Client");
		return fidelity.saveSession(project, "Q01", document, CW, "Client", LocalDate.of(2024, 3, 5), 0, 4);
	}

	@Test
	void utterancesMarkTheCounsellorAndKeepToTheSegment() {
		MitiSession session = codedSession();
		assertThat(session.document()).isEqualTo(document);
		assertThat(session.firstTurn()).isZero();
		assertThat(session.lastTurn()).isEqualTo(4);
		assertThat(session.date()).isEqualTo(LocalDate.of(2024, 3, 5));

		List<Utterance> utterances = miti.utterances(session.id());

		// turns 0–4; turn 5 is outside the segment
		assertThat(utterances).extracting(Utterance::index, Utterance::turnIndex, Utterance::speaker,
				Utterance::counsellor)
			.containsExactly(tuple(0, 0, CW, true), tuple(1, 1, "Client", false), tuple(2, 2, CW, true),
					tuple(3, 3, "Client", false), tuple(4, 4, CW, true));
		assertThat(utterances).extracting(Utterance::text)
			.containsExactly("Thanks for coming in today. What would you like to talk about?",
					"My job search, I guess.", "You sound unsure about it.",
					"I am. I have applied to ten places and heard nothing.",
					"That is a lot of effort. You kept going even without answers.");
		for (Utterance u : utterances) {
			Turn turn = transcript.turns().get(u.turnIndex());
			assertThat(u.start()).isEqualTo(turn.start());
			assertThat(u.end()).isEqualTo(turn.end());
			assertThat(transcript.text().substring(u.start(), u.end()).strip()).isEqualTo(u.text());
		}

		// narrowing the segment to turns 2–3 (same label: the session is updated, not duplicated)
		MitiSession narrowed = fidelity.saveSession(project, "Q01", document, CW, "Client", null, 2, 3);
		assertThat(narrowed.id()).isEqualTo(session.id());
		assertThat(fidelity.sessions(project)).hasSize(1);
		assertThat(miti.utterances(session.id())).extracting(Utterance::turnIndex, Utterance::counsellor)
			.containsExactly(tuple(2, true), tuple(3, false));

		// no segment: the whole transcript
		fidelity.saveSession(project, "Q01", document, CW, null, null, null, null);
		assertThat(miti.utterances(session.id())).hasSize(6);

		assertThatThrownBy(() -> fidelity.saveSession(project, "Q02", document, CW, null, null, 3, 2))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("the coded segment needs a first and a last turn, first <= last");
		assertThatThrownBy(() -> fidelity.saveSession(project, "Q02", document, CW, null, null, 3, null))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void behaviourCodesImportTheMitiCodebookOnce() {
		Map<Behaviour, CodeId> codes = miti.behaviourCodes(project);

		assertThat(codes).hasSize(10).containsOnlyKeys(Behaviour.values());
		// the root and its ten children
		List<Code> all = codebook.codes(project);
		assertThat(all).hasSize(11);
		Code root = all.stream().filter(c -> c.parentId() == null).findFirst().orElseThrow();
		assertThat(root.name()).isEqualTo(MitiCodingService.MITI_ROOT);
		assertThat(codebook.code(codes.get(Behaviour.CR)).orElseThrow().name()).isEqualTo("Complex Reflection (CR)");
		assertThat(codebook.code(codes.get(Behaviour.CR)).orElseThrow().parentId()).isEqualTo(root.id());

		assertThat(miti.behaviourCodes(project)).isEqualTo(codes);
		assertThat(codebook.codes(project)).hasSize(11);
	}

	@Test
	void toggleAddsAndRemovesACodingAndTheCountsFollow() throws InterruptedException {
		MitiSession session = codedSession();
		Map<Behaviour, CodeId> codes = miti.behaviourCodes(project);
		List<Utterance> u = miti.utterances(session.id());

		assertThat(toggle(session, u.get(0), Behaviour.Q)).isTrue();
		settle();
		List<Coding> annCodings = codings.codings(document, "Ann");
		assertThat(annCodings).hasSize(1);
		assertThat(annCodings.get(0).codeId()).isEqualTo(codes.get(Behaviour.Q));
		assertThat(annCodings.get(0).start()).isEqualTo(u.get(0).start());
		assertThat(annCodings.get(0).end()).isEqualTo(u.get(0).end());
		assertThat(miti.counts(session.id(), "Ann")).isEqualTo(MitiCounts.NONE.with(Behaviour.Q, 1));

		assertThat(toggle(session, u.get(2), Behaviour.SR)).isTrue();
		assertThat(toggle(session, u.get(4), Behaviour.AF)).isTrue();
		assertThat(toggle(session, u.get(4), Behaviour.CR)).isTrue();
		settle();
		// Q 1, SR 1, AF 1, CR 1
		assertThat(miti.counts(session.id(), "Ann")).isEqualTo(MitiCounts.of(0, 0, 0, 1, 1, 1, 1, 0, 0, 0));
		assertThat(miti.behaviours(session.id(), "Ann")).containsExactly(
				Map.entry(u.get(0).start(), List.of(Behaviour.Q)), Map.entry(u.get(2).start(), List.of(Behaviour.SR)),
				Map.entry(u.get(4).start(), List.of(Behaviour.AF, Behaviour.CR)));
		// another coder's codings are their own
		assertThat(miti.counts(session.id(), "Ben")).isEqualTo(MitiCounts.NONE);

		// toggling SR again takes it away: Q 1, AF 1, CR 1
		assertThat(toggle(session, u.get(2), Behaviour.SR)).isFalse();
		settle();
		assertThat(codings.codings(document, "Ann")).hasSize(3)
			.noneMatch(c -> c.codeId().equals(codes.get(Behaviour.SR)));
		assertThat(miti.counts(session.id(), "Ann")).isEqualTo(MitiCounts.of(0, 0, 0, 1, 0, 1, 1, 0, 0, 0));

		// the coder's rating follows the codings, without globals yet
		List<Rating> ratings = fidelity.ratings(project);
		assertThat(ratings).hasSize(1);
		assertThat(ratings.get(0).coder()).isEqualTo("Ann");
		assertThat(ratings.get(0).source()).isEqualTo(RatingSource.QUIRE);
		assertThat(ratings.get(0).globals()).isNull();
		assertThat(ratings.get(0).scores()).isNull();
		assertThat(ratings.get(0).counts()).isEqualTo(MitiCounts.of(0, 0, 0, 1, 0, 1, 1, 0, 0, 0));
		assertThat(miti.globals(session.id(), "Ann")).isEmpty();
	}

	@Test
	void aClientUtteranceCannotBeCoded() {
		MitiSession session = codedSession();
		Utterance client = miti.utterances(session.id()).get(1);
		assertThat(client.counsellor()).isFalse();

		assertThatThrownBy(() -> miti.toggle(session.id(), client, Behaviour.Q, "Ann"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("only the counsellor's utterances are coded in MITI");
		assertThat(codings.codings(document, "Ann")).isEmpty();
		assertThat(fidelity.ratings(project)).isEmpty();
	}

	@Test
	void splitMakesTwoUtterancesOfATwoSentenceTurnAndJoinUndoesIt() throws InterruptedException {
		MitiSession session = codedSession();
		Utterance turn4 = miti.utterances(session.id()).get(4);

		// "That is a lot of effort. " is 25 characters of 61; the only inner sentence break is at 25
		Optional<Integer> point = miti.splitPoint(session.id(), turn4);
		int you = transcript.text().indexOf("You kept going");
		assertThat(point).contains(you);
		assertThat(you - turn4.start()).isEqualTo(25);
		// a one-sentence utterance has no split point
		assertThat(miti.splitPoint(session.id(), miti.utterances(session.id()).get(2))).isEmpty();

		miti.split(session.id(), point.get());

		List<Utterance> split = miti.utterances(session.id());
		assertThat(split).hasSize(6);
		assertThat(split).extracting(Utterance::index).containsExactly(0, 1, 2, 3, 4, 5);
		assertThat(split.subList(4, 6)).extracting(Utterance::turnIndex, Utterance::counsellor, Utterance::text)
			.containsExactly(tuple(4, true, "That is a lot of effort."),
					tuple(4, true, "You kept going even without answers."));
		assertThat(split.get(4).start()).isEqualTo(turn4.start());
		assertThat(split.get(4).end()).isEqualTo(you);
		assertThat(split.get(5).start()).isEqualTo(you);
		assertThat(split.get(5).end()).isEqualTo(turn4.end());

		// each part is coded on its own
		assertThat(toggle(session, split.get(4), Behaviour.AF)).isTrue();
		assertThat(toggle(session, split.get(5), Behaviour.AF)).isTrue();
		assertThat(miti.counts(session.id(), "Ann").get(Behaviour.AF)).isEqualTo(2);

		// a client utterance is not split
		Utterance client = split.get(3);
		int inside = transcript.text().indexOf("I have applied");
		assertThatThrownBy(() -> miti.split(session.id(), inside)).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("only the counsellor's utterances are split");

		miti.join(session.id(), point.get());
		assertThat(miti.utterances(session.id())).hasSize(5)
			.element(4)
			.extracting(Utterance::text)
			.isEqualTo("That is a lot of effort. You kept going even without answers.");
		assertThat(client.counsellor()).isFalse();
	}

	@Test
	void saveGlobalsMakesAQuireRatingFromTheCodedBehaviours() throws InterruptedException {
		MitiSession session = codedSession();
		List<Utterance> u = miti.utterances(session.id());
		toggle(session, u.get(0), Behaviour.Q);
		toggle(session, u.get(2), Behaviour.SR);
		toggle(session, u.get(4), Behaviour.CR);
		toggle(session, u.get(4), Behaviour.AF);
		settle();

		miti.saveGlobals(session.id(), "Ann", new MitiGlobals(4, 3, 4, 5));
		settle();

		assertThat(miti.globals(session.id(), "Ann")).contains(new MitiGlobals(4, 3, 4, 5));
		List<Rating> ratings = fidelity.ratings(project);
		assertThat(ratings).hasSize(1);
		Rating r = ratings.get(0);
		assertThat(r.session().id()).isEqualTo(session.id());
		assertThat(r.coder()).isEqualTo("Ann");
		assertThat(r.source()).isEqualTo(RatingSource.QUIRE);
		assertThat(r.primary()).isTrue();
		// Q 1, SR 1, CR 1, AF 1
		assertThat(r.counts()).isEqualTo(MitiCounts.of(0, 0, 0, 1, 1, 1, 1, 0, 0, 0));
		// Rel (4+5)/2 = 4.5, Tech (4+3)/2 = 3.5, %CR 1/(1+1) = .5, R:Q (1+1)/1 = 2, adherent 1, non-adherent 0
		assertThat(r.scores().relational()).isEqualTo(4.5);
		assertThat(r.scores().technical()).isEqualTo(3.5);
		assertThat(r.scores().percentCr().value()).isEqualTo(0.5);
		assertThat(r.scores().rq().value()).isEqualTo(2.0);
		assertThat(r.scores().adherent()).isEqualTo(1);
		assertThat(r.scores().nonAdherent()).isZero();

		// coding on keeps the globals and updates the counts: + GI on utterance 0
		toggle(session, u.get(0), Behaviour.GI);
		settle();
		Rating updated = fidelity.ratings(project).get(0);
		assertThat(updated.globals()).isEqualTo(new MitiGlobals(4, 3, 4, 5));
		assertThat(updated.counts()).isEqualTo(MitiCounts.of(1, 0, 0, 1, 1, 1, 1, 0, 0, 0));

		// the session shows up in the results
		FidelityResults results = fidelity.results(project, ResultsBy.COUNSELLOR, ThresholdSet.MITI_4_2_1);
		assertThat(results.groups()).extracting(ResultGroup::name, ResultGroup::sessions).containsExactly(tuple(CW, 1));
		assertThat(results.overall().score(Summary.RQ).stats().mean().value()).isEqualTo(2.0);
	}

	@Test
	void aLabSessionWithoutADocumentCannotBeCoded() {
		importLab(LAB, false);
		MitiSession lab = fidelity.sessions(project).get(0);
		assertThat(lab.document()).isNull();

		assertThatThrownBy(() -> miti.utterances(lab.id())).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("session 'S01' has no transcript in Quire: it was rated by a coding lab; link it to a document "
					+ "to code it here");
		Utterance any = new Utterance(0, 0, "CW1", true, 0, 10, "Hello there");
		assertThatThrownBy(() -> miti.toggle(lab.id(), any, Behaviour.Q, "Ann")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("has no transcript in Quire");
		assertThatThrownBy(() -> miti.split(lab.id(), 3)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("has no transcript in Quire");
		assertThatThrownBy(() -> miti.utterances(new MitiSessionId(Long.MAX_VALUE)))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("no MI session with id " + Long.MAX_VALUE);
	}

	@Test
	void countsAndBehavioursWorkBeforeTheFirstToggle() {
		MitiSession session = codedSession();

		// nothing coded yet, MITI codebook not yet imported
		assertThat(miti.counts(session.id(), "Ann")).isEqualTo(MitiCounts.NONE);
		assertThat(miti.behaviours(session.id(), "Ann")).isEmpty();

		ProjectId labProject = projects.create("Fidelity lab " + UUID.randomUUID(), "").id();
		fidelity.importLab(labProject, "lab.csv", LAB.getBytes(StandardCharsets.UTF_8), Map.of(), false);
		MitiSession lab = fidelity.sessions(labProject).get(0);
		assertThatThrownBy(() -> miti.counts(lab.id(), "Ann")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("has no transcript in Quire");
	}

	@Test
	void togglingInQuickSuccessionKeepsOneRatingWithTheRightCounts() throws InterruptedException {
		MitiSession session = codedSession();
		miti.behaviourCodes(project);
		List<Utterance> u = miti.utterances(session.id());
		Behaviour[] keys = { Behaviour.Q, Behaviour.GI, Behaviour.SR, Behaviour.CR, Behaviour.AF, Behaviour.SEEK };

		for (Behaviour b : keys) {
			for (int i : new int[] { 0, 2, 4 }) {
				miti.toggle(session.id(), u.get(i), b, "Ann"); // no waiting in between, as at the keyboard
			}
		}
		settle();

		// 3 utterances × 6 behaviours, each once
		assertThat(miti.counts(session.id(), "Ann")).isEqualTo(MitiCounts.of(3, 0, 0, 3, 3, 3, 3, 3, 0, 0));
		assertThat(fidelity.ratings(project)).singleElement()
			.extracting(Rating::counts)
			.isEqualTo(MitiCounts.of(3, 0, 0, 3, 3, 3, 3, 3, 0, 0));
	}

	@Test
	void correctingTheFirstCodersRatingKeepsItPrimary() {
		importLab(LAB, false);

		// Ann corrects S01: Partnership 4 → 5, so Relational (5+4)/2 = 4.5
		LabImportResult fix = fidelity.importLab(project, "fix.csv",
				(HEADER + "S01,CW1,Ann,4,3,5,4,2,0,1,10,6,4,2,1,1,0\n").getBytes(StandardCharsets.UTF_8), Map.of(), false);
		assertThat(fix.applied()).isTrue();

		assertThat(fidelity.ratings(project)).filteredOn(r -> r.session().label().equals("S01"))
			.extracting(Rating::coder, Rating::primary)
			.containsExactly(tuple("Ann", true), tuple("Ben", false));
		FidelityResults bySession = fidelity.results(project, ResultsBy.SESSION, ThresholdSet.MITI_4_2_1);
		assertThat(bySession.groups().get(0).score(Summary.RELATIONAL).stats().mean().value()).isEqualTo(4.5);
	}

	@Test
	void aSessionWhoseFirstRatingIsIncompleteIsStillInTheResults() throws InterruptedException {
		MitiSession session = codedSession();
		miti.behaviourCodes(project);
		toggle(session, miti.utterances(session.id()).get(0), Behaviour.Q); // Ann's rating: counts, no globals
		fidelity.saveRating(session.id(), "Lab", RatingSource.LAB, new MitiGlobals(4, 4, 4, 4),
				MitiCounts.NONE.with(Behaviour.Q, 2));

		FidelityResults results = fidelity.results(project, ResultsBy.COUNSELLOR, ThresholdSet.MITI_4_2_1);

		assertThat(results.overall().sessions()).isEqualTo(1);
		assertThat(results.overall().score(Summary.RELATIONAL).stats().mean().value()).isEqualTo(4.0);
	}

	// ---- rating sources and roles ---------------------------------------------------------------

	@Test
	void resultsDefaultToTheLabsPrimaryRatingsAndPoolingIsAnExplicitLabelledChoice() {
		importLab(LAB, false);
		MitiSession quire = codedSession();
		// Q01 coded in Quire by Cy: Rel (5+5)/2 = 5, Tech (5+5)/2 = 5
		fidelity.saveRating(quire.id(), "Cy", RatingSource.QUIRE, new MitiGlobals(5, 5, 5, 5), MitiCounts.NONE.with(Behaviour.Q, 2));

		// lab primaries S01 Ann, S02 Ann, S03 Ben, S04 Ben: Rel 4.0, 3.5, 4.5, 2.5 → 3.625; Tech 3.5, 2.5, 4.5, 2.0 → 3.125
		assertThat(fidelity.defaultSource(project)).isEqualTo(ResultsSource.LAB);
		FidelityResults lab = fidelity.results(project, ResultsBy.COUNSELLOR, ThresholdSet.MITI_4_2_1);
		assertThat(lab.source()).isEqualTo(ResultsSource.LAB);
		assertThat(lab.overall().sessions()).isEqualTo(4);
		assertThat(lab.caption()).isEqualTo("4 sessions rated by the coding lab (primary ratings)");
		assertThat(lab.overall().score(Summary.RELATIONAL).stats().mean().value()).isCloseTo(3.625, within(1e-12));
		assertThat(lab.overall().score(Summary.TECHNICAL).stats().mean().value()).isCloseTo(3.125, within(1e-12));
		assertThat(FidelityChart.svg(lab)).contains("4 sessions rated by the coding lab (primary ratings)");

		FidelityResults inQuire = fidelity.results(project, ResultsBy.COUNSELLOR, ThresholdSet.MITI_4_2_1, ResultsSource.QUIRE);
		assertThat(inQuire.caption()).isEqualTo("1 session coded in Quire (primary ratings)");
		assertThat(inQuire.overall().score(Summary.RELATIONAL).stats().mean().value()).isEqualTo(5.0);

		// pooled: (14.5 + 5) / 5 = 3.9 and (12.5 + 5) / 5 = 3.5
		FidelityResults pooled = fidelity.results(project, ResultsBy.COUNSELLOR, ThresholdSet.MITI_4_2_1, ResultsSource.POOLED);
		assertThat(pooled.overall().sessions()).isEqualTo(5);
		assertThat(pooled.caption())
			.isEqualTo("5 sessions, coding lab and Quire pooled (primary ratings: 4 coding lab, 1 Quire)");
		assertThat(pooled.overall().score(Summary.RELATIONAL).stats().mean().value()).isCloseTo(3.9, within(1e-12));
		assertThat(pooled.overall().score(Summary.TECHNICAL).stats().mean().value()).isCloseTo(3.5, within(1e-12));
		assertThat(FidelityChart.svg(pooled)).contains("5 sessions, coding lab and Quire pooled");

		// S01 coded in Quire as well: its own source's primary; pooled still counts S01 once, by the lab's rating
		MitiSession s01 = fidelity.sessions(project).stream().filter(x -> x.label().equals("S01")).findFirst().orElseThrow();
		fidelity.saveRating(s01.id(), "Cy", RatingSource.QUIRE, new MitiGlobals(1, 1, 1, 1), MitiCounts.NONE);
		assertThat(fidelity.ratings(project)).filteredOn(r -> r.session().label().equals("S01"))
			.extracting(Rating::coder, Rating::source, Rating::role)
			.containsExactly(tuple("Ann", RatingSource.LAB, RatingRole.PRIMARY),
					tuple("Ben", RatingSource.LAB, RatingRole.RELIABILITY),
					tuple("Cy", RatingSource.QUIRE, RatingRole.PRIMARY));
		FidelityResults again = fidelity.results(project, ResultsBy.SESSION, ThresholdSet.MITI_4_2_1, ResultsSource.POOLED);
		assertThat(again.overall().sessions()).isEqualTo(5);
		assertThat(again.overall().score(Summary.RELATIONAL).stats().mean().value()).isCloseTo(3.9, within(1e-12));
		assertThat(fidelity.results(project, ResultsBy.SESSION, ThresholdSet.MITI_4_2_1, ResultsSource.QUIRE).caption())
			.isEqualTo("2 sessions coded in Quire (primary ratings)");
	}

	@Test
	void aProjectWithOnlyQuireRatingsDefaultsToQuire() {
		assertThat(fidelity.defaultSource(project)).isEqualTo(ResultsSource.LAB);
		MitiSession s = fidelity.saveSession(project, "Q9", null, "CW9", null, null, null, null);
		fidelity.saveRating(s.id(), "Cy", RatingSource.QUIRE, new MitiGlobals(3, 3, 3, 3), MitiCounts.NONE);

		assertThat(fidelity.defaultSource(project)).isEqualTo(ResultsSource.QUIRE);
		assertThat(fidelity.results(project, ResultsBy.COUNSELLOR, ThresholdSet.MITI_4_2_1).caption())
			.isEqualTo("1 session coded in Quire (primary ratings)");
		assertThat(fidelity.results(project, ResultsBy.COUNSELLOR, ThresholdSet.MITI_4_2_1, ResultsSource.LAB).caption())
			.isEqualTo("0 sessions rated by the coding lab (primary ratings)");
		assertThatThrownBy(() -> ResultsSource.parse("both")).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("unknown rating source 'both': use lab, quire or pooled");
	}

	@Test
	void reliabilityRatingsFeedTheIccButNeverTheMeans() {
		fidelity.importLab(project, "double.csv", DOUBLE_CODED.getBytes(StandardCharsets.UTF_8), Map.of(), false);
		assertThat(fidelity.ratings(project)).extracting(r -> r.session().label(), Rating::coder, Rating::role)
			.containsExactly(tuple("S01", "Ann", RatingRole.PRIMARY), tuple("S01", "Ben", RatingRole.RELIABILITY),
					tuple("S02", "Ann", RatingRole.PRIMARY), tuple("S02", "Ben", RatingRole.RELIABILITY),
					tuple("S03", "Ann", RatingRole.PRIMARY), tuple("S03", "Cleo", RatingRole.RELIABILITY));

		// Ann's ratings only: Rel S01 (4+4)/2 = 4, S02 (3+4)/2 = 3.5, S03 (5+4)/2 = 4.5 → 4.0
		// (all six ratings would give (4 + 3.5 + 3.5 + 3 + 4.5 + 5) / 6 = 3.9167)
		FidelityResults results = fidelity.results(project, ResultsBy.SESSION, ThresholdSet.MITI_4_2_1);
		assertThat(results.overall().sessions()).isEqualTo(3);
		assertThat(results.overall().score(Summary.RELATIONAL).stats().n()).isEqualTo(3);
		assertThat(results.overall().score(Summary.RELATIONAL).stats().mean().value()).isCloseTo(4.0, within(1e-12));
		// the ICC compares Ann's primary with Ben's reliability ratings of S01 and S02
		Reliability icc = fidelity.reliability(project, List.of());
		assertThat(icc.coders()).containsExactly("Ann", "Ben");
		assertThat(icc.sessions()).isEqualTo(2);
		assertThat(icc.rows()).hasSize(14);

		// Ben's rating of S02 made primary: Ann's becomes reliability; Rel (4 + 3 + 4.5) / 3; the ICC is the same
		fidelity.setRole(fidelity.sessions(project).get(1).id(), "Ben", RatingRole.PRIMARY);
		assertThat(fidelity.ratings(project)).filteredOn(r -> r.session().label().equals("S02"))
			.extracting(Rating::coder, Rating::role)
			.containsExactly(tuple("Ann", RatingRole.RELIABILITY), tuple("Ben", RatingRole.PRIMARY));
		assertThat(fidelity.results(project, ResultsBy.SESSION, ThresholdSet.MITI_4_2_1).overall().score(Summary.RELATIONAL)
			.stats().mean().value()).isCloseTo(11.5 / 3, within(1e-12));
		assertThat(fidelity.reliability(project, List.of()).rows()).isEqualTo(icc.rows());

		// S03 without a primary rating is left out, and the caption says so
		fidelity.setRole(fidelity.sessions(project).get(2).id(), "Ann", RatingRole.RELIABILITY);
		FidelityResults fewer = fidelity.results(project, ResultsBy.SESSION, ThresholdSet.MITI_4_2_1);
		assertThat(fewer.overall().sessions()).isEqualTo(2);
		assertThat(fewer.leftOut()).isEqualTo(1);
		assertThat(fewer.caption())
			.isEqualTo("2 sessions rated by the coding lab (primary ratings); 1 session left out: no complete primary rating");

		// a coder without a rating of the session: a clear message, nothing changed
		List<Rating> before = fidelity.ratings(project);
		MitiSessionId s01 = fidelity.sessions(project).get(0).id();
		assertThatThrownBy(() -> fidelity.setRole(s01, "Zed", RatingRole.PRIMARY)).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("session 'S01' has no rating by 'Zed'; its coders are Ann, Ben");
		assertThat(fidelity.ratings(project)).isEqualTo(before);
	}

	@Test
	void aChosenPrimaryRatingSurvivesTheLabExport() {
		importLab(LAB, false);
		MitiSessionId s01 = fidelity.sessions(project).get(0).id();
		fidelity.setRole(s01, "Ben", RatingRole.PRIMARY);

		ProjectId copy = projects.create("Fidelity roles copy " + UUID.randomUUID(), "").id();
		assertThat(fidelity.importLab(copy, "export.csv", fidelity.exportLab(project), Map.of(), false).applied()).isTrue();

		assertThat(fidelity.ratings(copy)).filteredOn(r -> r.session().label().equals("S01"))
			.extracting(Rating::coder, Rating::role)
			.containsExactlyInAnyOrder(tuple("Ann", RatingRole.RELIABILITY), tuple("Ben", RatingRole.PRIMARY));
	}

	// ---- helpers --------------------------------------------------------------------------------

	LabImportResult importLab(String csv, boolean goodRowsOnly) {
		return fidelity.importLab(project, csv == LAB ? "lab.csv" : "bad.csv", csv.getBytes(StandardCharsets.UTF_8),
				Map.of(), goodRowsOnly);
	}

	static void expect(ScoreSummary s, int n, double mean, double sd, int notDefined, double fair, double good) {
		assertThat(s.stats().n()).as("%s n", s.summary()).isEqualTo(n);
		assertThat(s.stats().mean().value()).as("%s mean", s.summary()).isCloseTo(mean, within(1e-9));
		assertThat(s.stats().sd().value()).as("%s SD", s.summary()).isCloseTo(sd, within(1e-9));
		assertThat(s.notDefined()).as("%s not defined", s.summary()).isEqualTo(notDefined);
		assertThat(s.atLeastFair().value()).as("%s share at least fair", s.summary()).isCloseTo(fair, within(1e-12));
		assertThat(s.good().value()).as("%s share good", s.summary()).isCloseTo(good, within(1e-12));
	}

	static void expectNoThreshold(ScoreSummary s, int n, double mean, double sd) {
		assertThat(s.stats().n()).as("%s n", s.summary()).isEqualTo(n);
		assertThat(s.stats().mean().value()).as("%s mean", s.summary()).isCloseTo(mean, within(1e-9));
		assertThat(s.stats().sd().value()).as("%s SD", s.summary()).isCloseTo(sd, within(1e-9));
		assertThat(s.notDefined()).isZero();
		assertThat(s.atLeastFair().defined()).isFalse();
		assertThat(s.good().defined()).isFalse();
	}

	@Test
	void eachCoderHasAStoredSuggestionThresholdThatHidesLessSureSuggestions() {
		MitiSession session = codedSession();
		List<BehaviourSuggestion> all = miti.suggestions(session.id());
		assertThat(all).hasSize(3).allSatisfy(s -> assertThat(s.confidence()).isBetween(0.0, 1.0));
		assertThat(miti.suggestionThreshold(project, "Ann")).isEqualTo(MitiCodingService.DEFAULT_SUGGESTION_THRESHOLD);

		miti.setSuggestionThreshold(project, "Ann", 0.8);
		assertThat(miti.suggestionThreshold(project, "Ann")).isEqualTo(0.8);
		assertThat(miti.suggestions(session.id(), "Ann")).isEqualTo(all.stream().filter(s -> s.confidence() >= 0.8).toList());
		assertThat(miti.suggestions(session.id(), "Ben"))
			.isEqualTo(all.stream().filter(s -> s.confidence() >= MitiCodingService.DEFAULT_SUGGESTION_THRESHOLD).toList());
		miti.setSuggestionThreshold(project, "Ann", 0);
		assertThat(miti.suggestions(session.id(), "Ann")).isEqualTo(all);

		assertThatThrownBy(() -> miti.setSuggestionThreshold(project, "Ann", 1.5))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("between 0 and 1");
		assertThat(miti.suggestionThreshold(project, "Ann")).isZero();
	}

	@Test
	void acceptedAndChangedSuggestionsAreCountedPerSessionAndCoder() {
		MitiSession session = codedSession();
		List<Utterance> u = miti.utterances(session.id());
		assertThat(miti.suggestionUse(project)).isEmpty();
		miti.recordSuggestionOutcome(session.id(), u.get(0), Behaviour.Q, Behaviour.Q, "Ann");
		miti.recordSuggestionOutcome(session.id(), u.get(2), Behaviour.CR, Behaviour.SR, "Ann");
		miti.recordSuggestionOutcome(session.id(), u.get(2), Behaviour.CR, Behaviour.CR, "Ann"); // a later decision replaces
		miti.recordSuggestionOutcome(session.id(), u.get(4), Behaviour.CR, Behaviour.AF, "Ben");
		assertThat(miti.suggestionUse(project)).containsExactly(
				new SuggestionUse(session.id(), "Q01", "Ann", 2, 0), new SuggestionUse(session.id(), "Q01", "Ben", 0, 1));
		assertThatThrownBy(() -> miti.recordSuggestionOutcome(session.id(), u.get(1), Behaviour.Q, Behaviour.Q, "Ann"))
			.isInstanceOf(IllegalArgumentException.class);
		assertThat(miti.suggestionUse(project).get(0).shown()).isEqualTo(2);
	}

	/** Toggles as "Ann" and waits for the after-commit listeners (see the disabled quick-succession test). */
	@Test
	void aMitiKeyIsOneAuditEntryByThePersonInWordsAndTheCountsThatFollowAreNone() throws InterruptedException {
		MitiSession session = codedSession();
		List<Utterance> u = miti.utterances(session.id());
		String name = "anna-" + UUID.randomUUID().toString().substring(0, 8);
		UserAccount anna = users.create(name, "Anna", "anna-password-1", false);
		projectAccess.grant(project, anna.username(), ProjectRole.OWNER);
		String sr = codebook.code(miti.behaviourCodes(project).get(Behaviour.SR)).orElseThrow().name(); // the codebook, once
		String doc = transcript.document().name();
		long before = jdbc.sql("select count(*) from audit_event where project_id = ?").param(project.value())
			.query(Long.class).single();

		actors.runAs(anna, () -> miti.toggle(session.id(), u.get(0), Behaviour.Q, "Anna"));
		settle();
		actors.runAs(anna, () -> miti.toggle(session.id(), u.get(2), Behaviour.SR, "Anna"));
		settle();
		actors.runAs(anna, () -> miti.toggle(session.id(), u.get(2), Behaviour.SR, "Anna"));
		settle();

		List<AuditEntry> entries = actors.callAs(anna, () -> audit.entries(project, 100)).reversed();
		List<AuditEntry> keys = entries.subList(entries.size() - 3, entries.size());
		assertThat(entries).hasSize((int) before + 3);
		assertThat(keys).extracting(AuditEntry::actor).containsOnly(name);
		assertThat(keys.get(1).target()).isEqualTo("coded '" + sr + "' in '" + doc + "': "
				+ AuditLog.firstWords(u.get(2).text()) + " (coder Anna)");
		assertThat(keys.get(2).target()).startsWith("removed the coding '" + sr + "' in '" + doc + "': \u201c");
		assertThat(keys).extracting(AuditEntry::target).noneMatch(t -> t.contains("counts") || t.contains("["));
		String csv = actors.callAs(anna, () -> audit.csv(project));
		assertThat(csv).startsWith("time (UTC),who,action,what,ids").contains("coding=").contains("document=" + document.value());
	}

	@Test
	void firstWordsQuoteTheStartOfATextOnOneLine() {
		assertThat(AuditLog.firstWords("  So what\nbrings you in today? ")).isEqualTo("\u201cSo what brings you in today?\u201d");
		assertThat(AuditLog.firstWords("one two three four five six seven eight nine ten"))
			.isEqualTo("\u201cone two three four five six seven eight\u2026\u201d");
	}

	boolean toggle(MitiSession session, Utterance utterance, Behaviour behaviour) throws InterruptedException {
		boolean added = miti.toggle(session.id(), utterance, behaviour, "Ann");
		settle();
		return added;
	}

	static org.assertj.core.groups.Tuple tuple(Object... values) {
		return org.assertj.core.groups.Tuple.tuple(values);
	}

	/** Waits until the application task executor has run everything queued (after-commit listeners). */
	void settle() throws InterruptedException {
		if (!(context.getBean("applicationTaskExecutor") instanceof ThreadPoolTaskExecutor executor)) {
			return;
		}
		long deadline = System.nanoTime() + 10_000_000_000L;
		while ((executor.getActiveCount() > 0 || !executor.getThreadPoolExecutor().getQueue().isEmpty())
				&& System.nanoTime() < deadline) {
			Thread.sleep(5);
		}
	}

}

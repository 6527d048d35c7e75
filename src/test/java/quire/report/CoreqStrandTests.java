package quire.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import quire.coding.Code;
import quire.coding.CodeDraft;
import quire.coding.CodebookService;
import quire.coding.CodingService;
import quire.coding.Origin;
import quire.coding.ReAim;
import quire.corpus.CorpusService;
import quire.corpus.DocumentSummary;
import quire.corpus.GroupKind;
import quire.corpus.ImportRequest;
import quire.corpus.Language;
import quire.corpus.StudyDesignService;
import quire.fidelity.MitiCodingService;
import quire.project.ProjectId;
import quire.project.ProjectService;

/**
 * COREQ items over the qualitative strand only, on a project built for the test: two focus groups
 * and two MI sessions, with the role labels "Participant 1", "Moderator", "Counsellor" and "Client"
 * repeated across documents, a named participant (Kari) in both focus groups and one MI session, a
 * thematic codebook and a MITI behaviour code used in a focus group by mistake.
 */
class CoreqStrandTests extends ReportContext {

	@Autowired
	ProjectService projects;

	@Autowired
	CorpusService corpus;

	@Autowired
	StudyDesignService designs;

	@Autowired
	CodebookService codebook;

	@Autowired
	CodingService codings;

	@Autowired
	ReportService report;

	@Autowired
	quire.corpus.SpeakerLinkService speakerLinks;

	ProjectId project;

	static final List<String> ROLE_LABELS = List.of("Participant 1", "Participant 2", "Moderator", "Counsellor", "Client");

	static final String FG1 = """
			[00:00:00] Moderator: Welcome, tell us about the early sessions.
			[00:05:00] Participant 1: The workload was heavy every single week.
			[00:20:00] Kari: I found the method useful but hard to master.
			[00:41:00] Participant 2: Time was short.
			""";

	static final String FG2 = """
			[00:00:00] Moderator: Welcome back.
			[00:10:00] Participant 1: The workload again was too heavy for us.
			[00:30:00] Kari: Still useful, what would you like to try?
			[00:52:00] Ola: I agree with Kari.
			""";

	@BeforeAll
	void createProject() {
		project = projects.create("Two strands " + UUID.randomUUID(), "").id();
		importText("fg1.txt", FG1, "Focus groups");
		importText("fg2.txt", FG2, "Focus groups");
		importText("mi1.txt", """
				[00:00:00] Counsellor: How are things going with your back?
				[00:10:00] Kari: My back is better.
				[01:30:00] Client: Thanks.
				""", "MI sessions");
		importText("mi2.txt", """
				[00:00:00] Counsellor: What matters most to you now?
				[00:15:00] Participant 1: Getting back to work.
				[02:00:00] Client: Yes.
				""", "MI sessions");
		designs.setDesign(project, "Focus groups", GroupKind.FOCUS_GROUP, null);
		designs.setDesign(project, "MI sessions", GroupKind.COUNSELLING_SESSION, null);
		Code adoption = codebook.create(project, null, draft("Adoption", Set.of(ReAim.ADOPTION), Origin.DEDUCTIVE));
		Code implementation = codebook.create(project, null, draft("Implementation", Set.of(ReAim.IMPLEMENTATION), Origin.DEDUCTIVE));
		Code workload = codebook.create(project, adoption.id(), draft("Workload", Set.of(), Origin.INDUCTIVE));
		Code useful = codebook.create(project, implementation.id(), draft("Useful method", Set.of(), Origin.INDUCTIVE));
		Code miti = codebook.create(project, null, draft(MitiCodingService.MITI_ROOT, Set.of(), Origin.DEDUCTIVE));
		Code question = codebook.create(project, miti.id(), draft("Open question", Set.of(), Origin.DEDUCTIVE));
		code("fg1", workload, "The workload was heavy", "Anna");
		code("fg1", workload, "workload was heavy every single week", "Jonas");
		code("fg1", useful, "I found the method useful", "Anna");
		code("fg2", workload, "The workload again was too heavy", "Anna");
		code("fg2", question, "what would you like to try?", "Anna");
		code("mi1", question, "How are things going with your back?", "Anna");
		code("mi2", useful, "Getting back to work", "Jonas");
	}

	private void importText(String file, String text, String group) {
		corpus.importDocument(project, new ImportRequest(file, text.getBytes(StandardCharsets.UTF_8), group, Language.ENGLISH));
	}

	private static CodeDraft draft(String name, Set<ReAim> dimensions, Origin origin) {
		return new CodeDraft(name, "", "", "", "", "#1A7F8E", dimensions, null, origin);
	}

	private void code(String document, Code code, String quote, String coder) {
		DocumentSummary d = corpus.findDocument(project, document).orElseThrow();
		String text = corpus.transcript(d.id()).orElseThrow().text();
		int start = text.indexOf(quote);
		assertThat(start).as(quote).isNotNegative();
		codings.code(d.id(), code.id(), start, start + quote.length(), coder);
	}

	private ChecklistEntry item(int number) {
		return report.checklist(project).get(number - 1);
	}

	private static String all(ChecklistEntry e) {
		return e.answer() + "\n" + String.join("\n", e.evidence());
	}

	@Test
	void repeatInterviewsCountPeopleInQualitativeSessionsNotRoleLabelsNorMiSessions() {
		ChecklistEntry e = item(18);
		assertThat(e.status()).isEqualTo(ChecklistEntry.Status.FROM_DATA);
		// Kari in the second focus group is linked to the first one's Kari by Quire's same-label proposal, which
		// nobody has reviewed: the answer says so
		assertThat(e.answer()).isEqualTo(
				"One participant took part in more than one of the two qualitative data-collection sessions: Kari (two). "
						+ "One of them rests on a speaker label that Quire proposed as the same person and nobody has reviewed yet.");
		assertThat(e.evidence()).contains("People who can be recognised across sessions (named, or linked to a participant by a "
				+ "researcher): 2; in more than one session: Kari (two sessions)");
		assertThat(all(e)).doesNotContain("mi1").doesNotContain("mi2");
		ROLE_LABELS.forEach(l -> assertThat(all(e)).doesNotContain(l));
	}

	@Test
	void durationsAreTheQualitativeSessionsOnly() {
		ChecklistEntry e = item(21);
		assertThat(e.answer()).isEqualTo("The focus groups lasted 41 to 52 minutes.");
		assertThat(e.evidence()).containsExactly("fg1: 41 min (the transcript's timestamps)", "fg2: 52 min (the transcript's timestamps)");
		assertThat(all(e)).doesNotContain("90").doesNotContain("120").doesNotContain("mi1");
	}

	@Test
	void saturationCountsNewThematicCodesPerQualitativeSessionAndClaimsNothingElse() {
		ChecklistEntry e = item(22);
		assertThat(e.status()).isEqualTo(ChecklistEntry.Status.FROM_DATA);
		assertThat(e.answer()).isEqualTo("New thematic codes per qualitative session, in data-collection order: fg1 2 and fg2 0.");
		assertThat(e.evidence()).containsExactly("fg1: Workload, Useful method", "fg2: no new codes");
		assertThat(all(e)).doesNotContain("Open question").doesNotContain("mi1").doesNotContainIgnoringCase("discussed");
		assertThat(report.saturation(project)).extracting(java.util.Map.Entry::getValue).containsExactly(2, 0);
	}

	@Test
	void themesCountDistinctPassagesSoTwoCodersOfOnePassageCountOnce() {
		assertThat(item(32).answer()).isEqualTo("Minor themes (fewer than 10 distinct coded passages): "
				+ "Workload (Adoption, two passages); Useful method (Implementation, one passage).");
		assertThat(item(30).evidence()).containsExactly("Workload (Adoption): fg1 1, fg2 1", "Useful method (Implementation): fg1 1");
		assertThat(item(31).status()).isEqualTo(ChecklistEntry.Status.MISSING);
	}

	@Test
	void theSampleIsTheFocusGroupsWithARoleLabelOnePersonPerSession() {
		assertThat(item(12).answer()).isEqualTo("Five participants took part in two qualitative data-collection sessions "
				+ "(a speaker named by role counted as one person in each session).");
		assertThat(item(16).answer())
			.isEqualTo("The qualitative sample by group: Focus groups (two focus groups): five participants, Participant 1 and Participant 2, Kari and Ola.");
		assertThat(all(item(16))).doesNotContain("Counsellor").doesNotContain("Client").doesNotContain("mi1");
		assertThat(item(24).answer()).isEqualTo("Two coders (Anna and Jonas) coded the qualitative data.");
		assertThat(item(24).evidence()).containsExactly("Anna: three thematic codings", "Jonas: one thematic coding");
	}

	@Test
	void anItemTheDataCannotAnswerSaysWhy() {
		ProjectId roles = projects.create("Roles only " + UUID.randomUUID(), "").id();
		corpus.importDocument(roles, new ImportRequest("fg.txt", "Moderator: Hello.\nParticipant 1: Hi.\n".getBytes(StandardCharsets.UTF_8),
				"Focus group", Language.ENGLISH));
		designs.setDesign(roles, "Focus group", GroupKind.FOCUS_GROUP, null);
		ChecklistEntry e = report.checklist(roles).get(17);
		assertThat(e.status()).isEqualTo(ChecklistEntry.Status.MISSING);
		assertThat(e.answer()).isEqualTo("The transcripts of the one qualitative data-collection session name their speakers by role only, "
				+ "so whether anyone took part in more than one session cannot be counted from them.");
		assertThat(report.checklist(roles).get(20).answer())
			.isEqualTo("No qualitative session has a duration: the transcripts carry no timestamps and the study record gives none.");
	}

	@Test
	void aRoleLabelLinkedByTheResearcherToOneParticipantCountsAsOnePersonAcrossSessions() {
		ProjectId linked = projects.create("Linked roles " + UUID.randomUUID(), "").id();
		DocumentSummary first = corpus.importDocument(linked, new ImportRequest("wave1.txt",
				"Interviewer: How is work?\nParticipant 1: Better.\n".getBytes(StandardCharsets.UTF_8), "Interviews", Language.ENGLISH))
			.document();
		DocumentSummary second = corpus.importDocument(linked, new ImportRequest("wave2.txt",
				"Interviewer: And now?\nParticipant 1: Back full time.\n".getBytes(StandardCharsets.UTF_8), "Interviews", Language.ENGLISH))
			.document();
		var own = speakerLinks.link(first.id(), "Participant 1").orElseThrow();
		assertThat(item(linked, 18).status()).isEqualTo(ChecklistEntry.Status.MISSING);

		speakerLinks.link(second.id(), "Participant 1", own.participantId());

		ChecklistEntry e = item(linked, 18);
		assertThat(e.status()).isEqualTo(ChecklistEntry.Status.FROM_DATA);
		assertThat(e.answer()).isEqualTo("One participant took part in more than one of the two qualitative data-collection sessions: "
				+ own.participantLabel() + " (two).");
		assertThat(item(linked, 12).answer()).startsWith("One participant took part in two qualitative data-collection sessions");
	}

	private ChecklistEntry item(ProjectId p, int number) {
		return report.checklist(p).get(number - 1);
	}

}

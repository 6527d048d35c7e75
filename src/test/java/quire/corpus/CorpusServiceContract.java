package quire.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import quire.project.Project;
import quire.project.ProjectService;

/**
 * What the corpus service promises, run against H2 and PostgreSQL: imports store text and turns,
 * speaker labels link to participants per document (role labels each their own, person labels
 * proposed as the same person), links can be changed and reviewed, and every rejected file or
 * refused change leaves the project as it was.
 */
abstract class CorpusServiceContract {

	static final String FOCUS_GROUP = """
			Focus group 2 — test

			[00:00:05] Moderator: Welcome, everyone. How did the MI training go?
			[00:00:12] MI Caseworker 1: It was demanding. Summarizing was the hardest part
			and asking permission felt unnatural.
			[00:00:30] MI Caseworker 2: For me the workload was the problem, not the method.
			[00:00:41] Moderator: Say more about the workload.
			""";

	@Autowired
	CorpusService corpus;

	@Autowired
	ProjectService projects;

	@Autowired
	StudyDesignService study;

	@Autowired
	SpeakerLinkService speakers;

	@Autowired
	ParticipantService participants;

	Project project;

	@BeforeEach
	void createProject() {
		project = projects.create("Corpus test " + UUID.randomUUID(), "");
	}

	@Test
	void importStoresTextTurnsAndParticipants() {
		ImportResult result = corpus.importDocument(project.id(), new ImportRequest("focus-group-2.txt",
				FOCUS_GROUP.getBytes(StandardCharsets.UTF_8), "Focus groups", Language.ENGLISH));

		DocumentSummary d = result.document();
		assertThat(d.name()).isEqualTo("focus-group-2");
		assertThat(d.group()).isEqualTo("Focus groups");
		assertThat(d.format()).isEqualTo("txt");
		assertThat(d.turnCount()).isEqualTo(5);
		Transcript t = corpus.transcript(d.id()).orElseThrow();
		assertThat(t.turns()).extracting(Turn::speaker)
			.containsExactly(null, "Moderator", "MI Caseworker 1", "MI Caseworker 2", "Moderator");
		assertThat(t.turnText(t.turns().get(2)))
			.isEqualTo("It was demanding. Summarizing was the hardest part\nand asking permission felt unnatural.");
		assertThat(t.turns().get(2).startMs()).isEqualTo(12_000L);
		// role labels: a participant of their own in this document
		assertThat(corpus.participants(project.id())).extracting(Participant::label).containsExactly(
				"MI Caseworker 1 — focus-group-2", "MI Caseworker 2 — focus-group-2", "Moderator — focus-group-2");
		assertThat(corpus.groups(project.id())).containsExactly("Focus groups");
		assertThat(d.wordCount()).isEqualTo(t.turns()
			.stream()
			.mapToInt(turn -> CorpusService.countWords(t.text(), turn.start(), turn.end()))
			.sum());
	}

	@Test
	void sameFileTwiceIsRejectedAndNothingChanges() {
		byte[] bytes = FOCUS_GROUP.getBytes(StandardCharsets.UTF_8);
		corpus.importDocument(project.id(), new ImportRequest("a.txt", bytes, null, null));
		var before = snapshot();

		assertThatThrownBy(() -> corpus.importDocument(project.id(), new ImportRequest("copy.txt", bytes, "G", null)))
			.isInstanceOf(ImportRejectedException.class)
			.hasMessage("copy.txt: this file was already imported into the project as 'a'");
		assertThat(snapshot()).isEqualTo(before);
	}

	@Test
	void nameClashGetsANumberedSuffixAndSaysSo() {
		corpus.importDocument(project.id(), new ImportRequest("notes.txt", utf8("Moderator: one"), null, null));
		ImportResult second = corpus.importDocument(project.id(),
				new ImportRequest("notes.txt", utf8("Moderator: two"), null, null));

		assertThat(second.document().name()).isEqualTo("notes (2)");
		assertThat(second.notes()).anyMatch(n -> n.contains("imported as 'notes (2)'"));
	}

	@Test
	void namesClashIgnoringCaseAndAreFoundIgnoringCase() {
		corpus.importDocument(project.id(), new ImportRequest("Økt Ålesund.txt", utf8("Moderator: one"), null, null));
		ImportResult second = corpus.importDocument(project.id(),
				new ImportRequest("økt ålesund.txt", utf8("Moderator: two"), null, null));

		assertThat(second.document().name()).isEqualTo("økt ålesund (2)");
		assertThat(corpus.findDocument(project.id(), "ØKT ÅLESUND")).map(DocumentSummary::name).contains("Økt Ålesund");
		assertThat(corpus.findDocument(project.id(), " økt ålesund (2) ")).map(DocumentSummary::name)
			.contains("økt ålesund (2)");
		assertThat(corpus.findDocument(project.id(), "økt")).isEmpty();
	}

	@Test
	void badFilesAreRejectedWithTheFileNameAndLeaveNoTrace() {
		var before = snapshot();
		assertThatThrownBy(() -> corpus.importDocument(project.id(),
				new ImportRequest("slides.pptx", utf8("x"), "New group", null)))
			.isInstanceOf(ImportRejectedException.class)
			.hasMessageStartingWith("slides.pptx: unsupported file type");
		assertThatThrownBy(() -> corpus.importDocument(project.id(),
				new ImportRequest("empty.txt", new byte[0], "New group", null)))
			.hasMessage("empty.txt: the file is empty");
		assertThatThrownBy(() -> corpus.importDocument(project.id(),
				new ImportRequest("broken.docx", utf8("not a zip at all"), "New group", null)))
			.isInstanceOf(ImportRejectedException.class)
			.hasMessageStartingWith("broken.docx: ");
		assertThatThrownBy(() -> corpus.importDocument(project.id(),
				new ImportRequest("huge.txt", new byte[(int) corpus.maxFileSize() + 1], "New group", null)))
			.isInstanceOf(ImportRejectedException.class)
			.hasMessageContaining("larger than the upload limit");
		String longName = "a".repeat(996) + ".txt";
		assertThatThrownBy(() -> corpus.importDocument(project.id(),
				new ImportRequest(longName, utf8("Moderator: Hello."), "New group", null)))
			.isInstanceOf(ImportRejectedException.class)
			.hasMessageEndingWith(": the file name is longer than 255 characters (1000); rename the file");
		assertThat(corpus.unreadable(new ImportRequest(longName, utf8("Moderator: Hello."), null, null)))
			.hasValue("the file name is longer than 255 characters (1000); rename the file");
		assertThat(snapshot()).isEqualTo(before);
		assertThat(corpus.groups(project.id())).doesNotContain("New group");
	}

	@Test
	void aGroupImportsTheGoodFilesAndReportsEachRejectedOneInOrder() {
		var before = snapshot();
		byte[] first = utf8(FOCUS_GROUP);
		List<ImportRequest> requests = List.of(new ImportRequest("fg-a.txt", first, "Group A", Language.ENGLISH),
				new ImportRequest("slides.pptx", utf8("x"), "Ghost group", null),
				new ImportRequest("fg-a-copy.txt", first, "Group A", Language.ENGLISH),
				new ImportRequest("fg-b.txt", utf8("Moderator: And the second session?\nNew Speaker: Better."), "Group B",
						Language.ENGLISH));
		List<ImportOutcome> outcomes = new ArrayList<>();
		corpus.importFiles(project.id(), requests.stream().<java.util.function.Supplier<ImportRequest>>map(r -> () -> r)
			.toList(), outcomes::addAll);
		assertThat(outcomes).extracting(ImportOutcome::fileName)
			.containsExactly("fg-a.txt", "slides.pptx", "fg-a-copy.txt", "fg-b.txt");
		assertThat(outcomes).extracting(ImportOutcome::imported).containsExactly(true, false, false, true);
		assertThat(outcomes.get(1).rejection()).hasMessageStartingWith("slides.pptx: unsupported file type");
		assertThat(outcomes.get(2).rejection()).hasMessageContaining("already imported into the project as 'fg-a'");
		assertThat(corpus.documents(project.id())).extracting(DocumentSummary::name).containsExactly("fg-a", "fg-b");
		assertThat(corpus.groups(project.id())).contains("Group A", "Group B").doesNotContain("Ghost group");
		assertThat(snapshot().documents()).isEqualTo(before.documents() + 2);
		DocumentId b = outcomes.get(3).result().document().id();
		assertThat(corpus.transcript(b).orElseThrow().turns()).hasSize(2);
	}

	@Test
	void manyFilesAreImportedGroupByGroupWithUnreadableOnesReportedInPlace() {
		int n = CorpusService.IMPORT_GROUP * 2 + 5;
		List<java.util.function.Supplier<ImportRequest>> files = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			int k = i;
			files.add(() -> {
				if (k == CorpusService.IMPORT_GROUP + 2) {
					throw new ImportRejectedException("lost-" + k + ".txt", "cannot read the file (gone)");
				}
				return new ImportRequest("bulk-" + k + ".txt",
						utf8("Moderator: Session " + k + "?\nParticipant " + (k % 3) + ": It went well."), "Bulk", Language.ENGLISH);
			});
		}
		List<List<ImportOutcome>> groups = new ArrayList<>();
		corpus.importFiles(project.id(), files, groups::add);
		assertThat(groups).hasSize(3).allSatisfy(g -> assertThat(g).hasSizeLessThanOrEqualTo(CorpusService.IMPORT_GROUP));
		List<ImportOutcome> all = groups.stream().flatMap(List::stream).toList();
		assertThat(all).hasSize(n);
		assertThat(all.get(CorpusService.IMPORT_GROUP + 2).rejection()).hasMessage("lost-" + (CorpusService.IMPORT_GROUP + 2)
				+ ".txt: cannot read the file (gone)");
		assertThat(all).filteredOn(ImportOutcome::imported).hasSize(n - 1);
		assertThat(all.get(n - 1).fileName()).isEqualTo("bulk-" + (n - 1) + ".txt");
		assertThat(corpus.documents(project.id())).hasSize(n - 1);
		// role labels are a different person in each document: a moderator and a participant per document
		assertThat(corpus.participants(project.id())).hasSize(2 * (n - 1));
	}

	@Test
	void languageIsGuessedWhenNotGiven() {
		ImportResult result = corpus.importDocument(project.id(), new ImportRequest("intervju.txt",
				utf8("Intervjuer: Hvordan har det gått med opplæringen?\nSaksbehandler 5: Det har vært krevende, "
						+ "men jeg har lært mye om å stille åpne spørsmål og det er ikke lett."),
				null, null));
		assertThat(result.document().language()).isEqualTo(Language.NORWEGIAN);
		assertThat(result.notes()).contains("language guessed as Norwegian");
	}

	@Test
	void deleteRemovesTheDocumentAndItsTurns() {
		ImportResult result = corpus.importDocument(project.id(),
				new ImportRequest("gone.txt", utf8(FOCUS_GROUP), null, Language.ENGLISH));
		corpus.delete(result.document().id());

		assertThat(corpus.documents(project.id())).isEmpty();
		assertThat(corpus.transcript(result.document().id())).isEmpty();
		assertThat(corpus.participants(project.id())).as("the participants made for its speakers").isEmpty();
	}

	static final String MI_SESSION = """
			Counsellor: What brings you here today?
			Sick-listed worker: My back, and the job.
			Kari: I came along to support him.
			Counsellor: Thank you both.
			Kari: He has been worried for weeks.
			""";

	DocumentSummary importSession(String name) {
		return corpus.importDocument(project.id(), new ImportRequest(name + ".txt", utf8(MI_SESSION + name), "MI sessions",
				Language.ENGLISH)).document();
	}

	SpeakerLink link(DocumentSummary d, String speaker) {
		return speakers.link(d.id(), speaker).orElseThrow();
	}

	@Test
	void roleLabelsAreADifferentPersonInEachDocumentAndPersonLabelsAreProposed() {
		DocumentSummary one = importSession("mi-01");
		DocumentSummary two = importSession("mi-02");

		assertThat(link(one, "Sick-listed worker").participantLabel()).isEqualTo("Sick-listed worker — mi-01");
		assertThat(link(two, "Sick-listed worker").participantLabel()).isEqualTo("Sick-listed worker — mi-02");
		assertThat(link(two, "Sick-listed worker").origin()).isEqualTo(LinkOrigin.DOCUMENT);
		assertThat(link(one, "Sick-listed worker").turns()).isEqualTo(1);
		assertThat(link(one, "Kari").participantLabel()).isEqualTo("Kari");
		assertThat(link(one, "Kari").origin()).isEqualTo(LinkOrigin.DOCUMENT);
		assertThat(link(two, "Kari").participantId()).isEqualTo(link(one, "Kari").participantId());
		assertThat(link(two, "Kari").origin()).isEqualTo(LinkOrigin.PROPOSED);
		assertThat(speakers.proposals(project.id())).extracting(SpeakerLink::documentName, SpeakerLink::speaker)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("mi-02", "Kari"));
		assertThat(corpus.participants(project.id())).extracting(Participant::label, Participant::turns).containsExactly(
				org.assertj.core.groups.Tuple.tuple("Counsellor — mi-01", 2), org.assertj.core.groups.Tuple.tuple("Counsellor — mi-02", 2),
				org.assertj.core.groups.Tuple.tuple("Kari", 4), org.assertj.core.groups.Tuple.tuple("Sick-listed worker — mi-01", 1),
				org.assertj.core.groups.Tuple.tuple("Sick-listed worker — mi-02", 1));
		assertThat(corpus.speakers(project.id())).containsExactly("Counsellor", "Kari", "Sick-listed worker");
	}

	@Test
	void aSpeakerIsLinkedToAParticipantAndUnlinkedToItsOwnAgain() {
		DocumentSummary one = importSession("mi-01");
		Participant worker = participants.addParticipant(project.id(), "SW001");

		SpeakerLink linked = speakers.link(one.id(), "Sick-listed worker", worker.id());

		assertThat(linked.participantLabel()).isEqualTo("SW001");
		assertThat(linked.origin()).isEqualTo(LinkOrigin.RESEARCHER);
		assertThat(corpus.participants(project.id())).extracting(Participant::label)
			.as("the participant made for the speaker is gone with nothing left to it")
			.doesNotContain("Sick-listed worker — mi-01")
			.contains("SW001");
		assertThat(corpus.participants(project.id()).stream().filter(p -> p.label().equals("SW001")).findFirst().orElseThrow()
			.turns()).isEqualTo(1);

		SpeakerLink own = speakers.unlink(one.id(), "Sick-listed worker");

		assertThat(own.participantLabel()).isEqualTo("Sick-listed worker — mi-01");
		assertThat(own.origin()).isEqualTo(LinkOrigin.DOCUMENT);
		assertThat(corpus.participants(project.id())).extracting(Participant::label).contains("SW001");
		assertThat(speakers.unlink(one.id(), "Sick-listed worker").participantId()).as("already its own")
			.isEqualTo(own.participantId());
	}

	@Test
	void aProposalIsAcceptedOrRejected() {
		DocumentSummary one = importSession("mi-01");
		DocumentSummary two = importSession("mi-02");
		DocumentSummary three = importSession("mi-03");

		assertThat(speakers.accept(two.id(), "Kari").origin()).isEqualTo(LinkOrigin.RESEARCHER);
		SpeakerLink rejected = speakers.reject(three.id(), "Kari");

		assertThat(rejected.participantLabel()).isEqualTo("Kari — mi-03");
		assertThat(rejected.origin()).isEqualTo(LinkOrigin.DOCUMENT);
		assertThat(link(two, "Kari").participantId()).isEqualTo(link(one, "Kari").participantId());
		assertThat(speakers.proposals(project.id())).isEmpty();
		assertThatThrownBy(() -> speakers.accept(two.id(), "Kari")).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("speaker 'Kari' of 'mi-02' is not a proposal to review (linked by researcher)");
	}

	@Test
	void aLinkThatCannotBeMadeIsRefusedAndNothingChanges() {
		DocumentSummary one = importSession("mi-01");
		Project other = projects.create("Other " + UUID.randomUUID(), "");
		Participant stranger = participants.addParticipant(other.id(), "Stranger");
		List<SpeakerLink> before = speakers.links(project.id());

		assertThatThrownBy(() -> speakers.link(one.id(), "Nobody", stranger.id())).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("'mi-01' has no speaker 'Nobody'; its speakers are Counsellor, Kari, Sick-listed worker");
		assertThatThrownBy(() -> speakers.link(one.id(), "Kari", stranger.id())).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("no participant with id " + stranger.id() + " in the project of 'mi-01'");
		assertThat(speakers.links(project.id())).isEqualTo(before);
	}

	record Snapshot(int documents, int participants, int groups) {
	}

	Snapshot snapshot() {
		return new Snapshot(corpus.documents(project.id()).size(), corpus.participants(project.id()).size(),
				corpus.groups(project.id()).size());
	}

	static byte[] utf8(String s) {
		return s.getBytes(StandardCharsets.UTF_8);
	}

	static final String INTERVIEW = """
			Interviewer: How long have you been on sick leave?
			Kari: Since March, about eight months.
			Interviewer: And the meetings with your caseworker?
			Kari: They helped, mostly.
			""";

	static final String NOTES = """
			Observation notes, day two. The caseworkers met at nine and discussed the caseload.
			""";

	private DocumentSummary importText(String file, String text, String group) {
		return corpus.importDocument(project.id(),
				new ImportRequest(file, text.getBytes(StandardCharsets.UTF_8), group, Language.ENGLISH))
			.document();
	}

	@Test
	void studyDesignInfersKindsFromGroupNamesAndSpeakers() {
		DocumentSummary fg = importText("fg.txt", FOCUS_GROUP, "Focus groups");
		DocumentSummary talk = importText("talk.txt", INTERVIEW, "Wave 1");
		DocumentSummary notes = importText("notes.txt", NOTES, "Extra");

		StudyDesign design = study.design(project.id());

		assertThat(design.groups()).extracting(GroupDesign::name, GroupDesign::kind, GroupDesign::strand,
				GroupDesign::setByResearcher)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("Extra", GroupKind.FIELD_NOTES, Strand.QUALITATIVE, false),
					org.assertj.core.groups.Tuple.tuple("Focus groups", GroupKind.FOCUS_GROUP, Strand.QUALITATIVE, false),
					org.assertj.core.groups.Tuple.tuple("Wave 1", GroupKind.INTERVIEW, Strand.QUALITATIVE, false));
		assertThat(design.documents(Strand.QUALITATIVE)).containsExactlyInAnyOrder(fg.id(), talk.id(), notes.id());
		assertThat(design.describe(Strand.QUALITATIVE))
			.isEqualTo("qualitative strand: 1 focus group, 1 individual interview, 1 field notes or other document");
		assertThat(design.describe(Strand.FIDELITY)).isEqualTo("fidelity strand: no documents");
	}

	@Test
	void aResearchersDesignWinsOverTheInferenceUntilReset() {
		DocumentSummary fg = importText("fg.txt", FOCUS_GROUP, "Focus groups");

		study.setDesign(project.id(), "Focus groups", GroupKind.COUNSELLING_SESSION, null);
		StudyDesign design = study.design(project.id());
		assertThat(design.groups().getFirst().setByResearcher()).isTrue();
		assertThat(design.documents(Strand.FIDELITY)).containsExactly(fg.id());
		assertThat(design.documents(Strand.QUALITATIVE)).isEmpty();

		study.setDesign(project.id(), "Focus groups", GroupKind.FOCUS_GROUP, Strand.NONE);
		assertThat(study.design(project.id()).strandOf(fg.id())).contains(Strand.NONE);

		study.resetDesign(project.id(), "Focus groups");
		assertThat(study.design(project.id()).strandOf(fg.id())).contains(Strand.QUALITATIVE);
		assertThatThrownBy(() -> study.setDesign(project.id(), "No such group", GroupKind.INTERVIEW, null))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("No such group");
	}

	@Test
	void aCopyAndItsOriginalAreOneSession() {
		DocumentSummary fg = importText("fg.txt", FOCUS_GROUP, "Focus groups");
		DocumentSummary copy = corpus.createEditedCopy(fg.id(), "fg (de-identified)",
				TextEdits.of(List.of(new TextEdit(16, 20, "[X]")), FOCUS_GROUP.length()), s -> s);

		StudyDesign design = study.design(project.id());

		assertThat(design.documents(Strand.QUALITATIVE)).containsExactly(fg.id(), copy.id());
		assertThat(design.sessions(Strand.QUALITATIVE)).containsExactly(fg.id());
		assertThat(design.original(copy.id())).isEqualTo(fg.id());
		assertThat(design.describe(Strand.QUALITATIVE)).isEqualTo("qualitative strand: 1 focus group");
	}

}

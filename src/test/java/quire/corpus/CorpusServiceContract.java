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
 * speaker labels become participants, and every rejected file leaves the project as it was.
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
		assertThat(corpus.participants(project.id())).extracting(Participant::label)
			.containsExactly("MI Caseworker 1", "MI Caseworker 2", "Moderator");
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
		assertThat(corpus.participants(project.id())).hasSize(4); // Moderator and Participants 0, 1 and 2
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

}

package quire.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import quire.coding.Code;
import quire.coding.CodeDraft;
import quire.coding.CodebookService;
import quire.coding.Coding;
import quire.coding.CodingService;
import quire.corpus.CorpusService;
import quire.corpus.DocumentId;
import quire.corpus.ImportRequest;
import quire.corpus.Language;
import quire.corpus.SentenceUnit;
import quire.corpus.Transcript;
import quire.project.Project;
import quire.project.ProjectService;

/**
 * What the language-processing module promises, on H2 and PostgreSQL: sentence units stored at
 * import, de-identification with consistent pseudonyms whose codings move with the text, and bad
 * input that changes nothing. De-identification here runs on Norwegian text (rules); English NER is
 * measured in {@code DetectionQualityTests} so the 830 MB pipeline loads once per test JVM.
 */
abstract class NlpServiceContract {

	static final String NORWEGIAN = """
			Intervjuer: Hvordan gikk det med Anna på jobben i Trondheim?
			Kari: Anna fikk bl.a. hjelp av veilederen. Det var f.eks. en god samtale i mai, dvs. før ferien.
			Intervjuer: Og nå?
			Kari: Nå jobber hun på Byåsen, og ringer meg på 926 41 377 når hun vil.
			""";

	@Autowired
	ProjectService projects;

	@Autowired
	CorpusService corpus;

	@Autowired
	CodingService codings;

	@Autowired
	CodebookService codebook;

	@Autowired
	DeidentificationService deid;

	@Autowired
	quire.coding.MemoService memos;

	@Autowired
	SentenceService sentences;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	WordFrequencyService words;

	Project project;

	@BeforeEach
	void project() {
		project = projects.create("NLP " + UUID.randomUUID(), "");
	}

	DocumentId importText(String name, String text, Language language) {
		return corpus.importDocument(project.id(),
				new ImportRequest(name + ".txt", text.getBytes(StandardCharsets.UTF_8), null, language))
			.document()
			.id();
	}

	List<String> sentenceTexts(DocumentId id) {
		String text = corpus.transcript(id).orElseThrow().text();
		return corpus.sentences(id).stream().map(s -> text.substring(s.start(), s.end())).toList();
	}

	@Test
	void norwegianSentenceUnitsAreStoredAfterTheImportWithOffsetsIntoTheText() throws InterruptedException {
		DocumentId id = importText("no", NORWEGIAN, Language.NORWEGIAN);
		List<String> onTheFly = sentenceTexts(id);
		assertThat(sentences.awaitStored(Duration.ofSeconds(30))).as("stored in the background").isTrue();
		assertThat(sentenceTexts(id)).as("stored units are the ones found before").isEqualTo(onTheFly);
		assertThat(sentenceTexts(id)).containsExactly("Hvordan gikk det med Anna på jobben i Trondheim?",
				"Anna fikk bl.a. hjelp av veilederen.", "Det var f.eks. en god samtale i mai, dvs. før ferien.", "Og nå?",
				"Nå jobber hun på Byåsen, og ringer meg på 926 41 377 når hun vil.");
		assertThat(corpus.sentenceMethod(id)).contains("rules");
	}

	@Test
	void englishSentenceUnitsComeFromCoreNlp() throws InterruptedException {
		DocumentId id = importText("en", """
				Interviewer: Did Dr. Smith help? What about the job centre?
				P3: Yes. We practised summaries, e.g. after each topic. It helped a lot.
				""", Language.ENGLISH);
		assertThat(sentenceTexts(id)).containsExactly("Did Dr. Smith help?", "What about the job centre?", "Yes.",
				"We practised summaries, e.g. after each topic.", "It helped a lot.");
		assertThat(sentences.awaitStored(Duration.ofSeconds(30))).isTrue();
		assertThat(corpus.sentenceMethod(id)).contains("corenlp");
	}

	@Test
	void anImportLeavesSentenceUnitsToTheWorkerWhichWaitsForImportsToPause() throws InterruptedException {
		DocumentId first = importText("first", NORWEGIAN, Language.NORWEGIAN);
		assertThat(corpus.sentenceMethod(first)).as("not stored by the import itself").isEmpty();
		assertThat(corpus.sentences(first)).as("found on the fly meanwhile").hasSize(5);
		DocumentId second = importText("second", NORWEGIAN.replace("Og nå?", "Og i dag?"), Language.NORWEGIAN);
		assertThat(sentences.awaitStored(Duration.ofSeconds(30))).isTrue();
		assertThat(corpus.sentenceMethod(first)).contains("rules");
		assertThat(corpus.sentenceMethod(second)).contains("rules");
		assertThat(corpus.documentsWithoutSentences()).doesNotContain(first, second);
	}

	@Test
	void documentsWithoutStoredSentencesAreBackfilled() throws InterruptedException {
		DocumentId id = importText("old", NORWEGIAN, Language.NORWEGIAN);
		assertThat(sentences.awaitStored(Duration.ofSeconds(30))).isTrue();
		List<SentenceUnit> before = corpus.sentences(id);
		jdbc.sql("delete from sentence_unit where document_id = ?").param(id.value()).update();
		assertThat(corpus.documentsWithoutSentences()).contains(id);
		assertThat(corpus.sentences(id)).as("found on the fly meanwhile").isEqualTo(before);
		assertThat(sentences.backfill()).isGreaterThanOrEqualTo(1);
		assertThat(corpus.documentsWithoutSentences()).doesNotContain(id);
		assertThat(corpus.sentences(id)).isEqualTo(before);
	}

	@Test
	void previewGroupsCandidatesBySurfaceWithPseudonyms() {
		DocumentId id = importText("no", NORWEGIAN, Language.NORWEGIAN);
		DeidentificationPreview preview = deid.preview(id, p -> {
		});
		assertThat(preview.groups()).extracting(CandidateGroup::surface)
			.contains("Anna", "Trondheim", "Kari", "Byåsen", "926 41 377");
		CandidateGroup anna = group(preview, "Anna");
		assertThat(anna.occurrences()).hasSize(2);
		assertThat(anna.replacement()).isEqualTo("[Person 1]");
		assertThat(group(preview, "Kari").kind()).as("a speaker label is a participant").isEqualTo(IdentifierKind.PARTICIPANT);
		assertThat(group(preview, "926 41 377").kind()).isEqualTo(IdentifierKind.PHONE);
		assertThat(preview.notice()).contains("no Norwegian models");
	}

	@Test
	void applyingKeepsEveryCodingOnItsWords() {
		DocumentId id = importText("no", NORWEGIAN, Language.NORWEGIAN);
		Transcript t = corpus.transcript(id).orElseThrow();
		String text = t.text();
		Code code = codebook.create(project.id(), null, CodeDraft.named("Arbeid", "#336699"));
		int anna = text.indexOf("Anna fikk");
		int trondheim = text.indexOf("Trondheim");
		// before a replaced span, inside one, across one, and after all of them
		Coding before = codings.code(id, code.id(), text.indexOf("Hvordan"), text.indexOf(" med Anna"), "Ina");
		Coding inside = codings.code(id, code.id(), anna + 1, anna + 3, "Ina");
		Coding across = codings.code(id, code.id(), text.indexOf("jobben"), trondheim + 4, "Ina");
		Coding after = codings.code(id, code.id(), text.indexOf("Og nå?"), text.indexOf("Og nå?") + 6, "Ina");
		memos.write(project.id(), quire.coding.MemoTarget.CODING, inside.id().value(), "Ina", "Om Anna",
				"Anna snakker om Trondheim; annabelle er ikke et navn her.");
		DeidentificationPreview preview = deid.preview(id, p -> {
		});
		DeidentificationResult result = deid.apply(id, preview.groups(), null);
		// the memo on a coding moves with it, with the same names replaced (whole words only)
		var copiedInside = codings.codings(result.document().id(), null).stream()
			.filter(c -> copyText(result).substring(c.start(), c.end()).equals("[Person 1]"))
			.findFirst()
			.orElseThrow();
		assertThat(memos.memos(project.id(), quire.coding.MemoTarget.CODING, copiedInside.id().value()))
			.singleElement()
			.satisfies(m -> {
				assertThat(m.title()).isEqualTo("Om [Person 1]");
				assertThat(m.body()).isEqualTo("[Person 1] snakker om [Town 1]; annabelle er ikke et navn her.");
			});
		assertThat(result.codingsCopied()).isEqualTo(4);
		assertThat(result.document().name()).isEqualTo("no (de-identified)");
		Transcript copy = corpus.transcript(result.document().id()).orElseThrow();
		String[] coded = codings.codings(result.document().id(), null).stream()
			.map(c -> copy.text().substring(c.start(), c.end()))
			.toArray(String[]::new);
		assertThat(coded).containsExactlyInAnyOrder("Hvordan gikk det", "[Person 1]", "jobben i [Town 1]", "Og nå?");
		assertThat(copy.text()).doesNotContain("Anna", "Trondheim", "Byåsen", "926 41 377", "Kari");
		assertThat(copy.turns()).extracting(turn -> turn.speaker()).contains("Intervjuer", "[Participant 1]");
		assertThat(copy.turns()).allSatisfy(turn -> assertThat(copy.turnText(turn)).doesNotStartWith(" "));
		assertThat(corpus.sentences(result.document().id())).hasSameSizeAs(corpus.sentences(id));
		assertThat(corpus.sentences(result.document().id()).get(1).start())
			.isEqualTo(copy.text().indexOf("[Person 1] fikk"));
		// the original is unchanged
		assertThat(corpus.transcript(id).orElseThrow().text()).isEqualTo(text);
		assertThat(codings.codings(id, null)).extracting(Coding::start)
			.containsExactlyInAnyOrder(before.start(), inside.start(), across.start(), after.start());
	}

	String copyText(DeidentificationResult result) {
		return corpus.transcript(result.document().id()).orElseThrow().text();
	}

	@Test
	void pseudonymsAreTheSameInEveryDocumentOfTheProject() {
		DocumentId first = importText("first", NORWEGIAN, Language.NORWEGIAN);
		deid.apply(first, deid.preview(first, p -> {
		}).groups(), null);
		DocumentId second = importText("second", """
				Intervjuer: Hvem andre var med?
				Ola: Anna og jeg, og Siv fra Trondheim. Anna kjørte.
				Intervjuer: Og så?
				Ola: Så kom vi hjem.
				""", Language.NORWEGIAN);
		DeidentificationPreview preview = deid.preview(second, p -> {
		});
		assertThat(group(preview, "Anna").replacement()).isEqualTo("[Person 1]");
		assertThat(group(preview, "Anna").known()).isTrue();
		assertThat(group(preview, "Trondheim").replacement()).isEqualTo("[Town 1]");
		assertThat(group(preview, "Ola").replacement()).as("the next participant").isEqualTo("[Participant 2]");
		assertThat(deid.key(project.id())).extracting(Pseudonym::surface).contains("Anna", "Trondheim", "Kari");
	}

	@Test
	void anEditedReplacementIsKeptForLaterDocuments() {
		DocumentId first = importText("first", NORWEGIAN, Language.NORWEGIAN);
		List<CandidateGroup> reviewed = new ArrayList<>();
		for (CandidateGroup g : deid.preview(first, p -> {
		}).groups()) {
			reviewed.add(g.surface().equals("Anna") ? g.withReplacement("[Kollega]")
					: g.surface().equals("Byåsen") ? g.accept(false) : g);
		}
		var result = deid.apply(first, reviewed, "first, pseudonymised");
		String text = corpus.transcript(result.document().id()).orElseThrow().text();
		assertThat(text).contains("[Kollega] fikk", "på Byåsen");
		DocumentId second = importText("second", "Ola: Anna ringte.\n", Language.NORWEGIAN);
		assertThat(group(deid.preview(second, p -> {
		}), "Anna").replacement()).isEqualTo("[Kollega]");
	}

	@Test
	void badInputChangesNothing() {
		DocumentId id = importText("no", NORWEGIAN, Language.NORWEGIAN);
		int documents = corpus.documents(project.id()).size();
		List<CandidateGroup> groups = deid.preview(id, p -> {
		}).groups();
		CandidateGroup anna = group(groups, "Anna");
		CandidateGroup moved = new CandidateGroup(anna.surface(), anna.kind(), anna.replacement(), true, false,
				List.of(new CandidateGroup.Occurrence(0, 4, "", "")), anna.sources());
		List<CandidateGroup> bad = new ArrayList<>(groups);
		bad.set(groups.indexOf(anna), moved);
		assertThatThrownBy(() -> deid.apply(id, bad, null)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("'Anna' is not at [0, 4)");
		assertThatThrownBy(() -> deid.apply(id, groups.stream().map(g -> g.accept(false)).toList(), null))
			.hasMessageContaining("accept at least one candidate");
		assertThatThrownBy(() -> deid.apply(id, groups, "no")).hasMessageContaining("exists already");
		assertThat(corpus.documents(project.id())).hasSize(documents);
		assertThat(deid.key(project.id())).isEmpty();
	}

	@Test
	void anOwnerCanDeleteTheOriginalOnceTheCopyExists() {
		DocumentId id = importText("no", NORWEGIAN, Language.NORWEGIAN);
		var result = deid.apply(id, deid.preview(id, p -> {
		}).groups(), null);
		assertThat(deid.originalOf(result.document().id())).contains(id);
		assertThat(deid.deleteOriginal(result.document().id())).isEqualTo("no");
		assertThat(corpus.document(id)).isEmpty();
		assertThat(deid.originalOf(result.document().id())).isEmpty();
		assertThat(deid.isDeidentified(result.document().id())).isTrue();
		assertThat(corpus.document(result.document().id())).isPresent();
	}

	@Test
	void roleLabelsAreNotNamesAndIsoDatesAreDates() {
		DocumentId id = importText("roller", """
				Intervju — 2019-06-03
				[00:00:03] Intervjuer: Hvordan går det?
				[00:00:09] Sykmeldt Arbeidstaker: Bedre nå.
				[00:00:15] Intervjuer: Fint.
				[00:00:20] Sykmeldt Arbeidstaker: Ja, sier Sykmeldt Arbeidstaker.
				""", Language.NORWEGIAN);
		assertThat(DeidentificationService.isName("Sykmeldt arbeidstaker")).isFalse();
		assertThat(DeidentificationService.isName("MI Caseworker 1")).isFalse();
		assertThat(DeidentificationService.isName("Anna Berg")).isTrue();
		DeidentificationPreview preview = deid.preview(id, p -> {
		});
		assertThat(group(preview, "2019-06-03").kind()).isEqualTo(IdentifierKind.DATE);
		assertThat(preview.groups()).extracting(CandidateGroup::surface).doesNotContain("Intervjuer");
	}

	@Test
	void roleLabelsNeverBecomeNamesAndAFullNameTravelsToTheNextDocument() {
		DocumentId first = importText("en", """
				Saksbehandler: Who helped you?
				P1: My caseworker was Reidar Hanssen. Hanssen rang every week.
				""", Language.NORWEGIAN);
		DeidentificationPreview preview = deid.preview(first, p -> {
		});
		assertThat(preview.groups()).extracting(CandidateGroup::surface).contains("Reidar Hanssen", "Hanssen")
			.doesNotContain("Saksbehandler");
		DeidentificationResult done = deid.apply(first, preview.groups(), null);
		assertThat(done.residual()).as("everything accepted: nothing is left in the copy").isEmpty();
		DocumentId second = importText("no2", """
				Saksbehandler: Og saksbehandler hanssen?
				P2: Hanssen ringte. En saksbehandler er ingen person.
				""", Language.NORWEGIAN);
		DeidentificationPreview next = deid.preview(second, p -> {
		});
		assertThat(next.groups()).as("a surname replaced before is a known name in the next document")
			.anyMatch(g -> g.key().equals("hanssen") && g.known());
		assertThat(next.groups()).as("a role label is never a name, in any document")
			.noneMatch(g -> g.key().equals("saksbehandler"));
	}

	@Test
	void theResidualCheckListsWhatTheReviewLeftIn() {
		DocumentId id = importText("rest", "Intervjuer: Og så?\nKari: Jeg bor i Storgata 14 B, 8006 Bodø, og er 52 år gammel.\n",
				Language.NORWEGIAN);
		DeidentificationPreview preview = deid.preview(id, p -> {
		});
		List<CandidateGroup> reviewed = preview.groups().stream()
			.map(g -> g.surface().equals("8006") ? g.accept(false) : g)
			.toList();
		DeidentificationResult done = deid.apply(id, reviewed, null);
		assertThat(done.clean()).isFalse();
		assertThat(done.residual()).extracting(Candidate::surface).containsExactly("8006");
		assertThat(done.residual().getFirst().kind()).isEqualTo(IdentifierKind.POSTCODE);
		assertThat(deid.residualCheck(done.document().id())).extracting(Candidate::surface).containsExactly("8006");
	}

	@Test
	void knownNamesAreFoundWhereTheRulesWouldNot() {
		deid.addKnownName(project.id(), new KnownName("fjellheimen", IdentifierKind.EMPLOYER));
		DocumentId id = importText("no", "Kari: Jeg jobber på fjellheimen, det er et sykehjem.\n", Language.NORWEGIAN);
		CandidateGroup g = group(deid.preview(id, p -> {
		}), "fjellheimen");
		assertThat(g.kind()).isEqualTo(IdentifierKind.EMPLOYER);
		assertThat(g.replacement()).isEqualTo("[Employer 1]");
	}

	static final String ENGLISH_WORK = """
			Interviewer: How is work going?
			P1: I worked nights. Working nights was hard, and the work never stopped.
			Interviewer: And your manager?
			P2: My manager listened. Managers usually do not.
			""";

	@Test
	void englishWordsAreCountedByLemmaWithoutStopWords() {
		DocumentId id = importText("en", ENGLISH_WORK, Language.ENGLISH);
		WordFrequencies f = words.count(WordQuery.project(project.id()).withDocument(id));
		assertThat(f.words().getFirst().word()).isEqualTo("work");
		assertThat(f.words().getFirst().count()).isEqualTo(4);
		assertThat(f.words()).extracting(WordCount::word).contains("manager", "night").doesNotContain("the", "and", "my");
		assertThat(f.method()).isEqualTo("English by CoreNLP lemma");
		assertThat(f.words().stream().mapToDouble(WordCount::percent).sum()).isCloseTo(100.0, org.assertj.core.data.Offset.offset(0.01));
		assertThat(f.counted()).isEqualTo(f.words().stream().mapToInt(WordCount::count).sum());
	}

	@Test
	void norwegianWordsAreCountedByStemAndShownInTheirCommonestForm() {
		DocumentId id = importText("no", """
				Intervjuer: Hvordan var jobben?
				Kari: Jobben var fin. Jeg jobbet mye, og jobben ga meg mye glede. Gleden kom tilbake på jobb.
				Intervjuer: Og kollegaene?
				Kari: Kollegaene var gode.
				""", Language.NORWEGIAN);
		WordFrequencies f = words.count(WordQuery.project(project.id()).withDocument(id));
		assertThat(f.words().getFirst()).extracting(WordCount::word, WordCount::count).containsExactly("jobben", 5);
		assertThat(f.words()).extracting(WordCount::word).contains("glede", "kollegaene").doesNotContain("og", "var", "meg");
		assertThat(f.method()).isEqualTo("Norwegian by Snowball stem");
	}

	@Test
	void wordsBySpeakerCodeMinimumLengthAndTop() {
		DocumentId id = importText("en", ENGLISH_WORK, Language.ENGLISH);
		String text = corpus.transcript(id).orElseThrow().text();
		assertThat(words.count(WordQuery.project(project.id()).withSpeaker("P2")).words()).extracting(WordCount::word)
			.contains("manager").doesNotContain("work");
		Code code = codebook.create(project.id(), null, CodeDraft.named("Nights", "#336699"));
		codings.code(id, code.id(), text.indexOf("I worked"), text.indexOf(" Working"), "Ina");
		assertThat(words.count(WordQuery.project(project.id()).withCode(code.id())).words())
			.extracting(WordCount::word, WordCount::count)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("work", 1), org.assertj.core.groups.Tuple.tuple("night", 1));
		assertThat(words.count(WordQuery.project(project.id()).withMinLength(6)).words()).extracting(WordCount::word)
			.allSatisfy(w -> assertThat(w.length()).isGreaterThanOrEqualTo(6)).doesNotContain("work");
		assertThat(words.count(WordQuery.project(project.id()).withTop(2)).words()).hasSize(2);
	}

	@Test
	void aProjectsOwnStopWordsReplaceTheDefault() {
		importText("en", ENGLISH_WORK, Language.ENGLISH);
		var mine = new java.util.HashSet<>(words.stopWords(project.id(), Language.ENGLISH));
		mine.add("Work ");
		words.saveStopWords(project.id(), Language.ENGLISH, mine);
		assertThat(words.stopWords(project.id(), Language.ENGLISH)).contains("work", "the");
		assertThat(words.count(WordQuery.project(project.id())).words()).extracting(WordCount::word).doesNotContain("work");
		words.resetStopWords(project.id(), Language.ENGLISH);
		assertThat(words.count(WordQuery.project(project.id())).words().getFirst().word()).isEqualTo("work");
		assertThatThrownBy(() -> WordQuery.project(project.id()).withTop(0)).hasMessageContaining("top must be between");
	}

	@Autowired
	quire.corpus.StudyDesignService studyDesign;

	@Test
	void aDeidentifiedCopyIsCountedInPlaceOfItsOriginalNotBesideIt() {
		DocumentId original = corpus.importDocument(project.id(), new ImportRequest("fg-anna.txt", """
				Moderator: How is work going, Anna Berg?
				Anna Berg: Work is hard. Anna Berg works nights in Trondheim, and the work never stops.
				Moderator: And your manager?
				Anna Berg: My manager listens.
				""".getBytes(StandardCharsets.UTF_8), "Focus groups", Language.ENGLISH)).document().id();
		WordFrequencies before = words.count(WordQuery.project(project.id()));
		DeidentificationResult copy = deid.apply(original, deid.preview(original, p -> {
		}).groups(), null);

		WordFrequencies after = words.count(WordQuery.project(project.id()));
		WordFrequencies copyAlone = words.count(WordQuery.project(project.id()).withDocument(copy.document().id()));
		assertThat(after.counted()).as("the session's words once, from the copy").isEqualTo(copyAlone.counted());
		assertThat(after.counted()).isLessThan(2 * before.counted());
		assertThat(after.words()).extracting(WordCount::word).doesNotContain("anna", "berg", "trondheim");
		assertThat(after.scope()).isEqualTo("1 document of the qualitative strand (1 focus group) · a de-identified copy "
				+ "counted in place of its original");
		// a document chosen by name is counted as it is
		assertThat(words.count(WordQuery.project(project.id()).withDocument(original)).words()).extracting(WordCount::word)
			.contains("anna");
	}

	@Test
	void wordsCountTheQualitativeStrandUnlessAnotherStrandOrADocumentIsChosen() {
		corpus.importDocument(project.id(), new ImportRequest("fg-1.txt", ENGLISH_WORK.getBytes(StandardCharsets.UTF_8),
				"Focus groups", Language.ENGLISH));
		DocumentId session = corpus.importDocument(project.id(), new ImportRequest("mi-1.txt", """
				Counsellor: What does alcohol do for you?
				Client: Alcohol helps me sleep, alcohol calms me.
				""".getBytes(StandardCharsets.UTF_8), "MI sessions", Language.ENGLISH)).document().id();
		// no study design set: the strands are inferred from the group names, as everywhere else
		WordFrequencies qualitative = words.count(WordQuery.project(project.id()));
		assertThat(qualitative.strand()).isEqualTo(quire.corpus.Strand.QUALITATIVE);
		assertThat(qualitative.documents()).isEqualTo(1);
		assertThat(qualitative.scope()).isEqualTo("1 document of the qualitative strand (1 focus group)");
		assertThat(qualitative.words()).extracting(WordCount::word).contains("manager").doesNotContain("alcohol");

		WordFrequencies sessions = words.count(WordQuery.project(project.id()).withStrand(quire.corpus.Strand.FIDELITY));
		assertThat(sessions.scope()).isEqualTo("1 document of the fidelity strand (1 counselling session (MI))");
		assertThat(sessions.words()).extracting(WordCount::word).contains("alcohol").doesNotContain("manager");

		WordFrequencies all = words.count(WordQuery.project(project.id()).withStrand(null));
		assertThat(all.allStrands()).isTrue();
		assertThat(all.scope()).isEqualTo("2 documents, all strands pooled (1 focus group, 1 counselling session (MI))");
		assertThat(all.counted()).isEqualTo(qualitative.counted() + sessions.counted());

		WordFrequencies chosen = words.count(WordQuery.project(project.id()).withDocument(session));
		assertThat(chosen.strand()).as("a chosen document is counted whatever its strand").isNull();
		assertThat(chosen.scope()).isEqualTo("1 chosen document");
		assertThat(chosen.words()).extracting(WordCount::word).contains("alcohol");

		WordFrequencies wrongGroup = words.count(WordQuery.project(project.id()).withGroup("MI sessions"));
		assertThat(wrongGroup.counted()).isZero();
		assertThat(wrongGroup.notice()).contains("Group 'MI sessions' has no documents in the qualitative strand");

		// what a researcher sets wins over the inference
		studyDesign.setDesign(project.id(), "MI sessions", quire.corpus.GroupKind.COUNSELLING_SESSION,
				quire.corpus.Strand.QUALITATIVE);
		assertThat(words.count(WordQuery.project(project.id())).scope())
			.isEqualTo("2 documents of the qualitative strand (1 focus group, 1 counselling session (MI))");
	}

	static CandidateGroup group(DeidentificationPreview preview, String surface) {
		return group(preview.groups(), surface);
	}

	static CandidateGroup group(List<CandidateGroup> groups, String surface) {
		return groups.stream().filter(g -> g.surface().equals(surface)).findFirst()
			.orElseThrow(() -> new AssertionError("no group '" + surface + "' in " + groups.stream().map(CandidateGroup::surface).toList()));
	}

}

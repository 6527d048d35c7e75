package quire.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import quire.corpus.DocumentId;
import quire.corpus.DocumentSummary;
import quire.corpus.Language;
import quire.corpus.Transcript;
import quire.corpus.Turn;
import quire.project.ProjectId;
import quire.search.KwicHit;
import quire.search.SearchRequest;
import quire.search.SearchResult;

/** The turn index on small hand-made transcripts: every query form, every filter, and exact KWIC offsets. */
final class TurnIndexTests {

	static final ProjectId PROJECT = new ProjectId(1);

	static final ProjectId OTHER = new ProjectId(2);

	TurnIndex index;

	Transcript focusGroup;

	Transcript interview;

	@BeforeEach
	void indexTranscripts() throws IOException {
		index = TurnIndex.open(new ByteBuffersDirectory());
		focusGroup = transcript(10, PROJECT, "fg-mi", "Focus groups", Language.ENGLISH,
				"Moderator", "How did the training on summarizing go?",
				"MI Caseworker 1", "Summarizing was hard. Asking for permission felt unnatural to me.",
				"MI Caseworker 2", "The workload grew, and management never reduced our caseload during sick leave follow-up.",
				"Moderator", "So the sick-listed worker came first, and the leave itself was long.");
		interview = transcript(11, PROJECT, "intervju", "Interviews", Language.NORWEGIAN,
				"Intervjuer", "Hvordan var det å lære motiverende intervju?",
				"Saksbehandler 5", "Det var krevende, men de sykmeldte ble møtt på en ny måte. Vi fikk lite veiledning.");
		index.replaceDocument(focusGroup);
		index.replaceDocument(interview);
		index.replaceDocument(transcript(20, OTHER, "secret", "Focus groups", Language.ENGLISH, "Moderator",
				"Workload and summarizing belong to another project."));
	}

	@AfterEach
	void close() throws IOException {
		index.close();
	}

	SearchResult search(String query) {
		return index.search(SearchRequest.of(PROJECT, query));
	}

	/** The search with every hit located by {@code Weight.matches}, none counted from postings. */
	SearchResult located(SearchRequest request, CodeConstraints codes) {
		index.locateEveryHit = true;
		try {
			return index.search(request, codes);
		}
		finally {
			index.locateEveryHit = false;
		}
	}

	SearchResult located(String query) {
		return located(SearchRequest.of(PROJECT, query), CodeConstraints.NONE);
	}

	/** Counted and located results agree in totals, turns, per-document counts and rows. */
	void assertCountedAsLocated(String query) {
		assertCountedAsLocated(query, query);
	}

	void assertCountedAsLocated(String query, String description) {
		assertThat(HitCounter.of(new QueryFactory(QueryFactory.perLanguageAnalyzer()).parse(query))).as(description)
			.isPresent();
		SearchResult counted = search(query);
		SearchResult located = located(query);
		assertThat(counted.totalHits()).as(description).isEqualTo(located.totalHits());
		assertThat(counted.matchingTurns()).as(description).isEqualTo(located.matchingTurns());
		assertThat(counted.perDocument()).as(description).isEqualTo(located.perDocument());
		assertThat(counted).as(description).isEqualTo(located);
	}

	@Test
	void wordFindsEveryTurnOnce() {
		SearchResult r = search("workload");
		assertThat(r.totalHits()).isEqualTo(1);
		assertThat(r.matchingTurns()).isEqualTo(1);
		assertThat(r.hits()).singleElement().satisfies(h -> {
			assertThat(h.hit()).isEqualTo("workload");
			assertThat(h.speaker()).isEqualTo("MI Caseworker 2");
			assertThat(h.turnIndex()).isEqualTo(2);
		});
	}

	@Test
	void stemmingFindsOtherFormsOfAWord() {
		assertThat(search("summarize").hits()).extracting(KwicHit::hit).containsExactly("summarizing", "Summarizing");
	}

	@Test
	void phraseMatchesAsOneHitSpanningBothWords() {
		SearchResult r = search("\"sick leave\"");
		assertThat(r.totalHits()).isEqualTo(1);
		assertThat(r.hits().get(0).hit()).isEqualTo("sick leave");
	}

	@Test
	void proximityAllowsWordsInBetweenUpToTheSlop() {
		assertThat(search("\"reduced caseload\"").matchingTurns()).isZero();
		assertThat(search("\"reduced caseload\"~1").hits()).extracting(KwicHit::hit)
			.containsExactly("reduced our caseload");
		assertThat(search("\"management caseload\"~2").matchingTurns()).isZero();
		assertThat(search("\"management caseload\"~3").matchingTurns()).isEqualTo(1);
	}

	@Test
	void booleanOperatorsCombineWords() {
		assertThat(search("workload management").matchingTurns()).isEqualTo(1);
		assertThat(search("workload OR permission").matchingTurns()).isEqualTo(2);
		assertThat(search("summarizing NOT training").hits()).extracting(KwicHit::speaker)
			.containsExactly("MI Caseworker 1");
		assertThat(search("workload AND training").totalHits()).isZero();
	}

	@Test
	void wildcardAndFuzzyMatchVariants() {
		assertThat(search("manag*").hits()).extracting(KwicHit::hit).containsExactly("management");
		assertThat(search("Caselod~").hits()).extracting(KwicHit::hit).containsExactly("caseload");
	}

	@Test
	void filtersNarrowByGroupDocumentAndSpeaker() {
		assertThat(index.search(new SearchRequest(PROJECT, "det OR summarizing", "Interviews", null, null, 50))
			.hits()).allMatch(h -> h.documentName().equals("intervju"));
		assertThat(index.search(new SearchRequest(PROJECT, "summarizing", null, new DocumentId(11), null, 50))
			.totalHits()).isZero();
		assertThat(index.search(new SearchRequest(PROJECT, "summarizing", null, null, "Moderator", 50)).hits())
			.extracting(KwicHit::turnIndex)
			.containsExactly(0);
	}

	@Test
	void anotherProjectNeverContributesHits() {
		assertThat(search("another").totalHits()).isZero();
		assertThat(index.search(SearchRequest.of(OTHER, "workload")).totalHits()).isEqualTo(1);
		assertThat(index.turnCount(PROJECT)).isEqualTo(6);
	}

	@Test
	void norwegianIsAnalysedAsNorwegian() {
		assertThat(search("sykmeldte").hits()).extracting(KwicHit::hit).containsExactly("sykmeldte");
		assertThat(search("veiledningen").hits()).extracting(KwicHit::hit).containsExactly("veiledning");
		assertThat(search("måte").hits()).extracting(KwicHit::hit).containsExactly("måte");
	}

	@Test
	void kwicOffsetsPointAtTheHitInTheDocumentText() {
		for (String q : List.of("workload", "\"sick leave\"", "summar*", "veiledning", "permission")) {
			for (KwicHit h : search(q).hits()) {
				String text = h.documentName().equals("intervju") ? interview.text() : focusGroup.text();
				assertThat(text.substring(h.start(), h.end())).isEqualTo(h.hit());
				assertThat(text.substring(0, h.start())).endsWith(h.left().replace("…", ""));
			}
		}
	}

	@Test
	void contextIsAboutSixtyCharactersAndCutAtWords() {
		String text = "a".repeat(10) + " " + "word ".repeat(30) + "HIT";
		String left = TurnIndex.left(text, text.length() - 3);
		assertThat(left).startsWith("…word").hasSizeLessThanOrEqualTo(TurnIndex.CONTEXT + 1);
		String right = TurnIndex.right("HIT " + "word ".repeat(30), 3);
		assertThat(right).endsWith("word…").hasSizeLessThanOrEqualTo(TurnIndex.CONTEXT + 1);
	}

	@Test
	void rowsAreCappedButCountsStayComplete() {
		SearchResult r = index.search(new SearchRequest(PROJECT, "the OR and OR det", null, null, null, 2));
		assertThat(r.hits()).hasSize(2);
		assertThat(r.truncated()).isTrue();
		assertThat(r.totalHits()).isGreaterThan(2);
		assertThat(r.perDocument().stream().mapToInt(d -> d.hits()).sum()).isEqualTo(r.totalHits());
	}

	@Test
	void replacingADocumentDoesNotDuplicateItsTurns() {
		index.replaceDocument(focusGroup);
		index.replaceDocument(focusGroup);
		assertThat(search("workload").totalHits()).isEqualTo(1);
		assertThat(index.turnCount(PROJECT)).isEqualTo(6);
	}

	@Test
	void concurrentRebuildAndReplaceNeverDuplicateTurns() throws InterruptedException {
		for (int round = 0; round < 20; round++) {
			Thread rebuild = new Thread(() -> index.rebuild(List.of(new IndexedTranscript(focusGroup, Map.of()), new IndexedTranscript(interview, Map.of()))));
			Thread replace = new Thread(() -> index.replaceDocument(focusGroup));
			rebuild.start();
			replace.start();
			rebuild.join();
			replace.join();
			assertThat(index.turnCount(PROJECT)).isEqualTo(6);
		}
	}

	@Test
	void deleteAndRebuild() {
		index.deleteDocument(focusGroup.document().id());
		assertThat(search("workload").totalHits()).isZero();
		index.rebuild(List.of(new IndexedTranscript(focusGroup, Map.of())));
		assertThat(search("workload").totalHits()).isEqualTo(1);
		assertThat(search("sykmeldte").totalHits()).isZero();
	}

	@Test
	void unreadableQueriesAreExplained() {
		assertThatThrownBy(() -> search("\"sick leave")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("a quotation mark is not closed");
		assertThatThrownBy(() -> search("workload AND")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageStartingWith("cannot read the query 'workload AND': an operator");
		assertThatThrownBy(() -> search("*load")).hasMessageContaining("cannot start with *");
	}

	@Test
	void indexOnDiskSurvivesReopening(@TempDir Path folder) throws IOException {
		try (TurnIndex disk = TurnIndex.open(folder)) {
			disk.replaceDocument(focusGroup);
		}
		try (TurnIndex reopened = TurnIndex.open(folder)) {
			assertThat(reopened.search(SearchRequest.of(PROJECT, "caseload")).totalHits()).isEqualTo(1);
			assertThat(reopened.isEmpty()).isFalse();
		}
	}

	@Test
	void countsFromWordFrequenciesEqualCountsFromLocatedHits() {
		// "the" is counted from postings frequencies
		assertCountedAsLocated("the OR leave OR summar*");
		assertThat(search("the OR leave OR summar*").totalHits()).isGreaterThan(5);
	}

	@Test
	void countsOfPhrasesAndRepeatedWordsEqualCountsFromLocatedHits() {
		for (String query : List.of("\"sick leave\"", "\"sick leave\" NOT training", "\"sick leave\" OR leave", "the OR the OR th*", "\"the training\" OR \"the leave\" NOT worker",
				"\"asking for permission\" OR summarizing")) {
			assertCountedAsLocated(query);
			assertThat(search(query).totalHits()).as(query).isPositive();
		}
		assertThat(search("\"sick leave\" OR leave").totalHits()).isEqualTo(2);
	}

	@Test
	void countsOfProximityPhrasesEqualCountsFromLocatedHits() {
		index.replaceDocument(transcript(13, PROJECT, "near", "Interviews", Language.ENGLISH,
				"Interviewer", "The employer had a plan, and the plan was the employer's plan for the employer.",
				"Participant 1", "Plan employer plan employer plan: my employer never made a return to work plan.",
				"Interviewer", "Work to return, return work to, to work return, and back to work at last.",
				"Participant 1", "The plan the plan the plan.",
				"Participant 2", "A plan that an employer drew up with a doctor, a nurse and my employer again."));
		List<String> queries = List.of("\"employer plan\"~1", "\"employer plan\"~2", "\"employer plan\"~5",
				"\"employer plan\"~20", "\"plan employer\"~3", "\"return to work\"~1", "\"return to work\"~4",
				"\"work to return\"~4", "\"work return\"~2", "\"plan plan\"~2", "\"plan plan\"~6", "\"the plan the\"~3",
				"\"employer plan employer\"~4", "\"plan the plan\"~1", "\"employer plan\"~3 OR plan",
				"\"employer plan\"~3 OR \"employer plan\"", "\"employer plan\"~3 OR \"plan employer\"~3",
				"\"employer plan\"~4 NOT doctor", "\"employer plan\"~4 \"return to work\"", "\"sick leave\"~3 OR workload",
				"\"møtt måte\"~4", "\"employer plan\"~5 OR \"møtt måte\"~4 OR summar*");
		for (String query : queries) {
			assertCountedAsLocated(query);
		}
		// several near matches in one turn are several hits; overlapping ones are one, as the KWIC rows show them
		SearchResult near = search("\"employer plan\"~5");
		assertThat(near.matchingTurns()).isEqualTo(3);
		assertThat(near.totalHits()).isGreaterThan(near.matchingTurns());
		assertThat(near.perDocument()).extracting(d -> d.documentName() + "=" + d.hits())
			.containsExactly("near=" + near.totalHits());
	}

	@Test
	void countsOfProximityInsideACodeEqualCountsFromLocatedHits() {
		Turn turn = focusGroup.turns().get(2);
		int start = focusGroup.text().indexOf("management");
		index.replaceDocument(new IndexedTranscript(focusGroup, Map.of(2, java.util.Set.of(7L)),
				Map.of(2, List.of(new IndexedTranscript.CodedSpan(7, start, turn.end())))));
		var inside = new CodeConstraints(List.of(), java.util.Set.of(), java.util.Set.of(7L));
		for (String query : List.of("\"workload management\"~3", "\"management caseload\"~3", "\"sick leave\"~2 OR grew")) {
			SearchRequest request = SearchRequest.of(PROJECT, query);
			assertThat(index.search(request, inside)).as(query).isEqualTo(located(request, inside));
		}
		assertThat(index.search(SearchRequest.of(PROJECT, "\"management caseload\"~3"), inside).totalHits()).isOne();
		assertThat(index.search(SearchRequest.of(PROJECT, "\"workload management\"~3"), inside).totalHits()).isZero();
	}

	@Test
	void countsOfRandomProximityQueriesOverGeneratedTurnsEqualCountsFromLocatedHits() {
		// few words, so that turns hold many near, overlapping and repeated matches
		String[] words = { "plan", "employer", "work", "return", "to", "the", "leave" };
		for (long seed = 1; seed <= 6; seed++) {
			java.util.Random random = new java.util.Random(seed);
			for (int d = 0; d < 4; d++) {
				List<String> speakerAndWords = new ArrayList<>();
				for (int t = random.nextInt(20) + 1; t > 0; t--) {
					StringBuilder turn = new StringBuilder();
					for (int w = random.nextInt(40) + 1; w > 0; w--) {
						turn.append(words[random.nextInt(words.length)]).append(random.nextInt(8) == 0 ? ", " : " ");
					}
					speakerAndWords.add("Participant " + random.nextInt(3));
					speakerAndWords.add(turn.toString().strip());
				}
				index.replaceDocument(transcript(100 + d, PROJECT, "generated-" + d, "Generated", Language.ENGLISH,
						speakerAndWords.toArray(String[]::new)));
			}
			for (int q = 0; q < 40; q++) {
				String query = proximity(random, words, random.nextInt(3) + 2, 8);
				query = switch (random.nextInt(5)) {
					case 0 -> query + " OR " + words[random.nextInt(words.length)];
					case 1 -> query + " OR " + proximity(random, words, 2, 4);
					case 2 -> query + " NOT " + words[random.nextInt(words.length)];
					default -> query;
				};
				assertCountedAsLocated(query, query + " (seed " + seed + ")");
			}
		}
	}

	/** A proximity query of {@code n} words drawn from {@code words} (repeats allowed), slop 1 to {@code maxSlop}. */
	private static String proximity(java.util.Random random, String[] words, int n, int maxSlop) {
		StringBuilder phrase = new StringBuilder("\"");
		for (int i = 0; i < n; i++) {
			phrase.append(i == 0 ? "" : " ").append(words[random.nextInt(words.length)]);
		}
		return phrase.append("\"~").append(random.nextInt(maxSlop) + 1).toString();
	}

	@Test
	void rowsFollowDocumentNameAndTurnAcrossSegments() {
		// each replace commits its own segment; "a-late" is indexed last but sorts first
		index.replaceDocument(transcript(12, PROJECT, "a-late", "Focus groups", Language.ENGLISH, "Moderator",
				"The caseload again.", "Moderator", "And the caseload once more."));
		SearchResult r = search("caseload");
		assertThat(r.hits()).extracting(KwicHit::documentName).containsExactly("a-late", "a-late", "fg-mi");
		assertThat(r.hits()).extracting(KwicHit::turnIndex).containsExactly(0, 1, 2);
		assertThat(r.perDocument()).extracting(d -> d.documentName() + "=" + d.hits()).containsExactly("a-late=2",
				"fg-mi=1");
	}

	@Test
	void hitsInsideACodeAreFoundFromTheIndexedCodings() {
		Turn turn = focusGroup.turns().get(2);
		int start = focusGroup.text().indexOf("sick leave");
		index.replaceDocument(new IndexedTranscript(focusGroup, Map.of(2, java.util.Set.of(7L)),
				Map.of(2, List.of(new IndexedTranscript.CodedSpan(7, start, turn.end())))));
		var inside = new CodeConstraints(List.of(), java.util.Set.of(), java.util.Set.of(7L));
		SearchResult r = index.search(SearchRequest.of(PROJECT, "leave OR workload"), inside);
		assertThat(r.hits()).extracting(KwicHit::hit).containsExactly("leave");
		assertThat(r.totalHits()).isEqualTo(1);
		assertThat(index.search(SearchRequest.of(PROJECT, "workload"), inside).totalHits()).isZero();
	}

	@Test
	void anIndexFromBeforeTheCurrentFieldsIsEmptiedAndNeedsACheck(@TempDir Path folder) throws IOException {
		try (var old = new org.apache.lucene.index.IndexWriter(org.apache.lucene.store.FSDirectory.open(folder),
				new org.apache.lucene.index.IndexWriterConfig())) {
			var doc = new org.apache.lucene.document.Document();
			doc.add(new org.apache.lucene.document.StringField(TurnFields.PROJECT, PROJECT.toString(),
					org.apache.lucene.document.Field.Store.NO));
			old.addDocument(doc);
		}
		try (TurnIndex reopened = TurnIndex.open(folder)) {
			assertThat(reopened.isEmpty()).isTrue();
			assertThat(reopened.needsCheck()).isTrue();
			reopened.replaceDocument(focusGroup);
		}
		// closed before the check was done: the marker stays, so the next start checks again
		assertThat(folder.resolve(TurnIndex.UNCOMMITTED)).exists();
		try (TurnIndex again = TurnIndex.open(folder)) {
			assertThat(again.isEmpty()).isFalse();
			assertThat(again.needsCheck()).isTrue();
			again.checked();
		}
		try (TurnIndex trusted = TurnIndex.open(folder)) {
			assertThat(trusted.needsCheck()).isFalse();
		}
	}

	@Test
	void changesAreCommittedOnCloseAndTheMarkerIsRemoved(@TempDir Path folder) throws IOException {
		try (TurnIndex disk = TurnIndex.open(folder)) {
			assertThat(disk.needsCheck()).as("a new index").isTrue();
			disk.checked();
			disk.replaceDocument(focusGroup);
			assertThat(disk.search(SearchRequest.of(PROJECT, "caseload")).totalHits()).isEqualTo(1);
		}
		assertThat(folder.resolve(TurnIndex.UNCOMMITTED)).doesNotExist();
		try (TurnIndex reopened = TurnIndex.open(folder)) {
			assertThat(reopened.turnCount(PROJECT)).isEqualTo(4);
			assertThat(reopened.needsCheck()).isFalse();
		}
	}

	@Test
	void aGroupedCommitFollowsWithinTheDelay(@TempDir Path folder) throws IOException {
		try (TurnIndex disk = TurnIndex.open(folder)) {
			disk.checked();
			disk.replaceDocument(focusGroup);
			org.awaitility.Awaitility.await()
				.atMost(java.time.Duration.ofMillis(TurnIndex.COMMIT_DELAY_MS * 5))
				.until(() -> !java.nio.file.Files.exists(folder.resolve(TurnIndex.UNCOMMITTED)));
		}
	}

	@Test
	void aPromisedChangeKeepsTheMarkerUntilItIsApplied(@TempDir Path folder) throws IOException {
		try (TurnIndex disk = TurnIndex.open(folder)) {
			disk.checked();
			disk.replaceDocument(focusGroup);
			disk.commit();
			disk.expectChange();
			assertThat(folder.resolve(TurnIndex.UNCOMMITTED)).as("on disk before the event is done").exists();
			disk.commit();
			assertThat(folder.resolve(TurnIndex.UNCOMMITTED)).as("a commit before the change keeps it").exists();
		}
		// closed (or killed) before the promised change: the next open keeps the index and checks it
		assertThat(folder.resolve(TurnIndex.UNCOMMITTED)).exists();
		try (TurnIndex reopened = TurnIndex.open(folder)) {
			assertThat(reopened.turnCount(PROJECT)).isEqualTo(4);
			assertThat(reopened.needsCheck()).isTrue();
			reopened.expectChange();
			reopened.replaceDocument(interview);
			reopened.expectedChangeDone(true);
			reopened.checked();
		}
		assertThat(folder.resolve(TurnIndex.UNCOMMITTED)).doesNotExist();
		try (TurnIndex again = TurnIndex.open(folder)) {
			assertThat(again.turnCount(PROJECT)).isEqualTo(6);
			again.expectChange();
			again.expectedChangeDone(false);
		}
		assertThat(folder.resolve(TurnIndex.UNCOMMITTED)).as("a failed change keeps it for good").exists();
	}

	/**
	 * Issue 19: a killed Quire left the marker; the next start emptied the index, replayed events put a
	 * few documents back, and the index, no longer empty, was trusted. Now the index keeps its last
	 * commit and needs a check until one is done.
	 */
	@Test
	void anIndexLeftWithUncommittedChangesKeepsItsCommitAndNeedsACheck(@TempDir Path folder) throws IOException {
		try (TurnIndex disk = TurnIndex.open(folder)) {
			disk.checked();
			disk.replaceDocument(focusGroup);
		}
		// as a crash between a change and its commit leaves it
		java.nio.file.Files.createFile(folder.resolve(TurnIndex.UNCOMMITTED));
		try (TurnIndex reopened = TurnIndex.open(folder)) {
			assertThat(reopened.turnCount(PROJECT)).as("the last commit is kept").isEqualTo(4);
			assertThat(reopened.needsCheck()).isTrue();
			reopened.replaceDocument(interview); // a replayed event
		}
		assertThat(folder.resolve(TurnIndex.UNCOMMITTED)).as("not checked: still marked").exists();
		try (TurnIndex again = TurnIndex.open(folder)) {
			assertThat(again.needsCheck()).as("a replayed event does not make the index trusted").isTrue();
			again.checked();
		}
		assertThat(folder.resolve(TurnIndex.UNCOMMITTED)).doesNotExist();
	}

	@Test
	void aStaleMarkerNeverFailsARebuild(@TempDir Path folder) throws IOException {
		try (TurnIndex disk = TurnIndex.open(folder)) {
			disk.checked();
			disk.replaceDocument(focusGroup);
		}
		java.nio.file.Files.createFile(folder.resolve(TurnIndex.UNCOMMITTED));
		try (TurnIndex reopened = TurnIndex.open(folder)) {
			reopened.rebuild(List.of(new IndexedTranscript(interview, Map.of())));
			// someone removed the marker meanwhile: the next commit must not fail for it
			java.nio.file.Files.delete(folder.resolve(TurnIndex.UNCOMMITTED));
			reopened.rebuild(List.of(new IndexedTranscript(focusGroup, Map.of())));
			reopened.checked();
			assertThat(reopened.turnCount(PROJECT)).isEqualTo(4);
		}
		assertThat(folder.resolve(TurnIndex.UNCOMMITTED)).doesNotExist();
	}

	@Test
	void documentsAreListedWithTheirTurnsAndVersion() {
		var coded = new IndexedTranscript(focusGroup, Map.of(1, java.util.Set.of(7L)),
				Map.of(1, List.of(new IndexedTranscript.CodedSpan(7, 50, 60))));
		index.replaceDocument(coded);
		Map<DocumentId, TurnIndex.IndexedDocument> held = index.documents();
		assertThat(held).hasSize(3);
		assertThat(held.get(focusGroup.document().id())).isEqualTo(new TurnIndex.IndexedDocument(4, coded.version()));
		assertThat(held.get(interview.document().id()).version())
			.isEqualTo(IndexedTranscript.version(interview.document(), List.of()));
		assertThat(coded.version()).as("a coding changes the version")
			.isNotEqualTo(IndexedTranscript.version(focusGroup.document(), List.of()));
		index.deleteDocument(interview.document().id());
		assertThat(index.documents()).doesNotContainKey(interview.document().id());
	}

	/** Builds a transcript from speaker/words pairs, rendered as "Speaker: words" lines. */
	static Transcript transcript(long id, ProjectId project, String name, String group, Language language,
			String... speakerAndWords) {
		StringBuilder text = new StringBuilder();
		List<Turn> turns = new ArrayList<>();
		for (int i = 0; i < speakerAndWords.length; i += 2) {
			text.append(speakerAndWords[i]).append(": ");
			int start = text.length();
			text.append(speakerAndWords[i + 1]);
			turns.add(new Turn(i / 2, speakerAndWords[i], start, text.length(), (long) i * 1000, null));
			text.append('\n');
		}
		DocumentSummary summary = new DocumentSummary(new DocumentId(id), project, name, group, language, "txt",
				turns.size(), 0, Instant.now());
		return new Transcript(summary, text.toString(), turns);
	}

}

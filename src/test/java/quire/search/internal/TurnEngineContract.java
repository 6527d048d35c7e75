package quire.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import quire.corpus.DocumentId;
import quire.corpus.DocumentSummary;
import quire.corpus.Language;
import quire.corpus.Transcript;
import quire.corpus.Turn;
import quire.project.ProjectId;
import quire.search.KwicHit;
import quire.search.SearchRequest;
import quire.search.SearchResult;

/**
 * What every {@link TurnEngine} must do, as {@code TurnIndexTests} says it of the embedded index: the
 * same scenarios on small hand-made transcripts, run by one subclass per engine
 * ({@code LuceneTurnEngineContractTests}, {@code OpenSearchTurnEngineContractTests}), so both engines
 * answer a query alike.
 */
public abstract class TurnEngineContract {

	protected static final ProjectId PROJECT = new ProjectId(1);

	protected static final ProjectId OTHER = new ProjectId(2);

	protected TurnEngine engine;

	protected Transcript focusGroup;

	protected Transcript interview;

	/** A new, empty engine of the kind under test. */
	protected abstract TurnEngine openEmpty() throws IOException;

	/** Called after each test, with the engine closed. */
	protected void discard() {
	}

	@BeforeEach
	void indexTranscripts() throws IOException {
		engine = openEmpty();
		focusGroup = focusGroup();
		interview = interview();
		engine.replaceDocument(new IndexedTranscript(focusGroup, Map.of()));
		engine.replaceDocument(new IndexedTranscript(interview, Map.of()));
		engine.replaceDocument(new IndexedTranscript(transcript(20, OTHER, "secret", "Focus groups", Language.ENGLISH,
				"Moderator", "Workload and summarizing belong to another project."), Map.of()));
	}

	@AfterEach
	void close() throws IOException {
		engine.close();
		discard();
	}

	/** The focus group the scenarios search (document 10). */
	public static Transcript focusGroup() {
		return transcript(10, PROJECT, "fg-mi", "Focus groups", Language.ENGLISH,
				"Moderator", "How did the training on summarizing go?",
				"MI Caseworker 1", "Summarizing was hard. Asking for permission felt unnatural to me.",
				"MI Caseworker 2", "The workload grew, and management never reduced our caseload during sick leave follow-up.",
				"Moderator", "So the sick-listed worker came first, and the leave itself was long.");
	}

	/** The Norwegian interview the scenarios search (document 11). */
	public static Transcript interview() {
		return transcript(11, PROJECT, "intervju", "Interviews", Language.NORWEGIAN,
				"Intervjuer", "Hvordan var det å lære motiverende intervju?",
				"Saksbehandler 5", "Det var krevende, men de sykmeldte ble møtt på en ny måte. Vi fikk lite veiledning.");
	}

	protected SearchResult search(String query) {
		return engine.search(SearchRequest.of(PROJECT, query));
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
		assertThat(engine.search(new SearchRequest(PROJECT, "det OR summarizing", "Interviews", null, null, 50))
			.hits()).isNotEmpty().allMatch(h -> h.documentName().equals("intervju"));
		assertThat(engine.search(new SearchRequest(PROJECT, "summarizing", null, new DocumentId(11), null, 50))
			.totalHits()).isZero();
		assertThat(engine.search(new SearchRequest(PROJECT, "summarizing", null, null, "Moderator", 50)).hits())
			.extracting(KwicHit::turnIndex)
			.containsExactly(0);
	}

	@Test
	void anotherProjectNeverContributesHits() {
		assertThat(search("another").totalHits()).isZero();
		assertThat(engine.search(SearchRequest.of(OTHER, "workload")).totalHits()).isEqualTo(1);
		assertThat(engine.turnCount(PROJECT)).isEqualTo(6);
	}

	@Test
	void norwegianIsAnalysedAsNorwegianInBothWrittenStandards() {
		assertThat(search("sykmeldte").hits()).extracting(KwicHit::hit).containsExactly("sykmeldte");
		assertThat(search("veiledningen").hits()).extracting(KwicHit::hit).containsExactly("veiledning");
		assertThat(search("måte").hits()).extracting(KwicHit::hit).containsExactly("måte");
		// Nynorsk plural: "bilane" and Bokmål "bilene" both stem to "bil"
		engine.replaceDocument(new IndexedTranscript(transcript(14, PROJECT, "nynorsk", "Interviews", Language.NORWEGIAN,
				"Deltakar 1", "Bilane stod ute, og motiverande samtalar hjelpte."), Map.of()));
		assertThat(search("bilene").hits()).extracting(KwicHit::hit).containsExactly("Bilane");
		assertThat(search("motiverende").hits()).extracting(KwicHit::hit).containsExactly("motiverende", "motiverande");
	}

	@Test
	void kwicOffsetsPointAtTheHitInTheDocumentText() {
		for (String q : List.of("workload", "\"sick leave\"", "summar*", "veiledning", "permission")) {
			List<KwicHit> hits = search(q).hits();
			assertThat(hits).as(q).isNotEmpty();
			for (KwicHit h : hits) {
				String text = h.documentName().equals("intervju") ? interview.text() : focusGroup.text();
				assertThat(text.substring(h.start(), h.end())).isEqualTo(h.hit());
				assertThat(text.substring(0, h.start())).endsWith(h.left().replace("…", ""));
			}
		}
	}

	@Test
	void rowsAreCappedButCountsStayComplete() {
		SearchResult r = engine.search(new SearchRequest(PROJECT, "the OR and OR det", null, null, null, 2));
		assertThat(r.hits()).hasSize(2);
		assertThat(r.truncated()).isTrue();
		assertThat(r.totalHits()).isGreaterThan(2);
		assertThat(r.perDocument().stream().mapToInt(d -> d.hits()).sum()).isEqualTo(r.totalHits());
	}

	@Test
	void replacingADocumentDoesNotDuplicateItsTurns() {
		engine.replaceDocument(new IndexedTranscript(focusGroup, Map.of()));
		engine.replaceDocument(new IndexedTranscript(focusGroup, Map.of()));
		assertThat(search("workload").totalHits()).isEqualTo(1);
		assertThat(engine.turnCount(PROJECT)).isEqualTo(6);
	}

	@Test
	void aShorterVersionOfADocumentLeavesNoOldTurns() {
		engine.replaceDocument(new IndexedTranscript(transcript(10, PROJECT, "fg-mi", "Focus groups", Language.ENGLISH,
				"Moderator", "Only the workload remains."), Map.of()));
		assertThat(engine.turnCount(PROJECT)).isEqualTo(3);
		assertThat(search("summarizing").totalHits()).isZero();
		assertThat(engine.documents().get(focusGroup.document().id()).turns()).isEqualTo(1);
	}

	@Test
	void concurrentRebuildAndReplaceNeverDuplicateTurns() throws InterruptedException {
		for (int round = 0; round < 3; round++) {
			Thread rebuild = new Thread(() -> engine.rebuild(List.of(new IndexedTranscript(focusGroup, Map.of()),
					new IndexedTranscript(interview, Map.of()))));
			Thread replace = new Thread(() -> engine.replaceDocument(new IndexedTranscript(focusGroup, Map.of())));
			rebuild.start();
			replace.start();
			rebuild.join();
			replace.join();
			assertThat(engine.turnCount(PROJECT)).isEqualTo(6);
		}
	}

	@Test
	void deleteAndRebuild() {
		engine.deleteDocument(focusGroup.document().id());
		assertThat(search("workload").totalHits()).isZero();
		engine.rebuild(List.of(new IndexedTranscript(focusGroup, Map.of())));
		assertThat(search("workload").totalHits()).isEqualTo(1);
		assertThat(search("sykmeldte").totalHits()).isZero();
		engine.deleteProject(PROJECT);
		assertThat(engine.turnCount(PROJECT)).isZero();
		assertThat(engine.isEmpty()).isTrue();
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
	void rowsFollowDocumentNameAndTurn() {
		engine.replaceDocument(new IndexedTranscript(transcript(12, PROJECT, "a-late", "Focus groups", Language.ENGLISH,
				"Moderator", "The caseload again.", "Moderator", "And the caseload once more."), Map.of()));
		SearchResult r = search("caseload");
		assertThat(r.hits()).extracting(KwicHit::documentName).containsExactly("a-late", "a-late", "fg-mi");
		assertThat(r.hits()).extracting(KwicHit::turnIndex).containsExactly(0, 1, 2);
		assertThat(r.perDocument()).extracting(d -> d.documentName() + "=" + d.hits()).containsExactly("a-late=2",
				"fg-mi=1");
	}

	@Test
	void severalNearMatchesInOneTurnAreSeveralHits() {
		engine.replaceDocument(new IndexedTranscript(transcript(13, PROJECT, "near", "Interviews", Language.ENGLISH,
				"Interviewer", "The employer had a plan, and the plan was the employer's plan for the employer.",
				"Participant 1", "Plan employer plan employer plan: my employer never made a return to work plan.",
				"Participant 2", "A plan that an employer drew up with a doctor, a nurse and my employer again."), Map.of()));
		SearchResult near = search("\"employer plan\"~5");
		assertThat(near.matchingTurns()).isEqualTo(3);
		assertThat(near.totalHits()).isGreaterThan(near.matchingTurns());
		assertThat(near.perDocument()).extracting(d -> d.documentName() + "=" + d.hits())
			.containsExactly("near=" + near.totalHits());
	}

	@Test
	void codeFiltersNarrowToCodedTurnsAndHitsInsideACode() {
		Turn turn = focusGroup.turns().get(2);
		int start = focusGroup.text().indexOf("sick leave");
		engine.replaceDocument(new IndexedTranscript(focusGroup, Map.of(2, Set.of(7L), 1, Set.of(8L)),
				Map.of(2, List.of(new IndexedTranscript.CodedSpan(7, start, turn.end())))));
		var inside = new CodeConstraints(List.of(), Set.of(), Set.of(7L));
		SearchResult r = engine.search(SearchRequest.of(PROJECT, "leave OR workload"), inside);
		assertThat(r.hits()).extracting(KwicHit::hit).containsExactly("leave");
		assertThat(r.totalHits()).isEqualTo(1);
		assertThat(engine.search(SearchRequest.of(PROJECT, "workload"), inside).totalHits()).isZero();
		var codedWith = new CodeConstraints(List.of(Set.of(7L, 8L)), Set.of(), null);
		assertThat(engine.search(SearchRequest.of(PROJECT, "the OR summarizing"), codedWith).hits())
			.extracting(KwicHit::turnIndex)
			.containsOnly(1, 2);
		var notCoded = new CodeConstraints(List.of(), Set.of(8L), null);
		assertThat(engine.search(SearchRequest.of(PROJECT, "summarizing"), notCoded).hits())
			.extracting(KwicHit::turnIndex)
			.containsExactly(0);
		var codedWithNothing = new CodeConstraints(List.of(Set.of()), Set.of(), null);
		assertThat(engine.search(SearchRequest.of(PROJECT, "summarizing"), codedWithNothing).totalHits()).isZero();
	}

	@Test
	void documentsAreListedWithTheirTurnsAndVersion() {
		var coded = new IndexedTranscript(focusGroup, Map.of(1, Set.of(7L)),
				Map.of(1, List.of(new IndexedTranscript.CodedSpan(7, 50, 60))));
		engine.replaceDocument(coded);
		Map<DocumentId, TurnEngine.IndexedDocument> held = engine.documents();
		assertThat(held).hasSize(3);
		assertThat(held.get(focusGroup.document().id())).isEqualTo(new TurnEngine.IndexedDocument(4, coded.version()));
		assertThat(held.get(interview.document().id()).version())
			.isEqualTo(IndexedTranscript.version(interview.document(), List.of()));
		engine.deleteDocument(interview.document().id());
		assertThat(engine.documents()).doesNotContainKey(interview.document().id());
	}

	@Test
	void aNewIndexNeedsACheckUntilItIsChecked() throws IOException {
		try (TurnEngine fresh = openEmpty()) {
			assertThat(fresh.needsCheck()).isTrue();
			fresh.checked();
			assertThat(fresh.needsCheck()).isFalse();
		}
	}

	/** Builds a transcript from speaker/words pairs, rendered as "Speaker: words" lines. */
	public static Transcript transcript(long id, ProjectId project, String name, String group, Language language,
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

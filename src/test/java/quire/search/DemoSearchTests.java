package quire.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import quire.SharedHome;
import quire.corpus.CorpusService;
import quire.corpus.DemoProject;
import quire.corpus.DocumentSummary;
import quire.corpus.Transcript;
import quire.project.Project;
import quire.project.ProjectService;

/**
 * Search over the demo corpus, end to end through the services: the demo import publishes events,
 * the index follows them, and every keyword-in-context row points at the right characters.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoSearchTests implements SharedHome {

	@Autowired
	DemoProject demo;

	@Autowired
	ProjectService projects;

	@Autowired
	CorpusService corpus;

	@Autowired
	SearchService search;

	@Autowired
	quire.coding.CodebookService codebook;

	@Autowired
	quire.coding.CodingService codings;

	Project project;

	@BeforeAll
	void createDemo() {
		project = projects.findByName(DemoProject.NAME).orElseGet(demo::create);
		await().atMost(Duration.ofSeconds(60))
			.until(() -> search.indexedTurns(project.id()) == corpus.documents(project.id())
				.stream()
				.mapToLong(DocumentSummary::turnCount)
				.sum());
	}

	@Test
	void demoProjectHasTheSixDocumentsInTheirGroups() {
		assertThat(corpus.documents(project.id())).hasSize(6)
			.extracting(DocumentSummary::group)
			.contains("Focus group — MI caseworkers", "Focus group — MI-substitute caseworkers", "MI sessions",
					"Interviews");
		assertThat(corpus.documents(project.id())).extracting(DocumentSummary::format)
			.contains("txt", "docx", "vtt", "srt");
	}

	@Test
	void phraseSearchReturnsKwicRowsThatPointAtTheHit() {
		SearchResult result = search.search(SearchRequest.of(project.id(), "\"sick leave\""));

		assertThat(result.totalHits()).isGreaterThan(3);
		assertThat(result.perDocument()).hasSizeGreaterThan(1);
		assertThat(result.perDocument().stream().mapToInt(DocumentHits::hits).sum()).isEqualTo(result.totalHits());
		for (KwicHit hit : result.hits()) {
			Transcript t = corpus.transcript(hit.document()).orElseThrow();
			assertThat(t.text().substring(hit.start(), hit.end())).isEqualTo(hit.hit());
			assertThat(hit.hit().toLowerCase()).startsWith("sick").endsWith("leave");
			assertThat(hit.left().length()).isLessThanOrEqualTo(62);
			assertThat(hit.right().length()).isLessThanOrEqualTo(62);
			assertThat(t.turns().get(hit.turnIndex()).start()).isLessThanOrEqualTo(hit.start());
		}
	}

	@Test
	void filtersNarrowByGroupAndSpeaker() {
		SearchResult all = search.search(SearchRequest.of(project.id(), "summar*"));
		SearchResult group = search.search(new SearchRequest(project.id(), "summar*", "Focus group — MI caseworkers",
				null, null, 500));
		SearchResult speaker = search
			.search(new SearchRequest(project.id(), "summar*", null, null, "Moderator", 500));

		assertThat(group.totalHits()).isPositive().isLessThan(all.totalHits());
		assertThat(group.hits()).allMatch(h -> h.documentName().equals("focus-group-mi-caseworkers"));
		assertThat(speaker.hits()).allMatch(h -> "Moderator".equals(h.speaker()));
	}

	@Test
	void norwegianTextIsFoundWithItsOwnLetters() {
		SearchResult result = search.search(SearchRequest.of(project.id(), "sykmeldte"));
		assertThat(result.totalHits()).isPositive();
		assertThat(result.hits()).allMatch(h -> h.documentName().equals("intervju-saksbehandler"));
	}

	@Test
	void unreadableQueryIsExplained() {
		assertThatThrownBy(() -> search.search(SearchRequest.of(project.id(), "\"sick leave")))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("cannot read the query");
	}

	@Test
	void otherProjectsNeverContributeHits() {
		Project other = projects.create("Empty neighbour " + System.nanoTime(), "");
		assertThat(search.search(SearchRequest.of(other.id(), "workload")).totalHits()).isZero();
	}

	@Test
	void rebuildGivesTheSameAnswers() {
		int before = search.search(SearchRequest.of(project.id(), "management")).totalHits();
		search.rebuild();
		assertThat(search.search(SearchRequest.of(project.id(), "management")).totalHits()).isEqualTo(before);
	}

	@Test
	void demoHasTheReAimCodebookThemesAndTwoCodersCodings() {
		var codes = codebook.codes(project.id());
		assertThat(codes.stream().filter(c -> c.parentId() == null).map(quire.coding.Code::name))
			.containsExactly("Reach", "Effectiveness", "Adoption", "Implementation", "Maintenance",
					"MITI 4.2.1 behaviour codes");
		assertThat(codebook.findCode(project.id(), "Implementation › Resource-intensive RTW follow-up")).isPresent();
		assertThat(codings.coders(project.id())).containsExactly("Anna", "Jonas");
		var focusGroups = corpus.documents(project.id()).stream()
			.filter(d -> d.name().startsWith("focus-group"))
			.map(DocumentSummary::id)
			.toList();
		assertThat(codings.codings(project.id(), null).stream().filter(c -> focusGroups.contains(c.documentId())))
			.hasSize(269);
	}

	/** The (document, turn) pairs whose turn overlaps a coding of the code or its sub-codes. */
	java.util.Set<String> turnsCodedWith(String codeName) {
		var root = codebook.findCode(project.id(), codeName).orElseThrow();
		var ids = codebook.codes(project.id()).stream()
			.filter(c -> c.path().equals(root.path()) || c.path().startsWith(root.path() + " › "))
			.map(quire.coding.Code::id)
			.toList();
		java.util.Set<String> turns = new java.util.HashSet<>();
		for (var c : codings.codings(project.id(), null)) {
			if (ids.contains(c.codeId())) {
				Transcript t = corpus.transcript(c.documentId()).orElseThrow();
				t.turns().stream().filter(turn -> c.overlaps(turn.start(), turn.end()))
					.forEach(turn -> turns.add(c.documentId().value() + ":" + turn.index()));
			}
		}
		return turns;
	}

	@Test
	void codeFiltersNarrowToTurnsCodedOrNotCodedAndToTextWithinCodings() {
		var maintenance = codebook.findCode(project.id(), "Maintenance").orElseThrow().id();
		var practice = codebook.findCode(project.id(), "Need for continued practice").orElseThrow();
		java.util.Set<String> coded = turnsCodedWith("Maintenance");
		SearchRequest all = new SearchRequest(project.id(), "practi* OR time OR MI", null, null, null, 100_000);
		var everything = search.search(all).hits();
		var expectedCoded = everything.stream().filter(h -> coded.contains(h.document().value() + ":" + h.turnIndex())).toList();

		// the index follows coding events asynchronously: wait until it has caught up with the demo's codings
		await().atMost(Duration.ofSeconds(60))
			.until(() -> search.search(all.withCodes(new CodeFilter(java.util.List.of(maintenance), java.util.List.of(), null)))
				.hits().size() == expectedCoded.size());
		var onlyCoded = search.search(all.withCodes(new CodeFilter(java.util.List.of(maintenance), java.util.List.of(), null)));
		assertThat(onlyCoded.hits()).isNotEmpty().containsExactlyElementsOf(expectedCoded);

		var notCoded = search.search(all.withCodes(new CodeFilter(java.util.List.of(), java.util.List.of(maintenance), null)));
		assertThat(notCoded.totalHits()).isEqualTo(everything.size() - expectedCoded.size());

		var within = search.search(all.withCodes(new CodeFilter(java.util.List.of(), java.util.List.of(), practice.id())));
		var ranges = codings.codings(project.id(), null).stream().filter(c -> c.codeId().equals(practice.id())).toList();
		assertThat(within.hits()).isNotEmpty().allSatisfy(h -> assertThat(ranges)
			.anySatisfy(c -> {
				assertThat(c.documentId()).isEqualTo(h.document());
				assertThat(c.start()).isLessThanOrEqualTo(h.start());
				assertThat(c.end()).isGreaterThanOrEqualTo(h.end());
			}));
	}

	@Test
	void anUnknownCodeInAFilterIsAClearError() {
		assertThatThrownBy(() -> search.search(SearchRequest.of(project.id(), "MI")
			.withCodes(new CodeFilter(java.util.List.of(new quire.coding.CodeId(987654)), java.util.List.of(), null))))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("no code with id 987654");
	}

}

package quire.search.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;

import com.vaadin.browserless.ViewPackages;
import java.util.Map;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;

import quire.SignedInBrowserlessTest;
import quire.corpus.CorpusService;
import quire.corpus.ImportRequest;
import quire.corpus.Language;
import quire.project.Project;
import quire.project.ProjectService;
import quire.search.SearchService;
import quire.search.KwicHit;

/** The search view without a browser: query, filters, KWIC rows, and opening a hit. */
@WithUserDetails(value = SignedInBrowserlessTest.RESEARCHER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
@SpringBootTest
@ViewPackages(packages = "quire")
class SearchViewTests extends SignedInBrowserlessTest {

	@Autowired
	ProjectService projects;

	@Autowired
	CorpusService corpus;

	@Autowired
	SearchService search;

	Project project;

	@BeforeEach
	void importTranscript() {
		project = projects.findByName("Search views").orElseGet(() -> {
			Project p = projects.create("Search views", "");
			corpus.importDocument(p.id(), new ImportRequest("fg.txt", """
					[00:00:02] Moderator: How was the workload during the project?
					[00:00:07] MI Caseworker 1: The workload grew, and management never reduced our caseload.
					[00:00:15] MI Caseworker 2: Supervision helped with the workload though.
					""".getBytes(StandardCharsets.UTF_8), "Focus groups", Language.ENGLISH));
			return p;
		});
		await().atMost(Duration.ofSeconds(30)).until(() -> search.indexedTurns(project.id()) == 3);
		// the researcher has other projects too (one test adds one); these tests work in "Search views"
		context.getBean(quire.ui.CurrentProject.class).select(project.id());
	}

	/** Opens the view as a bookmarked search URL would. */
	void open(Map<String, String> query) {
		UI.getCurrent().navigate("search", QueryParameters.simple(query));
	}

	@Test
	void searchShowsKwicRowsAndCounts() {
		navigate(SearchView.class);
		test($(TextField.class).withId("query").single()).setValue("workload");
		test($(Button.class).withId("search-button").single()).click();

		@SuppressWarnings("unchecked")
		Grid<KwicHit> grid = $(Grid.class).withId("kwic").single();
		assertThat(test(grid).size()).isEqualTo(3);
		assertThat(test(grid).getCellText(0, 3)).isEqualTo("workload");
		assertThat($(Span.class).withId("search-summary").single().getText())
			.isEqualTo("3 hits in 3 turns of 1 document");
	}

	@Autowired
	org.springframework.context.ApplicationContext context;

	@Test
	void hitCountsOfManyDocumentsShowTheFirstAndAButtonForTheRest() {
		Project many = projects.findByName("Many documents").orElseGet(() -> {
			Project p = projects.create("Many documents", "");
			for (int i = 0; i < SearchView.CHIPS_SHOWN + 5; i++) {
				corpus.importDocument(p.id(), new ImportRequest(String.format("doc-%02d.txt", i),
						("Moderator: The workload in meeting " + i + ".").getBytes(StandardCharsets.UTF_8), null,
						Language.ENGLISH));
			}
			return p;
		});
		await().atMost(Duration.ofSeconds(30)).until(() -> search.indexedTurns(many.id()) == SearchView.CHIPS_SHOWN + 5);
		context.getBean(quire.ui.CurrentProject.class).select(many.id());

		open(Map.of("q", "workload"));
		assertThat($(Span.class).withClassName("quire-chip").all()).hasSize(SearchView.CHIPS_SHOWN)
			.first()
			.extracting(Span::getText)
			.isEqualTo("doc-00 1");
		Button more = $(Button.class).withId("more-documents").single();
		assertThat(more.getText()).isEqualTo("and 5 more documents");

		test(more).click();
		assertThat($(Span.class).withClassName("quire-chip").all()).hasSize(SearchView.CHIPS_SHOWN + 5);
		assertThat($(Button.class).withId("more-documents").all()).isEmpty();
	}

	@Test
	void speakerFilterComesFromTheUrl() {
		open(Map.of("q", "workload", "speaker", "MI Caseworker 2"));

		@SuppressWarnings("unchecked")
		Grid<KwicHit> grid = $(Grid.class).withId("kwic").single();
		assertThat(test(grid).size()).isEqualTo(1);
		assertThat(test(grid).getRow(0).speaker()).isEqualTo("MI Caseworker 2");
	}

	@Test
	void unreadableQueryIsShownOnTheField() {
		open(Map.of("q", "\"workload"));

		TextField query = $(TextField.class).withId("query").single();
		assertThat(query.isInvalid()).isTrue();
		assertThat(query.getErrorMessage()).contains("cannot read the query");
	}

	@Test
	void clickingARowOpensTheTranscriptAtTheHit() {
		open(Map.of("q", "caseload"));
		@SuppressWarnings("unchecked")
		Grid<KwicHit> grid = $(Grid.class).withId("kwic").single();

		test(grid).clickRow(0);

		// the transcript's turns are server-built HTML: read the hit from the turns as the browser gets them
		var hits = $(com.vaadin.flow.component.html.Div.class).withClassName("quire-turn")
			.all()
			.stream()
			.map(turn -> org.jsoup.Jsoup.parseBodyFragment(turn.getElement().getProperty("innerHTML", "")).getElementById("hit"))
			.filter(java.util.Objects::nonNull)
			.toList();
		assertThat(hits).singleElement().satisfies(hit -> assertThat(hit.text()).isEqualTo("caseload"));
	}

	@Autowired
	quire.coding.CodebookService codebook;

	@Autowired
	quire.coding.CodingService codings;

	@Test
	void everyHitIsCodedAtItsSentenceAfterAPreview() {
		var code = codebook.findCode(project.id(), "Workload").orElseGet(() -> codebook.create(project.id(), null,
				quire.coding.CodeDraft.named("Workload", "#D62728")));
		var document = corpus.documents(project.id()).get(0);
		codings.codings(document.id(), null).forEach(c -> codings.remove(c.id()));
		open(Map.of("q", "workload"));
		test($(Button.class).withId("code-all-hits").single()).click();
		@SuppressWarnings("unchecked")
		com.vaadin.flow.component.combobox.ComboBox<quire.coding.Code> picker = $(com.vaadin.flow.component.combobox.ComboBox.class)
			.withId("code-all-code").single();
		test(picker).selectItem("Workload");
		// three hits in three sentences of three turns
		assertThat($(Span.class).withId("code-all-preview").single().getText()).contains("3 new codings");
		test($(Button.class).withId("code-all-confirm").single()).click();

		var made = codings.codings(document.id(), null);
		assertThat(made).hasSize(3).allSatisfy(c -> assertThat(c.codeId()).isEqualTo(code.id()));
		String text = corpus.transcript(document.id()).orElseThrow().text();
		assertThat(made).extracting(c -> text.substring(c.start(), c.end()))
			.contains("The workload grew, and management never reduced our caseload.");
	}

}

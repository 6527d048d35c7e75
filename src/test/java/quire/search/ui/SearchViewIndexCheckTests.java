package quire.search.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;

import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.QueryParameters;

import quire.SignedInBrowserlessTest;
import quire.corpus.CorpusService;
import quire.corpus.ImportRequest;
import quire.corpus.Language;
import quire.project.Project;
import quire.project.ProjectService;
import quire.search.SearchService;
import quire.search.internal.IndexCheckProgress;

/**
 * "Code all hits" while the search index is checked after an unclean stop: the search may miss
 * documents, so coding "all" hits would code some of them. The button waits, says why, and comes back
 * when the check is done. The check is put in progress through the progress the real check advances.
 */
@WithUserDetails(value = SignedInBrowserlessTest.RESEARCHER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
@SpringBootTest
@ViewPackages(packages = "quire")
class SearchViewIndexCheckTests extends SignedInBrowserlessTest {

	@Autowired
	ProjectService projects;

	@Autowired
	CorpusService corpus;

	@Autowired
	SearchService search;

	@Autowired
	IndexCheckProgress checkProgress;

	Project project;

	@BeforeEach
	void importTranscript() {
		project = projects.findByName("Search view index check").orElseGet(() -> {
			Project p = projects.create("Search view index check", "");
			corpus.importDocument(p.id(), new ImportRequest("check.txt", """
					[00:00:02] Moderator: How did the rota feel?
					[00:00:07] Nurse 1: The rota was hard, every rota change came late.
					""".getBytes(StandardCharsets.UTF_8), null, Language.ENGLISH));
			return p;
		});
		await().atMost(Duration.ofSeconds(30)).until(() -> search.indexedTurns(project.id()) == 2);
		// the shared home's own check at start-up, if it ran one, is over before these tests begin one
		await().atMost(Duration.ofSeconds(30)).until(() -> search.indexCheck().isEmpty());
		workIn(project.id());
	}

	@AfterEach
	void endCheck() {
		checkProgress.started(0); // clears a failure a test left
		checkProgress.finished();
	}

	@Test
	void codeAllHitsIsDisabledWithTheReasonWhileTheIndexIsCheckedAndReturnsWhenTheCheckIsDone() {
		checkProgress.started(7);
		open("rota");

		Button codeAll = $(Button.class).withId("code-all-hits").single();
		Span reason = $(Span.class).withId("code-all-reason").single();
		assertThat(codeAll.isVisible()).isTrue();
		assertThat(codeAll.isEnabled()).isFalse();
		assertThat(reason.isVisible()).isTrue();
		assertThat(reason.getText()).isEqualTo(SearchView.CODE_ALL_WAITS);
		assertThat(summary()).startsWith("The search index is being checked after an unclean stop: 0 of 7 documents");
		assertThat(UI.getCurrent().getPollInterval()).isEqualTo(SearchView.CHECK_POLL_MS);

		checkProgress.documentChecked();
		poll();
		assertThat(codeAll.isEnabled()).as("still checking").isFalse();

		checkProgress.finished();
		poll();
		assertThat(codeAll.isEnabled()).isTrue();
		assertThat(reason.isVisible()).isFalse();
		assertThat(summary()).isEqualTo("3 hits in 2 turns of 1 document");
		assertThat(UI.getCurrent().getPollInterval()).as("polling stops with the check").isEqualTo(-1);
	}

	@Test
	void aCheckThatBeginsAfterTheSearchStopsCodeAllHitsBeforeItsDialog() {
		open("rota");
		Button codeAll = $(Button.class).withId("code-all-hits").single();
		assertThat(codeAll.isEnabled()).isTrue();
		assertThat($(Span.class).withId("code-all-reason").all()).as("no reason shown").isEmpty();
		assertThat(UI.getCurrent().getPollInterval()).isEqualTo(-1);

		checkProgress.started(7);
		test(codeAll).click();

		assertThat($(Dialog.class).all()).isEmpty();
		assertThat(codeAll.isEnabled()).isFalse();
		assertThat($(Span.class).withId("code-all-reason").single().getText()).isEqualTo(SearchView.CODE_ALL_WAITS);
	}

	/**
	 * A check that fails leaves the index unchecked: searches may still miss documents, so "Code all hits"
	 * stays off and says what to do, and the page stops polling for a check that is over.
	 */
	@Test
	void codeAllHitsStaysDisabledAndSaysToRebuildWhenTheCheckFails() {
		checkProgress.started(7);
		open("rota");
		Button codeAll = $(Button.class).withId("code-all-hits").single();
		assertThat(codeAll.isEnabled()).isFalse();

		checkProgress.failed("disk full");
		checkProgress.finished();
		poll();

		Span reason = $(Span.class).withId("code-all-reason").single();
		assertThat(codeAll.isEnabled()).as("the failed check leaves the index unchecked").isFalse();
		assertThat(reason.getText()).isEqualTo(SearchView.CODE_ALL_INCOMPLETE).contains("search may be incomplete")
			.contains("index rebuild");
		assertThat(summary()).startsWith("The search index could not be checked after an unclean stop (disk full)");
		assertThat(UI.getCurrent().getPollInterval()).as("nothing left to wait for").isEqualTo(-1);

		open("rota"); // a new search after the failure: still off
		assertThat($(Button.class).withId("code-all-hits").single().isEnabled()).isFalse();
		assertThat($(Span.class).withId("code-all-reason").single().getText()).isEqualTo(SearchView.CODE_ALL_INCOMPLETE);
	}

	private void open(String query) {
		UI.getCurrent().navigate("search", QueryParameters.simple(Map.of("q", query)));
	}

	private String summary() {
		return $(Span.class).withId("search-summary").single().getText();
	}

	private static void poll() {
		UI ui = UI.getCurrent();
		ComponentUtil.fireEvent(ui, new PollEvent(ui, true));
	}

}

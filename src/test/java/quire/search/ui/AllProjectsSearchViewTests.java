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
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;

import quire.SignedInBrowserlessTest;
import quire.corpus.CorpusService;
import quire.corpus.ImportRequest;
import quire.corpus.Language;
import quire.project.Project;
import quire.project.ProjectService;
import quire.search.SearchService;
import quire.security.Actors;
import quire.security.UserService;

/** Searching all my projects: hits grouped by project, and another team's project never shows up. */
@WithUserDetails(value = SignedInBrowserlessTest.RESEARCHER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
@SpringBootTest
@ViewPackages(packages = "quire")
class AllProjectsSearchViewTests extends SignedInBrowserlessTest {

	@Autowired
	ProjectService projects;

	@Autowired
	CorpusService corpus;

	@Autowired
	SearchService search;

	@Autowired
	UserService accounts;

	@Autowired
	Actors actors;

	@BeforeEach
	void twoTeams() {
		if (projects.findByName("Mine A").isPresent()) {
			return;
		}
		Project a = projects.create("Mine A", "");
		Project b = projects.create("Mine B", "");
		var other = accounts.create("otherteam", "Other Team", "other-team-password", false);
		Project secret = actors.callAs(other, () -> projects.create("Other team's study", ""));
		load(a, "a.txt", "Moderator: Rostering?\nMI Caseworker 1: The rostering is heavy, the rostering grows.\n");
		load(b, "b.txt", "Moderator: And you?\nMI Caseworker 2: Less rostering since the training.\n");
		actors.runAs(other, () -> load(secret, "s.txt", "Moderator: Secret?\nMI Caseworker 9: Our rostering is a secret.\n"));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> search.indexedTurns(a.id()) == 2 && search.indexedTurns(b.id()) == 2
					&& actors.callAs(other, () -> search.indexedTurns(secret.id())) == 2);
	}

	void load(Project p, String name, String text) {
		corpus.importDocument(p.id(), new ImportRequest(name, text.getBytes(StandardCharsets.UTF_8), null, Language.ENGLISH));
	}

	@Test
	void hitsAreGroupedByProjectAndOnlyMyProjectsAreSearched() {
		navigate(AllProjectsSearchView.class);
		test($(TextField.class).withId("all-query").single()).setValue("rostering");
		test($(Button.class).withId("all-search").single()).click();

		assertThat($(Span.class).withId("all-summary").single().getText()).isEqualTo("4 hits in 2 projects");
		assertThat($(Details.class).all()).extracting(Details::getSummaryText)
			.containsExactly("Mine A — 3 hits in 2 turns", "Mine B — 1 hit in 1 turn");
	}

	@Test
	void anUnreadableQuerySaysWhyOnTheField() {
		navigate(AllProjectsSearchView.class);
		TextField query = $(TextField.class).withId("all-query").single();
		test(query).setValue("\"unclosed phrase");
		test($(Button.class).withId("all-search").single()).click();
		assertThat(query.isInvalid()).isTrue();
		assertThat(query.getErrorMessage()).isNotBlank();
	}

}

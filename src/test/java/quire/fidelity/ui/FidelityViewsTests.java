package quire.fidelity.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;

import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.Span;

import quire.SignedInBrowserlessTest;
import quire.corpus.CorpusService;
import quire.corpus.DocumentSummary;
import quire.corpus.ImportRequest;
import quire.corpus.Language;
import quire.fidelity.Behaviour;
import quire.fidelity.FidelityService;
import quire.fidelity.Global;
import quire.fidelity.MitiCodingService;
import quire.fidelity.MitiSession;
import quire.fidelity.MitiCounts;
import quire.fidelity.MitiGlobals;
import quire.fidelity.Rating;
import quire.fidelity.RatingRole;
import quire.fidelity.RatingSource;
import quire.fidelity.ResultsSource;
import quire.project.Project;
import quire.project.ProjectService;

/** The MITI views without a browser: coding a session from the keyboard, and the results page. */
@WithUserDetails(value = SignedInBrowserlessTest.RESEARCHER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
@SpringBootTest
@ViewPackages(packages = "quire")
class FidelityViewsTests extends SignedInBrowserlessTest {

	static final String SESSION = """
			[00:00:01] MI Caseworker 2: Welcome. How have the last weeks been?
			[00:00:06] Client: Hard. My neck still hurts when I lift.
			[00:00:12] MI Caseworker 2: So the pain is still there when you lift. You are wondering whether the job is possible at all.
			[00:00:20] Client: Yes, exactly.
			[00:00:24] MI Caseworker 2: Many people in your situation try a graded return, starting with a few hours.
			""";

	static final String LAB = """
			Session,Counsellor,Coder,CCT,SST,Partnership,Empathy,GI,Persuade,PwP,Q,SR,CR,AF,Seek,Emph,Confront
			L1,MI Caseworker 1,LAB-A,3,3,4,4,5,1,0,20,8,6,2,1,1,0
			L2,MI Caseworker 1,LAB-A,2,3,3,3,8,2,1,25,6,2,1,0,0,1
			L3,MI Caseworker 2,LAB-A,4,4,4,5,4,0,1,15,10,12,3,2,2,0
			""";

	@Autowired
	ProjectService projects;

	@Autowired
	CorpusService corpus;

	@Autowired
	FidelityService fidelity;

	@Autowired
	MitiCodingService miti;

	@Autowired
	quire.coding.CodingService codings;

	Project project;

	MitiSession session;

	@BeforeEach
	void project() {
		project = projects.findByName("Fidelity views").orElseGet(() -> {
			Project p = projects.create("Fidelity views", "");
			corpus.importDocument(p.id(), new ImportRequest("mi-session.txt", SESSION.getBytes(StandardCharsets.UTF_8),
					"MI sessions", Language.ENGLISH));
			fidelity.importLab(p.id(), "lab.csv", LAB.getBytes(StandardCharsets.UTF_8), Map.of(), false);
			return p;
		});
		DocumentSummary d = corpus.documents(project.id()).get(0);
		codings.codings(d.id(), null).forEach(c -> codings.remove(c.id()));
		fidelity.sessions(project.id()).stream().filter(s -> s.label().equals("V1"))
			.forEach(s -> fidelity.deleteSession(s.id()));
		session = fidelity.saveSession(project.id(), "V1", d.id(), "MI Caseworker 2", "Client", null, null, null);
		workIn(project.id());
	}

	MitiCodingView open() {
		UI.getCurrent().navigate("fidelity/session/" + session.id().value());
		return (MitiCodingView) UI.getCurrent().getCurrentView();
	}

	@Autowired
	quire.media.MediaService media;

	@Test
	void aSessionWithARecordingDocksThePlayerAndEachUtteranceReplaysFromItsTurn() {
		DocumentSummary d = corpus.documents(project.id()).get(0);
		media.attach(d.id(), "session.wav", new java.io.ByteArrayInputStream(
				quire.media.internal.ToneWav.tones(30_000, java.util.List.of(1000L), java.util.List.of(440))));
		try {
			MitiCodingView view = open();
			quire.media.ui.RecordingPlayer player = $(quire.media.ui.RecordingPlayer.class).single();
			assertThat(player.getElement().getTextRecursively()).contains("session.wav").contains("0:30");
			int welcome = view.current();
			assertThat(view.utterances().get(welcome).text()).startsWith("Welcome");
			assertThat(player.playRow(welcome)).isTrue();
			assertThat(player.playRow(view.utterances().size())).isFalse();
			view.replay();
		}
		finally {
			media.detach(d.id());
		}
	}

	@Test
	void keysCodeTheCurrentCounsellorUtteranceAndMoveOn() {
		MitiCodingView view = open();
		assertThat(view.utterances().get(view.current()).text()).startsWith("Welcome");
		view.toggle(Behaviour.Q);
		assertThat(view.utterances().get(view.current()).text()).startsWith("So the pain");
		view.toggle(Behaviour.CR);
		view.toggle(Behaviour.GI);

		assertThat(miti.counts(session.id(), RESEARCHER).get(Behaviour.Q)).isEqualTo(1);
		assertThat(miti.counts(session.id(), RESEARCHER).get(Behaviour.CR)).isEqualTo(1);
		assertThat($(Span.class).withClassName("quire-behaviour").all()).extracting(Span::getText)
			.containsExactly("Q", "CR", "GI");
		assertThat($(com.vaadin.flow.component.html.Paragraph.class).withId("miti-counts").single().getText())
			.contains("Q 1").contains("CR 1").contains("GI 1");

		view.undo();
		assertThat(miti.counts(session.id(), RESEARCHER).get(Behaviour.GI)).isZero();

		String csv = new String(miti.exportUtterances(project.id()), StandardCharsets.UTF_8);
		assertThat(csv).contains("session,counsellor,coder,utterance,turn,start,end,behaviours,text")
			.contains("V1,MI Caseworker 2,researcher,1,1,")
			.contains(",Q,Welcome. How have the last weeks been?")
			.contains(",CR,So the pain is still there");
	}

	@Test
	void theThresholdHidesSuggestionsAndAcceptedOrChangedOnesAreCountedOnTheResultsPage() {
		MitiCodingView view = open();
		com.vaadin.flow.component.textfield.NumberField threshold = $(com.vaadin.flow.component.textfield.NumberField.class)
			.withId("suggestion-threshold").single();
		test(threshold).setValue(1.0);
		assertThat(miti.suggestionThreshold(project.id(), RESEARCHER)).isEqualTo(1.0);
		assertThat($(Span.class).withClassName("quire-suggestion").all()).isEmpty();

		test(threshold).setValue(0.0);
		assertThat($(Span.class).withClassName("quire-suggestion").all()).hasSize(3);
		Behaviour first = miti.suggestions(session.id()).get(0).behaviour();
		view.acceptSuggestion(); // "Welcome. How have the last weeks been?"
		Behaviour second = miti.suggestions(session.id()).get(1).behaviour();
		view.toggle(second == Behaviour.GI ? Behaviour.Q : Behaviour.GI); // the coder disagrees
		assertThat(miti.behaviours(session.id(), RESEARCHER).values()).flatExtracting(v -> v).contains(first);
		assertThat(miti.suggestionUse(project.id())).singleElement().satisfies(u -> {
			assertThat(u.sessionLabel()).isEqualTo("V1");
			assertThat(u.coder()).isEqualTo(RESEARCHER);
			assertThat(u.accepted()).isEqualTo(1);
			assertThat(u.changed()).isEqualTo(1);
		});
		view.undo(); // the change is undone: no decision on that utterance any more
		assertThat(miti.suggestionUse(project.id())).singleElement().satisfies(u -> assertThat(u.changed()).isZero());
		test(threshold).setValue(MitiCodingService.DEFAULT_SUGGESTION_THRESHOLD);

		navigate(FidelityView.class);
		assertThat($(Div.class).withId("suggestion-use").single().getElement().getTextRecursively())
			.contains("1 of 1 accepted").contains("V1").contains(RESEARCHER);
	}

	@Test
	void globalsAreRatedFromTheKeyboardAndTheSummaryFollows() {
		MitiCodingView view = open();
		view.toggle(Behaviour.Q);
		view.toggle(Behaviour.CR);
		view.rate(Global.CULTIVATING_CHANGE_TALK, 4);
		view.rate(Global.SOFTENING_SUSTAIN_TALK, 3);
		view.rate(Global.PARTNERSHIP, 4);
		view.rate(Global.EMPATHY, 5);

		Rating rating = fidelity.ratings(project.id()).stream()
			.filter(r -> r.session().id().equals(session.id()) && r.coder().equals(RESEARCHER))
			.findFirst()
			.orElseThrow();
		assertThat(rating.scores()).isNotNull();
		assertThat(rating.scores().relational()).isEqualTo(4.5);
		assertThat(rating.scores().technical()).isEqualTo(3.5);
		assertThat($(Div.class).withId("summary-relational").single().getElement().getTextRecursively()).contains("4.50").contains("good");
		assertThat($(Div.class).withId("summary-rq").single().getElement().getTextRecursively()).contains("1.00");
		assertThat($(Span.class).withId("global-empathy").single().getText()).contains("5");
	}

	@Test
	void undoReturnsToTheUndoneUtteranceAndDotThenADigitRatesTheFirstGlobal() {
		MitiCodingView view = open();
		int first = view.current();
		view.toggle(Behaviour.Q);
		int second = view.current();
		assertThat(second).as("a code key codes and moves on, as the legend says").isGreaterThan(first);
		view.toggle(Behaviour.CR);
		assertThat(view.current()).isGreaterThan(second);
		view.undo();
		assertThat(view.current()).as("undo goes back to the utterance whose code it took away").isEqualTo(second);
		view.undo();
		assertThat(view.current()).isEqualTo(first);
		assertThat(miti.behaviours(session.id(), RESEARCHER).values()).flatExtracting(v -> v).isEmpty();
		assertThat($(Div.class).withClassName("quire-keys").single().getElement().getProperty("innerHTML"))
			.contains("codes the current counsellor utterance and moves to the next one")
			.contains("undo the last change and go back to where it was made");

		view.nextGlobal(); // "." then "3": the first global, not the second
		view.rateSelected(3);
		assertThat($(Span.class).withId("global-" + Global.values()[0].name().toLowerCase(java.util.Locale.ROOT)).single()
			.getText()).endsWith(": 3");
		view.nextGlobal();
		view.rateSelected(4);
		view.undo();
		assertThat($(Span.class).withId("global-" + Global.values()[1].name().toLowerCase(java.util.Locale.ROOT)).single()
			.getText()).endsWith("not rated");
	}

	@Test
	void splittingATwoSentenceUtteranceMakesTwo() {
		MitiCodingView view = open();
		view.move(1);
		int before = view.utterances().size();
		assertThat(view.utterances().get(view.current()).text()).startsWith("So the pain");
		view.split();
		assertThat(view.utterances()).hasSize(before + 1);
		view.undo();
		assertThat(view.utterances()).hasSize(before);
	}

	/**
	 * An untimed session transcript with a recording of five minutes: "first 20 minutes" is the whole
	 * transcript, found from the recording's length; without the recording the page says why not.
	 */
	@Test
	void theFirstTwentyMinutesOfAnUntimedTranscriptComeFromItsRecording() {
		Project p = projects.create("Untimed MITI " + java.util.UUID.randomUUID(), "");
		DocumentSummary d = corpus.importDocument(p.id(), new ImportRequest("untimed-mi.txt", """
				MI Caseworker 3: What would you like to talk about today?
				Client: My back, and whether I can go back to work at all.
				MI Caseworker 3: You are unsure whether work is possible with your back.
				Client: Yes.
				""".getBytes(StandardCharsets.UTF_8), null, Language.ENGLISH)).document();
		media.attach(d.id(), "untimed-mi.wav", new java.io.ByteArrayInputStream(
				quire.media.internal.ToneWav.tones(300_000, java.util.List.of(0L), java.util.List.of(440))));
		workIn(p.id());
		navigate(FidelityView.class);
		@SuppressWarnings("unchecked")
		com.vaadin.flow.component.combobox.ComboBox<DocumentSummary> document = $(com.vaadin.flow.component.combobox.ComboBox.class)
			.withId("session-document").single();
		test(document).selectItem("untimed-mi");
		test($(Button.class).withId("create-session").single()).click();
		MitiSession created = fidelity.sessions(p.id()).stream().filter(s -> s.label().equals("untimed-mi")).findFirst()
			.orElseThrow();
		assertThat(created.counsellor()).isEqualTo("MI Caseworker 3");
		assertThat(created.firstTurn()).isZero();
		assertThat(created.lastTurn()).isEqualTo(3);

		media.detach(d.id());
		fidelity.deleteSession(created.id());
		navigate(FidelityView.class);
		@SuppressWarnings("unchecked")
		com.vaadin.flow.component.combobox.ComboBox<DocumentSummary> again = $(com.vaadin.flow.component.combobox.ComboBox.class)
			.withId("session-document").single();
		test(again).selectItem("untimed-mi");
		test($(Button.class).withId("create-session").single()).click();
		assertThat(fidelity.sessions(p.id())).isEmpty();
	}

	@Test
	void resultsPageShowsTheTableTheChartAndTheSessions() {
		navigate(FidelityView.class);
		assertThat($(NativeTable.class).withId("overall-table").single().getElement().getTextRecursively())
			.contains("Relational").contains("Technical");
		assertThat($(NativeTable.class).withId("group-table").single().getElement().getTextRecursively())
			.contains("MI Caseworker 1").contains("MI Caseworker 2");
		assertThat($(Div.class).withId("fidelity-chart").single().getElement().getProperty("innerHTML")).startsWith("<svg");
		assertThat($(Div.class).withId("sessions").single().getElement().getTextRecursively()).contains("L1").contains("V1");
	}

	@Test
	void resultsPageNamesItsRatingSourceAndNAndPoolsOnlyWhenChosen() {
		fidelity.sessions(project.id()).stream().filter(s -> s.label().equals("M1"))
			.forEach(s -> fidelity.deleteSession(s.id()));
		fidelity.saveRating(session.id(), "Anna", RatingSource.QUIRE, new MitiGlobals(4, 4, 4, 4),
				MitiCounts.NONE.with(Behaviour.Q, 3));

		navigate(FidelityView.class);
		@SuppressWarnings("unchecked")
		Select<ResultsSource> source = $(Select.class).withId("results-source").single();
		assertThat(source.getValue()).isEqualTo(ResultsSource.LAB);
		assertThat($(H3.class).withId("results-caption").single().getText())
			.startsWith("3 sessions rated by the coding lab (primary ratings) against ");
		assertThat($(Div.class).withId("fidelity-chart").single().getElement().getProperty("innerHTML"))
			.contains("3 sessions rated by the coding lab (primary ratings)");

		test(source).selectItem("Coding lab and Quire pooled");
		assertThat($(H3.class).withId("results-caption").single().getText())
			.startsWith("4 sessions, coding lab and Quire pooled (primary ratings: 3 coding lab, 1 Quire) against ");
		assertThat($(Div.class).withId("fidelity-chart").single().getElement().getProperty("innerHTML"))
			.contains("4 sessions, coding lab and Quire pooled");

		test(source).selectItem("Coded in Quire");
		assertThat($(H3.class).withId("results-caption").single().getText())
			.startsWith("1 session coded in Quire (primary ratings) against ");
	}

	@Test
	void aReliabilityRatingIsMadePrimaryFromTheSessionsTable() {
		MitiSession l1 = fidelity.sessions(project.id()).stream().filter(s -> s.label().equals("L1")).findFirst().orElseThrow();
		fidelity.saveRating(l1.id(), "LAB-B", RatingSource.LAB, new MitiGlobals(5, 5, 5, 5), MitiCounts.NONE);
		try {
			navigate(FidelityView.class);
			assertThat($(Div.class).withId("sessions").single().getElement().getTextRecursively())
				.contains("LAB-A · coding lab · primary").contains("LAB-B · coding lab · reliability double-coding");

			test($(Button.class).withId("make-primary-" + l1.id().value() + "-LAB_B").single()).click();

			assertThat(fidelity.ratings(project.id())).filteredOn(r -> r.session().id().equals(l1.id()))
				.extracting(Rating::coder, Rating::role)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("LAB-A", RatingRole.RELIABILITY),
						org.assertj.core.groups.Tuple.tuple("LAB-B", RatingRole.PRIMARY));
		}
		finally {
			fidelity.setRole(l1.id(), "LAB-A", RatingRole.PRIMARY);
		}
	}

	@Test
	void unrecognisedColumnsAreMappedOnScreenAndImportedAgain() {
		navigate(FidelityView.class);
		FidelityView view = (FidelityView) UI.getCurrent().getCurrentView();
		String csv = "Session,Counsellor,Kodare,CCT,SST,Partnership,Empathy,GI,Persuade,PwP,Q,SR,CR,AF,Seek,Emph,Confront\n"
				+ "M1,MI Caseworker 3,LAB-C,3,3,3,3,5,1,0,20,8,6,2,1,1,0\n";
		view.importLab("mapped.csv", csv.getBytes(StandardCharsets.UTF_8));
		assertThat($(Div.class).withId("lab-import-log").single().getElement().getTextRecursively()).contains("nothing imported");
		@SuppressWarnings("unchecked")
		com.vaadin.flow.component.select.Select<String> rater = $(com.vaadin.flow.component.select.Select.class)
			.withId("map-Kodare").single();
		test(rater).selectItem("coder");
		test($(com.vaadin.flow.component.button.Button.class).withId("import-mapped").single()).click();

		assertThat(fidelity.ratings(project.id())).anySatisfy(r -> {
			assertThat(r.session().label()).isEqualTo("M1");
			assertThat(r.coder()).isEqualTo("LAB-C");
		});
	}

}

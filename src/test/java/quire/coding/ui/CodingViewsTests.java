package quire.coding.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;

import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextField;

import quire.SignedInBrowserlessTest;
import quire.coding.Code;
import quire.coding.CodebookService;
import quire.coding.CodingService;
import quire.corpus.CorpusService;
import quire.corpus.DocumentSummary;
import quire.corpus.ImportRequest;
import quire.corpus.Language;
import quire.corpus.Participant;
import quire.corpus.ParticipantService;
import quire.corpus.SpeakerLinkService;
import quire.corpus.Transcript;
import quire.project.Project;
import quire.project.ProjectService;

/** The coding views without a browser: code a selection, in vivo, remove; the codebook; matrix; agreement. */
@WithUserDetails(value = SignedInBrowserlessTest.RESEARCHER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
@SpringBootTest
@ViewPackages(packages = "quire")
class CodingViewsTests extends SignedInBrowserlessTest {

	static final String TEXT = """
			[00:00:02] Moderator: How did the MI training go?
			[00:00:07] MI Caseworker 1: It was demanding. Summarizing was the hardest part for me.
			[00:00:15] MI Caseworker 2: Our team leader gave us time for it, which helped a lot.
			""";

	@Autowired
	ProjectService projects;

	@Autowired
	CorpusService corpus;

	@Autowired
	CodebookService codebook;

	@Autowired
	CodingService codings;

	@Autowired
	quire.coding.MemoService memos;

	Project project;

	DocumentSummary document;

	@BeforeEach
	void project() {
		project = projects.findByName("Coding views").orElseGet(() -> {
			Project p = projects.create("Coding views", "");
			corpus.importDocument(p.id(), new ImportRequest("fg.txt", TEXT.getBytes(StandardCharsets.UTF_8),
					"Focus groups", Language.ENGLISH));
			codebook.startFromReAim(p.id());
			return p;
		});
		document = corpus.documents(project.id()).get(0);
		codings.codings(document.id(), null).forEach(c -> codings.remove(c.id()));
	}

	TranscriptView openTranscript() {
		UI.getCurrent().navigate("transcript/" + document.id().value());
		return (TranscriptView) UI.getCurrent().getCurrentView();
	}

	int offsetOf(String words) {
		Transcript t = corpus.transcript(document.id()).orElseThrow();
		return t.text().indexOf(words);
	}

	@Test
	void selectedWordsGetTheChosenCodeAndAStripe() {
		TranscriptView view = openTranscript();
		int start = offsetOf("Summarizing was the hardest part");
		view.select((start - 1) + ":" + (start + "Summarizing was the hardest part".length() + 1));
		@SuppressWarnings("unchecked")
		ComboBox<Code> picker = $(ComboBox.class).withId("code-picker").single();
		test(picker).selectItem("Adoption › MI difficult to master");
		test($(Button.class).withId("apply-code").single()).click();

		assertThat(codings.codings(document.id(), null)).singleElement().satisfies(c -> {
			assertThat(c.start()).isEqualTo(start);
			assertThat(c.end()).isEqualTo(start + "Summarizing was the hardest part".length());
			assertThat(c.coder()).as("the signed-in user codes under their own name").isEqualTo(RESEARCHER);
		});
		assertThat(TranscriptDom.stripes(turns())).singleElement()
			.satisfies(s -> assertThat(s.attr("title")).contains("MI difficult to master").contains(RESEARCHER));
		assertThat(TranscriptDom.turns(turns()).get(1).selectFirst(".stripe"))
			.as("the stripe is beside the coded turn").isNotNull();
	}

	/** Speakers are per document: a click on a speaker in the transcript links it to a participant. */
	@Test
	void aClickOnASpeakerLinksItToAParticipant() {
		var kari = participants.addParticipant(project.id(), "Kari Nordmann");
		TranscriptView view = openTranscript();
		view.onSpeakerClicked(tools.jackson.databind.json.JsonMapper.builder().build().readTree("\"MI Caseworker 2\""));

		assertThat($(Paragraph.class).withId("speaker-link-now").single().getText())
			.isEqualTo("Linked to MI Caseworker 2 — fg (own participant), 1 turn in this document.");
		@SuppressWarnings("unchecked")
		ComboBox<Participant> to = $(ComboBox.class).withId("speaker-link-to").single();
		test(to).selectItem("Kari Nordmann (0 turns)");
		test($(Button.class).withId("speaker-link-save").single()).click();

		assertThat(speakers.link(document.id(), "MI Caseworker 2").orElseThrow().participantId()).isEqualTo(kari.id());
		speakers.unlink(document.id(), "MI Caseworker 2");
	}

	@Autowired
	SpeakerLinkService speakers;

	@Autowired
	ParticipantService participants;

	Div turns() {
		return $(Div.class).withId("turns").single();
	}

	@Test
	void inVivoTurnsTheSelectionIntoACode() {
		TranscriptView view = openTranscript();
		int start = offsetOf("demanding");
		view.select(start + ":" + (start + "demanding".length()));
		test($(Button.class).withId("in-vivo").single()).click();

		assertThat(codebook.findCode(project.id(), "demanding")).isPresent();
		assertThat(codings.codings(document.id(), null)).singleElement()
			.satisfies(c -> assertThat(c.codeId()).isEqualTo(codebook.findCode(project.id(), "demanding").get().id()));
	}

	@Test
	void aCodingIsSelectedByItsStripeAndRemoved() {
		Code code = codebook.findCode(project.id(), "Management support").orElseThrow();
		int start = offsetOf("Our team leader");
		codings.code(document.id(), code.id(), start, start + 40, RESEARCHER);
		openTranscript();
		TranscriptDom.click(turns(), false, "");
		assertThat($(Span.class).withClassName("code-name").all()).as("a click beside the stripes selects nothing")
			.isEmpty();
		var stripe = TranscriptDom.stripes(turns()).getFirst();
		TranscriptDom.clickStripe(turns(), stripe);
		assertThat($(Span.class).withClassName("code-name").single().getText()).contains("Management support");
		assertThat(TranscriptDom.stripes(turns()).getFirst().classNames()).contains("selected");
		assertThat(TranscriptDom.turns(turns()).get(2).selectFirst(".coded").text())
			.as("the selected coding's words are marked").isEqualTo(corpus.transcript(document.id()).orElseThrow()
				.text().substring(start, start + 40));
		test($(Button.class).withId("remove-coding").single()).click();

		assertThat(codings.codings(document.id(), null)).isEmpty();
		assertThat(TranscriptDom.stripes(turns())).isEmpty();
	}

	@Test
	void typingACodesNameAndEnterAppliesTheCodeItNames() {
		TranscriptView view = openTranscript();
		int start = offsetOf("Summarizing was the hardest part");
		view.select(start + ":" + (start + "Summarizing".length()));
		@SuppressWarnings("unchecked")
		ComboBox<Code> picker = $(ComboBox.class).withId("code-picker").single();
		// part of one code's name, not a full item label: the browser sends it as a custom value
		typeAndEnter(picker, "difficult to MASTER");
		Code master = codebook.findCode(project.id(), "MI difficult to master").orElseThrow();
		assertThat(codings.codings(document.id(), null)).singleElement()
			.satisfies(c -> assertThat(c.codeId()).isEqualTo(master.id()));
		assertThat($(Notification.class).all()).as("nothing is shown over the transcript but the success note")
			.allSatisfy(n -> assertThat(n.getElement().getThemeList()).contains("success"));

		start = offsetOf("Our team leader");
		view.select(start + ":" + (start + "Our team leader".length()));
		typeAndEnter(picker, "a");
		assertThat(codings.codings(document.id(), null)).as("an ambiguous name codes nothing").hasSize(1);
		assertThat($(Span.class).withId("picker-hint").single().getText()).contains("codes match “a”");
		typeAndEnter(picker, "no such code");
		assertThat($(Span.class).withId("picker-hint").single().getText()).contains("No code is called “no such code”");
		typeAndEnter(picker, "management support");
		assertThat(codings.codings(document.id(), null)).as("an exact name (any case) is applied").hasSize(2);
		assertThat($(Span.class).withId("picker-hint").all()).as("the hint is hidden once a code is applied").isEmpty();
	}

	@Test
	void applyWithoutACodeSaysSoBesideThePickerNotOverTheTranscript() {
		TranscriptView view = openTranscript();
		int start = offsetOf("demanding");
		view.select(start + ":" + (start + "demanding".length()));
		test($(Button.class).withId("apply-code").single()).click();
		assertThat($(Notification.class).all()).isEmpty();
		assertThat($(Span.class).withId("picker-hint").single().getText()).startsWith("Choose a code first");
		assertThat(codings.codings(document.id(), null)).isEmpty();
	}

	@Test
	void aRemovedCodingComesBackWithUndoAsItWas() {
		Code code = codebook.findCode(project.id(), "Management support").orElseThrow();
		int start = offsetOf("Our team leader");
		var made = codings.code(document.id(), code.id(), start, start + 40, "Colleague");
		memos.write(project.id(), quire.coding.MemoTarget.CODING, made.id().value(), "Colleague", "Why", "Leader named.");
		openTranscript();
		TranscriptDom.clickStripe(turns(), TranscriptDom.stripes(turns()).getFirst());
		test($(Button.class).withId("remove-coding").single()).click();
		assertThat(codings.codings(document.id(), null)).isEmpty();
		assertThat(memos.memos(project.id(), quire.coding.MemoTarget.CODING, made.id().value())).isEmpty();
		Notification note = $(Notification.class).withId("coding-removed").single();
		assertThat(note.getDuration()).isEqualTo(10_000);

		test($(Button.class).withId("undo-remove-coding").single()).click();
		assertThat(codings.codings(document.id(), null)).singleElement().isEqualTo(made);
		assertThat(memos.memos(project.id(), quire.coding.MemoTarget.CODING, made.id().value())).singleElement()
			.satisfies(m -> assertThat(m.body()).isEqualTo("Leader named."));
		assertThat(TranscriptDom.stripes(turns())).singleElement()
			.satisfies(s -> assertThat(s.classNames()).as("the restored coding is selected again").contains("selected"));
		assertThat(note.isOpened()).isFalse();
	}

	static void typeAndEnter(ComboBox<Code> picker, String typed) {
		com.vaadin.flow.component.ComponentUtil.fireEvent(picker,
				new com.vaadin.flow.component.combobox.ComboBoxBase.CustomValueSetEvent<>(picker, true, typed));
	}

	@Test
	void aStaleStripeClickSelectsNothing() {
		Code code = codebook.findCode(project.id(), "Management support").orElseThrow();
		int start = offsetOf("Our team leader");
		var made = codings.code(document.id(), code.id(), start, start + 40, RESEARCHER);
		openTranscript();
		codings.remove(made.id());
		TranscriptDom.click(turns(), true, String.valueOf(made.id().value() + 1000));
		TranscriptDom.click(turns(), true, "not a number");
		assertThat($(Span.class).withClassName("code-name").all()).isEmpty();
	}

	@Test
	void openedFromSearchItFocusesTheTurnAndMarksTheHit() {
		int start = offsetOf("team leader");
		UI.getCurrent().navigate("transcript/" + document.id().value(), com.vaadin.flow.router.QueryParameters
			.simple(java.util.Map.of("turn", "2", "start", String.valueOf(start), "end", String.valueOf(start + 11))));
		var rows = TranscriptDom.turns(turns());
		assertThat($(Div.class).withId("turn-2").single().getClassNames()).contains("quire-turn", "focus");
		assertThat($(Div.class).withId("turn-1").single().getClassNames()).doesNotContain("focus");
		assertThat(rows.get(2).getElementById("hit").text()).isEqualTo("team leader");
		assertThat(rows.get(1).getElementById("hit")).isNull();
	}

	@Test
	void markupInATranscriptIsShownAsText() {
		Project other = projects.findByName("Coding views markup").orElseGet(() -> {
			Project p = projects.create("Coding views markup", "");
			corpus.importDocument(p.id(), new ImportRequest("markup.txt", """
					Moderator: Is <img src=x onerror=alert(1)> & <b>this</b> shown as text?
					<i>Ann</i>: Yes & no.
					""".getBytes(StandardCharsets.UTF_8), null, Language.ENGLISH));
			return p;
		});
		Transcript t = corpus.transcript(corpus.documents(other.id()).get(0).id()).orElseThrow();
		UI.getCurrent().navigate("transcript/" + t.document().id().value());
		var rows = TranscriptDom.turns(turns());
		assertThat(rows).hasSize(t.turns().size());
		for (int i = 0; i < rows.size(); i++) {
			assertThat(rows.get(i).select("img, b, i, script")).isEmpty();
			assertThat(rows.get(i).selectFirst(".words").wholeText()).isEqualTo(t.turnText(t.turns().get(i)));
		}
		assertThat(rows.get(0).selectFirst(".words").text()).contains("<img src=x onerror=alert(1)> & <b>this</b>");
	}

	@Test
	void codingWithoutASelectionExplainsWhatToDo() {
		openTranscript();
		@SuppressWarnings("unchecked")
		ComboBox<Code> picker = $(ComboBox.class).withId("code-picker").single();
		test(picker).selectItem("Adoption › MI difficult to master");
		test($(Button.class).withId("apply-code").single()).click();
		assertThat(codings.codings(document.id(), null)).isEmpty();
		assertThat($(Span.class).withId("selection-info").single().getText()).contains("Select words");
	}

	@Test
	void codebookCreatesACodeThroughTheEditor() {
		navigate(CodebookView.class);
		test($(Button.class).withId("new-code").single()).click();
		test($(TextField.class).withId("code-name").single()).setValue("Peer support");
		test($(Button.class).withId("save-code").single()).click();

		assertThat(codebook.findCode(project.id(), "Peer support")).isPresent();
	}

	@Test
	void frameworkMatrixCountsSegmentsPerDimensionAndDocument() {
		Code code = codebook.findCode(project.id(), "Management support").orElseThrow();
		int start = offsetOf("Our team leader");
		codings.code(document.id(), code.id(), start, start + 20, "Anna");
		navigate(MatrixView.class);
		// rows in RE-AIM order: Implementation is the fourth; one document column
		assertThat($(NativeTableCell.class).withId("cell-3-0").single().getText()).isEqualTo("1");
		assertThat($(NativeTableCell.class).withId("cell-2-0").single().getText()).isEqualTo("0");
	}

	@Test
	void agreementComparesTwoCodersPerCode() {
		Code code = codebook.findCode(project.id(), "Management support").orElseThrow();
		int start = offsetOf("Our team leader");
		codings.code(document.id(), code.id(), start, start + 30, "Anna");
		codings.code(document.id(), code.id(), start, start + 30, "Jonas");
		AgreementView view = navigate(AgreementView.class);
		compute(view);

		assertThat($(Paragraph.class).withId("agreement-scope").single().getText()).contains("Anna and Jonas");
		assertThat($(Span.class).withId("agreement-summary").single().getText()).contains("κ 1.000");
		@SuppressWarnings("unchecked")
		Grid<quire.coding.AgreementReport.CodeAgreement> table = $(Grid.class).withId("agreement-table").single();
		assertThat(test(table).size()).isEqualTo(2);
	}

	@Autowired
	quire.corpus.StudyDesignService studyDesign;

	@Autowired
	org.springframework.context.ApplicationContext context;

	/**
	 * Issue 18: the agreement page opens on speaker turns, the qualitative strand and the thematic codes, says
	 * so, and lists no MITI behaviour code; the character unit and the MITI system are there on request.
	 */
	@Test
	void agreementPageDefaultsToTurnsTheQualitativeStrandAndThematicCodes() throws java.io.IOException {
		Project p = projects.create("Coding views, agreement defaults " + java.util.UUID.randomUUID(), "");
		DocumentSummary fg = corpus.importDocument(p.id(), new ImportRequest("fg.txt",
				TEXT.getBytes(StandardCharsets.UTF_8), "Focus groups", Language.ENGLISH)).document();
		DocumentSummary session = corpus.importDocument(p.id(), new ImportRequest("mi-session.txt",
				"Caseworker: What would help you back?\nClient: Shorter days first.\n".getBytes(StandardCharsets.UTF_8),
				"MI sessions", Language.ENGLISH)).document();
		studyDesign.setDesign(p.id(), "MI sessions", quire.corpus.GroupKind.COUNSELLING_SESSION,
				quire.corpus.Strand.FIDELITY);
		codebook.startFromReAim(p.id());
		try (var in = getClass().getClassLoader().getResourceAsStream("quire/codebooks/miti-4.2.1.qdc")) {
			codebook.importQdc(p.id(), "miti-4.2.1.qdc", in);
		}
		Code theme = codebook.findCode(p.id(), "Management support").orElseThrow();
		Code question = codebook.findCode(p.id(), "Question (Q)").orElseThrow();
		String fgText = corpus.transcript(fg.id()).orElseThrow().text();
		int leader = fgText.indexOf("Our team leader");
		int training = fgText.indexOf("How did the MI training go?");
		for (String coder : java.util.List.of("Anna", "Jonas")) {
			codings.code(fg.id(), theme.id(), leader, leader + 20, coder);
			codings.code(fg.id(), question.id(), training, training + 10, coder);
			codings.code(session.id(), question.id(), 0, 20, coder);
		}
		context.getBean(quire.ui.CurrentProject.class).select(p.id());

		AgreementView view = navigate(AgreementView.class);

		assertThat(test($(Select.class).withId("agreement-unit").single()).getSelected())
			.isEqualTo(quire.coding.AgreementUnit.TURN);
		assertThat(test($(Select.class).withId("agreement-system").single()).getSelected())
			.isEqualTo(quire.coding.CodeSystem.THEMATIC);
		assertThat(test($(Select.class).withId("agreement-strand").single()).getSelected()).isEqualTo("Qualitative strand");
		compute(view);
		assertThat($(Paragraph.class).withId("agreement-scope").single().getText())
			.isEqualTo("Computed over: Anna and Jonas · qualitative strand: 1 focus group; 1 document coded by Anna or "
					+ "Jonas · 3 speaker turns per code · Thematic codes, 1 code.");
		assertThat($(Paragraph.class).withId("agreement-documents-used").single().getText()).isEqualTo("Documents: fg.");
		assertThat($(Paragraph.class).withId("agreement-caveat").exists()).isFalse();
		@SuppressWarnings("unchecked")
		Grid<quire.coding.AgreementReport.CodeAgreement> table = $(Grid.class).withId("agreement-table").single();
		assertThat(test(table).size()).isEqualTo(2);
		assertThat(test(table).getRow(0).code()).isEqualTo("Implementation › Management support");
		assertThat(test(table).getRow(1).code()).isEqualTo("All codes (Thematic codes, 1 code)");
		assertThat(test(table).getHeaderCell(6)).isEqualTo("α 95 % CI (bootstrap)");

		test($(Select.class).withId("agreement-unit").single()).selectItem("character (not comparable to unit-based figures)");
		compute(view);
		assertThat($(Paragraph.class).withId("agreement-caveat").single().getText())
			.isEqualTo("Unit: character-level agreement, not comparable to unit-based figures.");

		test($(Select.class).withId("agreement-unit").single()).selectItem("speaker turn");
		test($(Select.class).withId("agreement-system").single()).selectItem("MITI behaviour codes");
		test($(Select.class).withId("agreement-strand").single()).selectItem("All strands");
		compute(view);
		assertThat($(Paragraph.class).withId("agreement-scope").single().getText()).contains("all strands; 2 documents")
			.contains("MITI behaviour codes, 1 code");
		assertThat(test(table).getRow(0).code()).endsWith("Question (Q)");
	}

	/**
	 * The agreement page opens without computing: the settings and what they cover are shown at once, the
	 * figures only after "Compute", and a changed setting takes the figures away instead of leaving them beside
	 * settings they were not computed for.
	 */
	@Test
	void agreementShowsItsScopeAtOnceAndComputesOnlyOnRequest() {
		Code code = codebook.findCode(project.id(), "Management support").orElseThrow();
		int start = offsetOf("Our team leader");
		codings.code(document.id(), code.id(), start, start + 30, "Anna");
		codings.code(document.id(), code.id(), start, start + 30, "Jonas");
		AgreementView view = navigate(AgreementView.class);

		assertThat($(Paragraph.class).withId("agreement-plan").single().getText())
			.isEqualTo("Will compute over: Anna and Jonas · qualitative strand: 1 focus group; 1 document coded by Anna "
					+ "or Jonas · 3 speaker turns per code · Thematic codes, 1 code.");
		assertThat($(Span.class).withId("agreement-summary").exists()).as("nothing computed on opening").isFalse();
		@SuppressWarnings("unchecked")
		Grid<quire.coding.AgreementReport.CodeAgreement> table = $(Grid.class).withId("agreement-table").single();
		assertThat(test(table).size()).isZero();
		Button run = $(Button.class).withId("compare").single();
		assertThat(run.getText()).isEqualTo("Compute");
		assertThat(run.isEnabled()).isTrue();
		// the computation waits until the busy state is checked (on a fast machine it would finish first)
		java.util.List<Runnable> held = new java.util.ArrayList<>();
		view.runComputationsOn(held::add);

		test(run).click();
		assertThat(run.isEnabled()).as("busy while computing").isFalse();
		assertThat($(com.vaadin.flow.component.progressbar.ProgressBar.class).withId("agreement-progress").exists()).isTrue();
		assertThat($(Select.class).withId("agreement-unit").single().isEnabled()).as("settings locked").isFalse();
		assertThat(held).singleElement();
		view.runComputationsOn(java.util.concurrent.ForkJoinPool.commonPool());
		java.util.concurrent.ForkJoinPool.commonPool().execute(held.get(0));
		view.computation().join();
		roundTrip();
		assertThat($(Span.class).withId("agreement-summary").single().getText()).contains("κ 1.000");
		assertThat(test(table).size()).isEqualTo(2);
		assertThat(run.isEnabled()).isTrue();
		assertThat($(com.vaadin.flow.component.progressbar.ProgressBar.class).withId("agreement-progress").exists()).isFalse();

		test($(Select.class).withId("agreement-unit").single()).selectItem("sentence");
		assertThat($(Span.class).withId("agreement-summary").exists()).as("figures for the old unit are gone").isFalse();
		assertThat(test(table).size()).isZero();
		assertThat($(Paragraph.class).withId("agreement-plan").single().getText()).contains("sentences per code");
		assertThat($(Span.class).withId("agreement-status").single().getText())
			.isEqualTo("Settings changed: press Compute for figures over them.");
	}

	@Autowired
	quire.media.MediaService media;

	/**
	 * Aligning an untimed transcript while listening: once Alt+T has given a turn its start, the line under
	 * the player stops saying the transcript has no timestamps, without a reload.
	 */
	@Test
	void theHintUnderThePlayerNoLongerSaysNoTimestampsOnceATurnHasATime() {
		Project p = projects.create("Coding views, turn times " + java.util.UUID.randomUUID(), "");
		DocumentSummary d = corpus.importDocument(p.id(), new ImportRequest("untimed.txt",
				"Moderator: How was it?\nNurse: Hard at first.\n".getBytes(StandardCharsets.UTF_8), null,
				Language.ENGLISH)).document();
		media.attach(d.id(), "untimed.wav", new java.io.ByteArrayInputStream(
				quire.media.internal.ToneWav.tones(10_000, java.util.List.of(0L), java.util.List.of(440))));
		workIn(p.id());
		UI.getCurrent().navigate("transcript/" + d.id().value());
		Div hint = $(Div.class).withId("recording-hint").single();
		assertThat(hint.getText()).startsWith("This transcript has no timestamps yet");

		altT(1_500);

		assertThat(corpus.transcript(d.id()).orElseThrow().turns().get(0).startMs()).isEqualTo(1_500L);
		assertThat(hint.getText()).startsWith("Click a turn's time to play from it")
			.contains("Alt+T the selected turn starts now")
			.doesNotContain("no timestamps");
	}

	/** Alt+T as the browser sends it: the key press with the recording's position read at that moment. */
	static void altT(long positionMs) {
		UI ui = UI.getCurrent();
		var data = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
		data.put("event.altKey && event.code === 'KeyT'", true);
		data.put(POSITION, positionMs);
		ui.getElement().getNode().getFeature(com.vaadin.flow.internal.nodefeature.ElementListenerMap.class)
			.fireEvent(new com.vaadin.flow.dom.DomEvent(ui.getElement(), "keydown", data));
	}

	/**
	 * RecordingPlayer's browser-side expression for the recording's position (package-private there); if it
	 * changes, the key press carries no position and the test fails.
	 */
	static final String POSITION = "(function(){const m=document.getElementById('recording-media');"
			+ "return m ? Math.round(m.currentTime * 1000) : -1;})()";

	/** Presses Compute and waits for the background computation to hand its result to the page. */
	void compute(AgreementView view) {
		test($(Button.class).withId("compare").single()).click();
		view.computation().join();
		roundTrip();
	}

	@Autowired
	quire.corpus.ParticipantService participantService;

	@Test
	void aThemesCountIncludesItsSubCodesLikeItsSegmentsPage() {
		Code theme = codebook.findCode(project.id(), "Adoption").orElseThrow();
		Code sub = codebook.findCode(project.id(), "MI difficult to master").orElseThrow();
		assertThat(sub.parentId()).isEqualTo(theme.id());
		int start = offsetOf("Summarizing was the hardest part");
		codings.code(document.id(), sub.id(), start, start + 11, RESEARCHER);
		codings.code(document.id(), theme.id(), start, start + 20, RESEARCHER);
		navigate(CodebookView.class);
		@SuppressWarnings("unchecked")
		com.vaadin.flow.component.treegrid.TreeGrid<Code> tree = $(com.vaadin.flow.component.treegrid.TreeGrid.class)
			.withId("code-tree").single();
		tree.select(codebook.code(theme.id()).orElseThrow());
		assertThat($(com.vaadin.flow.component.html.Anchor.class).withId("code-segments-link").single().getText())
			.isEqualTo("Coded segments (2)");
		assertThat($(Span.class).withId("code-count-split").single().getText())
			.isEqualTo("1 with this code only, 1 with its sub-codes");
		var own = java.util.Map.of(theme.id().value(), 1, sub.id().value(), 1);
		assertThat(CodebookView.rollUp(codebook.codes(project.id()), own)).containsEntry(theme.id().value(), 2)
			.containsEntry(sub.id().value(), 1);
	}

	@Test
	void codebookMovesATopLevelTreeToTheOtherCodeSystem() {
		Code root = codebook.create(project.id(), null, quire.coding.CodeDraft.named("Lab behaviours", "#1F77B4"));
		Code sub = codebook.create(project.id(), root.id(), quire.coding.CodeDraft.named("Lab question", "#1F77B4"));
		navigate(CodebookView.class);
		@SuppressWarnings("unchecked")
		com.vaadin.flow.component.treegrid.TreeGrid<Code> tree = $(com.vaadin.flow.component.treegrid.TreeGrid.class)
			.withId("code-tree").single();
		tree.select(codebook.code(root.id()).orElseThrow());
		assertThat($(Paragraph.class).withId("code-system").single().getElement().getTextRecursively()).startsWith("Code system: Thematic codes");

		test($(Button.class).withId("move-code-system").single()).click();

		assertThat(codebook.code(sub.id()).orElseThrow().system()).isEqualTo(quire.coding.CodeSystem.MITI);
		assertThat($(Paragraph.class).withId("code-system").single().getElement().getTextRecursively())
			.startsWith("Code system: MITI behaviour codes");
		codebook.delete(root.id());
	}

	@Test
	void autoCodingTakesEverySpeakerWithAnAttributeValue() {
		var group = participantService.defineAttribute(project.id(), "Group", quire.corpus.AttributeKind.CATEGORY,
				java.util.List.of("MI", "MI-substitute"));
		participantService.setValue(participantService.participants(project.id()).stream()
			.filter(r -> r.participant().label().startsWith("MI Caseworker")).map(r -> r.participant().id()).toList(), group, "MI");
		Code code = codebook.findCode(project.id(), "Good training").orElseThrow();
		navigate(CodebookView.class);
		@SuppressWarnings("unchecked")
		com.vaadin.flow.component.treegrid.TreeGrid<Code> tree = $(com.vaadin.flow.component.treegrid.TreeGrid.class)
			.withId("code-tree").single();
		tree.select(codebook.code(code.id()).orElseThrow());
		test($(Button.class).withId("auto-code-speakers").single()).click();
		@SuppressWarnings("unchecked")
		com.vaadin.flow.component.select.Select<String> byValue = $(com.vaadin.flow.component.select.Select.class)
			.withId("auto-attribute").single();
		test(byValue).selectItem("Group = MI");
		// the two caseworkers speak one turn each
		assertThat($(Span.class).withId("auto-preview").single().getText())
			.isEqualTo("This codes 2 turns in 1 document; 2 new codings as " + RESEARCHER + ".");
		test($(Button.class).withId("auto-confirm").single()).click();
		assertThat(codings.codings(document.id(), null)).hasSize(2).allSatisfy(c -> assertThat(c.codeId()).isEqualTo(code.id()));
	}

	@Test
	void autoCodingOffersARoleLabelPerDocumentAndCodesOnlyTheChosenOne() {
		Project p = projects.findByName("Coding views, speakers per document").orElseGet(() -> {
			Project created = projects.create("Coding views, speakers per document", "");
			corpus.importDocument(created.id(), new ImportRequest("a.txt", TEXT.getBytes(StandardCharsets.UTF_8),
					"Focus groups", Language.ENGLISH));
			corpus.importDocument(created.id(), new ImportRequest("b.txt",
					"Moderator: And you?\nMI Caseworker 1: Time.\nMI Caseworker 1: And forms.\n".getBytes(StandardCharsets.UTF_8),
					"Focus groups", Language.ENGLISH));
			codebook.create(created.id(), null, quire.coding.CodeDraft.named("Caseworker talk", "#1F77B4"));
			return created;
		});
		var a = corpus.documents(p.id()).stream().filter(d -> d.name().equals("a")).findFirst().orElseThrow();
		var b = corpus.documents(p.id()).stream().filter(d -> d.name().equals("b")).findFirst().orElseThrow();
		codings.codings(p.id(), null).forEach(c -> codings.remove(c.id()));
		Code code = codebook.findCode(p.id(), "Caseworker talk").orElseThrow();
		workIn(p.id());
		navigate(CodebookView.class);
		@SuppressWarnings("unchecked")
		com.vaadin.flow.component.treegrid.TreeGrid<Code> tree = $(com.vaadin.flow.component.treegrid.TreeGrid.class)
			.withId("code-tree").single();
		tree.select(code);
		test($(Button.class).withId("auto-code-speakers").single()).click();
		@SuppressWarnings("unchecked")
		MultiSelectComboBox<Object> labels = $(MultiSelectComboBox.class).withId("auto-speakers").single();
		assertThat(test(labels).getSuggestions()).contains("MI Caseworker 1 — a (1 turn)",
				"MI Caseworker 1 — b (2 turns)").doesNotContain("MI Caseworker 1");

		test(labels).selectItem("MI Caseworker 1 — b (2 turns)");
		assertThat($(Span.class).withId("auto-preview").single().getText())
			.isEqualTo("This codes 2 turns in 1 document; 2 new codings as " + RESEARCHER + ".");
		test($(Button.class).withId("auto-confirm").single()).click();

		assertThat(codings.codings(b.id(), null)).hasSize(2);
		assertThat(codings.codings(a.id(), null)).as("the other document's Caseworker 1 is another person").isEmpty();

		// once a researcher links b's caseworker to a's, choosing that person codes both documents
		long person = speakers.link(a.id(), "MI Caseworker 1").orElseThrow().participantId();
		speakers.link(b.id(), "MI Caseworker 1", person);
		tree.select(code);
		test($(Button.class).withId("auto-code-speakers").single()).click();
		@SuppressWarnings("unchecked")
		MultiSelectComboBox<Object> people = $(MultiSelectComboBox.class).withId("auto-people").single();
		test(people).selectItem("MI Caseworker 1 — a (2 documents)");
		assertThat($(Span.class).withId("auto-preview").single().getText()).isEqualTo("This codes 3 turns in 2 documents; "
				+ "1 new coding as " + RESEARCHER + " (turns already coded so are skipped).");
		test($(Button.class).withId("auto-confirm").single()).click();
		assertThat(codings.codings(a.id(), null)).hasSize(1);
		assertThat(codings.codings(b.id(), null)).hasSize(2);
	}

	@Test
	void anotherCodersNewCodingAppearsInAnOpenTranscriptWithoutReload() throws Exception {
		openTranscript();
		assertThat(TranscriptDom.stripes(turns())).isEmpty();
		var before = turns().getChildren().toList();
		var html = TranscriptDom.turns(turns()).stream().map(Object::toString).toList();
		var code = codebook.codes(project.id()).get(0);
		int start = offsetOf("Summarizing was the hardest part");
		// A colleague codes the same transcript in their own session (another thread, no UI of theirs here).
		Thread colleague = new Thread(() -> codings.code(document.id(), code.id(), start, start + 11, "Colleague"));
		colleague.start();
		colleague.join();
		roundTrip();
		assertThat(TranscriptDom.stripes(turns())).singleElement()
			.satisfies(s -> assertThat(s.attr("title")).contains("Colleague"));
		assertThat(turns().getChildren().toList()).as("the turn elements stay; only their content changes")
			.containsExactlyElementsOf(before);
		var after = TranscriptDom.turns(turns()).stream().map(Object::toString).toList();
		assertThat(after.get(0)).isEqualTo(html.get(0));
		assertThat(after.get(1)).as("the coded turn has the new stripe").isNotEqualTo(html.get(1));
		assertThat(after.get(2)).isEqualTo(html.get(2));
	}

}

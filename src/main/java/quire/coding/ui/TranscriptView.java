package quire.coding.ui;

import jakarta.annotation.security.PermitAll;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;

import quire.project.ProjectAccess;
import quire.project.ProjectRole;
import quire.coding.Code;
import quire.coding.CodeDraft;
import quire.coding.CodebookService;
import quire.coding.Coding;
import quire.coding.CodingService;
import quire.coding.MemoService;
import quire.coding.MemoTarget;
import quire.coding.RemovedCoding;
import quire.coding.Selections;
import quire.corpus.CorpusService;
import quire.corpus.DocumentId;
import quire.corpus.SentenceUnit;
import quire.corpus.Transcript;
import quire.corpus.SpeakerLinkService;
import quire.corpus.Turn;
import quire.corpus.TurnTimes;
import quire.corpus.ui.SpeakerLinkDialog;
import quire.media.MediaService;
import quire.media.ui.RecordingPlayer;
import quire.ui.CurrentCoder;
import quire.ui.MainLayout;
import quire.ui.Notifications;

/**
 * Reads and codes one transcript. Turns show timestamp, speaker and words; codings are coloured
 * stripes in a margin beside each turn (one lane per overlapping coding, code and coder on hover).
 * Select words, then pick a code (Alt+C focuses the searchable picker, Enter applies), press
 * Alt+1…9 for a recently used code, or Alt+V to code in vivo; typing a code's name and Enter applies
 * the code it names. Clicking a stripe selects its coding to remove it (Delete, with Undo for ten
 * seconds), fit it to the current selection or widen it to its sentences or the whole
 * turn. "Whole sentence" (Alt+S) widens a selection to the stored sentence units it touches.
 *
 * <p>
 * Each turn is one element whose content is HTML built on the server by {@link TurnHtml}, and one
 * set of DOM listeners on the turns container handles selections and stripe clicks, so a long
 * transcript with hundreds of codings opens quickly. A coding change, here or a colleague's by
 * push, replaces only the turns whose HTML changed.
 *
 * <p>
 * Opened from search as {@code transcript/ID?turn=N&start=S&end=E}, it scrolls to the turn and
 * highlights the hit (document offsets {@code [S, E)}).
 */
@PermitAll
@Route(value = "transcript/:documentId", layout = MainLayout.class)
@PageTitle("Transcript")
class TranscriptView extends HorizontalLayout implements BeforeEnterObserver {

	private static final int RECENT = 9;

	/**
	 * Browser-side: the current selection as document offsets "start:end" (each end mapped through the
	 * {@code data-offset} of the turn's words element), or null when nothing is selected.
	 */
	static final String SELECTION = """
			(function(){var s=window.getSelection();if(!s||!s.rangeCount||s.isCollapsed)return null;var r=s.getRangeAt(0);
			function pos(node,off,atEnd){var el=node.nodeType===1?node:node.parentElement;if(!el)return -1;var w=el.closest('.words');
			if(!w){var t=el.closest('.quire-turn');if(!t)return -1;w=t.querySelector('.words');var b=parseInt(w.dataset.offset);
			return atEnd?b+w.textContent.length:b;}
			var rr=document.createRange();rr.selectNodeContents(w);rr.setEnd(node,off);return parseInt(w.dataset.offset)+rr.toString().length;}
			return pos(r.startContainer,r.startOffset,false)+':'+pos(r.endContainer,r.endOffset,true);})()""";

	/**
	 * Browser-side: scrolls the search hit (else the turn with id $0) to the middle of the page, and
	 * again on the next frames until it is in view (for up to a second): when the view's script runs
	 * the page may not have its final layout yet, and turns off screen are laid out only near it.
	 */
	static final String SCROLL_TO_TURN = """
			const go = (left) => { const t = document.getElementById('hit') || document.getElementById($0); if (!t) return;
			  const r = t.getBoundingClientRect();
			  if (r.height > 0 && r.bottom > 0 && r.top < window.innerHeight) return;
			  t.scrollIntoView({block: 'center'}); if (left > 0) requestAnimationFrame(() => go(left - 1)); };
			go(60);""";

	/** Browser-side: whether a click landed on a coding stripe. */
	static final String ON_STRIPE = "event.target.classList.contains('stripe')";

	/** Browser-side: whether a click landed on a turn's speaker label, and that label. */
	static final String ON_SPEAKER = "event.target.classList.contains('speaker') && event.target.textContent.length > 0";

	static final String SPEAKER = "event.target.textContent";

	/** Browser-side: the clicked stripe's coding id. */
	static final String STRIPE = "event.target.dataset.coding";

	private final CorpusService corpus;

	private final CodebookService codebook;

	private final CodingService codings;

	private final MemoService memos;

	private final CurrentCoder coder;

	private final LiveCodings live;

	private final ProjectAccess access;

	private final SpeakerLinkService speakers;

	private com.vaadin.flow.shared.@Nullable Registration watching;

	private final VerticalLayout reading = new VerticalLayout();

	private final Div turns = new Div();

	/** One element per turn, in turn order; its content is HTML from {@link TurnHtml}. */
	private final List<Div> turnElements = new ArrayList<>();

	private @Nullable TurnHtml markup;

	/** The codings the turns show now, by id: a clicked stripe's coding is looked up here. */
	private Map<Long, Coding> shownCodings = Map.of();

	private final VerticalLayout panel = new VerticalLayout();

	private final ComboBox<Code> picker = new ComboBox<>("Code");

	private final Span selectionInfo = new Span();

	/** Why the picker did nothing, shown under it in the panel rather than over the transcript. */
	private final Span pickerHint = new Span();

	private final Div selectedCodingBox = new Div();

	private final Div recentBox = new Div();

	private final LinkedList<Code> recent = new LinkedList<>();

	private @Nullable Transcript transcript;

	/** The document's recording, docked above the turns when there is one. */
	private final MediaService media;

	/** Sets a turn's start from the player's position (aligning an untimed transcript while listening). */
	private final TurnTimes turnTimes;

	private @Nullable RecordingPlayer player;

	private List<Code> codes = List.of();

	private Map<Long, Code> codeById = Map.of();

	private int selStart = -1;

	private int selEnd = -1;

	private @Nullable Coding selectedCoding;

	private int hitStart = -1;

	private int hitEnd = -1;

	private int focusTurn = -1;

	/** The transcript's sentence units, read when "whole sentence" is first used rather than on every open. */
	private @Nullable List<SentenceUnit> sentences;

	TranscriptView(CorpusService corpus, CodebookService codebook, CodingService codings, MemoService memos,
			CurrentCoder coder, LiveCodings live, ProjectAccess access, SpeakerLinkService speakers, MediaService media,
			TurnTimes turnTimes) {
		this.turnTimes = turnTimes;
		this.speakers = speakers;
		this.media = media;
		this.live = live;
		this.access = access;
		this.corpus = corpus;
		this.codebook = codebook;
		this.codings = codings;
		this.memos = memos;
		this.coder = coder;
		addClassName("quire-transcript-page");
		setWidthFull();
		setAlignItems(FlexComponent.Alignment.START);
		reading.addClassName("quire-page");
		reading.addClassName("quire-reading");
		panel.addClassName("quire-coding-panel");
		panel.setId("coding-panel");
		add(reading, panel);
		createTurnListeners();
		createShortcuts();
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		Optional<Transcript> found = event.getRouteParameters()
			.get("documentId")
			.flatMap(TranscriptView::parseId)
			.flatMap(corpus::transcript);
		reading.removeAll();
		panel.removeAll();
		player = null;
		if (found.isEmpty()) {
			transcript = null;
			markup = null;
			turnElements.clear();
			reading.add(new H2("Document not found"), new Paragraph("It may have been deleted."),
					new Anchor("documents", "Back to the documents"));
			panel.setVisible(false);
			return;
		}
		// Coding needs the coder role; a viewer reads the transcript and its stripes.
		panel.setVisible(access.can(found.get().document().projectId(), ProjectRole.CODER));
		transcript = found.get();
		watchOthers(transcript.document().id());
		sentences = null;
		QueryParameters query = event.getLocation().getQueryParameters();
		focusTurn = intParam(query, "turn", -1);
		hitStart = intParam(query, "start", -1);
		hitEnd = intParam(query, "end", -1);
		selStart = -1;
		selEnd = -1;
		selectedCoding = null;
		if (focusTurn < 0 && hitStart >= 0) {
			Turn at = turnAt(hitStart);
			focusTurn = at == null ? -1 : at.index();
		}
		if (focusTurn >= 0 && hitEnd > hitStart) {
			Turn at = transcript.turns().stream().filter(x -> x.index() == focusTurn).findFirst().orElse(null);
			if (at != null) {
				hitEnd = Math.min(hitEnd, at.end());
			}
		}
		loadCodes();
		markup = new TurnHtml(transcript);
		turns.removeAll();
		turnElements.clear();
		createReading();
		createPanel();
		renderTurns();
		updateSelection();
		if (focusTurn >= 0) {
			getElement().executeJs(SCROLL_TO_TURN, "turn-" + focusTurn);
		}
	}

	/** Another coder's committed codings in this document appear here without a reload (server push). */
	private void watchOthers(DocumentId id) {
		stopWatching();
		Optional.ofNullable(com.vaadin.flow.component.UI.getCurrent()).ifPresent(ui -> watching = live.watch(ui, id, changed -> {
			if (transcript != null && transcript.document().id().equals(changed)) {
				renderTurns();
			}
		}));
	}

	private void stopWatching() {
		if (watching != null) {
			watching.remove();
			watching = null;
		}
	}

	@Override
	protected void onDetach(com.vaadin.flow.component.DetachEvent event) {
		stopWatching();
		super.onDetach(event);
	}

	private void createReading() {
		Transcript t = transcript();
		var d = t.document();
		NumberFormat n = NumberFormat.getIntegerInstance(Locale.ENGLISH);
		H2 title = new H2(d.name());
		title.setId("transcript-title");
		Span meta = new Span((d.group() == null ? "No group" : d.group()) + " · " + d.language().label() + " · "
				+ d.format() + " · " + n.format(d.turnCount()) + " turns · " + n.format(d.wordCount()) + " words");
		meta.addClassName("quire-meta");
		reading.add(new Div(new Anchor("documents", "← Documents")), title, meta);
		player = RecordingPlayer.of(media, t, turns).orElse(null);
		if (player != null) {
			reading.add(player, createListening(t));
		}
		reading.add(turns);
	}

	/**
	 * Under the player: play the selection, and for coders set a turn's start from where the recording
	 * is now, which is how an untimed transcript is aligned while listening.
	 */
	private Div createListening(Transcript t) {
		boolean timed = t.turns().stream().anyMatch(x -> x.startMs() != null);
		boolean mayTime = access.can(t.document().projectId(), ProjectRole.CODER);
		Objects.requireNonNull(player).setHint((timed ? "Click a turn's time to play from it · "
				: "This transcript has no timestamps yet" + (mayTime ? ": play it and press Alt+T as each turn begins · " : " · "))
				+ "Alt+P play/pause · Alt+B back 5 s · Alt+, slower · Alt+. faster · Alt+L play the selection"
				+ (mayTime && timed ? " · Alt+T the selected turn starts now" : ""));
		Button play = new Button("Play selection (Alt+L)", e -> playSelection());
		play.setId("play-selection");
		play.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
		Div bar = new Div(play);
		bar.addClassName("quire-listening");
		if (mayTime) {
			// the position is read in the browser as the key is pressed, not a round trip later
			Objects.requireNonNull(player).onAltKey("KeyT", this::startTurnAt);
			Button now = new Button("Turn starts now (Alt+T)", e -> startTurnNow());
			now.setId("turn-starts-now");
			now.setTooltipText("Sets the selected turn's start (with nothing selected: the next turn without a time) "
					+ "to where the recording is now");
			now.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
			bar.add(now);
		}
		return bar;
	}

	/** Plays the selected turns, from the first one's start to the start of the turn after the last (Alt+L). */
	void playSelection() {
		RecordingPlayer p = player;
		if (p == null) {
			return;
		}
		if (!hasSelection()) {
			Notifications.error("Select words of the turns to play first.");
			return;
		}
		List<Turn> touched = Selections.turnsTouched(transcript().turns(), selStart, selEnd);
		if (touched.isEmpty() || !p.playRows(touched.get(0).index(), touched.get(touched.size() - 1).index())) {
			Notifications.error(touched.isEmpty() ? "The selection is outside the speaker turns."
					: "Turn " + (touched.get(0).index() + 1) + " has no time yet, so the selection cannot be played: "
							+ "set its start with Alt+T while listening.");
		}
	}

	/**
	 * Sets the start of the selected turn (nothing selected: the first turn without a time after the
	 * last timed one) to the player's position (Alt+T), stored like an imported timestamp.
	 */
	void startTurnNow() {
		RecordingPlayer p = player;
		if (p != null) {
			p.position(this::startTurnAt);
		}
	}

	/** Sets the start of the selected (or next untimed) turn to {@code ms}. */
	void startTurnAt(long ms) {
		if (player == null || transcript == null || !access.can(transcript().document().projectId(), ProjectRole.CODER)) {
			return;
		}
		Optional<Turn> target = hasSelection() ? Selections.turnAt(transcript().turns(), selStart) : nextUntimed();
		if (target.isEmpty()) {
			Notifications.error(hasSelection() ? "The selection is outside the speaker turns."
					: "Every turn has a time: select a word of the turn whose start should change.");
			return;
		}
		setTurnStart(target.get().index(), ms);
	}

	/** Stores a turn's start and shows it: the turn's time, the player's turn-following. */
	void setTurnStart(int turnIndex, long ms) {
		RecordingPlayer p = player;
		try {
			Turn turn = turnTimes.setStart(transcript().document().id(), turnIndex, ms);
			transcript = corpus.transcript(transcript().document().id()).orElseThrow();
			markup = new TurnHtml(transcript());
			if (p != null) {
				p.setStart(turnIndex, turn.startMs());
			}
			clearBrowserSelection();
			selStart = -1;
			selEnd = -1;
			renderTurns();
			updateSelection();
			Notifications.success("Turn " + (turnIndex + 1) + (turn.speaker() == null ? "" : " (" + turn.speaker() + ")")
					+ " starts at " + quire.media.Recording.clock(ms / 1000.0) + ".");
		}
		catch (IllegalArgumentException ex) {
			Notifications.error(ex.getMessage());
		}
	}

	/** The first turn without a time after the last turn that has one (the first turn if none has). */
	private Optional<Turn> nextUntimed() {
		List<Turn> all = transcript().turns();
		int lastTimed = -1;
		for (int i = 0; i < all.size(); i++) {
			if (all.get(i).startMs() != null) {
				lastTimed = i;
			}
		}
		for (int i = lastTimed + 1; i < all.size(); i++) {
			if (all.get(i).startMs() == null) {
				return Optional.of(all.get(i));
			}
		}
		return Optional.empty();
	}

	/**
	 * One set of DOM listeners on the turns container serves every turn: a mouse or keyboard
	 * selection is sent as document offsets, and a click on a stripe sends its coding id.
	 */
	private void createTurnListeners() {
		turns.setId("turns");
		turns.addClassName("quire-turns");
		turns.getElement().addEventListener("mouseup", e -> onSelection(e.getEventData().get(SELECTION)))
			.addEventData(SELECTION);
		turns.getElement().addEventListener("keyup", e -> onSelection(e.getEventData().get(SELECTION)))
			.addEventData(SELECTION);
		turns.getElement().addEventListener("click", e -> onStripeClicked(e.getEventData().get(STRIPE)))
			.setFilter(ON_STRIPE)
			.addEventData(STRIPE);
		// a click on a speaker: who speaks under this label in this document (speakers are per document)
		turns.getElement().addEventListener("click", e -> onSpeakerClicked(e.getEventData().get(SPEAKER)))
			.setFilter(ON_SPEAKER)
			.addEventData(SPEAKER);
	}

	private void createPanel() {
		TextField name = new TextField("Coding as");
		name.setId("coder-name");
		name.setValue(coder.name());
		name.setWidthFull();
		name.addValueChangeListener(e -> {
			coder.name(e.getValue());
			name.setValue(coder.name());
		});

		Select<String> shown = new Select<>();
		shown.setLabel("Show codings of");
		shown.setId("coder-filter");
		List<String> coders = new ArrayList<>(codings.coders(transcript().document().projectId()));
		if (!coders.contains(coder.name())) {
			coders.add(coder.name());
		}
		shown.setWidthFull();
		coder.bind(shown, coders, () -> {
			selectedCoding = null;
			renderTurns();
			updateSelection();
		});

		selectionInfo.setId("selection-info");
		selectionInfo.addClassName("quire-selection");

		picker.setId("code-picker");
		picker.setItems(codes);
		picker.setItemLabelGenerator(Code::path);
		picker.setPlaceholder("Type to find a code (Alt+C)");
		picker.setWidthFull();
		picker.setClearButtonVisible(true);
		// typed text that is not exactly an item's label arrives as a custom value: Enter applies the
		// code it names (exactly, else the only code whose path contains it) instead of discarding it
		picker.setAllowCustomValue(true);
		picker.addCustomValueSetListener(e -> onTypedCode(e.getDetail()));
		picker.addValueChangeListener(e -> {
			hint("");
			if (e.isFromClient() && e.getValue() != null && hasSelection()) {
				apply(e.getValue());
			}
		});
		pickerHint.setId("picker-hint");
		pickerHint.addClassName("quire-picker-hint");

		Button apply = new Button("Apply code", e -> {
			if (picker.getValue() != null) {
				apply(picker.getValue());
			}
			else {
				hint("Choose a code first: type part of its name and press Enter.");
				picker.focus();
			}
		});
		apply.setId("apply-code");
		apply.addThemeVariants(ButtonVariant.PRIMARY);
		Button inVivo = new Button("In vivo (Alt+V)", e -> inVivo());
		inVivo.setId("in-vivo");
		Button sentence = new Button("Whole sentence (Alt+S)", e -> selectSentence());
		sentence.setId("select-sentence");
		sentence.setTooltipText("Widen the selection to the sentences it touches, then pick a code: code this sentence");
		HorizontalLayout actions = new HorizontalLayout(apply, inVivo, sentence);
		actions.setWrap(true);

		recentBox.setId("recent-codes");
		recentBox.addClassName("quire-recent");
		selectedCodingBox.setId("selected-coding");

		Button memo = new Button("Document memos", e -> new MemoDialog(memos, transcript().document().projectId(),
				MemoTarget.DOCUMENT, transcript().document().id().value(), "Memos on " + transcript().document().name(),
				coder.name()).open());
		memo.addThemeVariants(ButtonVariant.TERTIARY);
		Anchor codebookLink = new Anchor("codebook", "Edit the codebook");

		H3 heading = new H3("Coding");
		panel.add(heading, name, shown, selectionInfo, picker, pickerHint, actions, recentBox, selectedCodingBox, memo, codebookLink);
		hint("");
		renderRecent();
	}

	private void createShortcuts() {
		Shortcuts.addShortcutListener(this, () -> picker.focus(), Key.KEY_C, KeyModifier.ALT);
		Shortcuts.addShortcutListener(this, this::inVivo, Key.KEY_V, KeyModifier.ALT);
		Shortcuts.addShortcutListener(this, this::selectSentence, Key.KEY_S, KeyModifier.ALT);
		Shortcuts.addShortcutListener(this, this::playSelection, Key.KEY_L, KeyModifier.ALT);
		Shortcuts.addShortcutListener(this, () -> {
			if (selectedCoding != null) {
				removeSelectedCoding();
			}
		}, Key.DELETE);
		Key[] digits = { Key.DIGIT_1, Key.DIGIT_2, Key.DIGIT_3, Key.DIGIT_4, Key.DIGIT_5, Key.DIGIT_6, Key.DIGIT_7,
				Key.DIGIT_8, Key.DIGIT_9 };
		for (int i = 0; i < digits.length; i++) {
			int slot = i;
			Shortcuts.addShortcutListener(this, () -> {
				if (slot < recent.size()) {
					apply(recent.get(slot));
				}
			}, digits[i], KeyModifier.ALT);
		}
	}

	/** Called with the browser's selection as "start:end" document offsets. */
	void onSelection(tools.jackson.databind.@Nullable JsonNode value) {
		String s = value == null || value.isNull() ? null : value.asString();
		select(s);
	}

	/** Sets the selection from "start:end" (null or malformed clears it). */
	void select(@Nullable String range) {
		int start = -1;
		int end = -1;
		if (range != null && range.contains(":")) {
			try {
				start = Integer.parseInt(range.substring(0, range.indexOf(':')));
				end = Integer.parseInt(range.substring(range.indexOf(':') + 1));
			}
			catch (NumberFormatException ex) {
				start = -1;
			}
		}
		int length = transcript().text().length();
		if (start < 0 || end <= start || end > length) {
			selStart = -1;
			selEnd = -1;
		}
		else {
			selStart = start;
			selEnd = end;
		}
		updateSelection();
	}

	private boolean hasSelection() {
		return selStart >= 0 && selEnd > selStart;
	}

	private void updateSelection() {
		if (!hasSelection()) {
			selectionInfo.setText("Select words in the transcript to code them.");
			selectionInfo.removeClassName("active");
			return;
		}
		String text = transcript().text().substring(selStart, selEnd).strip();
		String shown = text.length() > 140 ? text.substring(0, 140) + "…" : text;
		selectionInfo.setText("Selected: “" + shown + "” (" + text.length() + " characters)");
		selectionInfo.addClassName("active");
	}

	/**
	 * Text typed in the picker and confirmed with Enter: the code whose name or path is exactly the
	 * text (ignoring case), else the only code whose path contains it. It is applied to the selection,
	 * or kept in the picker for "Apply code" when nothing is selected yet.
	 */
	void onTypedCode(@Nullable String typed) {
		String text = typed == null ? "" : typed.strip();
		if (text.isEmpty()) {
			return;
		}
		List<Code> matches = matching(codes, text);
		if (matches.size() != 1) {
			picker.clear();
			hint(matches.isEmpty() ? "No code is called “" + text + "”. Pick one from the list, or create it in the codebook."
					: matches.size() + " codes match “" + text + "”: type more of the name or pick one with ↓.");
			return;
		}
		Code code = matches.get(0);
		picker.setValue(code);
		if (hasSelection()) {
			apply(code);
		}
		else {
			hint("“" + code.name() + "” is ready: select words, then press Apply code.");
		}
	}

	/** The code named exactly {@code text} (name or path, ignoring case), else every code whose path contains it. */
	static List<Code> matching(List<Code> codes, String text) {
		String wanted = text.toLowerCase(Locale.ROOT);
		List<Code> exact = codes.stream()
			.filter(c -> c.name().toLowerCase(Locale.ROOT).equals(wanted) || c.path().toLowerCase(Locale.ROOT).equals(wanted))
			.toList();
		if (!exact.isEmpty()) {
			return exact;
		}
		return codes.stream().filter(c -> c.path().toLowerCase(Locale.ROOT).contains(wanted)).toList();
	}

	private void hint(String message) {
		pickerHint.setText(message);
		pickerHint.setVisible(!message.isEmpty());
	}

	void apply(Code code) {
		if (!hasSelection()) {
			hint("Select some words in the transcript first, then apply “" + code.name() + "”.");
			return;
		}
		try {
			Coding made = codings.code(transcript().document().id(), code.id(), selStart, selEnd, coder.name());
			hint("");
			remember(code);
			selectedCoding = made;
			picker.clear();
			clearBrowserSelection();
			selStart = -1;
			selEnd = -1;
			renderTurns();
			updateSelection();
			Notifications.success("Coded with '" + code.name() + "'.");
		}
		catch (IllegalArgumentException ex) {
			Notifications.error(ex.getMessage());
		}
	}

	void inVivo() {
		try {
			String name = Selections.inVivoName(transcript().text(), selStart, selEnd);
			var project = transcript().document().projectId();
			Code code = codebook.createOrFind(project, null, CodeDraft.named(name, codebook.nextColour(project)));
			loadCodes();
			picker.setItems(codes);
			apply(code);
		}
		catch (IllegalArgumentException ex) {
			Notifications.error(ex.getMessage());
		}
	}

	private void removeSelectedCoding() {
		Coding c = selectedCoding;
		if (c == null) {
			return;
		}
		RemovedCoding removed = codings.remove(c.id());
		selectedCoding = null;
		renderTurns();
		Code code = codeById.get(c.codeId().value());
		Notification note = new Notification();
		note.setDuration(10_000);
		note.setPosition(Notification.Position.BOTTOM_START);
		note.setId("coding-removed");
		Button undo = new Button("Undo", e -> {
			note.close();
			undoRemove(removed);
		});
		undo.setId("undo-remove-coding");
		undo.addThemeVariants(ButtonVariant.TERTIARY);
		HorizontalLayout content = new HorizontalLayout(new Span("Removed the coding “"
				+ (code == null ? "?" : code.name()) + "” by " + c.coder() + "."), undo);
		content.setAlignItems(FlexComponent.Alignment.CENTER);
		note.add(content);
		note.open();
	}

	/** Puts a removed coding back as it was (same id, span, coder and memos) and selects it again. */
	void undoRemove(RemovedCoding removed) {
		try {
			selectedCoding = codings.restore(removed);
			renderTurns();
			Notifications.success("Coding restored.");
		}
		catch (IllegalArgumentException ex) {
			Notifications.error(ex.getMessage());
		}
	}

	private void fitToSelection() {
		Coding c = selectedCoding;
		if (c == null || !hasSelection()) {
			Notifications.error("Select the words the coding should cover, then press this again.");
			return;
		}
		try {
			selectedCoding = codings.resize(c.id(), selStart, selEnd);
			clearBrowserSelection();
			selStart = -1;
			selEnd = -1;
			renderTurns();
			updateSelection();
		}
		catch (IllegalArgumentException ex) {
			Notifications.error(ex.getMessage());
		}
	}

	/**
	 * Widens the selection to the stored sentence units it touches, so the next code applies to whole
	 * sentences ("code this sentence"); sentence units are the same ones agreement uses.
	 */
	void selectSentence() {
		if (!hasSelection()) {
			Notifications.error("Select a word of the sentence first (or words of several sentences).");
			return;
		}
		Optional<Selections.Range> span = Selections.sentences(sentenceUnits(), selStart, selEnd);
		if (span.isEmpty()) {
			Notifications.error("The selection is outside the speaker turns, where there are no sentences.");
			return;
		}
		selStart = span.get().start();
		selEnd = span.get().end();
		updateSelection();
	}

	/** The transcript's sentence units, read once when first needed. */
	private List<SentenceUnit> sentenceUnits() {
		List<SentenceUnit> units = sentences;
		if (units == null) {
			units = corpus.sentences(transcript().document().id());
			sentences = units;
		}
		return units;
	}

	private void widenToSentence() {
		Coding c = selectedCoding;
		if (c == null) {
			return;
		}
		Optional<Selections.Range> span = Selections.sentences(sentenceUnits(), c.start(), c.end());
		if (span.isPresent()) {
			Selections.Range wide = span.get().union(new Selections.Range(c.start(), c.end()));
			selectedCoding = codings.resize(c.id(), wide.start(), wide.end());
			renderTurns();
		}
	}

	private void widenToTurn() {
		Coding c = selectedCoding;
		if (c == null) {
			return;
		}
		Optional<Selections.Range> wide = Selections.turns(transcript().turns(), c.start(), c.end());
		if (wide.isPresent()) {
			selectedCoding = codings.resize(c.id(), wide.get().start(), wide.get().end());
			renderTurns();
		}
	}

	private void selectCoding(Coding c) {
		selectedCoding = c;
		renderTurns();
	}

	private void renderSelectedCoding() {
		selectedCodingBox.removeAll();
		Coding c = selectedCoding;
		if (c == null) {
			return;
		}
		Code code = codeById.get(c.codeId().value());
		Div box = new Div();
		box.addClassName("quire-selected-coding");
		Span name = new Span(code == null ? "?" : code.path());
		name.addClassName("code-name");
		if (code != null) {
			name.getStyle().set("border-left", "6px solid " + code.colour());
		}
		String text = transcript().text().substring(c.start(), c.end());
		Span quote = new Span("“" + (text.length() > 160 ? text.substring(0, 160) + "…" : text) + "”");
		quote.addClassName("quire-quote");
		Span who = new Span("by " + c.coder());
		who.addClassName("quire-meta");
		Button remove = new Button("Remove (Del)", e -> removeSelectedCoding());
		remove.setId("remove-coding");
		remove.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.TERTIARY);
		Button fit = new Button("Fit to selection", e -> fitToSelection());
		fit.setId("fit-coding");
		fit.addThemeVariants(ButtonVariant.TERTIARY);
		Button turn = new Button("Whole turn", e -> widenToTurn());
		turn.setId("widen-coding");
		turn.addThemeVariants(ButtonVariant.TERTIARY);
		Button sentence = new Button("Whole sentence", e -> widenToSentence());
		sentence.setId("widen-coding-sentence");
		sentence.addThemeVariants(ButtonVariant.TERTIARY);
		Button memo = new Button("Memo", e -> new MemoDialog(memos, transcript().document().projectId(), MemoTarget.CODING,
				c.id().value(), "Memo on this coding", coder.name()).open());
		memo.addThemeVariants(ButtonVariant.TERTIARY);
		box.add(name, quote, who, new Div(fit, sentence, turn, memo, remove));
		selectedCodingBox.add(box);
	}

	private void renderRecent() {
		recentBox.removeAll();
		if (recent.isEmpty()) {
			return;
		}
		recentBox.add(new Span("Recent codes (Alt+number):"));
		for (int i = 0; i < recent.size(); i++) {
			Code code = recent.get(i);
			Button b = new Button((i + 1) + " " + code.name(), e -> apply(code));
			b.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
			b.getStyle().set("border-left", "5px solid " + code.colour());
			recentBox.add(b);
		}
	}

	private void remember(Code code) {
		recent.removeIf(c -> c.id().equals(code.id()));
		recent.addFirst(code);
		while (recent.size() > RECENT) {
			recent.removeLast();
		}
		renderRecent();
	}

	private void loadCodes() {
		codes = codebook.codes(transcript().document().projectId());
		Map<Long, Code> byId = new HashMap<>();
		codes.forEach(c -> byId.put(c.id().value(), c));
		codeById = byId;
	}

	/**
	 * Renders the turns: on opening a transcript every turn element is created; afterwards only the
	 * turns whose HTML changed (their codings, lanes or marked words) get new content, so the other
	 * turns stay as they are in the browser, with the reader's selection in them.
	 */
	private void renderTurns() {
		Transcript t = transcript();
		TurnHtml html = markup;
		if (html == null) {
			throw new IllegalStateException("no transcript is rendered");
		}
		List<Coding> visible = codings.codings(t.document().id(), coder.filter());
		Map<Long, Coding> byId = new HashMap<>();
		visible.forEach(c -> byId.put(c.id().value(), c));
		shownCodings = byId;
		if (selectedCoding != null && !byId.containsKey(selectedCoding.id().value())) {
			selectedCoding = null;
		}
		TurnHtml.Rendering rendering = html.render(visible, id -> codeById.get(id.value()),
				selectedCoding == null ? null : selectedCoding.id(), focusTurn, hitStart, hitEnd);
		turns.getStyle().set("--quire-stripes-width", Math.max(1, rendering.laneCount()) * TurnHtml.LANE_WIDTH + "px");
		List<Turn> all = t.turns();
		if (turnElements.size() != all.size()) {
			turns.removeAll();
			turnElements.clear();
			for (Turn turn : all) {
				Div row = new Div();
				row.setId("turn-" + turn.index());
				row.addClassName("quire-turn");
				if (turn.index() == focusTurn) {
					row.addClassName("focus");
				}
				turnElements.add(row);
			}
			turns.add(turnElements.toArray(Div[]::new));
		}
		for (int i = 0; i < all.size(); i++) {
			var element = turnElements.get(i).getElement();
			String content = rendering.turns().get(i);
			if (!content.equals(element.getProperty("innerHTML"))) {
				element.setProperty("innerHTML", content);
			}
		}
		renderSelectedCoding();
	}

	/** A click on a speaker label in the browser: link the document's speaker to a participant. */
	void onSpeakerClicked(tools.jackson.databind.@Nullable JsonNode value) {
		if (value != null && !value.isNull() && !value.asString().isBlank()) {
			SpeakerLinkDialog.open(speakers, corpus, transcript().document().id(), value.asString(), () -> { });
		}
	}

	/** A click on a stripe in the browser: select its coding (the id comes from the stripe's data-coding). */
	void onStripeClicked(tools.jackson.databind.@Nullable JsonNode value) {
		String id = value == null || value.isNull() ? "" : value.asString();
		Coding c;
		try {
			c = shownCodings.get(Long.parseLong(id));
		}
		catch (NumberFormatException ex) {
			c = null;
		}
		if (c != null) {
			selectCoding(c);
		}
	}

	private @Nullable Turn turnAt(int offset) {
		return Selections.turnAt(transcript().turns(), offset).orElse(null);
	}

	private void clearBrowserSelection() {
		getElement().executeJs("window.getSelection() && window.getSelection().removeAllRanges()");
	}

	private Transcript transcript() {
		Transcript t = transcript;
		if (t == null) {
			throw new IllegalStateException("no transcript is open");
		}
		return t;
	}

	private static Optional<DocumentId> parseId(String value) {
		try {
			return Optional.of(new DocumentId(Long.parseLong(value)));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	private static int intParam(QueryParameters query, String name, int fallback) {
		List<String> values = query.getParameters().getOrDefault(name, List.of());
		try {
			return values.isEmpty() ? fallback : Integer.parseInt(values.get(0));
		}
		catch (NumberFormatException ex) {
			return fallback;
		}
	}

}

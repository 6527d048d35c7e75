package quire.coding.ui;

import jakarta.annotation.security.PermitAll;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;

import quire.project.ProjectAccess;
import quire.project.ProjectRole;
import quire.coding.Code;
import quire.coding.CodebookService;
import quire.coding.Coding;
import quire.coding.CodingService;
import quire.coding.MemoService;
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
 * The coding side panel and its shortcuts are {@link CodingPanel}; the docked recording and aligning
 * turns while listening are {@link TranscriptListening}. This class keeps what they share: the open
 * transcript, the selection, the selected coding and the rendered turns.
 *
 * <p>
 * Opened from search as {@code transcript/ID?turn=N&start=S&end=E}, it scrolls to the turn and
 * highlights the hit (document offsets {@code [S, E)}).
 */
@PermitAll
@Route(value = "transcript/:documentId", layout = MainLayout.class)
@PageTitle("Transcript")
class TranscriptView extends HorizontalLayout implements BeforeEnterObserver {

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

	private final CurrentCoder coder;

	private final LiveCodings live;

	private final ProjectAccess access;

	private final SpeakerLinkService speakers;

	private com.vaadin.flow.shared.@Nullable Registration watching;

	private final VerticalLayout reading = new VerticalLayout();

	private final Div turns = new Div();

	/** One element per turn, in turn order; its content is HTML from {@link TurnHtml}. */
	private final List<Div> turnElements = new ArrayList<>();

	@Nullable TurnHtml markup;

	/** The codings the turns show now, by id: a clicked stripe's coding is looked up here. */
	private Map<Long, Coding> shownCodings = Map.of();

	private final VerticalLayout panel = new VerticalLayout();

	/** The coding side panel (picker, recent codes, the selected coding) and its shortcuts. */
	private final CodingPanel coding;

	/** The recording docked above the turns, and aligning turns while listening. */
	private final TranscriptListening listening;

	@Nullable Transcript transcript;

	List<Code> codes = List.of();

	Map<Long, Code> codeById = Map.of();

	int selStart = -1;

	int selEnd = -1;

	@Nullable Coding selectedCoding;

	private int hitStart = -1;

	private int hitEnd = -1;

	private int focusTurn = -1;

	/** The transcript's sentence units, read when "whole sentence" is first used rather than on every open. */
	@Nullable List<SentenceUnit> sentences;

	TranscriptView(CorpusService corpus, CodebookService codebook, CodingService codings, MemoService memos,
			CurrentCoder coder, LiveCodings live, ProjectAccess access, SpeakerLinkService speakers, MediaService media,
			TurnTimes turnTimes) {
		this.speakers = speakers;
		this.live = live;
		this.access = access;
		this.corpus = corpus;
		this.codebook = codebook;
		this.codings = codings;
		this.coder = coder;
		addClassName("quire-transcript-page");
		setWidthFull();
		setAlignItems(FlexComponent.Alignment.START);
		reading.addClassName("quire-page");
		reading.addClassName("quire-reading");
		panel.addClassName("quire-coding-panel");
		panel.setId("coding-panel");
		add(reading, panel);
		coding = new CodingPanel(this, panel, corpus, codebook, codings, memos, coder);
		listening = new TranscriptListening(this, corpus, access, media, turnTimes);
		createTurnListeners();
		coding.createShortcuts(listening);
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		Optional<Transcript> found = event.getRouteParameters()
			.get("documentId")
			.flatMap(TranscriptView::parseId)
			.flatMap(corpus::transcript);
		reading.removeAll();
		panel.removeAll();
		listening.close();
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
		coding.createPanel();
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
		RecordingPlayer player = listening.open(t, turns);
		if (player != null) {
			reading.add(player, listening.createListening(t));
		}
		reading.add(turns);
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

	boolean hasSelection() {
		return selStart >= 0 && selEnd > selStart;
	}

	void updateSelection() {
		coding.updateSelection();
	}
	private void selectCoding(Coding c) {
		selectedCoding = c;
		renderTurns();
	}

	void loadCodes() {
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
	void renderTurns() {
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
		coding.renderSelectedCoding();
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

	void clearBrowserSelection() {
		getElement().executeJs("window.getSelection() && window.getSelection().removeAllRanges()");
	}

	Transcript transcript() {
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
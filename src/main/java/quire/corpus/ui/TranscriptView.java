package quire.corpus.ui;

import java.text.NumberFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;

import quire.corpus.CorpusService;
import quire.corpus.DocumentId;
import quire.corpus.Transcript;
import quire.corpus.Turn;
import quire.ui.MainLayout;

/**
 * Reads one transcript turn by turn: timestamp, speaker and words. Opened from search as
 * {@code transcript/ID?turn=N&start=S&end=E}, it scrolls to the turn and highlights the hit
 * (document offsets {@code [S, E)}).
 */
@Route(value = "transcript/:documentId", layout = MainLayout.class)
@PageTitle("Transcript")
class TranscriptView extends VerticalLayout implements BeforeEnterObserver {

	private static final int SPEAKER_COLOURS = 8;

	private final CorpusService corpus;

	TranscriptView(CorpusService corpus) {
		this.corpus = corpus;
		addClassName("quire-page");
		addClassName("quire-transcript-page");
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		removeAll();
		Optional<Transcript> transcript = event.getRouteParameters()
			.get("documentId")
			.flatMap(TranscriptView::parseId)
			.flatMap(corpus::transcript);
		if (transcript.isEmpty()) {
			add(new H2("Document not found"), new Paragraph("It may have been deleted."),
					new Anchor("documents", "Back to the documents"));
			return;
		}
		QueryParameters query = event.getLocation().getQueryParameters();
		int turn = intParam(query, "turn", -1);
		int start = intParam(query, "start", -1);
		int end = intParam(query, "end", -1);
		render(transcript.get(), turn, start, end);
		if (turn >= 0) {
			getElement().executeJs(
					"const t = document.getElementById($0); if (t) { t.scrollIntoView({block: 'center'}); }",
					"turn-" + turn);
		}
	}

	private void render(Transcript t, int focusTurn, int hitStart, int hitEnd) {
		var d = t.document();
		NumberFormat n = NumberFormat.getIntegerInstance(Locale.ENGLISH);
		H2 title = new H2(d.name());
		title.setId("transcript-title");
		Span meta = new Span((d.group() == null ? "No group" : d.group()) + " · " + d.language().label() + " · "
				+ d.format() + " · " + n.format(d.turnCount()) + " turns · " + n.format(d.wordCount()) + " words");
		meta.addClassName("quire-meta");
		add(new Div(new Anchor("documents", "← Documents")), title, meta);

		Div turns = new Div();
		turns.setId("turns");
		turns.addClassName("quire-turns");
		Map<String, Integer> colours = new HashMap<>();
		for (Turn turn : t.turns()) {
			turns.add(renderTurn(t, turn, colours, turn.index() == focusTurn, hitStart, hitEnd));
		}
		add(turns);
	}

	private Div renderTurn(Transcript t, Turn turn, Map<String, Integer> colours, boolean focus, int hitStart,
			int hitEnd) {
		Div row = new Div();
		row.setId("turn-" + turn.index());
		row.addClassName("quire-turn");
		if (focus) {
			row.addClassName("focus");
		}
		Span time = new Span(turn.startMs() == null ? "" : clock(turn.startMs()));
		time.addClassName("time");
		Span speaker = new Span(turn.speaker() == null ? "" : turn.speaker());
		speaker.addClassName("speaker");
		if (turn.speaker() != null) {
			int colour = colours.computeIfAbsent(turn.speaker(), s -> colours.size() % SPEAKER_COLOURS);
			speaker.addClassName("speaker-" + colour);
		}
		Div words = new Div();
		words.addClassName("words");
		if (focus && hitStart >= turn.start() && hitEnd <= turn.end() && hitStart < hitEnd) {
			Span mark = new Span(t.text().substring(hitStart, hitEnd));
			mark.addClassName("hit");
			mark.setId("hit");
			words.add(new Span(t.text().substring(turn.start(), hitStart)), mark,
					new Span(t.text().substring(hitEnd, turn.end())));
		}
		else {
			words.setText(t.turnText(turn));
		}
		row.add(time, speaker, words);
		return row;
	}

	static String clock(long ms) {
		long s = ms / 1000;
		return String.format(Locale.ROOT, "%02d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
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

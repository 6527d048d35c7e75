package quire.fidelity.ui;

import jakarta.annotation.security.PermitAll;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import quire.ui.CurrentCoder;
import quire.fidelity.Behaviour;
import quire.fidelity.BehaviourSuggestion;
import quire.fidelity.FidelityService;
import quire.fidelity.Global;
import quire.fidelity.MitiCodingService;
import quire.fidelity.MitiGlobals;
import quire.fidelity.MitiSession;
import quire.fidelity.MitiSessionId;
import quire.fidelity.RatingSource;
import quire.fidelity.Summary;
import quire.fidelity.Utterance;
import quire.corpus.CorpusService;
import quire.corpus.Turn;
import quire.media.MediaService;
import quire.media.ui.RecordingPlayer;
import quire.ui.MainLayout;
import quire.ui.Notifications;

/**
 * The keyboard-driven MITI coding screen for one session: the segment's utterances in order (client
 * utterances for context), one key per behaviour code on the current counsellor utterance, arrows to
 * move, {@code /} to split an utterance at a sentence boundary, {@code u} to undo (back to where the
 * undone change was made); {@code .} selects a global score (the first, then the next) and 1–5 rates
 * it, with the anchors beside; a live summary against
 * the project's threshold set.
 */
@PermitAll
@Route(value = "fidelity/session/:sessionId", layout = MainLayout.class)
@PageTitle("MITI coding")
class MitiCodingView extends VerticalLayout implements BeforeEnterObserver {

	private final FidelityService fidelity;

	private final MitiCodingService miti;

	private final CurrentCoder coder;

	private final Div utterancesBox = new Div();

	private final Div globalsBox = new Div();

	private final Div summaryBox = new Div();

	private final Deque<Undo> undo = new ArrayDeque<>();

	/**
	 * One undoable change and where it was made: the start offset of the utterance it changed (or -1)
	 * and the global score it rated (or -1); undo goes back there, so the next key acts on the undone spot.
	 */
	private record Undo(Runnable action, int utteranceStart, int global) {
	}

	private @Nullable MitiSession session;

	private List<Utterance> utterances = List.of();

	private int current = -1;

	/** The global score that 1–5 rate; -1 until {@code .} or a rating selects one (1–5 then rate the first). */
	private int currentGlobal = -1;

	private final Map<Global, Integer> ratings = new EnumMap<>(Global.class);

	private Map<Integer, BehaviourSuggestion> suggestions = Map.of();

	/** Utterance starts whose suggestion is on screen now (uncoded, confidence at or above the threshold). */
	private final java.util.Set<Integer> shownSuggestions = new java.util.HashSet<>();

	/** Made afresh on each entry, so a reused view does not pile up listeners. */
	private com.vaadin.flow.component.textfield.NumberField suggestionThreshold = new com.vaadin.flow.component.textfield.NumberField();

	/** The session's recording, docked above the utterances when its document has one (coding while listening). */
	private final MediaService media;

	private final CorpusService corpus;

	private @Nullable RecordingPlayer player;

	MitiCodingView(FidelityService fidelity, MitiCodingService miti, CurrentCoder coder, MediaService media,
			CorpusService corpus) {
		this.media = media;
		this.corpus = corpus;
		this.fidelity = fidelity;
		this.miti = miti;
		this.coder = coder;
		addClassName("quire-page");
		setWidthFull();
		createShortcuts();
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		removeAll();
		undo.clear();
		ratings.clear();
		currentGlobal = -1;
		session = event.getRouteParameters().get("sessionId").flatMap(MitiCodingPanels::parse).flatMap(fidelity::session)
			.orElse(null);
		MitiSession s = session;
		if (s == null || s.document() == null) {
			add(new H2(s == null ? "Session not found" : "Session " + s.label() + " has no transcript"),
					new Paragraph("Sessions rated by a coding lab have no transcript in Quire; create a session from a "
							+ "transcript on the fidelity page to code it here."),
					new Anchor("fidelity", "Back to MITI fidelity"));
			return;
		}
		loadGlobals();
		utterancesBox.setId("utterances");
		globalsBox.setId("globals");
		summaryBox.setId("miti-summary");
		// the live summary and the globals first, so they are in view while coding; the key legend below
		Div side = new Div(new H3("Summary"), summaryBox, new H3("Global scores"), globalsBox, new H3("Keys"),
				MitiCodingPanels.keys(), createThresholdControl(s));
		side.addClassName("quire-coding-panel");
		Div layout = new Div(utterancesBox, side);
		layout.addClassName("quire-miti");
		add(new Anchor("fidelity", "← MITI fidelity"),
				new H2("Session " + s.label() + " · " + s.counsellor() + (s.client() == null ? "" : " with " + s.client())),
				createCoderChoice(s), layout);
		load();
		current = next(-1, 1);
		dockPlayer(s, layout);
		renderUtterances();
		renderGlobals();
		renderSummary();
	}

	/** Whose coding is shown and edited: the session's coders and the current name. */
	private Select<String> createCoderChoice(MitiSession s) {
		Select<String> who = new Select<>();
		who.setLabel("Coding as");
		who.setId("miti-coder");
		java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
		names.add(coder.name());
		fidelity.ratings(s.projectId()).stream().filter(r -> r.session().id().equals(s.id()) && r.source() == RatingSource.QUIRE)
			.forEach(r -> names.add(r.coder()));
		who.setItems(List.copyOf(names));
		who.setValue(coder.name());
		who.addValueChangeListener(e -> {
			if (e.getValue() == null) {
				return;
			}
			coder.name(e.getValue());
			undo.clear();
			loadGlobals();
			loadSuggestions();
			renderUtterances();
			renderGlobals();
			renderSummary();
		});
		return who;
	}

	/**
	 * The coder's confidence threshold: suggestions whose calibrated confidence (the rule's precision on
	 * the tuning sessions) is below it are not shown. Stored per coder and project.
	 */
	private com.vaadin.flow.component.Component createThresholdControl(MitiSession s) {
		suggestionThreshold = MitiCodingPanels.thresholdField(miti, coder, s.projectId(), () -> {
			loadSuggestions();
			renderUtterances();
		});
		return suggestionThreshold;
	}

	private void loadSuggestions() {
		MitiSession s = session;
		if (s != null) {
			Map<Integer, BehaviourSuggestion> byStart = new java.util.HashMap<>();
			miti.suggestions(s.id(), coder.name()).forEach(x -> byStart.put(x.utteranceStart(), x));
			suggestions = byStart;
			suggestionThreshold.setValue(miti.suggestionThreshold(s.projectId(), coder.name()));
		}
	}

	private void loadGlobals() {
		ratings.clear();
		MitiSession s = session;
		if (s == null) {
			return;
		}
		miti.globals(s.id(), coder.name()).ifPresent(g -> {
			for (Global global : Global.values()) {
				ratings.put(global, g.get(global));
			}
		});
	}

	private void createShortcuts() {
		Shortcuts.addShortcutListener(this, () -> move(1), Key.ARROW_DOWN);
		Shortcuts.addShortcutListener(this, () -> move(-1), Key.ARROW_UP);
		for (Behaviour b : Behaviour.values()) {
			Shortcuts.addShortcutListener(this, () -> toggle(b), Key.of(String.valueOf(b.key())));
		}
		Shortcuts.addShortcutListener(this, this::undo, Key.of("u"));
		Shortcuts.addShortcutListener(this, this::replay, Key.KEY_R, KeyModifier.ALT);
		Shortcuts.addShortcutListener(this, this::undo, Key.BACKSPACE);
		Shortcuts.addShortcutListener(this, this::split, Key.of("/"));
		Shortcuts.addShortcutListener(this, this::acceptSuggestion, Key.ENTER);
		Shortcuts.addShortcutListener(this, this::nextGlobal, Key.of("."));
		for (int r = 1; r <= 5; r++) {
			int rating = r;
			Shortcuts.addShortcutListener(this, () -> rateSelected(rating), Key.of(String.valueOf(r)));
		}
	}

	/**
	 * The recording plays the coded segment: each utterance starts where its turn starts, the current
	 * counsellor utterance follows the audio, and Alt+R replays it.
	 */
	private void dockPlayer(MitiSession s, Component before) {
		player = null;
		if (s.document() == null) {
			return;
		}
		Map<Integer, Turn> turns = new java.util.HashMap<>();
		corpus.transcript(s.document()).ifPresent(t -> t.turns().forEach(turn -> turns.put(turn.index(), turn)));
		List<@Nullable Long> starts = new java.util.ArrayList<>();
		for (Utterance u : utterances) {
			Turn turn = turns.get(u.turnIndex());
			starts.add(turn == null ? null : turn.startMs());
		}
		RecordingPlayer.of(media, s.document(), utterancesBox, "utterance-", starts).ifPresent(p -> {
			player = p;
			p.onTurn(i -> {
				if (i >= 0 && i < utterances.size() && utterances.get(i).counsellor() && i != current) {
					current = i;
					renderUtterances();
				}
			});
			addComponentAtIndex(indexOf(before), p);
		});
	}

	/** Replays the current utterance from its start to the next one's (Alt+R). */
	void replay() {
		RecordingPlayer p = player;
		if (p != null && current >= 0 && !p.playRow(current)) {
			Notifications.error("This utterance has no timestamp in the transcript, so it cannot be replayed.");
		}
	}

	void move(int step) {
		int n = next(current, step);
		if (n >= 0) {
			current = n;
			renderUtterances();
			scrollToCurrent();
		}
	}

	private void scrollToCurrent() {
		getElement().executeJs("const e = document.getElementById($0); if (e) e.scrollIntoView({block: 'center'});",
				"utterance-" + current);
	}

	/** 1–5: rates the selected global score, the first one when none is selected yet. */
	void rateSelected(int rating) {
		rate(Global.values()[Math.max(0, currentGlobal)], rating);
	}

	/** {@code .}: selects the next global score to rate, the first one on the first press. */
	void nextGlobal() {
		currentGlobal = (currentGlobal + 1) % Global.values().length;
		renderGlobals();
	}

	/** The next counsellor utterance from {@code from} in direction {@code step}, or -1. */
	private int next(int from, int step) {
		for (int i = from + step; i >= 0 && i < utterances.size(); i += step) {
			if (utterances.get(i).counsellor()) {
				return i;
			}
		}
		return -1;
	}

	void toggle(Behaviour behaviour) {
		MitiSession s = session;
		if (s == null || current < 0) {
			return;
		}
		Utterance u = utterances.get(current);
		BehaviourSuggestion shown = shownSuggestions.contains(u.start()) ? suggestions.get(u.start()) : null;
		String who = coder.name();
		boolean added = miti.toggle(s.id(), u, behaviour, who);
		if (added && shown != null) {
			miti.recordSuggestionOutcome(s.id(), u, shown.behaviour(), behaviour, who);
			undo.push(new Undo(() -> {
				miti.toggle(s.id(), u, behaviour, who);
				miti.forgetSuggestionOutcome(s.id(), u, who); // undone: the coder has not decided yet
			}, u.start(), -1));
		}
		else {
			undo.push(new Undo(() -> miti.toggle(s.id(), u, behaviour, who), u.start(), -1));
		}
		boolean moved = false;
		if (added) {
			// most utterances carry one behaviour: move on (as the legend says); ↑ goes back to add a second one
			int after = next(current, 1);
			if (after >= 0) {
				current = after;
				moved = true;
			}
		}
		renderUtterances();
		renderSummary();
		if (moved) {
			scrollToCurrent();
		}
	}

	/** Codes the current utterance with its suggested behaviour, if it has one and no code yet. */
	void acceptSuggestion() {
		if (current < 0) {
			return;
		}
		BehaviourSuggestion s = suggestions.get(utterances.get(current).start());
		if (s == null) {
			Notifications.error("No suggestion for this utterance.");
			return;
		}
		toggle(s.behaviour());
	}

	void split() {
		MitiSession s = session;
		if (s == null || current < 0) {
			return;
		}
		Utterance u = utterances.get(current);
		Optional<Integer> at = miti.splitPoint(s.id(), u);
		if (at.isEmpty()) {
			Notifications.error("This utterance has one sentence; it cannot be split.");
			return;
		}
		miti.split(s.id(), at.get());
		undo.push(new Undo(() -> miti.join(s.id(), at.get()), u.start(), -1));
		load();
		renderUtterances();
	}

	void undo() {
		Undo last = undo.poll();
		if (last == null) {
			return;
		}
		last.action().run();
		load();
		if (last.global() >= 0) {
			currentGlobal = last.global();
		}
		// back to the utterance the undone change was made on, so the next key acts there
		int back = -1;
		for (int i = 0; i < utterances.size() && last.utteranceStart() >= 0; i++) {
			Utterance u = utterances.get(i);
			if (u.start() <= last.utteranceStart() && last.utteranceStart() < Math.max(u.end(), u.start() + 1)) {
				back = i;
				break;
			}
		}
		if (back >= 0) {
			current = back;
		}
		else if (current >= utterances.size()) {
			current = next(-1, 1);
		}
		renderUtterances();
		renderSummary();
		renderGlobals();
		if (back >= 0) {
			scrollToCurrent();
		}
	}

	void rate(Global global, int rating) {
		MitiSession s = session;
		if (s == null) {
			return;
		}
		Integer before = ratings.get(global);
		ratings.put(global, rating);
		currentGlobal = global.ordinal();
		save();
		undo.push(new Undo(() -> {
			if (before == null) {
				ratings.remove(global);
			}
			else {
				ratings.put(global, before);
			}
			save();
		}, -1, global.ordinal()));
		renderGlobals();
		renderSummary();
	}

	private void save() {
		MitiSession s = session;
		if (s != null && ratings.size() == Global.values().length) {
			miti.saveGlobals(s.id(), coder.name(), new MitiGlobals(ratings.get(Global.values()[0]),
					ratings.get(Global.values()[1]), ratings.get(Global.values()[2]), ratings.get(Global.values()[3])));
		}
	}

	private void load() {
		MitiSession s = session;
		if (s != null) {
			utterances = miti.utterances(s.id());
			loadSuggestions();
		}
	}

	private void renderUtterances() {
		MitiSession s = session;
		if (s == null) {
			return;
		}
		utterancesBox.removeAll();
		shownSuggestions.clear();
		Map<Integer, List<Behaviour>> coded = miti.behaviours(s.id(), coder.name());
		for (Utterance u : utterances) {
			BehaviourSuggestion suggestion = suggestions.get(u.start());
			boolean hinted = suggestion != null && !coded.containsKey(u.start());
			if (hinted) {
				shownSuggestions.add(u.start());
			}
			Div row = MitiCodingPanels.utteranceRow(u, u.index() == current, coded.getOrDefault(u.start(), List.of()),
					hinted ? suggestion : null);
			if (u.counsellor()) {
				int i = u.index();
				row.addClickListener(e -> {
					current = i;
					renderUtterances();
				});
			}
			utterancesBox.add(row);
		}
	}

	private void renderGlobals() {
		MitiCodingPanels.renderGlobals(globalsBox, ratings, currentGlobal);
	}

	private void renderSummary() {
		MitiSession s = session;
		if (s == null) {
			return;
		}
		MitiCodingPanels.renderSummary(summaryBox, miti.counts(s.id(), coder.name()), ratings,
				fidelity.thresholdSet(s.projectId()));
	}

	/** The index of the current utterance (for tests). */
	int current() {
		return current;
	}

	List<Utterance> utterances() {
		return utterances;
	}

}

package quire.coding.ui;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;

import quire.coding.Selections;
import quire.corpus.CorpusService;
import quire.corpus.Transcript;
import quire.corpus.Turn;
import quire.corpus.TurnTimes;
import quire.media.MediaService;
import quire.media.ui.RecordingPlayer;
import quire.project.ProjectAccess;
import quire.project.ProjectRole;
import quire.ui.Notifications;

/**
 * The transcript page's recording: the player docked above the turns, playing the selection, and
 * setting a turn's start from the player's position (aligning an untimed transcript while listening).
 */
class TranscriptListening {

	private final TranscriptView view;

	private final CorpusService corpus;

	private final ProjectAccess access;

	/** The document's recording, docked above the turns when there is one. */
	private final MediaService media;

	/** Sets a turn's start from the player's position (aligning an untimed transcript while listening). */
	private final TurnTimes turnTimes;

	private @Nullable RecordingPlayer player;

	TranscriptListening(TranscriptView view, CorpusService corpus, ProjectAccess access, MediaService media,
			TurnTimes turnTimes) {
		this.view = view;
		this.corpus = corpus;
		this.access = access;
		this.media = media;
		this.turnTimes = turnTimes;
	}

	/** The player for the transcript's recording, if it has one; it follows the turns in {@code turns}. */
	@Nullable RecordingPlayer open(Transcript t, Div turns) {
		player = RecordingPlayer.of(media, t, turns).orElse(null);
		return player;
	}

	void close() {
		player = null;
	}

	/**
	 * Under the player: play the selection, and for coders set a turn's start from where the recording
	 * is now, which is how an untimed transcript is aligned while listening.
	 */
	Div createListening(Transcript t) {
		boolean mayTime = access.can(t.document().projectId(), ProjectRole.CODER);
		Objects.requireNonNull(player).setHint(hint(t, mayTime));
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

	/**
	 * The line under the player: how to play, and whether the transcript has timestamps yet. Set again as turns
	 * get times, so it stops saying "no timestamps" once the first turn is aligned.
	 */
	static String hint(Transcript t, boolean mayTime) {
		boolean timed = t.turns().stream().anyMatch(x -> x.startMs() != null);
		return (timed ? "Click a turn's time to play from it · "
				: "This transcript has no timestamps yet" + (mayTime ? ": play it and press Alt+T as each turn begins · " : " · "))
				+ "Alt+P play/pause · Alt+B back 5 s · Alt+, slower · Alt+. faster · Alt+L play the selection"
				+ (mayTime && timed ? " · Alt+T the selected turn starts now" : "");
	}

	/** Plays the selected turns, from the first one's start to the start of the turn after the last (Alt+L). */
	void playSelection() {
		RecordingPlayer p = player;
		if (p == null) {
			return;
		}
		if (!view.hasSelection()) {
			Notifications.error("Select words of the turns to play first.");
			return;
		}
		List<Turn> touched = Selections.turnsTouched(view.transcript().turns(), view.selStart, view.selEnd);
		if (touched.isEmpty() || !p.playRows(touched.get(0).index(), touched.get(touched.size() - 1).index())) {
			Notifications.error(touched.isEmpty() ? "The selection is outside the speaker turns."
					: "Turn " + touched.get(0).number() + " has no time yet, so the selection cannot be played: "
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
		if (player == null || view.transcript == null || !access.can(view.transcript().document().projectId(), ProjectRole.CODER)) {
			return;
		}
		Optional<Turn> target = view.hasSelection() ? Selections.turnAt(view.transcript().turns(), view.selStart) : nextUntimed();
		if (target.isEmpty()) {
			Notifications.error(view.hasSelection() ? "The selection is outside the speaker turns."
					: "Every turn has a time: select a word of the turn whose start should change.");
			return;
		}
		setTurnStart(target.get().index(), ms);
	}

	/** Stores a turn's start and shows it: the turn's time, the player's turn-following. */
	void setTurnStart(int turnIndex, long ms) {
		RecordingPlayer p = player;
		try {
			Turn turn = turnTimes.setStart(view.transcript().document().id(), turnIndex, ms);
			view.transcript = corpus.transcript(view.transcript().document().id()).orElseThrow();
			view.markup = new TurnHtml(view.transcript());
			if (p != null) {
				p.setStart(turnIndex, turn.startMs());
				p.setHint(hint(view.transcript(), true)); // setStart succeeded, so this user may time turns
			}
			view.clearBrowserSelection();
			view.selStart = -1;
			view.selEnd = -1;
			view.renderTurns();
			view.updateSelection();
			Notifications.success("Turn " + Turn.number(turnIndex) + (turn.speaker() == null ? "" : " (" + turn.speaker() + ")")
					+ " starts at " + quire.media.Recording.clock(ms / 1000.0) + ".");
		}
		catch (IllegalArgumentException ex) {
			Notifications.error(ex.getMessage());
		}
	}

	/** The first turn without a time after the last turn that has one (the first turn if none has). */
	private Optional<Turn> nextUntimed() {
		List<Turn> all = view.transcript().turns();
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

}

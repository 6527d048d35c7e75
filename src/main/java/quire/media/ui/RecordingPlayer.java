package quire.media.ui;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntConsumer;
import java.util.function.LongConsumer;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.dom.DomListenerRegistration;
import com.vaadin.flow.dom.Element;

import quire.corpus.DocumentId;
import quire.corpus.Transcript;
import quire.corpus.Turn;
import quire.media.MediaService;
import quire.media.Recording;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A player docked above a transcript: the document's recording in an {@code <audio>} (or
 * {@code <video>}) element, served with range requests from {@code recordings/<document>} so it
 * seeks. A click on a turn's timestamp plays from there; while playing, the turn being spoken is
 * marked ({@code data-playing}) and, in follow mode, kept in view. Keys: Alt+P play/pause, Alt+B back
 * 5 s, Alt+, slower and Alt+. faster (0.5×–2×). The turn-following runs in the browser (it must keep
 * up with the audio); the server hears of each change of turn and, at most once a second, the position.
 */
public class RecordingPlayer extends Div {

	static final double[] SPEEDS = { 0.5, 0.75, 1.0, 1.25, 1.5, 2.0 };

	/**
	 * Installs the turn-following once per media element. $0 media, $1 the rows' container (rows with
	 * id {@code <prefix><index>}, a click on a {@code .time} span in one plays from it), $2 row starts in
	 * ms by index (-1 untimed), $3 the id prefix.
	 */
	private static final String INSTALL = """
			const media = $0, turns = $1;
			media.__quireStarts = $2;
			media.__quirePrefix = $3;
			if (media.__quireFollow === undefined) media.__quireFollow = true;
			if (media.__quireInstalled) return;
			media.__quireInstalled = true;
			let current = -1;
			const row = i => turns.querySelector('#' + media.__quirePrefix + i);
			const at = t => {
			  const s = media.__quireStarts; let best = -1;
			  for (let i = 0; i < s.length; i++) {
			    if (s[i] >= 0 && s[i] <= t * 1000 + 50 && (best < 0 || s[i] > s[best])) best = i;
			  }
			  return best;
			};
			const mark = () => {
			  const i = at(media.currentTime);
			  if (i === current && (i < 0 || (row(i) && row(i).hasAttribute('data-playing')))) return;
			  const old = current >= 0 ? row(current) : null;
			  if (old) { old.removeAttribute('data-playing'); old.style.removeProperty('box-shadow'); old.style.removeProperty('background'); }
			  current = i;
			  const now = i >= 0 ? row(i) : null;
			  if (now) {
			    now.setAttribute('data-playing', '');
			    now.style.boxShadow = 'inset 4px 0 0 #d97706';
			    now.style.background = 'rgba(250, 204, 21, 0.18)';
			    if (media.__quireFollow && !media.paused) now.scrollIntoView({block: 'center', behavior: 'smooth'});
			  }
			  media.dispatchEvent(new CustomEvent('quire-turn', {detail: i}));
			};
			media.addEventListener('timeupdate', mark);
			media.addEventListener('seeked', mark);
			turns.addEventListener('click', e => {
			  const time = e.target.closest ? e.target.closest('.time') : null;
			  const r = time ? time.closest('[id^="' + media.__quirePrefix + '"]') : null;
			  if (!r) return;
			  const i = parseInt(r.id.substring(media.__quirePrefix.length), 10), s = media.__quireStarts;
			  if (i >= 0 && i < s.length && s[i] >= 0) { media.currentTime = s[i] / 1000; media.play().catch(() => {}); }
			});
			""";

	private final Element media;

	private final Span position = new Span();

	private final Span speed = new Span();

	private final Div hint = new Div();

	private final Checkbox follow = new Checkbox("Follow the recording", true);

	private final ArrayNode starts;

	private final Element turns;

	private final String prefix;

	private int speedIndex = 2;

	private int currentTurn = -1;

	private @Nullable IntConsumer onTurn;

	private RecordingPlayer(Recording recording, List<@Nullable Long> startsByRow, Component rows, String prefix) {
		setId("recording-player");
		addClassName("quire-recording-player");
		getStyle().set("position", "sticky").set("top", "0").set("z-index", "2")
			.set("background", "var(--vaadin-background-color, #fff)")
			.set("padding", "0.4em 0").set("border-bottom", "1px solid rgba(0,0,0,0.12)");
		this.turns = rows.getElement();
		this.prefix = prefix;
		media = new Element(recording.format().video() ? "video" : "audio");
		media.setAttribute("id", "recording-media");
		media.setAttribute("controls", true);
		media.setAttribute("preload", "metadata");
		media.setAttribute("src", "recordings/" + recording.documentId().value());
		media.getStyle().set("width", "100%");
		if (recording.format().video()) {
			media.getStyle().set("max-height", "30vh");
		}
		starts = JsonNodeFactory.instance.arrayNode();
		for (Long start : startsByRow) {
			starts.add(start == null ? -1 : start);
		}
		boolean timed = startsByRow.stream().anyMatch(x -> x != null);
		Div about = new Div(new Span(recording.describe()));
		about.addClassName("quire-meta");
		hint.setText(timed ? "Click a turn's time to play from it · Alt+P play/pause · Alt+B back 5 s · "
				+ "Alt+, slower · Alt+. faster"
				: "This transcript has no timestamps: the recording plays, but cannot follow the turns · Alt+P "
						+ "play/pause · Alt+B back 5 s · Alt+, slower · Alt+. faster");
		hint.addClassName("quire-meta");
		hint.setId("recording-hint");
		follow.setId("recording-follow");
		follow.addValueChangeListener(e -> media.executeJs("this.__quireFollow = $0", e.getValue()));
		Button slower = new Button("Slower", e -> speed(-1));
		Button faster = new Button("Faster", e -> speed(+1));
		Button back = new Button("Back 5 s", e -> back());
		slower.setId("recording-slower");
		faster.setId("recording-faster");
		back.setId("recording-back");
		position.setId("recording-position");
		speed.setId("recording-speed");
		speed.setText("1×");
		Div controls = new Div(back, slower, speed, faster, follow, position);
		controls.getStyle().set("display", "flex").set("gap", "0.6em").set("align-items", "center").set("flex-wrap", "wrap");
		getElement().appendChild(media);
		add(controls, about, hint);
		media.addEventListener("quire-turn", e -> {
			currentTurn = e.getEventData().get("event.detail").asInt(-1);
			if (onTurn != null) {
				onTurn.accept(currentTurn);
			}
		}).addEventData("event.detail");
		DomListenerRegistration time = media.addEventListener("timeupdate",
				e -> position.setText(Recording.clock(e.getEventData().get("element.currentTime").asDouble())))
			.addEventData("element.currentTime");
		time.throttle(1000);
		Shortcuts.addShortcutListener(this, this::toggle, Key.KEY_P, KeyModifier.ALT);
		Shortcuts.addShortcutListener(this, this::back, Key.KEY_B, KeyModifier.ALT);
		Shortcuts.addShortcutListener(this, () -> speed(-1), Key.COMMA, KeyModifier.ALT);
		Shortcuts.addShortcutListener(this, () -> speed(+1), Key.PERIOD, KeyModifier.ALT);
	}

	/**
	 * The player for a transcript's document, if it has a recording the current user may play; the
	 * turns are the rows {@code turn-<index>} of {@code turnsContainer}.
	 */
	public static Optional<RecordingPlayer> of(MediaService media, Transcript transcript, Component turnsContainer) {
		int maxIndex = transcript.turns().stream().mapToInt(Turn::index).max().orElse(-1);
		List<@Nullable Long> starts = new ArrayList<>(Collections.nCopies(maxIndex + 1, (Long) null));
		for (Turn t : transcript.turns()) {
			starts.set(t.index(), t.startMs());
		}
		return of(media, transcript.document().id(), turnsContainer, "turn-", starts);
	}

	/**
	 * The player for a document's recording over rows of another kind (e.g. MITI utterances): row
	 * {@code i} has id {@code prefix + i} and starts at {@code startsByRow.get(i)} ms ({@code null}: unknown).
	 */
	public static Optional<RecordingPlayer> of(MediaService media, DocumentId document, Component rows, String prefix,
			List<@Nullable Long> startsByRow) {
		return media.find(document).map(r -> new RecordingPlayer(r, startsByRow, rows, prefix));
	}

	/** Plays row {@code i} from its start to the next later start (or to the end); false if its start is unknown. */
	public boolean playRow(int i) {
		return playRows(i, i);
	}

	/**
	 * Plays rows {@code first} to {@code last} (a selection): from the start of {@code first} to the
	 * next start after {@code last} (or to the end of the recording). False, and nothing plays, if
	 * {@code first} has no start.
	 */
	public boolean playRows(int first, int last) {
		if (first < 0 || first >= starts.size() || last < first || starts.get(first).asLong() < 0) {
			return false;
		}
		long from = starts.get(first).asLong();
		long until = -1;
		for (int j = Math.min(last, starts.size() - 1) + 1; j < starts.size(); j++) {
			if (starts.get(j).asLong() > from) {
				until = starts.get(j).asLong();
				break;
			}
		}
		play(from, until);
		return true;
	}

	/** Where row {@code i} starts, in ms ({@code null}: unknown); the browser's turn-following uses it at once. */
	public void setStart(int i, @Nullable Long ms) {
		if (i < 0 || i >= starts.size()) {
			throw new IllegalArgumentException("no row " + i + " in this player (it has " + starts.size() + ")");
		}
		starts.set(i, ms == null ? -1 : ms);
		media.executeJs("this.__quireStarts = $0; this.dispatchEvent(new Event('seeked'))", starts);
	}

	/** Where row {@code i} starts, in ms, if known. */
	public Optional<Long> start(int i) {
		return i < 0 || i >= starts.size() || starts.get(i).asLong() < 0 ? Optional.empty() : Optional.of(starts.get(i).asLong());
	}

	/**
	 * Asks the browser where the recording is now (exactly, not the last throttled position) and hands
	 * it, in whole milliseconds, to {@code position}.
	 */
	public void position(LongConsumer position) {
		media.executeJs("return this.currentTime").then(Double.class, seconds -> position.accept(Math.round(seconds * 1000)));
	}

	/** Browser-side: where the page's recording is, in whole milliseconds (-1 without one). */
	static final String POSITION = "(function(){const m=document.getElementById('recording-media');"
			+ "return m ? Math.round(m.currentTime * 1000) : -1;})()";

	/** An Alt+key whose action takes the recording's position at the moment the key was pressed. */
	private record PositionKey(String code, LongConsumer action) {
	}

	private final List<PositionKey> positionKeys = new ArrayList<>();

	private final List<DomListenerRegistration> positionKeyListeners = new ArrayList<>();

	/**
	 * Calls {@code action} with the recording's position, in ms, read in the browser when Alt and the
	 * key with {@code code} (a {@code KeyboardEvent.code} such as {@code "KeyT"}) are pressed anywhere
	 * on the page; a server round trip later the recording has moved on, so the position travels with
	 * the key press.
	 */
	public void onAltKey(String code, LongConsumer action) {
		if (!code.matches("[A-Za-z0-9]+")) {
			throw new IllegalArgumentException("a key code is letters and digits, such as KeyT, not '" + code + "'");
		}
		positionKeys.add(new PositionKey(code, action));
		getUI().ifPresent(ui -> listen(ui, positionKeys.getLast()));
	}

	private void listen(com.vaadin.flow.component.UI ui, PositionKey key) {
		DomListenerRegistration r = ui.getElement().addEventListener("keydown", e -> {
			long ms = e.getEventData().get(POSITION).asLong(-1);
			if (ms >= 0) {
				key.action().accept(ms);
			}
		}).setFilter("event.altKey && event.code === '" + key.code() + "'").addEventData(POSITION);
		positionKeyListeners.add(r);
	}

	@Override
	protected void onDetach(com.vaadin.flow.component.DetachEvent event) {
		positionKeyListeners.forEach(DomListenerRegistration::remove);
		positionKeyListeners.clear();
		super.onDetach(event);
	}

	@Override
	protected void onAttach(AttachEvent event) {
		super.onAttach(event);
		positionKeyListeners.forEach(DomListenerRegistration::remove);
		positionKeyListeners.clear();
		positionKeys.forEach(k -> listen(event.getUI(), k));
		media.executeJs(INSTALL, media, turns, starts, prefix);
	}

	/** Replaces the line under the player that says what the keys do (a page adds its own keys). */
	public void setHint(String text) {
		hint.setText(text);
	}

	/** Called with the turn index being spoken whenever it changes (-1 before the first timed turn). */
	public void onTurn(IntConsumer listener) {
		this.onTurn = listener;
	}

	/** The turn being spoken when the browser last said so (-1 if none yet). */
	public int currentTurn() {
		return currentTurn;
	}

	/** Plays from a moment, in milliseconds; with {@code untilMs >= 0} it pauses there (a selection or an utterance). */
	public void play(long fromMs, long untilMs) {
		media.executeJs("""
				const m = this; m.currentTime = $0 / 1000;
				if (m.__quireStop) m.removeEventListener('timeupdate', m.__quireStop);
				m.__quireStop = null;
				if ($1 >= 0) {
				  m.__quireStop = () => { if (m.currentTime * 1000 >= $1) { m.pause(); m.removeEventListener('timeupdate', m.__quireStop); m.__quireStop = null; } };
				  m.addEventListener('timeupdate', m.__quireStop);
				}
				m.play().catch(() => {});""", fromMs, untilMs);
	}

	void toggle() {
		media.executeJs("if (this.paused) { this.play().catch(() => {}); } else { this.pause(); }");
	}

	void back() {
		media.executeJs("this.currentTime = Math.max(0, this.currentTime - 5)");
	}

	void speed(int step) {
		speedIndex = Math.max(0, Math.min(SPEEDS.length - 1, speedIndex + step));
		double rate = SPEEDS[speedIndex];
		speed.setText(String.format(Locale.ROOT, "%s×", rate == Math.rint(rate) ? Long.toString((long) rate)
				: Double.toString(rate)));
		media.executeJs("this.playbackRate = $0", rate);
	}

	/** The current playback rate (1 = normal). */
	public double rate() {
		return SPEEDS[speedIndex];
	}

}

package quire.coding.ui;

import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import java.util.Locale;
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
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;

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
import quire.corpus.SentenceUnit;
import quire.ui.CurrentCoder;
import quire.ui.Notifications;

/**
 * The transcript page's coding side panel and its keyboard shortcuts: who codes, whose codings
 * show, the selection, the code picker (typed names apply the code they name), in vivo, whole
 * sentence, recently used codes, and the selected coding with remove (undo), fit and widen.
 */
class CodingPanel {

	private static final int RECENT = 9;

	private final TranscriptView view;

	private final CorpusService corpus;

	private final CodebookService codebook;

	private final CodingService codings;

	private final MemoService memos;

	private final CurrentCoder coder;

	private final VerticalLayout panel;

	private final ComboBox<Code> picker = new ComboBox<>("Code");

	private final Span selectionInfo = new Span();

	/** Why the picker did nothing, shown under it in the panel rather than over the transcript. */
	private final Span pickerHint = new Span();

	private final Div selectedCodingBox = new Div();

	private final Div recentBox = new Div();

	private final LinkedList<Code> recent = new LinkedList<>();

	CodingPanel(TranscriptView view, VerticalLayout panel, CorpusService corpus, CodebookService codebook,
			CodingService codings, MemoService memos, CurrentCoder coder) {
		this.view = view;
		this.panel = panel;
		this.corpus = corpus;
		this.codebook = codebook;
		this.codings = codings;
		this.memos = memos;
		this.coder = coder;
	}

	void createPanel() {
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
		List<String> coders = new ArrayList<>(codings.coders(view.transcript().document().projectId()));
		if (!coders.contains(coder.name())) {
			coders.add(coder.name());
		}
		shown.setWidthFull();
		coder.bind(shown, coders, () -> {
			view.selectedCoding = null;
			view.renderTurns();
			updateSelection();
		});

		selectionInfo.setId("selection-info");
		selectionInfo.addClassName("quire-selection");

		picker.setId("code-picker");
		picker.setItems(view.codes);
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
			if (e.isFromClient() && e.getValue() != null && view.hasSelection()) {
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

		Button memo = new Button("Document memos", e -> new MemoDialog(memos, view.transcript().document().projectId(),
				MemoTarget.DOCUMENT, view.transcript().document().id().value(), "Memos on " + view.transcript().document().name(),
				coder.name()).open());
		memo.addThemeVariants(ButtonVariant.TERTIARY);
		Anchor codebookLink = new Anchor("codebook", "Edit the codebook");

		H3 heading = new H3("Coding");
		panel.add(heading, name, shown, selectionInfo, picker, pickerHint, actions, recentBox, selectedCodingBox, memo, codebookLink);
		hint("");
		renderRecent();
	}

	void createShortcuts(TranscriptListening listening) {
		Shortcuts.addShortcutListener(view, () -> picker.focus(), Key.KEY_C, KeyModifier.ALT);
		Shortcuts.addShortcutListener(view, this::inVivo, Key.KEY_V, KeyModifier.ALT);
		Shortcuts.addShortcutListener(view, this::selectSentence, Key.KEY_S, KeyModifier.ALT);
		Shortcuts.addShortcutListener(view, listening::playSelection, Key.KEY_L, KeyModifier.ALT);
		Shortcuts.addShortcutListener(view, () -> {
			if (view.selectedCoding != null) {
				removeSelectedCoding();
			}
		}, Key.DELETE);
		Key[] digits = { Key.DIGIT_1, Key.DIGIT_2, Key.DIGIT_3, Key.DIGIT_4, Key.DIGIT_5, Key.DIGIT_6, Key.DIGIT_7,
				Key.DIGIT_8, Key.DIGIT_9 };
		for (int i = 0; i < digits.length; i++) {
			int slot = i;
			Shortcuts.addShortcutListener(view, () -> {
				if (slot < recent.size()) {
					apply(recent.get(slot));
				}
			}, digits[i], KeyModifier.ALT);
		}
	}

	void updateSelection() {
		if (!view.hasSelection()) {
			selectionInfo.setText("Select words in the transcript to code them.");
			selectionInfo.removeClassName("active");
			return;
		}
		String text = view.transcript().text().substring(view.selStart, view.selEnd).strip();
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
		List<Code> matches = matching(view.codes, text);
		if (matches.size() != 1) {
			picker.clear();
			hint(matches.isEmpty() ? "No code is called “" + text + "”. Pick one from the list, or create it in the codebook."
					: matches.size() + " codes match “" + text + "”: type more of the name or pick one with ↓.");
			return;
		}
		Code code = matches.get(0);
		picker.setValue(code);
		if (view.hasSelection()) {
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
		if (!view.hasSelection()) {
			hint("Select some words in the transcript first, then apply “" + code.name() + "”.");
			return;
		}
		try {
			Coding made = codings.code(view.transcript().document().id(), code.id(), view.selStart, view.selEnd, coder.name());
			hint("");
			remember(code);
			view.selectedCoding = made;
			picker.clear();
			view.clearBrowserSelection();
			view.selStart = -1;
			view.selEnd = -1;
			view.renderTurns();
			updateSelection();
			Notifications.success("Coded with '" + code.name() + "'.");
		}
		catch (IllegalArgumentException ex) {
			Notifications.error(ex.getMessage());
		}
	}

	void inVivo() {
		try {
			String name = Selections.inVivoName(view.transcript().text(), view.selStart, view.selEnd);
			var project = view.transcript().document().projectId();
			Code code = codebook.createOrFind(project, null, CodeDraft.named(name, codebook.nextColour(project)));
			view.loadCodes();
			picker.setItems(view.codes);
			apply(code);
		}
		catch (IllegalArgumentException ex) {
			Notifications.error(ex.getMessage());
		}
	}

	void removeSelectedCoding() {
		Coding c = view.selectedCoding;
		if (c == null) {
			return;
		}
		RemovedCoding removed = codings.remove(c.id());
		view.selectedCoding = null;
		view.renderTurns();
		Code code = view.codeById.get(c.codeId().value());
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
			view.selectedCoding = codings.restore(removed);
			view.renderTurns();
			Notifications.success("Coding restored.");
		}
		catch (IllegalArgumentException ex) {
			Notifications.error(ex.getMessage());
		}
	}

	private void fitToSelection() {
		Coding c = view.selectedCoding;
		if (c == null || !view.hasSelection()) {
			Notifications.error("Select the words the coding should cover, then press this again.");
			return;
		}
		try {
			view.selectedCoding = codings.resize(c.id(), view.selStart, view.selEnd);
			view.clearBrowserSelection();
			view.selStart = -1;
			view.selEnd = -1;
			view.renderTurns();
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
		if (!view.hasSelection()) {
			Notifications.error("Select a word of the sentence first (or words of several sentences).");
			return;
		}
		Optional<Selections.Range> span = Selections.sentences(sentenceUnits(), view.selStart, view.selEnd);
		if (span.isEmpty()) {
			Notifications.error("The selection is outside the speaker turns, where there are no sentences.");
			return;
		}
		view.selStart = span.get().start();
		view.selEnd = span.get().end();
		updateSelection();
	}

	/** The transcript's sentence units, read once when first needed. */
	private List<SentenceUnit> sentenceUnits() {
		List<SentenceUnit> units = view.sentences;
		if (units == null) {
			units = corpus.sentences(view.transcript().document().id());
			view.sentences = units;
		}
		return units;
	}

	private void widenToSentence() {
		Coding c = view.selectedCoding;
		if (c == null) {
			return;
		}
		Optional<Selections.Range> span = Selections.sentences(sentenceUnits(), c.start(), c.end());
		if (span.isPresent()) {
			Selections.Range wide = span.get().union(new Selections.Range(c.start(), c.end()));
			view.selectedCoding = codings.resize(c.id(), wide.start(), wide.end());
			view.renderTurns();
		}
	}

	private void widenToTurn() {
		Coding c = view.selectedCoding;
		if (c == null) {
			return;
		}
		Optional<Selections.Range> wide = Selections.turns(view.transcript().turns(), c.start(), c.end());
		if (wide.isPresent()) {
			view.selectedCoding = codings.resize(c.id(), wide.get().start(), wide.get().end());
			view.renderTurns();
		}
	}

	void renderSelectedCoding() {
		selectedCodingBox.removeAll();
		Coding c = view.selectedCoding;
		if (c == null) {
			return;
		}
		Code code = view.codeById.get(c.codeId().value());
		Div box = new Div();
		box.addClassName("quire-selected-coding");
		Span name = new Span(code == null ? "?" : code.path());
		name.addClassName("code-name");
		if (code != null) {
			name.getStyle().set("border-left", "6px solid " + code.colour());
		}
		String text = view.transcript().text().substring(c.start(), c.end());
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
		Button memo = new Button("Memo", e -> new MemoDialog(memos, view.transcript().document().projectId(), MemoTarget.CODING,
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

}

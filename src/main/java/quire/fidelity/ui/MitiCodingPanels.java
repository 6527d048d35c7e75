package quire.fidelity.ui;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

import quire.fidelity.Behaviour;
import quire.fidelity.BehaviourSuggestion;
import quire.fidelity.Global;
import quire.fidelity.MitiCodingService;
import quire.fidelity.MitiCounts;
import quire.fidelity.MitiGlobals;
import quire.fidelity.MitiScores;
import quire.fidelity.MitiSessionId;
import quire.fidelity.Summary;
import quire.fidelity.ThresholdSet;
import quire.fidelity.Utterance;
import quire.project.ProjectId;
import quire.stats.Agreement.Coefficient;
import quire.ui.CurrentCoder;
import quire.ui.Notifications;

/**
 * The parts of the {@link MitiCodingView}: the key legend, the suggestion threshold field, an
 * utterance row, the global scores and the live summary.
 */
final class MitiCodingPanels {

	private MitiCodingPanels() {
	}

	static Div keys() {
		Div box = new Div();
		box.addClassName("quire-keys");
		StringBuilder html = new StringBuilder("<table>")
			.append("<tr><td colspan=3>A code key codes the current counsellor utterance and moves to the next one "
					+ "(<kbd>↑</kbd> goes back to add a second code); on an utterance that already has that code it "
					+ "removes it and stays.</td></tr>");
		for (Behaviour b : Behaviour.values()) {
			html.append("<tr><td><kbd>").append(b.key()).append("</kbd></td><td>").append(b.shortName()).append("</td><td>")
				.append(b.label()).append("</td></tr>");
		}
		html.append("<tr><td><kbd>↑</kbd><kbd>↓</kbd></td><td colspan=2>previous / next counsellor utterance</td></tr>")
			.append("<tr><td><kbd>Enter</kbd></td><td colspan=2>accept the suggested code (shown in grey)</td></tr>")
			.append("<tr><td><kbd>/</kbd></td><td colspan=2>split the utterance at a sentence</td></tr>")
			.append("<tr><td><kbd>u</kbd></td><td colspan=2>undo the last change and go back to where it was made</td></tr>")
			.append("<tr><td><kbd>.</kbd></td><td colspan=2>select a global score: the first press the first, "
					+ "each further press the next</td></tr>")
			.append("<tr><td><kbd>1</kbd>–<kbd>5</kbd></td><td colspan=2>rate the selected global score "
					+ "(the first if none is selected)</td></tr>")
			.append("<tr><td><kbd>Alt+R</kbd></td><td colspan=2>replay the utterance (with a recording; Alt+P play/pause)</td></tr>")
			.append("</table>");
		box.getElement().setProperty("innerHTML", html.toString());
		return box;
	}

	static com.vaadin.flow.component.textfield.NumberField thresholdField(MitiCodingService miti, CurrentCoder coder,
			ProjectId project, Runnable changed) {
		var suggestionThreshold = new com.vaadin.flow.component.textfield.NumberField("Suggestion threshold");
		suggestionThreshold.setId("suggestion-threshold");
		suggestionThreshold.setMin(0);
		suggestionThreshold.setMax(1);
		suggestionThreshold.setStep(0.05);
		suggestionThreshold.setStepButtonsVisible(true);
		suggestionThreshold.setHelperText("Suggestions less sure than this are hidden (0: all, 1: none).");
		suggestionThreshold.setValue(miti.suggestionThreshold(project, coder.name()));
		suggestionThreshold.addValueChangeListener(e -> {
			if (!e.isFromClient()) {
				return;
			}
			Double v = e.getValue();
			try {
				if (v == null) {
					throw new IllegalArgumentException("a suggestion threshold is a confidence between 0 and 1");
				}
				miti.setSuggestionThreshold(project, coder.name(), v);
				changed.run();
			}
			catch (IllegalArgumentException ex) {
				Notifications.error(ex.getMessage());
				suggestionThreshold.setValue(miti.suggestionThreshold(project, coder.name()));
			}
		});
		return suggestionThreshold;
	}

	/** An utterance of the segment with its codes and, when given, the suggestion shown for it. */
	static Div utteranceRow(Utterance u, boolean current, List<Behaviour> coded, @Nullable BehaviourSuggestion suggestion) {
		Div row = new Div();
		row.setId("utterance-" + u.index());
		row.addClassName("quire-utterance");
		row.addClassName(u.counsellor() ? "counsellor" : "client");
		if (current) {
			row.addClassName("current");
		}
		Span index = new Span(u.counsellor() ? String.valueOf(u.index() + 1) : "");
		index.addClassName("quire-meta");
		Span who = new Span(u.speaker() == null ? "" : u.speaker());
		who.addClassName("speaker");
		Div codes = new Div();
		codes.addClassName("codes");
		for (Behaviour b : coded) {
			Span badge = new Span(b.shortName());
			badge.addClassName("quire-behaviour");
			badge.getElement().setAttribute("title", b.label());
			codes.add(badge);
		}
		if (suggestion != null) {
			Span hint = new Span(suggestion.behaviour().shortName() + "?");
			hint.addClassName("quire-suggestion");
			hint.getElement().setAttribute("title", String.format(Locale.ROOT,
					"suggested: %s (%s; confidence %.2f, the rule's precision on the tuning sessions); Enter accepts",
					suggestion.behaviour().label(), suggestion.rule(), suggestion.confidence()));
			codes.add(hint);
		}
		row.add(index, who, new Span(u.text()), codes);
		return row;
	}

	static void renderGlobals(Div globalsBox, Map<Global, Integer> ratings, int currentGlobal) {
		globalsBox.removeAll();
		for (Global g : Global.values()) {
			Div box = new Div();
			box.addClassName("quire-global");
			if (g.ordinal() == currentGlobal) {
				box.addClassName("current");
				box.getStyle().set("outline", "2px solid var(--quire-accent)").set("border-radius", "4px");
			}
			Integer r = ratings.get(g);
			Span name = new Span(g.label() + ": " + (r == null ? "not rated" : r));
			name.getStyle().set("font-weight", "600");
			name.setId("global-" + g.name().toLowerCase(Locale.ROOT));
			Div anchor = new Div(new Span(r == null ? g.anchor(3) : g.anchor(r)));
			anchor.addClassName("anchor");
			box.add(name, anchor);
			globalsBox.add(box);
		}
	}

	/** The live tally and summary scores, levelled against the project's threshold set. */
	static void renderSummary(Div summaryBox, MitiCounts counts, Map<Global, Integer> ratings, ThresholdSet set) {
		summaryBox.removeAll();
		StringBuilder line = new StringBuilder();
		for (Behaviour b : Behaviour.values()) {
			line.append(b.shortName()).append(' ').append(counts.get(b)).append("  ");
		}
		Paragraph tally = new Paragraph(line.toString().strip());
		tally.setId("miti-counts");
		summaryBox.add(tally);
		if (ratings.size() < Global.values().length) {
			summaryBox.add(new Paragraph("Rate the four global scores to see Relational and Technical."));
		}
		MitiGlobals globals = ratings.size() == Global.values().length
				? new MitiGlobals(ratings.get(Global.values()[0]), ratings.get(Global.values()[1]), ratings.get(Global.values()[2]),
						ratings.get(Global.values()[3]))
				: new MitiGlobals(3, 3, 3, 3);
		MitiScores scores = MitiScores.of(globals, counts);
		for (Summary summary : Summary.values()) {
			if (ratings.size() < Global.values().length && (summary == Summary.RELATIONAL || summary == Summary.TECHNICAL)) {
				continue;
			}
			Coefficient v = scores.value(summary);
			String value = !v.defined() ? v.reason()
					: summary == Summary.PERCENT_CR ? String.format(Locale.ROOT, "%.0f%%", v.value() * 100)
							: summary == Summary.MI_ADHERENT || summary == Summary.MI_NON_ADHERENT ? String.valueOf((int) v.value())
									: String.format(Locale.ROOT, "%.2f", v.value());
			String level = set.level(summary, v).map(l -> " — " + l.label()).orElse("");
			Div row = new Div(new Span(summary.label() + ": " + value + level));
			row.setId("summary-" + summary.name().toLowerCase(Locale.ROOT));
			summaryBox.add(row);
		}
		Span note = new Span("Levels against " + set.name());
		note.addClassName("quire-meta");
		summaryBox.add(note);
	}

	/** A session id from the route, empty when it is not a number. */
	static Optional<MitiSessionId> parse(String value) {
		try {
			return Optional.of(new MitiSessionId(Long.parseLong(value)));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

}

package quire.fidelity.ui;

import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;

import quire.fidelity.FidelityResults;
import quire.fidelity.Reliability;
import quire.fidelity.ResultGroup;
import quire.fidelity.ScoreSummary;
import quire.fidelity.Summary;
import quire.fidelity.ThresholdSet;
import quire.stats.Agreement.Coefficient;
import quire.stats.Descriptives;

/**
 * The tables of the {@link FidelityView}: the overall summary shaped like seed 002's Table 3, the
 * per-group means marked against the threshold set, ICC reliability and suggestion use.
 */
final class FidelityTables {

	private FidelityTables() {
	}

	static Paragraph legend(ThresholdSet set) {
		Paragraph p = new Paragraph("Each mean is coloured against " + set.name()
				+ ": green good, yellow fair, red below fair; uncoloured scores have no threshold in this set.");
		p.addClassName("quire-help");
		p.setId("level-legend");
		return p;
	}

	/** Shaped like seed 002's Table 3: one row per summary score. */
	static NativeTable overallTable(FidelityResults results) {
		NativeTable table = new NativeTable();
		table.setId("overall-table");
		table.addClassName("quire-matrix");
		NativeTableRow head = table.getHead().addRow();
		for (String h : List.of("Summary score", "Mean (SD)", "Min–max", "Fair", "Sessions ≥ fair", "Good", "Sessions good",
				"Not defined")) {
			head.addHeaderCell().setText(h);
		}
		head.getHeaderCell(0).ifPresent(c -> c.addClassName("row-label"));
		ThresholdSet set = results.thresholds();
		for (ScoreSummary s : results.overall().scores()) {
			NativeTableRow row = table.getBody().addRow();
			NativeTableCell label = row.addDataCell();
			label.setText(s.summary().label());
			label.addClassName("row-label");
			row.addDataCell().setText(meanSd(s));
			row.addDataCell().setText(minMax(s.stats(), s.summary()));
			row.addDataCell().setText(set.threshold(s.summary()).map(t -> value(s.summary(), t.fair())).orElse("—"));
			row.addDataCell().setText(percent(s.atLeastFair()));
			row.addDataCell().setText(set.threshold(s.summary()).filter(t -> t.good() != null)
				.map(t -> value(s.summary(), t.good())).orElse("—"));
			row.addDataCell().setText(percent(s.good()));
			row.addDataCell().setText(s.notDefined() == 0 ? "" : s.notDefined() + " left out");
		}
		return table;
	}

	static NativeTable groupTable(FidelityResults results) {
		NativeTable table = new NativeTable();
		table.setId("group-table");
		table.addClassName("quire-matrix");
		NativeTableRow head = table.getHead().addRow();
		head.addHeaderCell().setText(results.by().label());
		head.addHeaderCell().setText("n");
		for (Summary s : Summary.values()) {
			head.addHeaderCell().setText(s.shortName());
		}
		for (ResultGroup g : results.groups()) {
			NativeTableRow row = table.getBody().addRow();
			NativeTableCell label = row.addDataCell();
			label.setText(g.name());
			label.addClassName("row-label");
			row.addDataCell().setText(String.valueOf(g.sessions()));
			for (Summary s : Summary.values()) {
				ScoreSummary score = g.score(s);
				NativeTableCell cell = row.addDataCell();
				cell.setText(meanSd(score));
				results.thresholds().level(s, score.stats().mean()).ifPresent(level -> {
					cell.addClassName("level-" + level.name().toLowerCase(Locale.ROOT).replace('_', '-'));
					cell.getElement().setAttribute("title", "mean is " + level.label() + " (" + results.thresholds().name() + ")");
				});
			}
		}
		return table;
	}

	static Div reliability(Reliability r) {
		Div box = new Div();
		box.setId("reliability");
		box.add(new H3("Inter-rater reliability"));
		if (r.rows().isEmpty()) {
			box.add(new Paragraph(r.coders().size() < 2 ? "No session is rated by two coders."
					: r.sessions() + " session(s) rated by both " + String.join(" and ", r.coders())
							+ "; ICC needs at least two."));
			return box;
		}
		box.add(new Paragraph(r.rows().get(0).icc().form().label() + ", " + String.join(" vs ", r.coders()) + ", "
				+ r.sessions() + " double-coded sessions, 95% CI; reading after Cicchetti (1994)."));
		NativeTable table = new NativeTable();
		table.addClassName("quire-matrix");
		NativeTableRow head = table.getHead().addRow();
		for (String h : List.of("Measure", "ICC", "95% CI", "Reading")) {
			head.addHeaderCell().setText(h);
		}
		for (Reliability.Row row : r.rows()) {
			NativeTableRow tr = table.getBody().addRow();
			NativeTableCell label = tr.addDataCell();
			label.setText(row.measure());
			label.addClassName("row-label");
			tr.addDataCell().setText(number(row.icc().icc()));
			tr.addDataCell().setText(row.icc().lower().defined() ? number(row.icc().lower()) + " – " + number(row.icc().upper()) : "");
			tr.addDataCell().setText(row.icc().icc().defined() ? row.icc().reading().label()
					: "not defined (" + row.icc().icc().reason() + ")");
		}
		box.add(table);
		return box;
	}

	/** What coders did with the suggestions the MITI coding screen showed them, per session and coder. */
	static Div suggestionUse(List<quire.fidelity.SuggestionUse> uses) {
		Div box = new Div();
		box.setId("suggestion-use");
		box.add(new H3("Suggestions in use"));
		if (uses.isEmpty()) {
			box.add(new Paragraph("No coder has coded an utterance that showed a suggestion yet."));
			return box;
		}
		int accepted = uses.stream().mapToInt(quire.fidelity.SuggestionUse::accepted).sum();
		int shown = uses.stream().mapToInt(quire.fidelity.SuggestionUse::shown).sum();
		box.add(new Paragraph(String.format(Locale.ROOT,
				"Utterances coded in Quire while a suggestion was shown (hidden suggestions below a coder's threshold are "
						+ "not counted): %d of %d accepted (%.0f%%) over %d session-coder pairs. A low share shows where "
						+ "the suggester misleads.", accepted, shown, 100.0 * accepted / shown, uses.size())));
		NativeTable table = new NativeTable();
		table.addClassName("quire-matrix");
		NativeTableRow head = table.getHead().addRow();
		for (String h : List.of("Session", "Coder", "Accepted", "Changed", "Accepted share (n)")) {
			head.addHeaderCell().setText(h);
		}
		for (quire.fidelity.SuggestionUse u : uses) {
			NativeTableRow tr = table.getBody().addRow();
			NativeTableCell label = tr.addDataCell();
			label.setText(u.sessionLabel());
			label.addClassName("row-label");
			tr.addDataCell().setText(u.coder());
			tr.addDataCell().setText(Integer.toString(u.accepted()));
			tr.addDataCell().setText(Integer.toString(u.changed()));
			tr.addDataCell().setText(String.format(Locale.ROOT, "%.0f%% (%d)", 100 * u.acceptedShare(), u.shown()));
		}
		box.add(table);
		return box;
	}

	private static String meanSd(ScoreSummary s) {
		Descriptives.Summary d = s.stats();
		if (!d.mean().defined()) {
			return "not defined";
		}
		String text = value(s.summary(), d.mean().value())
				+ (d.sd().defined() ? " (" + value(s.summary(), d.sd().value()) + ")" : "");
		return text;
	}

	private static String minMax(Descriptives.Summary d, Summary s) {
		return d.min().defined() ? value(s, d.min().value()) + "–" + value(s, d.max().value()) : "";
	}

	/** %CR as a percentage, the rest with two decimals. */
	static String value(Summary s, double v) {
		return s == Summary.PERCENT_CR ? String.format(Locale.ROOT, "%.1f%%", v * 100) : String.format(Locale.ROOT, "%.2f", v);
	}

	private static String percent(Coefficient c) {
		return c.defined() ? String.format(Locale.ROOT, "%.0f%%", c.value() * 100) : "—";
	}

	private static String number(Coefficient c) {
		return c.defined() ? String.format(Locale.ROOT, "%.3f", c.value()) : "n/d";
	}

}

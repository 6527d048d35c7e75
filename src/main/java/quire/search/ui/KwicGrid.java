package quire.search.ui;

import java.util.Collection;
import java.util.Map;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.grid.dataview.GridListDataView;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.QueryParameters;

import quire.search.KwicHit;

/**
 * Keyword-in-context rows: document and turn, speaker, left context (cut at its start so the words
 * next to the hit stay visible), the hit, right context. A click opens the transcript at the hit.
 */
class KwicGrid extends Grid<KwicHit> {

	private final Column<KwicHit> source;

	private final Column<KwicHit> hit;

	KwicGrid() {
		super(KwicHit.class, false);
		addClassName("quire-kwic");
		addThemeVariants(GridVariant.ROW_STRIPES);
		source = addColumn(KwicGrid::source).setHeader("Document · turn")
			.setFlexGrow(0)
			.setResizable(true)
			.setTooltipGenerator(KwicGrid::source);
		addColumn(h -> h.speaker() == null ? "" : h.speaker()).setHeader("Speaker").setFlexGrow(1).setResizable(true);
		addColumn(LitRenderer.<KwicHit>of("<div class=\"kwic-left\"><span>${item.left}</span></div>")
			.withProperty("left", KwicHit::left)).setHeader("Left context").setFlexGrow(4)
			.setTextAlign(ColumnTextAlign.END);
		hit = addColumn(KwicHit::hit).setHeader("Hit").setFlexGrow(0).setPartNameGenerator(h -> "kwic-hit")
			.setTooltipGenerator(KwicHit::hit);
		addColumn(KwicHit::right).setHeader("Right context").setFlexGrow(4);
	}

	/**
	 * Shows the hits, with the hit column as wide as the longest hit and the source column as wide as
	 * the longest "document · turn" (each within a bound): the browser's automatic width looks only at
	 * the first rows it renders, so a longer word further down was cut.
	 */
	@Override
	public GridListDataView<KwicHit> setItems(Collection<KwicHit> items) {
		int longestHit = items.stream().mapToInt(h -> h.hit().length()).max().orElse(0);
		int longestSource = items.stream().mapToInt(h -> source(h).length()).max().orElse(0);
		hit.setWidth(width(longestHit, 3, 40, 1.05));
		source.setWidth(width(longestSource, 12, 30, 0.9));
		return super.setItems(items);
	}

	/**
	 * Room for {@code chars} characters of {@code perChar} ch each (more for bold text), with the cell's
	 * padding; at least {@code min} and at most {@code max} characters (a longer one has a tooltip).
	 */
	static String width(int chars, int min, int max, double perChar) {
		return "calc(" + Math.max(min, Math.min(max, chars)) + " * " + perChar + "ch + 2em)";
	}

	/** The hit's document and its turn, numbered from 1 as everywhere a person reads turns. */
	static String source(KwicHit h) {
		return h.documentName() + " · " + quire.corpus.Turn.number(h.turnIndex());
	}

	/** Opens the transcript of a hit, scrolled to its turn with the hit highlighted. */
	static void open(com.vaadin.flow.component.Component from, KwicHit hit) {
		from.getUI().ifPresent(ui -> ui.navigate("transcript/" + hit.document().value(),
				QueryParameters.simple(Map.of("turn", Integer.toString(hit.turnIndex()), "start",
						Integer.toString(hit.start()), "end", Integer.toString(hit.end())))));
	}

}

package quire.search.ui;

import java.util.Map;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.QueryParameters;

import quire.search.KwicHit;

/**
 * Keyword-in-context rows: document and turn, speaker, left context (cut at its start so the words
 * next to the hit stay visible), the hit, right context. A click opens the transcript at the hit.
 */
class KwicGrid extends Grid<KwicHit> {

	KwicGrid() {
		super(KwicHit.class, false);
		addClassName("quire-kwic");
		addThemeVariants(GridVariant.ROW_STRIPES);
		addColumn(h -> h.documentName() + " · " + (h.turnIndex() + 1)).setHeader("Document · turn")
			.setFlexGrow(2)
			.setResizable(true);
		addColumn(h -> h.speaker() == null ? "" : h.speaker()).setHeader("Speaker").setFlexGrow(1).setResizable(true);
		addColumn(LitRenderer.<KwicHit>of("<div class=\"kwic-left\"><span>${item.left}</span></div>")
			.withProperty("left", KwicHit::left)).setHeader("Left context").setFlexGrow(4)
			.setTextAlign(ColumnTextAlign.END);
		addColumn(KwicHit::hit).setHeader("Hit").setAutoWidth(true).setFlexGrow(0).setPartNameGenerator(h -> "kwic-hit");
		addColumn(KwicHit::right).setHeader("Right context").setFlexGrow(4);
	}

	/** Opens the transcript of a hit, scrolled to its turn with the hit highlighted. */
	static void open(com.vaadin.flow.component.Component from, KwicHit hit) {
		from.getUI().ifPresent(ui -> ui.navigate("transcript/" + hit.document().value(),
				QueryParameters.simple(Map.of("turn", Integer.toString(hit.turnIndex()), "start",
						Integer.toString(hit.start()), "end", Integer.toString(hit.end())))));
	}

}

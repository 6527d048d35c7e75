package quire.ui;

import com.vaadin.flow.component.grid.Grid;

/**
 * How tall a list grid is. A short list shows all its rows, so the page scrolls as one; a long one
 * (a project of 1,000 transcripts) scrolls inside a grid of fixed height, which fetches only the rows
 * in view. Showing every row of a long list makes the browser ask for more pages at once than Vaadin
 * allows (it then shows an error) and builds every row's DOM.
 */
public final class GridRows {

	/** The most rows a grid shows all at once. */
	public static final int SHOW_ALL_UP_TO = 50;

	private GridRows() {
	}

	/** Fits the grid to {@code rows} rows: all of them up to {@link #SHOW_ALL_UP_TO}, else a scrolling grid. */
	public static void fit(Grid<?> grid, int rows) {
		if (rows < 0) {
			throw new IllegalArgumentException("rows must not be negative, not " + rows);
		}
		if (rows <= SHOW_ALL_UP_TO) {
			grid.setHeight(null);
			grid.setAllRowsVisible(true);
		}
		else {
			grid.setAllRowsVisible(false);
			grid.setHeight("70vh");
		}
	}

}

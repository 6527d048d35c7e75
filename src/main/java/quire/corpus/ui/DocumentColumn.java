package quire.corpus.ui;

import com.vaadin.flow.component.Component;

import quire.corpus.DocumentSummary;

/**
 * A column another feature adds to the Documents page (a Spring bean), so the corpus module need not
 * know that feature: recordings, for one, live in a module that itself depends on the corpus.
 */
public interface DocumentColumn {

	String header();

	/** The cell of one document; {@code refresh} redraws the page's list after a change. */
	Component cell(DocumentSummary document, Runnable refresh);

}

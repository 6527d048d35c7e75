package quire.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;

/**
 * What a project page shows when there is no project yet: where to create one, and that on the very
 * first start the demo project is still being prepared for a few seconds.
 */
public class NoProject extends Div {

	public NoProject() {
		setId("no-project");
		add(new H2("No project yet"),
				new Paragraph("Create a project on the Projects page. On the very first start Quire prepares a demo project "
						+ "with transcripts, codings, MITI results and a questionnaire; that takes a few seconds — reload the "
						+ "page then."),
				new Anchor("projects", "Go to the projects"));
	}

}

package quire.ui;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;

import quire.project.Project;

/**
 * A page that works in the session's current project (the codebook, the documents, the report and
 * so on). Entering it resolves the project once — the one chosen on the Projects page if the
 * researcher may still read it, else their first project by name, see {@link CurrentProject} — and
 * then either fills the page for that project ({@link #enter}) or, when the researcher has no
 * project at all, shows where to create one ({@link #showNoProject}). The project stays available
 * to the page's buttons and downloads through {@link #project()}.
 */
public abstract class ProjectPage extends VerticalLayout implements BeforeEnterObserver {

	private final CurrentProject current;

	private @Nullable Project project;

	protected ProjectPage(CurrentProject current) {
		this.current = current;
	}

	@Override
	public final void beforeEnter(BeforeEnterEvent event) {
		project = current.get().orElse(null);
		Project p = project;
		if (p == null) {
			showNoProject();
			return;
		}
		enter(p, event);
	}

	/**
	 * Fills the page for {@code project}, the session's current project, which the signed-in user may
	 * read. The event carries the page's query parameters.
	 */
	protected abstract void enter(Project project, BeforeEnterEvent event);

	/**
	 * What the page shows when the researcher has no project: by default {@link NoProject} in place
	 * of the page's content. A page that is useful without a project (importing one, for example)
	 * overrides it.
	 */
	protected void showNoProject() {
		removeAll();
		add(new NoProject());
	}

	/** The project the page was entered for; null before that, or when the researcher has none. */
	protected final @Nullable Project project() {
		return project;
	}

}

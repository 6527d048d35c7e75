package quire.ui;

import java.io.Serializable;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.spring.annotation.SpringComponent;
import com.vaadin.flow.spring.annotation.VaadinSessionScope;

import quire.project.Project;
import quire.project.ProjectId;
import quire.project.ProjectService;

/**
 * The project a researcher is working in during this browser session. Until one is chosen, the
 * first project (by name) is used, so a newcomer lands in the demo project.
 */
@SpringComponent
@VaadinSessionScope
public class CurrentProject implements Serializable {

	private final transient ProjectService projects;

	private @Nullable ProjectId selected;

	CurrentProject(ProjectService projects) {
		this.projects = projects;
	}

	public Optional<Project> get() {
		if (selected != null) {
			Optional<Project> chosen = projects.find(selected);
			if (chosen.isPresent()) {
				return chosen;
			}
		}
		return projects.list().stream().findFirst();
	}

	public void select(ProjectId id) {
		this.selected = id;
	}

}

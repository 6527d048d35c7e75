package quire.project.ui;

import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;

import quire.project.Project;
import quire.project.ProjectService;
import quire.ui.CurrentProject;
import quire.ui.MainLayout;

/** Lists the projects, creates new ones, and opens one to work in. */
@PermitAll
@Route(value = "projects", layout = MainLayout.class)
@RouteAlias(value = "", layout = MainLayout.class)
@PageTitle("Projects")
@Menu(order = 0, title = "Projects", icon = "vaadin:folder-open")
class ProjectListView extends VerticalLayout {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
		.withZone(ZoneId.systemDefault());

	private final ProjectService projects;

	private final CurrentProject current;

	private final Grid<Project> grid = new Grid<>(Project.class, false);

	ProjectListView(ProjectService projects, CurrentProject current) {
		this.projects = projects;
		this.current = current;
		addClassName("quire-page");
		add(createHeader(), createGrid());
		refresh();
	}

	private HorizontalLayout createHeader() {
		Div text = new Div(new H2("Research projects"),
				new Paragraph("Open a project to import, read and search its transcripts."));
		Button create = new Button("New project", VaadinIcon.PLUS.create(), e -> openCreateDialog());
		create.addThemeVariants(ButtonVariant.PRIMARY);
		create.setId("new-project");
		HorizontalLayout header = new HorizontalLayout(text, create);
		header.setWidthFull();
		header.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
		header.setAlignItems(FlexComponent.Alignment.CENTER);
		return header;
	}

	private Grid<Project> createGrid() {
		grid.setId("projects");
		grid.addColumn(Project::name).setHeader("Name").setFlexGrow(2).setSortable(true);
		grid.addColumn(Project::description).setHeader("Description").setFlexGrow(4);
		grid.addColumn(p -> DATE.format(p.created())).setHeader("Created").setAutoWidth(true).setFlexGrow(0);
		grid.addComponentColumn(p -> {
			Button open = new Button("Open", e -> open(p));
			open.addThemeVariants(ButtonVariant.TERTIARY);
			return open;
		}).setAutoWidth(true).setFlexGrow(0);
		grid.addItemDoubleClickListener(e -> open(e.getItem()));
		grid.setAllRowsVisible(true);
		return grid;
	}

	private void open(Project project) {
		current.select(project.id());
		getUI().ifPresent(ui -> ui.navigate("documents"));
	}

	private void openCreateDialog() {
		Dialog dialog = new Dialog();
		dialog.setHeaderTitle("New project");
		TextField name = new TextField("Name");
		name.setId("project-name");
		name.setWidthFull();
		name.setRequired(true);
		TextArea description = new TextArea("Description");
		description.setWidthFull();
		Button create = new Button("Create", e -> {
			try {
				Project p = projects.create(name.getValue(), description.getValue());
				dialog.close();
				refresh();
				open(p);
			}
			catch (IllegalArgumentException ex) {
				name.setErrorMessage(ex.getMessage());
				name.setInvalid(true);
			}
		});
		create.setId("create-project");
		create.addThemeVariants(ButtonVariant.PRIMARY);
		dialog.add(new VerticalLayout(name, description));
		dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), create);
		dialog.open();
		name.focus();
	}

	private void refresh() {
		grid.setItems(projects.list());
	}

}

package quire.search.ui;

import java.text.NumberFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.PermitAll;
import quire.project.Project;
import quire.project.ProjectService;
import quire.search.CrossProjectSearch;
import quire.search.ProjectHits;
import quire.search.SearchRequest;
import quire.search.SearchService;
import quire.ui.CurrentProject;
import quire.ui.MainLayout;

/**
 * One query over every project the signed-in person may read (or the chosen ones), with the same
 * query syntax and group/speaker filters as the project search; results grouped by project with hit
 * counts. Projects the person does not belong to are never searched.
 */
@PermitAll
@Route(value = "search/all", layout = MainLayout.class)
@PageTitle("Search all my projects")
@Menu(order = 2.1, title = "Search all projects", icon = "vaadin:search-plus")
class AllProjectsSearchView extends VerticalLayout {

	private final SearchService search;

	private final CurrentProject current;

	private final TextField query = new TextField();

	private final TextField group = new TextField("Group");

	private final TextField speaker = new TextField("Speaker");

	private final MultiSelectComboBox<Project> only = new MultiSelectComboBox<>("Only these projects");

	private final Span summary = new Span();

	private final Div results = new Div();

	AllProjectsSearchView(SearchService search, ProjectService projects, CurrentProject current) {
		this.search = search;
		this.current = current;
		addClassName("quire-page");
		add(new H2("Search all my projects"), createHelp(), createForm(projects.list()), summary, results);
		summary.setId("all-summary");
		results.setId("all-results");
		results.setWidthFull();
	}

	private Paragraph createHelp() {
		Paragraph help = new Paragraph("Words, \"phrases\", AND/OR/NOT, \"sick leave\"~3, summar*, caseworker~ — as in "
				+ "a project's search. Only projects you are a member of are searched.");
		help.addClassName("quire-help");
		return help;
	}

	private HorizontalLayout createForm(List<Project> readable) {
		query.setId("all-query");
		query.setLabel("Search");
		query.setWidth("24em");
		query.setPrefixComponent(VaadinIcon.SEARCH.create());
		query.addKeyPressListener(com.vaadin.flow.component.Key.ENTER, e -> run());
		group.setWidth("12em");
		speaker.setWidth("12em");
		only.setId("all-projects");
		only.setItems(readable);
		only.setItemLabelGenerator(Project::name);
		only.setPlaceholder("all " + readable.size());
		only.setWidth("20em");
		Button go = new Button("Search", e -> run());
		go.setId("all-search");
		go.addThemeVariants(ButtonVariant.PRIMARY);
		HorizontalLayout form = new HorizontalLayout(query, group, speaker, only, go);
		form.setAlignItems(FlexComponent.Alignment.BASELINE);
		form.getStyle().set("flex-wrap", "wrap");
		return form;
	}

	void run() {
		results.removeAll();
		query.setInvalid(false);
		if (query.getValue().isBlank()) {
			summary.setText("Type words to search for.");
			return;
		}
		List<ProjectHits> found;
		try {
			Set<quire.project.ProjectId> chosen = only.getValue().stream().map(Project::id).collect(Collectors.toSet());
			found = search.searchAll(new CrossProjectSearch(query.getValue(), blankToNull(group.getValue()),
					blankToNull(speaker.getValue()), List.of(), List.of(), null, chosen, SearchRequest.DEFAULT_MAX_HITS));
		}
		catch (IllegalArgumentException ex) {
			query.setInvalid(true);
			query.setErrorMessage(ex.getMessage());
			summary.setText("");
			return;
		}
		NumberFormat n = NumberFormat.getIntegerInstance();
		int total = found.stream().mapToInt(p -> p.result().totalHits()).sum();
		// while the index is checked after an unclean stop, the answer may miss documents: say so first
		String incomplete = search.indexCheck().map(c -> SearchView.capitalised(c.message()) + ". ").orElse("");
		summary.setText(incomplete + (found.isEmpty() ? "No hits in any of your projects."
				: count(n, total, "hit") + " in " + count(n, found.size(), "project")));
		for (ProjectHits p : found) {
			KwicGrid grid = new KwicGrid();
			grid.setItems(p.result().hits());
			grid.setAllRowsVisible(p.result().hits().size() <= 12);
			if (p.result().hits().size() > 12) {
				grid.setHeight("24rem");
			}
			grid.addItemClickListener(e -> {
				current.select(p.project().id());
				KwicGrid.open(this, e.getItem());
			});
			String counts = count(n, p.result().totalHits(), "hit") + " in " + count(n, p.result().matchingTurns(), "turn")
					+ (p.result().truncated() ? " (first " + p.result().hits().size() + " shown)" : "");
			Details section = new Details(p.project().name() + " — " + counts, grid);
			section.setOpened(true);
			section.setWidthFull();
			section.addClassName("quire-project-hits");
			results.add(section);
		}
	}

	private static String count(NumberFormat n, int count, String noun) {
		return n.format(count) + " " + noun + (count == 1 ? "" : "s");
	}

	private static @Nullable String blankToNull(String s) {
		return s.isBlank() ? null : s.strip();
	}

}

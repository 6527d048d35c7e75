package quire.analysis.ui;

import jakarta.annotation.security.PermitAll;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import quire.analysis.StudyOverview;
import quire.analysis.StudyService;
import quire.corpus.GroupDesign;
import quire.corpus.GroupKind;
import quire.corpus.Strand;
import quire.corpus.StudyDesignService;
import quire.project.Project;
import quire.ui.CurrentProject;
import quire.ui.MainLayout;
import quire.ui.Notifications;
import quire.ui.ProjectPage;

/**
 * The study design: each document group's kind and strand (inferred until a researcher sets them),
 * the MITI sessions of the fidelity strand by rating source and one strand per questionnaire. Every
 * figure in Quire is computed over one of these strands, and says which.
 */
@PermitAll
@Route(value = "study", layout = MainLayout.class)
@PageTitle("Study design")
@Menu(order = 1.2, title = "Study design", icon = "vaadin:sitemap")
class StudyDesignView extends ProjectPage {

	private final StudyService study;

	private final StudyDesignService design;

	private final Div strands = new Div();

	private final Div groups = new Div();

	StudyDesignView(StudyService study, StudyDesignService design, CurrentProject current) {
		super(current);
		this.study = study;
		this.design = design;
		addClassName("quire-page");
		setWidthFull();
		strands.setId("study-strands");
		groups.setId("study-groups");
	}

	@Override
	protected void enter(Project p, BeforeEnterEvent event) {
		removeAll();
		add(new H2("Study design · " + p.name()),
				new Paragraph("A mixed-methods study is made of strands. Themes, agreement, saturation and the COREQ items "
						+ "are computed over the qualitative strand; MITI figures over the fidelity strand; each "
						+ "questionnaire is a strand of its own. Quire infers each document group's kind from its MITI "
						+ "sessions, its name and how many people speak in it; set it here where the guess is wrong."),
				new H3("Strands"), strands, new H3("Document groups"), groups);
		render(p);
	}

	private void render(Project p) {
		StudyOverview overview = study.overview(p.id());
		strands.removeAll();
		UnorderedList list = new UnorderedList();
		overview.lines().forEach(line -> list.add(new ListItem(line)));
		strands.add(list);
		groups.removeAll();
		groups.add(createGroupTable(p, overview));
	}

	private Component createGroupTable(Project p, StudyOverview overview) {
		NativeTable table = new NativeTable();
		table.addClassName("quire-matrix");
		NativeTableRow head = table.getHead().addRow();
		for (String h : new String[] { "Group", "Documents", "Kind", "Strand", "How it was decided", "" }) {
			var th = head.addHeaderCell();
			th.setText(h);
			if (!h.equals("Documents")) {
				th.addClassName("row-label");
			}
		}
		int i = 0;
		for (GroupDesign g : overview.design().groups()) {
			NativeTableRow tr = table.getBody().addRow();
			tr.setId("study-group-" + i);
			NativeTableCell name = tr.addDataCell();
			name.setText(g.name());
			name.addClassName("row-label");
			tr.addDataCell().setText(String.valueOf(g.documents().size()));
			NativeTableCell kindCell = tr.addDataCell();
			NativeTableCell strandCell = tr.addDataCell();
			NativeTableCell decided = tr.addDataCell();
			decided.setText(g.inferredFrom());
			NativeTableCell actions = tr.addDataCell();
			for (NativeTableCell c : new NativeTableCell[] { kindCell, strandCell, decided, actions }) {
				c.addClassName("row-label");
			}
			String group = g.group();
			if (group == null) {
				kindCell.setText(g.kind().label());
				strandCell.setText(g.strand().label());
				actions.add(new Span("put these documents in a group to set their strand"));
			}
			else {
				Select<GroupKind> kind = new Select<>();
				kind.setItems(GroupKind.values());
				kind.setItemLabelGenerator(GroupKind::label);
				kind.setValue(g.kind());
				kind.setId("study-kind-" + i);
				kind.setAriaLabel("Kind of " + g.name());
				kind.setWidth("17em");
				Select<Strand> strand = new Select<>();
				strand.setItems(Strand.values());
				strand.setItemLabelGenerator(Strand::label);
				strand.setValue(g.strand());
				strand.setId("study-strand-" + i);
				strand.setAriaLabel("Strand of " + g.name());
				strand.setWidth("12em");
				kind.addValueChangeListener(e -> {
					if (e.isFromClient() && e.getValue() != null) {
						save(p, group, e.getValue(), e.getValue().defaultStrand());
					}
				});
				strand.addValueChangeListener(e -> {
					if (e.isFromClient() && e.getValue() != null && kind.getValue() != null) {
						save(p, group, kind.getValue(), e.getValue());
					}
				});
				kindCell.add(kind);
				strandCell.add(strand);
				if (g.setByResearcher()) {
					Button reset = new Button("Infer again", e -> reset(p, group));
					reset.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
					reset.setId("study-reset-" + i);
					actions.add(reset);
				}
			}
			i++;
		}
		if (i == 0) {
			return new Paragraph("No documents yet: import transcripts on the Documents page.");
		}
		return table;
	}

	private void save(Project p, String group, GroupKind kind, @Nullable Strand strand) {
		try {
			design.setDesign(p.id(), group, kind, strand);
			Notifications.success("'" + group + "' is now " + kind.label() + " in the "
					+ (strand == null ? kind.defaultStrand() : strand).label());
		}
		catch (RuntimeException ex) {
			Notifications.error(ex.getMessage() == null ? "the design could not be saved" : ex.getMessage());
		}
		render(p);
	}

	private void reset(Project p, String group) {
		try {
			design.resetDesign(p.id(), group);
		}
		catch (RuntimeException ex) {
			Notifications.error(ex.getMessage() == null ? "the design could not be reset" : ex.getMessage());
		}
		render(p);
	}

}

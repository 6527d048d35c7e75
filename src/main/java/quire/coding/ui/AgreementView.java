package quire.coding.ui;

import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import quire.coding.AgreementReport;
import quire.coding.AgreementReport.CodeAgreement;
import quire.coding.AgreementReport.Disagreement;
import quire.coding.AgreementRequest;
import quire.coding.AgreementService;
import quire.coding.AgreementUnit;
import quire.coding.Code;
import quire.coding.CodebookService;
import quire.coding.CodingService;
import quire.corpus.CorpusService;
import quire.corpus.DocumentSummary;
import quire.project.Project;
import quire.project.ui.CurrentProject;
import quire.stats.Agreement.Coefficient;
import quire.ui.MainLayout;
import quire.ui.Notifications;

/**
 * Inter-coder agreement: choose coders, documents, codes and the unit; read percentage agreement,
 * Cohen's κ and Krippendorff's α per code and overall, then walk the disagreements, each opening the
 * transcript where the coders differ.
 */
@PermitAll
@Route(value = "agreement", layout = MainLayout.class)
@PageTitle("Inter-coder agreement")
@Menu(order = 5, title = "Agreement", icon = "vaadin:users")
class AgreementView extends VerticalLayout implements BeforeEnterObserver {

	private final AgreementService agreement;

	private final CodingService codings;

	private final CodebookService codebook;

	private final CorpusService corpus;

	private final CurrentProject current;

	private final MultiSelectComboBox<String> coders = new MultiSelectComboBox<>("Coders");

	private final MultiSelectComboBox<DocumentSummary> documents = new MultiSelectComboBox<>("Documents");

	private final MultiSelectComboBox<Code> codes = new MultiSelectComboBox<>("Codes");

	private final Select<AgreementUnit> unit = new Select<>();

	private final Grid<CodeAgreement> table = new Grid<>();

	private final Div summary = new Div();

	private final Div disagreements = new Div();

	private @Nullable Project project;

	AgreementView(AgreementService agreement, CodingService codings, CodebookService codebook, CorpusService corpus,
			CurrentProject current) {
		this.agreement = agreement;
		this.codings = codings;
		this.codebook = codebook;
		this.corpus = corpus;
		this.current = current;
		addClassName("quire-page");
		setWidthFull();
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		removeAll();
		project = current.get().orElse(null);
		Project p = project;
		if (p == null) {
			add(new quire.ui.NoProject());
			return;
		}
		add(new H2("Inter-coder agreement · " + p.name()),
				new Paragraph("Compares coders on the same documents. Leave documents empty for every document a chosen "
						+ "coder coded, and codes empty for every code they used. A coder who has not coded a document "
						+ "counts as missing there. Cohen's κ needs exactly two coders; Krippendorff's α (nominal) takes "
						+ "any number."),
				createControls(p), summary, table, new H3("Disagreements"), disagreements);
		createTable();
		List<String> all = codings.coders(p.id());
		if (all.size() >= 2) {
			coders.setValue(all.subList(0, 2));
			compare();
		}
		else {
			summary.add(new Paragraph("At least two coders must have coded in this project to compare them."));
		}
	}

	private HorizontalLayout createControls(Project p) {
		coders.setItems(codings.coders(p.id()));
		coders.setId("agreement-coders");
		documents.setItems(corpus.documents(p.id()));
		documents.setItemLabelGenerator(DocumentSummary::name);
		codes.setItems(codebook.codes(p.id()));
		codes.setItemLabelGenerator(Code::path);
		unit.setLabel("Unit");
		unit.setItems(AgreementUnit.values());
		unit.setItemLabelGenerator(AgreementUnit::label);
		unit.setValue(AgreementUnit.CHARACTER);
		unit.setId("agreement-unit");
		Button run = new Button("Compare", e -> compare());
		run.setId("compare");
		run.addThemeVariants(ButtonVariant.PRIMARY);
		HorizontalLayout bar = new HorizontalLayout(coders, documents, codes, unit, run);
		bar.setAlignItems(FlexComponent.Alignment.BASELINE);
		bar.getStyle().set("flex-wrap", "wrap");
		return bar;
	}

	private void createTable() {
		table.setId("agreement-table");
		table.addColumn(CodeAgreement::code).setHeader("Code").setFlexGrow(3).setResizable(true);
		table.addColumn(CodeAgreement::units).setHeader("Units").setWidth("6em").setFlexGrow(0);
		table.addColumn(CodeAgreement::codedUnits).setHeader("Coded by anyone").setWidth("9em").setFlexGrow(0);
		table.addColumn(a -> show(a.percent(), true)).setHeader("Agreement").setWidth("8em").setFlexGrow(0);
		table.addColumn(a -> show(a.kappa(), false)).setHeader("Cohen's κ").setWidth("9em").setFlexGrow(0);
		table.addColumn(a -> show(a.alpha(), false)).setHeader("Krippendorff's α").setWidth("10em").setFlexGrow(0);
		table.setAllRowsVisible(true);
	}

	private void compare() {
		Project p = project;
		if (p == null) {
			return;
		}
		summary.removeAll();
		disagreements.removeAll();
		try {
			AgreementReport report = agreement.compare(new AgreementRequest(p.id(), List.copyOf(coders.getValue()),
					documents.getValue().stream().map(DocumentSummary::id).toList(),
					codes.getValue().stream().map(Code::id).toList(), unit.getValue()));
			Span line = new Span(String.join(", ", report.coders()) + " on " + report.documents() + " document"
					+ (report.documents() == 1 ? "" : "s") + ", unit: " + report.unit().label() + ". Overall: agreement "
					+ show(report.overall().percent(), true) + ", κ " + show(report.overall().kappa(), false) + ", α "
					+ show(report.overall().alpha(), false) + ".");
			line.addClassName("quire-summary");
			line.setId("agreement-summary");
			summary.add(line);
			var rows = new java.util.ArrayList<>(report.codes());
			rows.add(report.overall());
			table.setItems(rows);
			renderDisagreements(report);
		}
		catch (IllegalArgumentException ex) {
			Notifications.error(ex.getMessage());
		}
	}

	private void renderDisagreements(AgreementReport report) {
		if (report.disagreements().isEmpty()) {
			disagreements.add(new Paragraph("The coders agree everywhere."));
			return;
		}
		disagreements.add(new Paragraph(report.disagreements().size() + " stretches where the coders differ"
				+ (report.disagreements().size() >= 500 ? " (the first 500)" : "") + "."));
		for (Disagreement d : report.disagreements()) {
			Div item = new Div();
			item.addClassName("quire-segment");
			Anchor where = new Anchor("transcript/" + d.documentId().value() + "?start=" + d.start() + "&end=" + d.end(),
					d.document() + " · " + d.code());
			Span who = new Span(" · coded by " + (d.codedBy().isEmpty() ? "nobody" : String.join(", ", d.codedBy()))
					+ "; not by " + String.join(", ", d.notCodedBy()));
			who.addClassName("quire-meta");
			Span text = new Span("“" + d.text() + "”");
			text.addClassName("quire-quote");
			item.add(new Div(where, who), new Div(text));
			disagreements.add(item);
		}
	}

	static String show(Coefficient c, boolean percent) {
		if (!c.defined()) {
			return "undefined (" + c.reason() + ")";
		}
		return percent ? String.format(Locale.ROOT, "%.1f%%", c.value() * 100) : String.format(Locale.ROOT, "%.3f", c.value());
	}

}

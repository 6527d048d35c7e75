package quire.coding.ui;

import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
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
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import quire.coding.AgreementReport;
import quire.coding.AgreementReport.CodeAgreement;
import quire.coding.AgreementReport.Disagreement;
import quire.coding.AgreementRequest;
import quire.coding.AgreementScope;
import quire.coding.AgreementService;
import quire.coding.AgreementUnit;
import quire.coding.Code;
import quire.coding.CodeSystem;
import quire.coding.CodebookService;
import quire.coding.CodingService;
import quire.corpus.CorpusService;
import quire.corpus.DocumentSummary;
import quire.corpus.Strand;
import quire.project.Project;
import quire.security.Actors;
import quire.stats.Agreement.Coefficient;
import quire.ui.CurrentProject;
import quire.ui.MainLayout;
import quire.ui.Notifications;
import quire.ui.ProjectPage;

/**
 * Inter-coder agreement: choose coders, the strand or documents, the code system or codes and the unit
 * (speaker turns, qualitative strand and thematic codes by default); read what the figures will be computed
 * over, then ask for percentage agreement, Cohen's κ, Krippendorff's α and α's bootstrap interval per code
 * and pooled over the code system, then walk the disagreements, each opening the transcript where the coders
 * differ.
 *
 * <p>
 * The page opens at once with the settings and what they cover; the figures are computed only on "Compute",
 * because the bootstrap per code takes seconds on a busy machine. The computation runs in the background and
 * reports progress by server push. Changing a setting removes the figures shown, so figures never stand
 * beside settings they were not computed for; the settings are locked while a computation runs.
 */
@PermitAll
@Route(value = "agreement", layout = MainLayout.class)
@PageTitle("Inter-coder agreement")
@Menu(order = 5, title = "Agreement", icon = "vaadin:users")
class AgreementView extends ProjectPage {

	private final AgreementService agreement;

	private final CodingService codings;

	private final CodebookService codebook;

	private final CorpusService corpus;

	private final MultiSelectComboBox<String> coders = new MultiSelectComboBox<>("Coders");

	private final MultiSelectComboBox<DocumentSummary> documents = new MultiSelectComboBox<>("Documents");

	private final MultiSelectComboBox<Code> codes = new MultiSelectComboBox<>("Codes");

	private final Select<AgreementUnit> unit = new Select<>();

	private final Select<CodeSystem> system = new Select<>();

	/** The strand whose documents are compared when no document is chosen; {@link #ALL_STRANDS} for all. */
	private final Select<String> strand = new Select<>();

	static final String ALL_STRANDS = "All strands";

	private final Grid<CodeAgreement> table = new Grid<>();

	private final Div summary = new Div();

	private final Div disagreements = new Div();

	/** What the current settings will compute over, kept up to date as they change. */
	private final Paragraph plan = new Paragraph();

	private final Button compute = new Button("Compute");

	private final ProgressBar progress = new ProgressBar();

	private final Span status = new Span();

	private final HorizontalLayout controls;

	private final HorizontalLayout run;

	/**
	 * Counts computations and setting changes, so a computation's result or progress is shown only if nothing
	 * changed since it started.
	 */
	private int generation;

	private CompletableFuture<?> computation = CompletableFuture.completedFuture(null);

	/** Where computations run: the common pool, or in a test an executor that runs them when the test says. */
	private java.util.concurrent.Executor executor = java.util.concurrent.ForkJoinPool.commonPool();

	/** True while {@link #enter} fills the controls, so their changes resolve the scope once, not per control. */
	private boolean filling;

	AgreementView(AgreementService agreement, CodingService codings, CodebookService codebook, CorpusService corpus,
			CurrentProject current) {
		super(current);
		this.agreement = agreement;
		this.codings = codings;
		this.codebook = codebook;
		this.corpus = corpus;
		addClassName("quire-page");
		setWidthFull();
		controls = createControls();
		run = createRun();
		createTable();
	}

	@Override
	protected void enter(Project p, BeforeEnterEvent event) {
		generation++;
		removeAll();
		add(new H2("Inter-coder agreement · " + p.name()),
				new Paragraph("Compares coders on the same documents. Leave documents empty for every document of the "
						+ "chosen strand that a chosen coder coded, and codes empty for every code of the chosen code "
						+ "system they used there; \"All codes\" pools that system only. A coder who has not coded a "
						+ "document counts as missing there. Cohen's κ needs exactly two coders; Krippendorff's α "
						+ "(nominal) takes any number, and its 95 % interval is a seeded percentile bootstrap over "
						+ "units, so the same data always give the same interval."),
				controls, plan, run, summary, table, new H3("Disagreements"), disagreements);
		filling = true;
		try {
			List<String> all = codings.coders(p.id());
			coders.setItems(all);
			documents.setItems(corpus.documents(p.id()));
			codes.setItems(codebook.codes(p.id(), system.getValue()));
			if (all.size() >= 2) {
				coders.setValue(all.subList(0, 2));
			}
		}
		finally {
			filling = false;
		}
		busy(false);
		settingsChanged();
	}

	private HorizontalLayout createControls() {
		coders.setId("agreement-coders");
		documents.setItemLabelGenerator(DocumentSummary::name);
		documents.setId("agreement-documents");
		codes.setItemLabelGenerator(Code::path);
		codes.setId("agreement-codes");
		system.setLabel("Code system");
		system.setItems(CodeSystem.values());
		system.setItemLabelGenerator(CodeSystem::label);
		system.setValue(CodeSystem.THEMATIC);
		system.setId("agreement-system");
		system.addValueChangeListener(e -> {
			Project p = project();
			codes.clear();
			if (p != null) {
				codes.setItems(codebook.codes(p.id(), e.getValue()));
			}
		});
		strand.setLabel("Strand (when no document is chosen)");
		strand.setItems(strandLabel(Strand.QUALITATIVE), strandLabel(Strand.FIDELITY), ALL_STRANDS);
		strand.setValue(strandLabel(AgreementRequest.DEFAULT_STRAND));
		strand.setId("agreement-strand");
		unit.setLabel("Unit");
		unit.setItems(AgreementUnit.values());
		unit.setItemLabelGenerator(u -> u == AgreementUnit.CHARACTER ? "character (not comparable to unit-based figures)"
				: u.label());
		unit.setValue(AgreementRequest.DEFAULT_UNIT);
		unit.setId("agreement-unit");
		coders.addValueChangeListener(e -> settingsChanged());
		documents.addValueChangeListener(e -> settingsChanged());
		codes.addValueChangeListener(e -> settingsChanged());
		system.addValueChangeListener(e -> settingsChanged());
		strand.addValueChangeListener(e -> settingsChanged());
		unit.addValueChangeListener(e -> settingsChanged());
		HorizontalLayout bar = new HorizontalLayout(coders, strand, documents, system, codes, unit);
		bar.setAlignItems(FlexComponent.Alignment.BASELINE);
		bar.getStyle().set("flex-wrap", "wrap");
		return bar;
	}

	private HorizontalLayout createRun() {
		compute.setId("compare");
		compute.addThemeVariants(ButtonVariant.PRIMARY);
		compute.addClickListener(e -> compute());
		plan.setId("agreement-plan");
		progress.setId("agreement-progress");
		progress.setWidth("12em");
		progress.setVisible(false);
		status.setId("agreement-status");
		status.addClassName("quire-meta");
		HorizontalLayout bar = new HorizontalLayout(compute, progress, status);
		bar.setAlignItems(FlexComponent.Alignment.CENTER);
		return bar;
	}

	/**
	 * A setting changed (or the page opened): drop any figures, since they were computed for other settings,
	 * and say what the settings now cover. Resolving the scope reads codings and transcripts but computes no
	 * coefficient, so it answers at once.
	 */
	private void settingsChanged() {
		if (filling) {
			return;
		}
		generation++;
		boolean hadFigures = !summary.getChildren().toList().isEmpty();
		clearFigures();
		Project p = project();
		AgreementRequest request = p == null ? null : request(p);
		if (request == null) {
			plan.setText(p != null && codings.coders(p.id()).size() < 2
					? "At least two coders must have coded in this project to compare them."
					: "Choose at least two coders to compare.");
			compute.setEnabled(false);
			status.setText("");
			return;
		}
		try {
			AgreementScope scope = agreement.scope(request);
			plan.setText("Will compute over: " + scope.describe() + ".");
			compute.setEnabled(true);
			status.setText(hadFigures ? "Settings changed: press Compute for figures over them."
					: "Press Compute for the figures (" + String.format(Locale.ROOT, "%,d", request.resamples())
							+ " bootstrap resamples per code; this can take a while).");
		}
		catch (IllegalArgumentException ex) {
			plan.setText("Cannot compare: " + ex.getMessage() + ".");
			compute.setEnabled(false);
			status.setText("");
		}
	}

	/** The request the settings describe; null while fewer than two coders are chosen. */
	private @Nullable AgreementRequest request(Project p) {
		if (coders.getValue().size() < 2) {
			return null;
		}
		return new AgreementRequest(p.id(), List.copyOf(coders.getValue()),
				documents.getValue().stream().map(DocumentSummary::id).toList(), chosenStrand(),
				codes.getValue().stream().map(Code::id).toList(), system.getValue(), unit.getValue(),
				AgreementRequest.DEFAULT_RESAMPLES, AgreementRequest.DEFAULT_SEED);
	}

	private void clearFigures() {
		summary.removeAll();
		disagreements.removeAll();
		table.setItems(List.of());
	}

	private void createTable() {
		table.setId("agreement-table");
		table.addColumn(CodeAgreement::code).setHeader("Code").setFlexGrow(3).setResizable(true);
		table.addColumn(CodeAgreement::units).setHeader("Units").setWidth("6em").setFlexGrow(0);
		table.addColumn(CodeAgreement::codedUnits).setHeader("Coded by anyone").setWidth("9em").setFlexGrow(0);
		table.addColumn(a -> show(a.percent(), true)).setHeader("Agreement").setWidth("8em").setFlexGrow(0);
		table.addColumn(a -> show(a.kappa(), false)).setHeader("Cohen's κ").setWidth("9em").setFlexGrow(0);
		table.addColumn(a -> show(a.alpha(), false)).setHeader("Krippendorff's α").setWidth("10em").setFlexGrow(0);
		table.addColumn(CodeAgreement::alphaCiText).setHeader("α 95 % CI (bootstrap)").setWidth("12em").setFlexGrow(1);
		table.setAllRowsVisible(true);
	}

	/**
	 * Computes in the background (as the signed-in user) with the settings locked, showing progress per code;
	 * the result is shown through {@link UI#access} if the page has not changed since.
	 */
	private void compute() {
		Project p = project();
		AgreementRequest request = p == null ? null : request(p);
		if (request == null) {
			return;
		}
		int started = ++generation;
		clearFigures();
		busy(true);
		status.setText("Computing…");
		UI ui = UI.getCurrent();
		computation = CompletableFuture
			.supplyAsync(Actors.asCurrent(() -> agreement.compare(request, (done, of) -> later(ui, () -> {
				if (started == generation) {
					progress.setIndeterminate(false);
					progress.setValue((double) done / of);
					status.setText("Computing… " + done + " of " + of + " rows");
				}
			}))), executor)
			.whenComplete((report, error) -> later(ui, () -> {
				if (started != generation) {
					return;
				}
				busy(false);
				if (error != null) {
					Throwable cause = error.getCause() == null ? error : error.getCause();
					status.setText("");
					Notifications.error(cause instanceof IllegalArgumentException ? cause.getMessage()
							: "Could not compute agreement: " + cause.getMessage());
				}
				else {
					status.setText("");
					show(report);
				}
			}));
	}

	/** Runs later computations on {@code executor}; for tests, which must see the busy state before the result. */
	void runComputationsOn(java.util.concurrent.Executor executor) {
		this.executor = executor;
	}

	/** The computation started last (completed when its result has been handed to the UI); for tests. */
	CompletableFuture<?> computation() {
		return computation;
	}

	private void busy(boolean busy) {
		controls.setEnabled(!busy);
		compute.setEnabled(!busy);
		progress.setVisible(busy);
		progress.setIndeterminate(true);
	}

	/** Runs {@code task} in the UI's session, unless the UI has gone meanwhile (the researcher left). */
	private static void later(UI ui, Runnable task) {
		try {
			ui.access(task::run);
		}
		catch (UIDetachedException gone) {
			// nobody to show it to
		}
	}

	private void show(AgreementReport report) {
		Paragraph scope = new Paragraph("Computed over: " + report.computedOver() + ".");
		scope.setId("agreement-scope");
		Paragraph names = new Paragraph("Documents: "
				+ (report.documentNames().isEmpty() ? "none" : String.join(", ", report.documentNames())) + ".");
		names.addClassName("quire-meta");
		names.setId("agreement-documents-used");
		Span line = new Span("Overall (" + report.codeScope() + "): agreement " + show(report.overall().percent(), true)
				+ ", κ " + show(report.overall().kappa(), false) + ", α " + show(report.overall().alpha(), false)
				+ ", 95 % CI " + report.overall().alphaCiText() + " (" + report.overall().alphaCi().resamples()
				+ " bootstrap resamples, seed " + report.overall().alphaCi().seed() + ").");
		line.addClassName("quire-summary");
		line.setId("agreement-summary");
		summary.add(scope, names, line);
		if (!report.unit().caveat().isEmpty()) {
			Paragraph caveat = new Paragraph("Unit: " + report.unit().caveat() + ".");
			caveat.setId("agreement-caveat");
			caveat.getStyle().set("font-weight", "600");
			summary.add(caveat);
		}
		var rows = new ArrayList<>(report.codes());
		rows.add(report.overall());
		table.setItems(rows);
		renderDisagreements(report);
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

	private @Nullable Strand chosenStrand() {
		return strandOf(strand.getValue());
	}

	/** The strand a choice of {@link #strandLabel} names; null for {@link #ALL_STRANDS}. */
	static @Nullable Strand strandOf(@Nullable String label) {
		for (Strand s : Strand.values()) {
			if (strandLabel(s).equals(label)) {
				return s;
			}
		}
		return null;
	}

	static String strandLabel(Strand s) {
		String label = s.label();
		return Character.toUpperCase(label.charAt(0)) + label.substring(1);
	}

	static String show(Coefficient c, boolean percent) {
		if (!c.defined()) {
			return "undefined (" + c.reason() + ")";
		}
		return percent ? String.format(Locale.ROOT, "%.1f%%", c.value() * 100) : String.format(Locale.ROOT, "%.3f", c.value());
	}

}

package quire.nlp.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.PermitAll;
import quire.project.ProjectAccess;
import quire.project.ProjectRole;
import quire.corpus.CorpusService;
import quire.corpus.DocumentId;
import quire.corpus.DocumentSummary;
import quire.corpus.Language;
import quire.nlp.CandidateGroup;
import quire.nlp.DeidentificationPreview;
import quire.nlp.DeidentificationResult;
import quire.nlp.DeidentificationService;
import quire.nlp.IdentifierKind;
import quire.nlp.KnownName;
import quire.project.Project;
import quire.ui.CurrentProject;
import quire.ui.GridRows;
import quire.ui.MainLayout;
import quire.ui.Notifications;
import quire.ui.ProjectPage;

/**
 * The de-identification review: choose a document, find its candidate identifiers (off the UI thread
 * with progress when CoreNLP's NER has to load), then accept, reject or edit each surface form's
 * pseudonym with every occurrence in context, and create the de-identified copy; codings move with
 * the text. The project's known names are edited here too. Deleting the original is for owners.
 */
@Route(value = "deidentify", layout = MainLayout.class)
@PageTitle("De-identify")
@Menu(order = 6.5, title = "De-identify", icon = "vaadin:user-card")
@PermitAll
class DeidentifyView extends ProjectPage {

	private final DeidentificationService deid;

	private final CorpusService corpus;

	private final H2 heading = new H2("De-identify a transcript");

	private final ComboBox<DocumentSummary> document = new ComboBox<>("Document");

	private final Button find = new Button("Find identifiers");

	private final ProgressBar progress = new ProgressBar();

	private final Span status = new Span();

	private final Paragraph notice = new Paragraph();

	private final Grid<CandidateGroup> grid = new Grid<>();

	private final List<CandidateGroup> groups = new ArrayList<>();

	private final TextField newName = new TextField("Name of the de-identified copy");

	private final Button apply = new Button("Create de-identified copy");

	private final Div result = new Div();

	private final VerticalLayout knownList = new VerticalLayout();

	private @Nullable HorizontalLayout applyRow;

	private @Nullable DeidentificationPreview preview;

	private final ProjectAccess access;

	DeidentifyView(DeidentificationService deid, CorpusService corpus, CurrentProject current, ProjectAccess access) {
		super(current);
		this.access = access;
		this.deid = deid;
		this.corpus = corpus;
		addClassName("quire-page");
		add(heading, createHelp(), createChooser(), notice, createKnownNames(), createBulk(), createGrid(), createApply(),
				result);
	}

	private Paragraph createHelp() {
		Paragraph help = new Paragraph("Quire finds names, places, employers, dates, phone and id numbers, e-mail addresses "
				+ "and URLs, grouped by how they are written. Tick what to replace and edit a pseudonym where needed: "
				+ "the same name gets the same pseudonym in every document of the project. The copy keeps every coding, "
				+ "turn and sentence; the original stays until an owner deletes it.");
		help.addClassName("quire-help");
		return help;
	}

	private HorizontalLayout createChooser() {
		document.setId("deid-document");
		document.setItemLabelGenerator(d -> d.name() + " (" + d.language().label() + ")");
		document.setWidth("28em");
		find.setId("deid-find");
		find.addThemeVariants(ButtonVariant.PRIMARY);
		find.addClickListener(e -> findCandidates());
		progress.setVisible(false);
		progress.setWidth("12em");
		status.setId("deid-status");
		status.addClassName("quire-meta");
		notice.setId("deid-notice");
		notice.addClassName("quire-help");
		HorizontalLayout bar = new HorizontalLayout(document, find, progress, status);
		bar.setAlignItems(FlexComponent.Alignment.BASELINE);
		return bar;
	}

	private Details createKnownNames() {
		TextField name = new TextField();
		name.setPlaceholder("a name the rules may miss, e.g. an employer");
		name.setId("known-name");
		name.setWidth("22em");
		Select<IdentifierKind> kind = new Select<>();
		kind.setItems(IdentifierKind.values());
		kind.setItemLabelGenerator(IdentifierKind::label);
		kind.setValue(IdentifierKind.PERSON);
		Button add = new Button("Add", e -> {
			Project project = project();
			if (project == null || name.getValue().isBlank()) {
				return;
			}
			try {
				deid.addKnownName(project.id(), new KnownName(name.getValue(), kind.getValue()));
				name.clear();
				refreshKnownNames();
			}
			catch (IllegalArgumentException ex) {
				Notifications.error(ex.getMessage());
			}
		});
		add.setId("known-name-add");
		knownList.setPadding(false);
		knownList.setSpacing(false);
		HorizontalLayout row = new HorizontalLayout(name, kind, add);
		row.setAlignItems(FlexComponent.Alignment.BASELINE);
		Paragraph help = new Paragraph("Always replaced, wherever they appear. Participants' names from speaker labels are "
				+ "included without being listed here.");
		help.addClassName("quire-help");
		Details details = new Details("Known names of the project", new VerticalLayout(help, row, knownList));
		details.setWidthFull();
		return details;
	}

	private HorizontalLayout createBulk() {
		Button all = new Button("Replace all", e -> setAll(true));
		Button none = new Button("Replace none", e -> setAll(false));
		all.addThemeVariants(ButtonVariant.TERTIARY);
		none.addThemeVariants(ButtonVariant.TERTIARY);
		return new HorizontalLayout(all, none);
	}

	private Grid<CandidateGroup> createGrid() {
		grid.setId("deid-candidates");
		grid.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
		grid.setAllRowsVisible(true);
		grid.addComponentColumn(g -> {
			Checkbox box = new Checkbox(g.accepted());
			box.setAriaLabel("Replace " + g.surface());
			box.addValueChangeListener(e -> update(g, g.accept(e.getValue())));
			return box;
		}).setHeader("Replace").setAutoWidth(true).setFlexGrow(0);
		grid.addColumn(CandidateGroup::surface).setHeader("Found").setAutoWidth(true).setFlexGrow(0);
		grid.addComponentColumn(g -> {
			TextField field = new TextField();
			field.setValue(g.replacement());
			field.setWidth("12em");
			field.setAriaLabel("Pseudonym for " + g.surface());
			field.addValueChangeListener(e -> {
				if (e.getValue().isBlank()) {
					Notifications.error("The pseudonym for '" + g.surface() + "' must not be empty");
					field.setValue(e.getOldValue());
					return;
				}
				update(g, g.withReplacement(e.getValue()));
			});
			return field;
		}).setHeader("Pseudonym").setAutoWidth(true).setFlexGrow(0);
		grid.addColumn(g -> g.kind().label() + (g.known() ? " · used before" : "")).setHeader("Kind").setAutoWidth(true)
			.setFlexGrow(0);
		grid.addComponentColumn(this::contexts).setHeader("In context").setFlexGrow(1);
		grid.addColumn(CandidateGroup::sources).setHeader("Found by").setAutoWidth(true).setFlexGrow(0);
		grid.setVisible(false);
		return grid;
	}

	private Div contexts(CandidateGroup g) {
		Div box = new Div();
		int shown = 0;
		for (CandidateGroup.Occurrence o : g.occurrences()) {
			if (shown++ == 3) {
				box.add(new Div(new Span("… and " + (g.occurrences().size() - 3) + " more")));
				break;
			}
			Span hit = new Span(g.surface());
			hit.getStyle().set("background", "var(--quire-hit)").set("font-weight", "600");
			box.add(new Div(new Span(o.before()), hit, new Span(o.after())));
		}
		box.getStyle().set("font-size", "0.85rem");
		return box;
	}

	private HorizontalLayout createApply() {
		newName.setId("deid-name");
		newName.setWidth("24em");
		apply.setId("deid-apply");
		apply.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.SUCCESS);
		apply.addClickListener(e -> applyReview());
		HorizontalLayout row = new HorizontalLayout(newName, apply);
		row.setAlignItems(FlexComponent.Alignment.BASELINE);
		row.setVisible(false);
		applyRow = row;
		return row;
	}

	@Override
	protected void showNoProject() {
		heading.setText("De-identify a transcript: no project yet");
	}

	@Override
	protected void enter(Project project, BeforeEnterEvent event) {
		List<DocumentSummary> documents = corpus.documents(project.id());
		document.setItems(documents);
		Optional<String> wanted = event.getLocation().getQueryParameters().getSingleParameter("document");
		wanted.flatMap(id -> documents.stream().filter(d -> String.valueOf(d.id().value()).equals(id)).findFirst())
			.ifPresent(d -> {
				document.setValue(d);
				findCandidates();
			});
		refreshKnownNames();
	}

	private void refreshKnownNames() {
		knownList.removeAll();
		Project project = project();
		if (project == null) {
			return;
		}
		for (KnownName k : deid.knownNames(project.id())) {
			Button remove = new Button("Remove", e -> {
				deid.removeKnownName(project.id(), k.name());
				refreshKnownNames();
			});
			remove.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
			HorizontalLayout line = new HorizontalLayout(new Span(k.name() + " — " + k.kind().label()), remove);
			line.setAlignItems(FlexComponent.Alignment.BASELINE);
			knownList.add(line);
		}
	}

	/**
	 * Finds the candidates. English with CoreNLP's NER not yet loaded (about 10 s) or a long document
	 * runs in the background with a progress bar (the page polls); otherwise at once.
	 */
	void findCandidates() {
		DocumentSummary d = document.getValue();
		if (d == null) {
			Notifications.error("Choose a document first");
			return;
		}
		boolean slow = d.language() == Language.ENGLISH && deid.nerAvailable() && !deid.nerLoaded()
				|| d.wordCount() > 20_000;
		if (!slow) {
			try {
				show(deid.preview(d.id(), p -> {
				}));
			}
			catch (IllegalArgumentException ex) {
				Notifications.error(ex.getMessage());
			}
			return;
		}
		UI ui = UI.getCurrent();
		find.setEnabled(false);
		progress.setVisible(true);
		progress.setIndeterminate(!deid.nerLoaded());
		status.setText(deid.nerLoaded() ? "Finding identifiers…" : "Loading CoreNLP's English NER (about 10 seconds, once)…");
		ui.setPollInterval(500);
		DocumentId id = d.id();
		CompletableFuture.supplyAsync(() -> deid.preview(id, share -> ui.access(() -> {
			progress.setIndeterminate(false);
			progress.setValue(share);
			status.setText("Finding identifiers… " + Math.round(share * 100) + "%");
		}))).whenComplete((found, error) -> ui.access(() -> {
			ui.setPollInterval(-1);
			find.setEnabled(true);
			progress.setVisible(false);
			if (error != null) {
				Throwable cause = error.getCause() == null ? error : error.getCause();
				status.setText("");
				Notifications.error("Could not find identifiers: " + cause.getMessage());
			}
			else {
				show(found);
			}
		}));
	}

	private void show(DeidentificationPreview found) {
		preview = found;
		groups.clear();
		groups.addAll(found.groups());
		grid.setItems(groups);
		GridRows.fit(grid, groups.size());
		grid.setVisible(true);
		if (applyRow != null) {
			applyRow.setVisible(true);
		}
		newName.setValue(found.documentName() + " (de-identified)");
		status.setText(String.format(Locale.ROOT, "%d candidates in %d groups · %s", found.occurrences(),
				found.groups().size(), found.method()));
		notice.setText(found.notice());
		notice.setVisible(!found.notice().isEmpty());
		boolean withoutNer = found.language() != Language.ENGLISH || !deid.nerAvailable();
		notice.getStyle().set("color", withoutNer ? "var(--lumo-error-text-color)" : "inherit")
			.set("font-weight", withoutNer ? "600" : "normal");
		result.removeAll();
	}

	private void update(CandidateGroup old, CandidateGroup now) {
		int i = groups.indexOf(old);
		if (i >= 0) {
			groups.set(i, now);
			grid.getDataProvider().refreshAll();
		}
	}

	private void setAll(boolean yes) {
		groups.replaceAll(g -> g.accept(yes));
		grid.getDataProvider().refreshAll();
	}

	void applyReview() {
		if (preview == null) {
			return;
		}
		try {
			DeidentificationResult done = deid.apply(preview.documentId(), List.copyOf(groups), newName.getValue());
			result.removeAll();
			Anchor open = new Anchor("transcript/" + done.document().id().value(), "Open “" + done.document().name() + "”");
			open.setId("deid-open");
			Paragraph summary = new Paragraph(String.format(Locale.ROOT,
					"Created “%s”: %d replacements; %d codings moved with the text. The original is unchanged.",
					done.document().name(), done.replacements(), done.codingsCopied()));
			summary.setId("deid-result");
			Button delete = new Button("Delete the original (owners)…", e -> confirmDeleteOriginal(done));
			delete.setId("deid-delete-original");
			delete.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.TERTIARY);
			delete.setVisible(access.can(done.document().projectId(), ProjectRole.OWNER));
			result.add(summary, residual(done), new HorizontalLayout(open, delete));
			Project project = project();
			if (project != null) {
				document.setItems(corpus.documents(project.id()));
			}
			Notifications.success("De-identified copy created");
		}
		catch (IllegalArgumentException ex) {
			Notifications.error(ex.getMessage());
		}
	}

	/** The residual check: the copy scanned again, with everything still detected in it and its context. */
	private Div residual(DeidentificationResult done) {
		Div box = new Div();
		Paragraph head = new Paragraph();
		head.setId("deid-residual");
		box.add(head);
		if (done.clean()) {
			head.setText("Residual check: nothing is detected in the copy any more. Rules miss what they do not know: read the copy "
					+ "before sharing it.");
			return box;
		}
		head.setText(String.format(Locale.ROOT, "Residual check: %d still detected in the copy. Open it and replace or confirm each "
				+ "before the copy leaves the project:", done.residual().size()));
		head.getStyle().set("color", "var(--lumo-error-text-color)").set("font-weight", "600");
		String text = corpus.transcript(done.document().id()).map(t -> t.text()).orElse("");
		for (quire.nlp.Candidate c : done.residual()) {
			int from = Math.max(0, c.start() - 40);
			int to = Math.min(text.length(), c.end() + 40);
			Span hit = new Span(c.surface());
			hit.getStyle().set("background", "var(--quire-hit)").set("font-weight", "600");
			Div line = new Div(new Span(c.kind().label() + ": …"), new Span(text.length() >= c.end() ? text.substring(from, c.start()) : ""),
					hit, new Span(text.length() >= c.end() ? text.substring(c.end(), to) + "…" : ""));
			line.addClassName("deid-residual-item");
			line.getStyle().set("font-size", "0.85rem");
			box.add(line);
		}
		return box;
	}

	private void confirmDeleteOriginal(DeidentificationResult done) {
		ConfirmDialog dialog = new ConfirmDialog();
		dialog.setHeader("Delete the original?");
		dialog.setText("The original transcript, its codings and memos are deleted for good. The de-identified copy keeps "
				+ "its own codings. Only the project's owners should do this.");
		dialog.setCancelable(true);
		dialog.setConfirmText("Delete original");
		dialog.setConfirmButtonTheme("error primary");
		dialog.addConfirmListener(e -> {
			try {
				String name = deid.deleteOriginal(done.document().id());
				Notifications.success("Deleted the original “" + name + "”");
				result.removeAll();
				Project project = project();
				if (project != null) {
					document.setItems(corpus.documents(project.id()));
				}
			}
			catch (IllegalArgumentException ex) {
				Notifications.error(ex.getMessage());
			}
		});
		dialog.open();
	}

}

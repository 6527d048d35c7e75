package quire.corpus.ui;

import jakarta.annotation.security.PermitAll;
import java.text.NumberFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;

import quire.project.ProjectAccess;
import quire.project.ProjectRole;
import quire.corpus.CorpusService;
import quire.corpus.DocumentSummary;
import quire.corpus.ImportRequest;
import quire.corpus.ImportResult;
import quire.corpus.Language;
import quire.project.Project;
import quire.ui.CurrentProject;
import quire.ui.MainLayout;
import quire.ui.GridRows;
import quire.ui.Notifications;
import quire.ui.ProjectPage;

/**
 * The documents of the current project: upload transcripts (several at once, with progress and a
 * line per file saying what happened), list them with group, language, turns and words, open or
 * delete them.
 */
@PermitAll
@Route(value = "documents", layout = MainLayout.class)
@PageTitle("Documents")
@Menu(order = 1, title = "Documents", icon = "vaadin:records")
class DocumentsView extends ProjectPage {

	static final String GUESS = "Guess from the text";

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
		.withZone(ZoneId.systemDefault());

	private final CorpusService corpus;

	private final Grid<DocumentSummary> grid = new Grid<>();

	private final ComboBox<String> group = new ComboBox<>("Document group");

	private final Select<String> language = new Select<>();

	private final Div importLog = new Div();

	private final Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> importFile(metadata.fileName(), bytes)));

	private final H2 heading = new H2();

	private volatile @Nullable String chosenGroup;

	private volatile @Nullable Language chosenLanguage;

	private final ProjectAccess access;

	private final Div importPanel;

	private final Paragraph readOnly = new Paragraph();

	private boolean mayDelete;

	/** Columns other features add (e.g. the document's recording). */
	private final List<DocumentColumn> columns;

	DocumentsView(CorpusService corpus, CurrentProject current, ProjectAccess access,
			org.springframework.beans.factory.ObjectProvider<DocumentColumn> columns) {
		super(current);
		this.columns = columns.orderedStream().toList();
		this.corpus = corpus;
		this.access = access;
		addClassName("quire-page");
		importPanel = createImportPanel();
		readOnly.setId("read-only-note");
		readOnly.addClassName("quire-help");
		add(heading, readOnly, importPanel, createGrid());
	}

	@Override
	protected void enter(Project project, BeforeEnterEvent event) {
		heading.setText(project.name());
		// A viewer reads; importing needs the coder role and deleting the owner role (the services check too).
		boolean mayImport = access.can(project.id(), ProjectRole.CODER);
		mayDelete = access.can(project.id(), ProjectRole.OWNER);
		importPanel.setVisible(mayImport);
		readOnly.setVisible(!mayImport);
		readOnly.setText("You are a viewer in this project: you can read, search, and export reports. Ask an owner "
				+ "(Members page) for the coder role to import or code transcripts.");
		refresh();
	}

	private Div createImportPanel() {
		H3 title = new H3("Import transcripts");
		Paragraph help = new Paragraph("Text (.txt), Word (.docx), PDF with a text layer (.pdf), WebVTT (.vtt, e.g. "
				+ "from Teams or Zoom) and SubRip (.srt). Speaker labels such as \"MI Caseworker 2:\" or "
				+ "\"[00:12:03] Anna:\" become speaker turns. Files up to " + corpus.maxFileSizeLabel()
				+ ".");
		help.addClassName("quire-help");

		group.setAllowCustomValue(true);
		group.setPlaceholder("none");
		group.setClearButtonVisible(true);
		group.setHelperText("Choose or type a new one");
		group.addCustomValueSetListener(e -> group.setValue(e.getDetail()));
		group.addValueChangeListener(e -> chosenGroup = e.getValue());
		group.setWidth("22em");

		language.setLabel("Language");
		language.setWidth("14em");
		language.setItems(GUESS, Language.ENGLISH.label(), Language.NORWEGIAN.label());
		language.setValue(GUESS);
		language.addValueChangeListener(e -> chosenLanguage = GUESS.equals(e.getValue()) ? null
				: Language.parse(e.getValue()).orElse(null));

		upload.setId("upload");
		upload.setAcceptedFileTypes(".txt", ".docx", ".pdf", ".vtt", ".srt");
		upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, corpus.maxFileSize()));
		upload.setMaxFiles(100);
		upload.addFileRejectedListener(
				e -> logLine(false, e.getFileName() + ": " + e.getErrorMessage() + " (limit "
						+ corpus.maxFileSizeLabel() + "; .txt, .docx, .pdf, .vtt, .srt)"));

		HorizontalLayout options = new HorizontalLayout(group, language);
		options.setAlignItems(FlexComponent.Alignment.BASELINE);
		importLog.setId("import-log");
		importLog.addClassName("quire-import-log");
		Div panel = new Div(title, help, options, upload, importLog);
		panel.addClassName("quire-panel");
		return panel;
	}

	/** Runs in the upload request thread (the session is not locked); updates the view through access. */
	private void importFile(String fileName, byte[] bytes) {
		Project target = project();
		UI ui = UI.getCurrent();
		if (target == null) {
			return;
		}
		String message;
		boolean ok;
		try {
			ImportResult result = corpus.importDocument(target.id(),
					new ImportRequest(fileName, bytes, chosenGroup, chosenLanguage));
			DocumentSummary d = result.document();
			NumberFormat n = NumberFormat.getIntegerInstance(Locale.ENGLISH);
			message = "Imported " + fileName + " as “" + d.name() + "”: " + n.format(d.turnCount()) + " turns, "
					+ n.format(d.wordCount()) + " words, " + d.language().label()
					+ (result.notes().isEmpty() ? "" : " (" + String.join("; ", result.notes()) + ")");
			ok = true;
		}
		catch (IllegalArgumentException | quire.corpus.ImportsBusyException ex) {
			message = "Not imported: " + ex.getMessage();
			ok = false;
		}
		String line = message;
		boolean success = ok;
		ui.access(() -> {
			logLine(success, line);
			if (!success) {
				markNotImported(fileName);
			}
			refresh();
		});
	}

	/**
	 * The upload's own file list marks every file whose bytes arrived as complete, with a green tick;
	 * a file the import refused gets the upload's error state instead (red, "Not imported"), so the
	 * list never shows a tick beside a file that is not in the project. It is set again when the
	 * upload's response arrives, which may come after this message.
	 */
	private void markNotImported(String fileName) {
		upload.getElement().executeJs("""
				const mark = () => { const f = [...(this.files || [])].find(x => x.name === $0 && !x.quireRefused);
				  if (!f) return false; f.quireRefused = true; f.error = $1; f.complete = false; this.files = [...this.files]; return true; };
				const refuse = (e) => { const f = e.detail.file; if (f.name === $0 && f.quireRefused) { setTimeout(() => {
				  f.error = $1; f.complete = false; this.files = [...this.files]; }); } };
				this.addEventListener('upload-response', refuse);
				mark();""", fileName, "Not imported: see the reason below");
	}

	private void logLine(boolean ok, String message) {
		Div line = new Div(ok ? VaadinIcon.CHECK_CIRCLE.create() : VaadinIcon.EXCLAMATION_CIRCLE.create(),
				new Span(message));
		line.addClassNames("quire-log-line", ok ? "ok" : "error");
		importLog.addComponentAsFirst(line);
	}

	private Grid<DocumentSummary> createGrid() {
		grid.setId("documents");
		NumberFormat n = NumberFormat.getIntegerInstance(Locale.ENGLISH);
		grid.addComponentColumn(d -> {
			Button open = new Button(d.name(), e -> open(d));
			open.addThemeVariants(ButtonVariant.TERTIARY);
			return open;
		}).setHeader("Name").setFlexGrow(3).setComparator(d -> d.name().toLowerCase(Locale.ROOT));
		grid.addColumn(d -> d.group() == null ? "" : d.group()).setHeader("Group").setFlexGrow(2).setSortable(true);
		grid.addColumn(d -> d.language().label()).setHeader("Language").setAutoWidth(true).setFlexGrow(0);
		grid.addColumn(DocumentSummary::format).setHeader("Format").setAutoWidth(true).setFlexGrow(0);
		grid.addColumn(d -> n.format(d.turnCount())).setHeader("Turns").setAutoWidth(true).setFlexGrow(0)
			.setComparator(DocumentSummary::turnCount);
		grid.addColumn(d -> n.format(d.wordCount())).setHeader("Words").setAutoWidth(true).setFlexGrow(0)
			.setComparator(DocumentSummary::wordCount);
		grid.addColumn(d -> DATE.format(d.importedAt())).setHeader("Imported").setAutoWidth(true).setFlexGrow(0);
		for (DocumentColumn column : columns) {
			grid.addComponentColumn(d -> column.cell(d, this::refresh)).setHeader(column.header()).setAutoWidth(true)
				.setFlexGrow(0);
		}
		grid.addComponentColumn(d -> {
			Button delete = new Button(VaadinIcon.TRASH.create(), e -> confirmDelete(d));
			delete.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.ERROR);
			delete.setAriaLabel("Delete " + d.name());
			delete.setTooltipText("Delete");
			delete.setVisible(mayDelete);
			return delete;
		}).setAutoWidth(true).setFlexGrow(0);
		grid.addItemDoubleClickListener(e -> open(e.getItem()));
		GridRows.fit(grid, 0);
		return grid;
	}

	private void open(DocumentSummary d) {
		getUI().ifPresent(ui -> ui.navigate("transcript/" + d.id().value()));
	}

	private void confirmDelete(DocumentSummary d) {
		ConfirmDialog dialog = new ConfirmDialog();
		dialog.setHeader("Delete “" + d.name() + "”?");
		dialog.setText("Its text and " + d.turnCount() + " speaker turns will be removed from the project and from "
				+ "search. This cannot be undone.");
		dialog.setCancelable(true);
		dialog.setConfirmText("Delete");
		dialog.setConfirmButtonTheme("error primary");
		dialog.addConfirmListener(e -> {
			try {
				corpus.delete(d.id());
				Notifications.success("Deleted " + d.name());
			}
			catch (IllegalArgumentException ex) {
				Notifications.error(ex.getMessage());
			}
			refresh();
		});
		dialog.open();
	}

	private void refresh() {
		Project project = project();
		if (project == null) {
			return;
		}
		List<DocumentSummary> documents = corpus.documents(project.id());
		grid.setItems(documents);
		GridRows.fit(grid, documents.size());
		String selected = group.getValue();
		group.setItems(corpus.groups(project.id()));
		if (selected != null) {
			group.setValue(selected);
		}
	}

}

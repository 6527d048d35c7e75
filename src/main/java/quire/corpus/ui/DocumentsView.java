package quire.corpus.ui;

import jakarta.annotation.security.PermitAll;
import java.text.NumberFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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

	/** Files other features take beside transcripts (e.g. recordings paired with their .vtt). */
	private final List<UploadCompanion> companions;

	/** Files of the current upload held until it has all arrived, to be paired; in arrival order. */
	private final Map<String, byte[]> held = new LinkedHashMap<>();

	DocumentsView(CorpusService corpus, CurrentProject current, ProjectAccess access,
			org.springframework.beans.factory.ObjectProvider<DocumentColumn> columns,
			org.springframework.beans.factory.ObjectProvider<UploadCompanion> companions) {
		super(current);
		this.columns = columns.orderedStream().toList();
		this.companions = companions.orderedStream().toList();
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
		List<String> accepted = new ArrayList<>(List.of(".txt", ".docx", ".pdf", ".vtt", ".srt"));
		companions.forEach(c -> accepted.addAll(c.endings()));
		upload.setAcceptedFileTypes(accepted.toArray(String[]::new));
		upload.addAllFinishedListener(e -> importHeld());
		if (!companions.isEmpty()) {
			help.add(" A recording (.mp3, .m4a, .wav, .ogg, .mp4, .webm) uploaded together with its .vtt or .srt of the "
					+ "same name becomes one document with its recording.");
		}
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

	/**
	 * Runs in the upload request thread (the session is not locked); updates the view through access.
	 * A file another feature may pair with a transcript (and a transcript that may have one) waits
	 * until the whole upload has arrived ({@link #importHeld}).
	 */
	void importFile(String fileName, byte[] bytes) {
		Project target = project();
		UI ui = UI.getCurrent();
		if (target == null) {
			return;
		}
		if (companions.stream().anyMatch(c -> c.takes(fileName) || c.mayPair(fileName))) {
			synchronized (held) {
				held.put(fileName, bytes);
			}
			return;
		}
		Outcome outcome = importOne(target, fileName, bytes);
		ui.access(() -> show(outcome));
	}

	/** What importing one file (or a pair) did, for the log. */
	private record Outcome(String fileName, boolean ok, String message, List<String> alsoRefused) {
	}

	private Outcome importOne(Project target, String fileName, byte[] bytes) {
		try {
			ImportResult result = corpus.importDocument(target.id(),
					new ImportRequest(fileName, bytes, chosenGroup, chosenLanguage));
			DocumentSummary d = result.document();
			NumberFormat n = NumberFormat.getIntegerInstance(Locale.ENGLISH);
			return new Outcome(fileName, true, "Imported " + fileName + " as “" + d.name() + "”: " + n.format(d.turnCount())
					+ " turns, " + n.format(d.wordCount()) + " words, " + d.language().label()
					+ (result.notes().isEmpty() ? "" : " (" + String.join("; ", result.notes()) + ")"), List.of());
		}
		catch (IllegalArgumentException | quire.corpus.ImportsBusyException ex) {
			return new Outcome(fileName, false, "Not imported: " + ex.getMessage(), List.of());
		}
	}

	private void show(Outcome outcome) {
		logLine(outcome.ok(), outcome.message());
		if (!outcome.ok()) {
			markNotImported(outcome.fileName());
			outcome.alsoRefused().forEach(this::markNotImported);
		}
		refresh();
	}

	/**
	 * The whole upload has arrived: each held transcript is imported with its companion (all or
	 * nothing) or alone; a companion without its transcript is refused with the reason.
	 */
	void importHeld() {
		Project target = project();
		Map<String, byte[]> files;
		synchronized (held) {
			files = new LinkedHashMap<>(held);
			held.clear();
		}
		if (target == null || files.isEmpty()) {
			return;
		}
		java.util.Set<String> used = new java.util.HashSet<>();
		for (Map.Entry<String, byte[]> file : files.entrySet()) {
			String name = file.getKey();
			if (companions.stream().anyMatch(c -> c.takes(name))) {
				continue;
			}
			Outcome outcome = null;
			for (UploadCompanion c : companions) {
				Optional<String> companion = c.companionOf(name, files.keySet());
				if (companion.isPresent()) {
					used.add(companion.get());
					outcome = importPair(target, c, name, file.getValue(), companion.get(), files.get(companion.get()));
					break;
				}
			}
			show(outcome != null ? outcome : importOne(target, name, file.getValue()));
		}
		for (String name : files.keySet()) {
			if (!used.contains(name)) {
				companions.stream().filter(c -> c.takes(name)).findFirst()
					.ifPresent(c -> show(new Outcome(name, false, c.alone(name), List.of())));
			}
		}
	}

	private Outcome importPair(Project target, UploadCompanion c, String name, byte[] bytes, String companionName,
			byte[] companionBytes) {
		java.nio.file.Path temp = null;
		try {
			temp = java.nio.file.Files.createTempFile("quire-upload-", ".part");
			java.nio.file.Files.write(temp, companionBytes);
			String line = c.importTogether(target.id(), new ImportRequest(name, bytes, chosenGroup, chosenLanguage),
					companionName, temp);
			return new Outcome(name, true, line, List.of());
		}
		catch (IllegalArgumentException | quire.corpus.ImportsBusyException ex) {
			return new Outcome(name, false, "Not imported: " + ex.getMessage() + " (neither " + name + " nor "
					+ companionName + " was imported)", List.of(companionName));
		}
		catch (java.io.IOException ex) {
			return new Outcome(name, false, "Not imported: " + name + " with " + companionName + ": " + ex.getMessage(),
					List.of(companionName));
		}
		finally {
			if (temp != null) {
				try {
					java.nio.file.Files.deleteIfExists(temp);
				}
				catch (java.io.IOException ignored) {
					// a temporary file the system cleans up
				}
			}
		}
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

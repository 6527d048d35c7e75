package quire.fidelity.ui;

import jakarta.annotation.security.PermitAll;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import org.jspecify.annotations.Nullable;

import quire.corpus.CorpusService;
import quire.corpus.DocumentSummary;
import quire.corpus.Turn;
import quire.fidelity.FidelityChart;
import quire.fidelity.FidelityResults;
import quire.fidelity.FidelityService;
import quire.fidelity.Segments;
import quire.fidelity.LabImportResult;
import quire.fidelity.MitiCodingService;
import quire.fidelity.MitiSession;
import quire.fidelity.Rating;
import quire.fidelity.ResultsBy;
import quire.fidelity.ResultsSource;
import quire.fidelity.ThresholdSet;
import quire.project.Project;
import quire.ui.CurrentProject;
import quire.ui.MainLayout;
import quire.ui.Notifications;
import quire.ui.ProjectPage;

/**
 * MITI fidelity results: a Table-3-shaped summary over all sessions, the same per counsellor or
 * session with each mean marked against the project's threshold set, a chart, ICC reliability for
 * double-coded sessions, the rated sessions, and import/export of a coding lab's CSV.
 */
@PermitAll
@Route(value = "fidelity", layout = MainLayout.class)
@PageTitle("MITI fidelity")
@Menu(order = 7, title = "MITI fidelity", icon = "vaadin:chart-3d")
class FidelityView extends ProjectPage {

	static final String WHOLE = "Whole transcript";

	static final String FIRST_20 = "First 20 minutes";

	private final FidelityService fidelity;

	private final CorpusService corpus;

	private final Div sessionsBox = new Div();

	private final Select<ThresholdSet> thresholds = new Select<>();

	private final Select<ResultsBy> by = new Select<>();

	private final Select<ResultsSource> source = new Select<>();

	private final Div content = new Div();

	private final Div importLog = new Div();

	private final Checkbox goodRows = new Checkbox("Import the good rows even if some rows are bad");

	private final Div mappingBox = new Div();

	private @Nullable String pendingName;

	private byte @Nullable [] pendingContent;

	private final MitiCodingService miti;

	/** A session's recording, whose length bounds the segment when the transcript has no timestamps. */
	private final quire.media.MediaService media;

	FidelityView(FidelityService fidelity, MitiCodingService miti, CorpusService corpus, CurrentProject current,
			quire.media.MediaService media) {
		super(current);
		this.media = media;
		this.miti = miti;
		this.fidelity = fidelity;
		this.corpus = corpus;
		addClassName("quire-page");
		setWidthFull();
	}

	@Override
	protected void enter(Project p, BeforeEnterEvent event) {
		removeAll();
		thresholds.setLabel("Threshold set");
		thresholds.setId("threshold-set");
		thresholds.setItems(fidelity.thresholdSets(p.id()));
		thresholds.setItemLabelGenerator(ThresholdSet::name);
		thresholds.setValue(fidelity.thresholdSet(p.id()));
		thresholds.setWidth("20em");
		thresholds.addValueChangeListener(e -> {
			if (e.isFromClient() && e.getValue() != null) {
				fidelity.chooseThresholdSet(p.id(), e.getValue());
			}
			render();
		});
		by.setLabel("Per");
		by.setId("results-by");
		by.setItems(ResultsBy.values());
		by.setItemLabelGenerator(ResultsBy::label);
		by.setValue(ResultsBy.COUNSELLOR);
		by.addValueChangeListener(e -> render());
		source.setLabel("Ratings");
		source.setId("results-source");
		source.setItems(ResultsSource.values());
		source.setItemLabelGenerator(this::sourceLabel);
		source.setValue(fidelity.defaultSource(p.id()));
		source.setWidth("22em");
		source.addValueChangeListener(e -> render());
		Button custom = new Button("New threshold set…", e -> new ThresholdSetDialog(set -> {
			ThresholdSet saved = fidelity.saveThresholdSet(p.id(), set);
			thresholds.setItems(fidelity.thresholdSets(p.id()));
			thresholds.setValue(saved);
			fidelity.chooseThresholdSet(p.id(), saved);
			Notifications.success("Threshold set '" + saved.name() + "' saved and chosen.");
		}).open());
		custom.setId("new-threshold-set");
		HorizontalLayout bar = new HorizontalLayout(source, thresholds, by, custom);
		bar.setAlignItems(FlexComponent.Alignment.BASELINE);
		content.setWidthFull();
		content.setId("fidelity-results");
		sessionsBox.setId("sessions");
		add(new H2("MITI 4.2.1 fidelity · " + p.name()), bar, content, createSessions(p), createImport(p));
		render();
	}

	private Div createSessions(Project p) {
		ComboBox<DocumentSummary> document = new ComboBox<>("Transcript");
		document.setId("session-document");
		document.setItems(corpus.documents(p.id()));
		document.setItemLabelGenerator(DocumentSummary::name);
		document.setWidth("18em");
		Select<String> counsellor = new Select<>();
		counsellor.setLabel("Counsellor");
		counsellor.setId("session-counsellor");
		Select<String> client = new Select<>();
		client.setLabel("Client");
		client.setEmptySelectionAllowed(true);
		TextField label = new TextField("Session label");
		label.setId("session-label");
		DatePicker date = new DatePicker("Date");
		Select<String> segment = new Select<>();
		segment.setLabel("Coded segment");
		segment.setItems(WHOLE, FIRST_20);
		segment.setValue(FIRST_20);
		document.addValueChangeListener(e -> {
			if (e.getValue() == null) {
				return;
			}
			List<String> speakers = corpus.transcript(e.getValue().id()).orElseThrow().turns().stream()
				.map(Turn::speaker)
				.filter(java.util.Objects::nonNull)
				.distinct()
				.toList();
			counsellor.setItems(speakers);
			client.setItems(speakers);
			speakers.stream().filter(sp -> sp.toLowerCase(Locale.ROOT).contains("caseworker")).findFirst()
				.ifPresent(counsellor::setValue);
			speakers.stream().filter(sp -> !sp.equals(counsellor.getValue())).findFirst().ifPresent(client::setValue);
			if (label.getValue().isBlank()) {
				label.setValue(e.getValue().name());
			}
		});
		Button create = new Button("Create session", e -> {
			try {
				DocumentSummary d = document.getValue();
				if (d == null || counsellor.getValue() == null) {
					throw new IllegalArgumentException("choose the transcript and its counsellor");
				}
				Segments.Segment range = FIRST_20.equals(segment.getValue()) ? firstMinutes(d, Segments.MITI_MINUTES) : null;
				var created = fidelity.saveSession(p.id(), label.getValue(), d.id(), counsellor.getValue(), client.getValue(),
						date.getValue(), range == null ? null : range.firstTurn(), range == null ? null : range.lastTurn());
				Notifications.success("Session '" + created.label() + "' saved"
						+ (range == null ? "." : ": turns " + Turn.number(range.firstTurn()) + "–" + Turn.number(range.lastTurn()) + ", " + range.basis() + "."));
				renderSessions();
			}
			catch (IllegalArgumentException ex) {
				Notifications.error(ex.getMessage());
			}
		});
		create.setId("create-session");
		HorizontalLayout form = new HorizontalLayout(document, counsellor, client, label, date, segment, create);
		form.setAlignItems(FlexComponent.Alignment.BASELINE);
		form.getStyle().set("flex-wrap", "wrap");
		Div panel = new Div(new H3("Sessions"),
				new Paragraph("Code a session here from its transcript: choose the transcript, the counsellor and the "
						+ "segment (the first 20 minutes by the transcript's timestamps, else by its recording's length, or the whole transcript), then open "
						+ "it. Sessions rated by a coding lab appear here too."),
				form, sessionsBox);
		panel.addClassName("quire-panel");
		renderSessions();
		return panel;
	}

	/** The first minutes of a transcript: by its timestamps, else by its recording's length. */
	private Segments.Segment firstMinutes(DocumentSummary d, int minutes) {
		List<Turn> turns = corpus.transcript(d.id()).orElseThrow().turns();
		Long length = media.find(d.id()).map(quire.media.Recording::durationMillis).orElse(null);
		return Segments.firstMinutes(turns, minutes, length).orElseThrow(() -> new IllegalArgumentException("'" + d.name()
				+ "' has no timestamps and no recording of known length: choose the whole transcript, or attach its "
				+ "recording (Documents page) or set its turns' times while listening"));
	}

	private void renderSessions() {
		Project p = project();
		if (p == null) {
			return;
		}
		sessionsBox.removeAll();
		Map<Long, List<Rating>> coders = new java.util.HashMap<>();
		for (Rating r : fidelity.ratings(p.id())) {
			coders.computeIfAbsent(r.session().id().value(), k -> new java.util.ArrayList<>()).add(r);
		}
		NativeTable table = new NativeTable();
		table.addClassName("quire-matrix");
		NativeTableRow head = table.getHead().addRow();
		for (String h : List.of("Session", "Counsellor", "Client", "Transcript", "Ratings (coder, source, role)")) {
			head.addHeaderCell().setText(h);
		}
		for (MitiSession s : fidelity.sessions(p.id())) {
			NativeTableRow row = table.getBody().addRow();
			NativeTableCell name = row.addDataCell();
			name.addClassName("row-label");
			if (s.document() != null) {
				Anchor open = new Anchor("fidelity/session/" + s.id().value(), s.label());
				open.setId("open-session-" + s.id().value());
				name.add(open);
			}
			else {
				name.setText(s.label());
			}
			row.addDataCell().setText(s.counsellor());
			row.addDataCell().setText(s.client() == null ? "" : s.client());
			row.addDataCell().setText(s.document() == null ? "(lab only)" : "yes"
					+ (s.firstTurn() == null ? ", whole" : ", turns " + Turn.number(s.firstTurn()) + "–" + Turn.number(s.lastTurn())));
			NativeTableCell who = row.addDataCell();
			who.addClassName("row-label");
			for (Rating r : coders.getOrDefault(s.id().value(), List.of())) {
				who.add(rating(p, r));
			}
		}
		sessionsBox.add(table);
	}

	/**
	 * One rating in the sessions table: coder, source, role (and "in progress" without globals); a
	 * reliability rating can be made the session's primary rating of its source.
	 */
	private Div rating(Project p, Rating r) {
		Div line = new Div(new Span(r.coder() + " · " + r.source().label() + " · " + r.role().label()
				+ (r.globals() == null ? " (in progress)" : "")));
		line.addClassName("rating-" + r.role().name().toLowerCase(Locale.ROOT));
		if (!r.primary()) {
			Button primary = new Button("Make primary", e -> {
				try {
					fidelity.setRole(r.session().id(), r.coder(), quire.fidelity.RatingRole.PRIMARY);
					Notifications.success(r.coder() + "'s rating is now the primary rating of " + r.session().label() + ".");
					render();
				}
				catch (IllegalArgumentException ex) {
					Notifications.error(ex.getMessage());
				}
			});
			primary.addThemeNames("small", "tertiary");
			primary.setId("make-primary-" + r.session().id().value() + "-" + r.coder().replaceAll("[^A-Za-z0-9]", "_"));
			line.add(primary);
		}
		return line;
	}

	private Div createImport(Project p) {
		Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> importLab(metadata.fileName(), bytes)));
		upload.setId("lab-upload");
		upload.setAcceptedFileTypes(".csv", ".txt");
		upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, corpus.maxFileSize()));
		upload.setUploadButton(new Button("Import a coding lab's CSV…"));
		goodRows.setId("good-rows");
		Anchor export = new Anchor(DownloadHandler.fromInputStream(e -> {
			byte[] csv = fidelity.exportLab(p.id());
			return new DownloadResponse(new ByteArrayInputStream(csv), "miti-ratings.csv", "text/csv", csv.length);
		}), "Export ratings (lab layout CSV)");
		export.getElement().setAttribute("download", true);
		Anchor utterances = new Anchor(DownloadHandler.fromInputStream(e -> {
			byte[] csv = miti.exportUtterances(p.id());
			return new DownloadResponse(new ByteArrayInputStream(csv), "miti-utterances.csv", "text/csv", csv.length);
		}), "Export coded utterances (CSV)");
		utterances.getElement().setAttribute("download", true);
		utterances.setId("export-utterances");
		importLog.setId("lab-import-log");
		importLog.addClassName("quire-import-log");
		Div panel = new Div(new H3("Coding-lab results"),
				new Paragraph("One row per coded session: session id, counsellor, coder, the four global scores and the ten "
						+ "behaviour counts. Columns are recognised by the MITI manual's names and usual abbreviations "
						+ "(CCT, SST, GI, PwP, SR, CR, AF, Seek, Emph …). If any row is bad, nothing is imported and every "
						+ "bad row is listed."),
				goodRows, upload, importLog, mappingBox, new Div(export), new Div(utterances));
		mappingBox.setId("lab-mapping");
		panel.addClassName("quire-panel");
		return panel;
	}

	/** Runs in the upload request thread; updates the view through access. */
	void importLab(String fileName, byte[] bytes) {
		Project p = project();
		UI ui = UI.getCurrent();
		if (p == null) {
			return;
		}
		runImport(ui, p, fileName, bytes, Map.of());
	}

	/** Imports (or re-imports with a column mapping) and shows the outcome; offers a mapping for unknown columns. */
	private void runImport(UI ui, Project p, String fileName, byte[] bytes, Map<String, String> mapping) {
		LabImportResult result;
		try {
			result = fidelity.importLab(p.id(), fileName, bytes, mapping, goodRows.getValue());
		}
		catch (IllegalArgumentException ex) {
			ui.access(() -> Notifications.error(fileName + ": " + ex.getMessage()));
			return;
		}
		LabImportResult r = result;
		ui.access(() -> {
			importLog.removeAll();
			Div head = new Div(new Span(r.describe()));
			head.addClassNames("quire-log-line", r.applied() && r.problems().isEmpty() ? "ok" : "error");
			importLog.add(head);
			for (LabImportResult.Problem problem : r.problems()) {
				Div line = new Div(new Span(problem.toString()));
				line.addClassNames("quire-log-line", "error");
				importLog.add(line);
			}
			for (String column : r.ignoredColumns()) {
				importLog.add(new Div(new Span("Ignored column '" + column + "' (not a MITI field)")));
			}
			showMapping(p, fileName, bytes, r, mapping);
			render();
		});
	}

	/** When columns were not recognised, lets the researcher say what each one is and import again. */
	private void showMapping(Project p, String fileName, byte[] bytes, LabImportResult r, Map<String, String> mapping) {
		mappingBox.removeAll();
		pendingName = fileName;
		pendingContent = bytes;
		if (r.ignoredColumns().isEmpty() || (r.applied() && r.problems().isEmpty())) {
			return;
		}
		mappingBox.add(new Paragraph("Say what the unrecognised columns hold, then import again:"));
		Map<String, Select<String>> choices = new java.util.LinkedHashMap<>();
		for (String column : r.ignoredColumns()) {
			Select<String> field = new Select<>();
			field.setLabel(column);
			field.setItems(FidelityService.labFields());
			field.setValue(mapping.getOrDefault(column, "ignore"));
			field.setId("map-" + column.replaceAll("[^A-Za-z0-9]", "_"));
			choices.put(column, field);
		}
		HorizontalLayout fields = new HorizontalLayout();
		fields.getStyle().set("flex-wrap", "wrap");
		choices.values().forEach(fields::add);
		Button again = new Button("Import with this mapping", e -> {
			Map<String, String> chosen = new java.util.LinkedHashMap<>(mapping);
			choices.forEach((column, select) -> chosen.put(column, select.getValue()));
			byte[] content = pendingContent;
			String name = pendingName;
			if (content != null && name != null) {
				runImport(UI.getCurrent(), p, name, content, chosen);
			}
		});
		again.setId("import-mapped");
		mappingBox.add(fields, again);
	}

	private void render() {
		Project p = project();
		if (p == null || thresholds.getValue() == null) {
			return;
		}
		renderSessions();
		content.removeAll();
		List<Rating> ratings = fidelity.ratings(p.id());
		if (ratings.isEmpty()) {
			content.add(new Paragraph("No rated sessions yet. Import a coding lab's CSV below."));
			return;
		}
		FidelityResults results = fidelity.results(p.id(), by.getValue(), thresholds.getValue(), source.getValue());
		H3 title = new H3(capitalised(results.caption()) + " against " + results.thresholds().name());
		title.setId("results-caption");
		Paragraph note = new Paragraph(results.source() == ResultsSource.POOLED
				? "Pooled: both sources' primary ratings; a session rated by both counts once, by the coding lab's rating. "
						+ "Reliability (double-coding) ratings are never in the means; they feed the ICC below."
				: "Only the primary rating of each session from this source; reliability (double-coding) ratings feed the "
						+ "ICC below, never the means. Choose \"Ratings\" above to see another source or both pooled.");
		note.addClassName("quire-help");
		content.add(title, note, FidelityTables.overallTable(results), new H3("Per " + by.getValue().label().toLowerCase(Locale.ROOT)),
				FidelityTables.legend(results.thresholds()), FidelityTables.groupTable(results));
		Div chart = new Div();
		chart.setId("fidelity-chart");
		chart.getElement().setProperty("innerHTML", FidelityChart.svg(results));
		content.add(chart);
		content.add(FidelityTables.reliability(fidelity.reliability(p.id(), List.of())));
		content.add(FidelityTables.suggestionUse(miti.suggestionUse(p.id())));
	}

	/** The source selector's labels, the default source marked. */
	private String sourceLabel(ResultsSource s) {
		String label = switch (s) {
			case LAB -> "Coding lab";
			case QUIRE -> "Coded in Quire";
			case POOLED -> "Coding lab and Quire pooled";
		};
		Project p = project();
		return p != null && s == fidelity.defaultSource(p.id()) ? label + " (default)" : label;
	}

	private static String capitalised(String text) {
		return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

}

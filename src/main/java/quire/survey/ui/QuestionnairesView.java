package quire.survey.ui;

import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
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
import com.vaadin.flow.server.streams.UploadHandler;

import quire.corpus.Attribute;
import quire.corpus.ParticipantService;
import quire.project.Project;
import quire.ui.CurrentProject;
import quire.stats.Agreement.Coefficient;
import quire.stats.Frequencies;
import quire.survey.MeasurementLevel;
import quire.survey.Questionnaire;
import quire.survey.SurveyChart;
import quire.survey.SurveyImport;
import quire.survey.SurveyProblem;
import quire.survey.SurveyService;
import quire.survey.ValueLabel;
import quire.survey.VariableSpec;
import quire.survey.VariableSummary;
import quire.ui.MainLayout;
import quire.ui.Notifications;
import quire.ui.ProjectPage;

/**
 * Questionnaires: upload a CSV or XLSX, check and correct the proposed variable codebook (label,
 * level, value labels, missing codes), import linked to participants by the id column; then read
 * frequency tables in the seed study's layout (n (%) per category, missing counted apart), numeric
 * summaries, crosstabs by a participant attribute and bar charts.
 */
@PermitAll
@Route(value = "questionnaires", layout = MainLayout.class)
@PageTitle("Questionnaires")
@Menu(order = 7.5, title = "Questionnaires", icon = "vaadin:clipboard-text")
class QuestionnairesView extends ProjectPage {

	private final SurveyService survey;

	private final ParticipantService participants;

	private final Div importBox = new Div();

	private final Div results = new Div();

	private final TextField name = new TextField("Questionnaire name");

	private final Select<String> idColumn = new Select<>();

	private final Checkbox addUnknown = new Checkbox("Add ids that match no participant as new participants");

	private final Grid<VariableSpec> codebook = new Grid<>();

	private List<VariableSpec> specs = new ArrayList<>();

	private @Nullable String pendingName;

	private byte @Nullable [] pendingContent;

	QuestionnairesView(SurveyService survey, ParticipantService participants, CurrentProject current) {
		super(current);
		this.survey = survey;
		this.participants = participants;
		addClassName("quire-page");
		setWidthFull();
	}

	@Override
	protected void enter(Project p, BeforeEnterEvent event) {
		removeAll();
		results.setId("survey-results");
		importBox.setId("survey-import");
		add(new H2("Questionnaires · " + p.name()), results, createImport());
		renderResults(p);
	}

	private Div createImport() {
		Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> preview(metadata.fileName(), bytes)));
		upload.setId("survey-upload");
		upload.setAcceptedFileTypes(".csv", ".xlsx", ".txt");
		upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, survey.maxFileSize()));
		upload.setUploadButton(new Button("Choose a CSV or XLSX file…"));
		Div panel = new Div(new H3("Import a questionnaire"),
				new Paragraph("One row per respondent with an id column naming the participant. Quire proposes a variable "
						+ "codebook from the data; check the labels, levels, value labels (\"1=very dissatisfied; 2=…\") and "
						+ "missing codes, then import. Every bad cell is listed with its line and column and nothing is "
						+ "imported until the file is clean; ids that match no participant are listed, never dropped."),
				upload, importBox);
		panel.addClassName("quire-panel");
		return panel;
	}

	/** Runs in the upload request thread. */
	void preview(String fileName, byte[] bytes) {
		Project p = project();
		UI ui = UI.getCurrent();
		if (p == null) {
			return;
		}
		pendingName = fileName;
		pendingContent = bytes;
		ui.access(() -> {
			importBox.removeAll();
			var first = survey.preview(p.id(), fileName, bytes, "id");
			List<String> columns = first.proposed().isEmpty() && !first.problems().isEmpty() ? columnsOf(first) : columnsOf(first);
			idColumn.setLabel("Id column");
			idColumn.setId("survey-id-column");
			idColumn.setItems(columns);
			idColumn.setValue(columns.contains("id") ? "id" : columns.isEmpty() ? null : columns.get(0));
			idColumn.addValueChangeListener(e -> reviewCodebook(p));
			name.setValue(fileName.replaceAll("\\.[^.]+$", ""));
			name.setId("survey-name");
			addUnknown.setId("survey-add-unknown");
			importBox.add(new HorizontalLayout(name, idColumn), codebookEditor(), addUnknown);
			Button go = new Button("Import", e -> runImport(p));
			go.setId("survey-import-button");
			go.addThemeVariants(ButtonVariant.PRIMARY);
			Div log = new Div();
			log.setId("survey-log");
			importBox.add(go, log);
			reviewCodebook(p);
		});
	}

	private List<String> columnsOf(SurveyImport preview) {
		List<String> columns = new ArrayList<>();
		columns.add("id");
		preview.proposed().forEach(v -> columns.add(v.column()));
		for (SurveyProblem problem : preview.problems()) {
			if (problem.line() == 1 && problem.reason().startsWith("no such column; the columns are ")) {
				columns.clear();
				for (String c : problem.reason().substring("no such column; the columns are ".length()).split(", ")) {
					columns.add(c);
				}
			}
		}
		return new ArrayList<>(new LinkedHashSet<>(columns));
	}

	private Grid<VariableSpec> codebookEditor() {
		codebook.removeAllColumns();
		codebook.setId("survey-codebook");
		codebook.addColumn(VariableSpec::column).setHeader("Column").setAutoWidth(true);
		codebook.addComponentColumn(v -> {
			TextField label = new TextField();
			label.setValue(v.label());
			label.setWidthFull();
			label.addValueChangeListener(e -> replace(v, new VariableSpec(v.column(), e.getValue(), v.level(), v.valueLabels(),
					v.missingCodes())));
			return label;
		}).setHeader("Label").setFlexGrow(2);
		codebook.addComponentColumn(v -> {
			Select<MeasurementLevel> level = new Select<>();
			level.setItems(MeasurementLevel.values());
			level.setItemLabelGenerator(MeasurementLevel::label);
			level.setValue(v.level());
			level.addValueChangeListener(e -> replace(v, new VariableSpec(v.column(), v.label(), e.getValue(), v.valueLabels(),
					v.missingCodes())));
			return level;
		}).setHeader("Level").setAutoWidth(true);
		codebook.addComponentColumn(v -> {
			TextField labels = new TextField();
			labels.setValue(String.join("; ", v.valueLabels().stream().map(l -> l.code() + "=" + l.label()).toList()));
			labels.setWidthFull();
			labels.addValueChangeListener(e -> {
				try {
					replace(v, new VariableSpec(v.column(), v.label(), v.level(), parseLabels(e.getValue()), v.missingCodes()));
				}
				catch (IllegalArgumentException ex) {
					Notifications.error(v.column() + ": " + ex.getMessage());
				}
			});
			return labels;
		}).setHeader("Value labels").setFlexGrow(3);
		codebook.addComponentColumn(v -> {
			TextField missing = new TextField();
			missing.setValue(String.join("; ", v.missingCodes()));
			missing.addValueChangeListener(e -> replace(v, new VariableSpec(v.column(), v.label(), v.level(), v.valueLabels(),
					new LinkedHashSet<>(List.of(e.getValue().split("\\s*;\\s*"))).stream().filter(s -> !s.isBlank())
						.collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new)))));
			return missing;
		}).setHeader("Missing codes").setAutoWidth(true);
		codebook.setAllRowsVisible(true);
		return codebook;
	}

	private void replace(VariableSpec old, VariableSpec updated) {
		specs.replaceAll(v -> v.column().equals(old.column()) ? updated : v);
	}

	static List<ValueLabel> parseLabels(String text) {
		List<ValueLabel> labels = new ArrayList<>();
		for (String part : text.split(";")) {
			String p = part.strip();
			if (p.isEmpty()) {
				continue;
			}
			int eq = p.indexOf('=');
			labels.add(eq < 0 ? ValueLabel.of(p) : new ValueLabel(p.substring(0, eq).strip(), p.substring(eq + 1).strip()));
		}
		return labels;
	}

	private void reviewCodebook(Project p) {
		byte[] content = pendingContent;
		String file = pendingName;
		if (content == null || file == null || idColumn.getValue() == null) {
			return;
		}
		SurveyImport preview = survey.preview(p.id(), file, content, idColumn.getValue());
		specs = new ArrayList<>(preview.proposed());
		codebook.setItems(specs);
		showLog(preview);
	}

	private void runImport(Project p) {
		byte[] content = pendingContent;
		String file = pendingName;
		if (content == null || file == null || idColumn.getValue() == null) {
			return;
		}
		try {
			SurveyImport result = survey.importQuestionnaire(p.id(), name.getValue(), file, content, idColumn.getValue(),
					List.copyOf(specs), addUnknown.getValue());
			showLog(result);
			if (result.applied()) {
				Notifications.success(result.describe());
				renderResults(p);
			}
		}
		catch (IllegalArgumentException ex) {
			Notifications.error(ex.getMessage());
		}
	}

	private void showLog(SurveyImport r) {
		importBox.getChildren().filter(c -> c.getId().filter("survey-log"::equals).isPresent()).findFirst().ifPresent(c -> {
			Div log = (Div) c;
			log.removeAll();
			Div head = new Div(new Span(r.applied() ? r.describe()
					: r.problems().isEmpty() && r.unknownIds().isEmpty() ? "Ready to import " + r.rows() + " respondents."
							: r.describe()));
			head.addClassNames("quire-log-line", r.problems().isEmpty() ? "ok" : "error");
			log.add(head);
			r.problems().stream().limit(200).forEach(pr -> {
				Div line = new Div(new Span(pr.toString()));
				line.addClassNames("quire-log-line", "error");
				log.add(line);
			});
			if (!r.unknownIds().isEmpty()) {
				Div line = new Div(new Span("Ids that match no participant: " + String.join(", ", r.unknownIds())));
				line.addClassNames("quire-log-line", r.applied() ? "ok" : "error");
				log.add(line);
			}
			r.changes().stream().limit(200).forEach(ch -> log.add(new Div(new Span("Changed: " + ch))));
		});
	}

	private void renderResults(Project p) {
		results.removeAll();
		List<Questionnaire> all = survey.questionnaires(p.id());
		if (all.isEmpty()) {
			results.add(new Paragraph("No questionnaire yet."));
			return;
		}
		Select<Questionnaire> which = new Select<>();
		which.setLabel("Questionnaire");
		which.setItems(all);
		which.setItemLabelGenerator(q -> q.name() + " (" + survey.respondents(q).size() + " respondents)");
		which.setValue(all.get(0));
		Select<String> by = new Select<>();
		by.setLabel("By participant attribute");
		by.setId("survey-by");
		List<String> options = new ArrayList<>();
		options.add("(none)");
		participants.attributes(p.id()).stream().filter(a -> !a.categories().isEmpty()).forEach(a -> options.add(a.name()));
		by.setItems(options);
		by.setValue("(none)");
		Div tables = new Div();
		tables.setId("survey-tables");
		Runnable render = () -> renderTables(p, which.getValue(), "(none)".equals(by.getValue()) ? null
				: participants.attribute(p.id(), by.getValue()).orElse(null), tables);
		which.addValueChangeListener(e -> render.run());
		by.addValueChangeListener(e -> render.run());
		HorizontalLayout bar = new HorizontalLayout(which, by);
		bar.setAlignItems(FlexComponent.Alignment.BASELINE);
		results.add(bar, tables);
		render.run();
	}

	/** Seed 002's Table 2 layout: every categorical variable with its categories as rows, n (%) as cells. */
	private void renderTables(Project p, @Nullable Questionnaire q, @Nullable Attribute by, Div tables) {
		tables.removeAll();
		if (q == null) {
			return;
		}
		NativeTable table = new NativeTable();
		table.setId("frequency-table");
		table.addClassName("quire-matrix");
		NativeTableRow head = table.getHead().addRow();
		head.addHeaderCell().setText("Item and answer");
		head.addHeaderCell().setText("n (% of valid)");
		Div charts = new Div();
		charts.addClassName("quire-charts");
		Div extra = new Div();
		for (VariableSpec v : q.variables()) {
			VariableSummary s = survey.describe(q, v, by);
			NativeTableRow title = table.getBody().addRow();
			NativeTableCell t = title.addDataCell();
			t.setText(v.label() + " (valid n = " + s.frequencies().valid() + (s.frequencies().missing() > 0
					? ", missing " + s.frequencies().missing() : "") + ")");
			t.setColspan(2);
			t.addClassName("row-label");
			t.getStyle().set("font-weight", "600");
			if (v.level() == MeasurementLevel.SCALE && s.numeric() != null) {
				NativeTableRow row = table.getBody().addRow();
				NativeTableCell label = row.addDataCell();
				label.setText("Mean (SD); median (IQR)");
				label.addClassName("row-label");
				row.addDataCell().setText(numeric(s));
				Div boxPlot = new Div();
				boxPlot.addClassName("quire-boxplot");
				boxPlot.getElement().setProperty("innerHTML", SurveyChart.box(s));
				charts.add(boxPlot);
			}
			else {
				for (Frequencies.Row r : s.frequencies().rows()) {
					NativeTableRow row = table.getBody().addRow();
					NativeTableCell label = row.addDataCell();
					label.setText("   " + v.valueLabel(r.category()).map(ValueLabel::label).orElse(r.category()));
					label.addClassName("row-label");
					row.addDataCell().setText(r.n() + " (" + percent(r.percentOfValid()) + ")");
				}
				if (v.level() == MeasurementLevel.ORDINAL && s.numeric() != null) {
					NativeTableRow row = table.getBody().addRow();
					NativeTableCell label = row.addDataCell();
					label.setText("   Mean (SD); median (IQR) [bootstrap 95% CI of the median]");
					label.addClassName("row-label");
					row.addDataCell().setText(numeric(s));
				}
				Div chart = new Div();
				chart.getElement().setProperty("innerHTML", SurveyChart.bars(s));
				charts.add(chart);
				String box = SurveyChart.box(s);
				if (!box.isEmpty()) {
					Div boxPlot = new Div();
					boxPlot.addClassName("quire-boxplot");
					boxPlot.getElement().setProperty("innerHTML", box);
					charts.add(boxPlot);
				}
			}
			if (s.byGroup() != null) {
				extra.add(crosstab(v, s));
			}
		}
		// the crosstabs the reader just asked for come first, next to the control, not below every table
		if (by != null) {
			H3 heading = new H3("By " + by.name());
			heading.setId("survey-by-heading");
			tables.add(heading, extra);
		}
		tables.add(new H3("Frequencies"), table, charts);
		tables.add(baseline(p, q, by));
	}

	/** Seed 002's Table 1: the respondents' baseline characteristics, by the chosen attribute. */
	private Div baseline(Project p, Questionnaire q, @Nullable Attribute by) {
		var b = survey.baseline(p.id(), q, by);
		NativeTable table = new NativeTable();
		table.setId("baseline-table");
		table.addClassName("quire-matrix");
		NativeTableRow head = table.getHead().addRow();
		head.addHeaderCell().setText("Characteristic");
		for (int c = 0; c < b.columns().size(); c++) {
			head.addHeaderCell().setText(b.columns().get(c) + " (n = " + b.n().get(c) + ")");
		}
		for (var row : b.rows()) {
			NativeTableRow tr = table.getBody().addRow();
			NativeTableCell label = tr.addDataCell();
			label.setText(row.heading() ? row.label() : "   " + row.label());
			label.addClassName("row-label");
			if (row.heading()) {
				label.getStyle().set("font-weight", "600");
			}
			row.cells().forEach(cell -> tr.addDataCell().setText(cell));
		}
		return new Div(new H3(b.title()), table);
	}

	private static NativeTable crosstab(VariableSpec v, VariableSummary s) {
		var c = s.byGroup();
		NativeTable table = new NativeTable();
		table.addClassName("quire-matrix");
		table.getStyle().set("margin-bottom", "1rem");
		NativeTableRow head = table.getHead().addRow();
		head.addHeaderCell().setText(v.label());
		c.columnLabels().forEach(col -> head.addHeaderCell().setText(col));
		head.addHeaderCell().setText("Total");
		for (int r = 0; r < c.rowLabels().size(); r++) {
			NativeTableRow row = table.getBody().addRow();
			String code = c.rowLabels().get(r);
			NativeTableCell label = row.addDataCell();
			label.setText(v.valueLabel(code).map(ValueLabel::label).orElse(code));
			label.addClassName("row-label");
			for (int col = 0; col < c.columnLabels().size(); col++) {
				row.addDataCell().setText(c.counts()[r][col] + " (" + percent(c.columnPercent(r, col)) + ")");
			}
			row.addDataCell().setText(String.valueOf(c.rowTotals()[r]));
		}
		return table;
	}

	private static String numeric(VariableSummary s) {
		var d = s.numeric();
		var q = s.spread();
		var ci = s.medianCi();
		String text = d == null || !d.mean().defined() ? "not defined"
				: String.format(Locale.ROOT, "%.2f (%.2f)", d.mean().value(), d.sd().defined() ? d.sd().value() : 0);
		if (q != null && q.median().defined()) {
			text += String.format(Locale.ROOT, "; %.1f (%.1f–%.1f)", q.median().value(), q.q1().value(), q.q3().value());
		}
		if (ci != null && ci.lower().defined()) {
			text += String.format(Locale.ROOT, " [%.1f, %.1f]", ci.lower().value(), ci.upper().value());
		}
		return text;
	}

	private static String percent(Coefficient c) {
		return c.defined() ? String.format(Locale.ROOT, "%.1f%%", c.value()) : "—";
	}

}

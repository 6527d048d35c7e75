package quire.report.ui;

import jakarta.annotation.security.PermitAll;
import java.io.ByteArrayInputStream;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.markdown.Markdown;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import quire.corpus.CorpusService;
import quire.project.Project;
import quire.ui.CurrentProject;
import quire.report.ChecklistEntry;
import quire.report.ReportService;
import quire.report.StudyRecordService;
import quire.ui.MainLayout;
import quire.ui.Notifications;
import quire.ui.ProjectPage;

/**
 * The COREQ checklist with each item's status (filled from data, answered by the authors, missing)
 * and an answer box per item; a preview of the report and downloads as PDF, Word and Markdown.
 */
@PermitAll
@Route(value = "report", layout = MainLayout.class)
@PageTitle("Report")
@Menu(order = 7.9, title = "Report (COREQ)", icon = "vaadin:file-text-o")
class ReportView extends ProjectPage {

	private final ReportService report;

	private final StudyRecordService record;

	private final CorpusService corpus;

	private final Grid<ChecklistEntry> checklist = new Grid<>();

	private final Span summary = new Span();

	private final Div preview = new Div();

	private final com.vaadin.flow.component.checkbox.CheckboxGroup<String> sections = new com.vaadin.flow.component.checkbox.CheckboxGroup<>(
			"Leave out these sections (the preview and every download follow)");

	ReportView(ReportService report, StudyRecordService record, CorpusService corpus, CurrentProject current) {
		super(current);
		this.report = report;
		this.record = record;
		this.corpus = corpus;
		addClassName("quire-page");
		setWidthFull();
	}

	@Override
	protected void enter(Project p, BeforeEnterEvent event) {
		removeAll();
		HorizontalLayout downloads = new HorizontalLayout();
		for (ReportService.Format f : ReportService.Format.values()) {
			Anchor a = new Anchor(DownloadHandler.fromInputStream(e -> {
				byte[] bytes = report.render(p.id(), f, sections.getValue());
				return new DownloadResponse(new ByteArrayInputStream(bytes), fileName(p) + "." + f.extension(), f.contentType(),
						bytes.length);
			}), switch (f) {
				case PDF -> "Download PDF";
				case DOCX -> "Download Word";
				case MARKDOWN -> "Download Markdown";
			});
			a.getElement().setAttribute("download", true);
			a.setId("report-" + f.extension());
			downloads.add(a);
		}
		checklist.setId("coreq");
		checklist.removeAllColumns();
		checklist.addColumn(e -> e.item().number()).setHeader("#").setWidth("4em").setFlexGrow(0);
		checklist.addColumn(e -> e.item().item()).setHeader("Item").setWidth("14em").setFlexGrow(0);
		checklist.addComponentColumn(e -> {
			Span s = new Span(e.status().label());
			s.addClassName("quire-tag");
			s.addClassName(switch (e.status()) {
				case FROM_DATA -> "facilitator";
				case AUTHOR -> "author";
				case MISSING -> "barrier";
			});
			return s;
		}).setHeader("Status").setWidth("13em").setFlexGrow(0);
		checklist.addComponentColumn(ReportView::answerCell).setHeader("Answer and what it counted").setFlexGrow(1);
		checklist.addItemClickListener(e -> edit(p, e.getItem()));
		checklist.setAllRowsVisible(true);
		summary.setId("coreq-summary");
		summary.addClassName("quire-summary");
		sections.setId("report-leave-out");
		sections.setItems(report.sections(p.id()));
		sections.addValueChangeListener(e -> {
			if (!preview.getChildren().findAny().isEmpty()) {
				showPreview(p);
			}
		});
		Button show = new Button("Preview the report", e -> showPreview(p));
		show.setId("report-preview");
		preview.setId("report-preview-box");
		add(new H2("Report · " + p.name()),
				new Paragraph("A draft of the Methods and Results of a mixed-methods paper: each strand's participants, data "
						+ "collection and analysis; the results under the RE-AIM dimensions, each theme with its narrative (a memo "
						+ "titled 'Theme narrative' on the theme's code) and quotes, the questionnaire and MITI figures in sentences "
						+ "with their tables; the codebook and the COREQ checklist. Items Quire cannot know are yours to answer: "
						+ "click an item to write its answer."),
				downloads, sections, new StudyRecordPanel(record, corpus, p.id(), () -> refresh(p)), new H3("COREQ checklist"), summary,
				checklist, show, preview);
		refresh(p);
	}

	/** The answer, and under it what an item filled from the data counted (documents, speakers, codes). */
	private static Div answerCell(ChecklistEntry e) {
		Div cell = new Div(new Span(e.answer()));
		cell.getStyle().set("white-space", "normal");
		if (!e.evidence().isEmpty()) {
			com.vaadin.flow.component.html.UnorderedList list = new com.vaadin.flow.component.html.UnorderedList();
			list.addClassName("quire-evidence");
			list.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)").set("margin", "0.2em 0");
			e.evidence().forEach(line -> list.add(new com.vaadin.flow.component.html.ListItem(line)));
			cell.add(list);
		}
		return cell;
	}

	private void refresh(Project p) {
		List<ChecklistEntry> entries = report.checklist(p.id());
		checklist.setItems(entries);
		long data = entries.stream().filter(e -> e.status() == ChecklistEntry.Status.FROM_DATA).count();
		long author = entries.stream().filter(e -> e.status() == ChecklistEntry.Status.AUTHOR).count();
		long missing = entries.size() - data - author;
		summary.setText(data + " items filled from the project's data, " + author + " answered by the authors, " + missing + " missing.");
	}

	private void edit(Project p, ChecklistEntry entry) {
		Dialog dialog = new Dialog();
		dialog.setHeaderTitle(entry.item().number() + ". " + entry.item().item());
		dialog.setWidth("40em");
		TextArea answer = new TextArea("Your answer (" + entry.item().guide() + ")");
		answer.setId("coreq-answer");
		answer.setWidthFull();
		answer.setMinHeight("8em");
		answer.setValue(report.answers(p.id()).getOrDefault(entry.item().number(), ""));
		Paragraph data = new Paragraph(entry.status() == ChecklistEntry.Status.FROM_DATA
				? "From the project: " + entry.answer() + " Your answer is added after it." : "Quire cannot fill this item from the project.");
		Button save = new Button("Save", e -> {
			try {
				report.answer(p.id(), entry.item().number(), answer.getValue());
				dialog.close();
				refresh(p);
			}
			catch (IllegalArgumentException ex) {
				Notifications.error(ex.getMessage());
			}
		});
		save.setId("coreq-save");
		save.addThemeVariants(ButtonVariant.PRIMARY);
		dialog.add(data, answer);
		dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
		dialog.open();
	}

	private void showPreview(Project p) {
		preview.removeAll();
		String markdown = new String(report.render(p.id(), ReportService.Format.MARKDOWN, sections.getValue()),
				java.nio.charset.StandardCharsets.UTF_8);
		preview.add(new Markdown(markdown));
	}

	private static String fileName(Project p) {
		String n = p.name().replaceAll("[^\\p{L}\\p{N}._ -]+", "").strip().replace(' ', '-');
		return n.isEmpty() ? "report" : n + "-report";
	}

}

package quire.exchange.ui;

import jakarta.annotation.security.PermitAll;
import java.io.ByteArrayInputStream;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;

import quire.exchange.QdpxReport;
import quire.exchange.QdpxService;
import quire.project.Project;
import quire.ui.CurrentProject;
import quire.ui.MainLayout;
import quire.ui.ProjectPage;

/**
 * REFI-QDA exchange: download the current project as a {@code .qdpx} for NVivo, ATLAS.ti, MAXQDA or
 * QualCoder, or import a {@code .qdpx} from one of them as a new project, with a report of what was
 * taken over and what was skipped.
 */
@PermitAll
@Route(value = "exchange", layout = MainLayout.class)
@PageTitle("Exchange")
@Menu(order = 8, title = "Exchange (.qdpx)", icon = "vaadin:exchange")
class ExchangeView extends ProjectPage {

	private final QdpxService qdpx;

	private final TextField name = new TextField("New project's name");

	private final Div report = new Div();

	ExchangeView(QdpxService qdpx, CurrentProject current) {
		super(current);
		this.qdpx = qdpx;
		addClassName("quire-page");
	}

	@Override
	protected void enter(Project project, BeforeEnterEvent event) {
		render(project);
	}

	/** Without a project there is nothing to export, but one can be imported. */
	@Override
	protected void showNoProject() {
		render(null);
	}

	private void render(@Nullable Project p) {
		removeAll();
		add(new H2("Exchange with other QDA tools"));
		if (p != null) {
			Anchor export = new Anchor(DownloadHandler.fromInputStream(e -> {
				byte[] bytes = qdpx.export(p.id());
				return new DownloadResponse(new ByteArrayInputStream(bytes), fileName(p) + ".qdpx", "application/zip",
						bytes.length);
			}), "Download '" + p.name() + "' as .qdpx");
			export.getElement().setAttribute("download", true);
			export.setId("export-qdpx");
			Div panel = new Div(new H3("Export"),
					new Paragraph("A REFI-QDA project (QDA-XML 1.0): coders, the codebook (RE-AIM mapping, barrier/facilitator "
							+ "and deductive/inductive as code sets), the transcripts as plain text with every coding, memos as "
							+ "notes, document groups as sets, participants as cases, and MITI global scores as source "
							+ "variables. NVivo, ATLAS.ti, MAXQDA and QualCoder open it."),
					export);
			panel.addClassName("quire-panel");
			add(panel);
		}
		name.setId("import-name");
		name.setWidth("24em");
		Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> importArchive(metadata.fileName(), bytes)));
		upload.setId("import-qdpx");
		upload.setAcceptedFileTypes(".qdpx", ".zip");
		upload.setMaxFileSize(512 * 1024 * 1024);
		upload.setUploadButton(new Button("Import a .qdpx…"));
		report.setId("import-report");
		Div panel = new Div(new H3("Import as a new project"),
				new Paragraph("Codes, text sources (plain text, or the text of a Word source), codings at their positions, "
						+ "coders and notes come over; the transcripts of audio and video sources come with their recording "
						+ "and turn times, a PDF as the text of its text representation; pictures, PDF page areas and media "
						+ "selections are listed and skipped. "
						+ "A damaged or unsafe archive is refused and nothing is created."),
				name, upload, report);
		panel.addClassName("quire-panel");
		add(panel);
	}

	/** Runs in the upload request thread; shows the report through access. */
	void importArchive(String fileName, byte[] bytes) {
		UI ui = UI.getCurrent();
		String wanted = name.getValue().isBlank() ? fileName.replaceAll("(?i)\\.qdpx$", "") : name.getValue();
		Div lines = new Div();
		try {
			QdpxReport r = qdpx.importProject(wanted, fileName, bytes);
			Span head = new Span(r.describe());
			head.setId("import-summary");
			lines.add(new Div(head));
			r.skipped().forEach(s -> lines.add(new Div(new Span("Skipped: " + s))));
			r.warnings().forEach(s -> lines.add(new Div(new Span("Note: " + s))));
			Anchor open = new Anchor("projects", "Open it from the project list");
			lines.add(open);
		}
		catch (IllegalArgumentException ex) {
			Span error = new Span("Not imported: " + ex.getMessage());
			error.setId("import-summary");
			error.addClassName("error");
			lines.add(error);
		}
		ui.access(() -> {
			report.removeAll();
			report.add(lines);
		});
	}

	private static String fileName(Project p) {
		String n = p.name().replaceAll("[^\\p{L}\\p{N}._ -]+", "").strip().replace(' ', '-');
		return n.isEmpty() ? "project" : n;
	}

}

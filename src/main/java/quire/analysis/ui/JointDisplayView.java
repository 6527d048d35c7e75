package quire.analysis.ui;

import jakarta.annotation.security.PermitAll;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
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
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import quire.analysis.AttributeMatrix;
import quire.analysis.JointDisplayRow;
import quire.analysis.JointDisplayService;
import quire.coding.Code;
import quire.coding.CodebookService;
import quire.coding.CodedSegment;
import quire.coding.MatrixRow;
import quire.coding.RetrievalService;
import quire.corpus.Attribute;
import quire.corpus.ParticipantService;
import quire.project.Project;
import quire.ui.CurrentProject;
import quire.ui.MainLayout;
import quire.ui.ProjectPage;

/**
 * Joint displays: the RE-AIM display (themes with the exemplar quotes the researchers choose, MITI
 * evidence for the same caseworkers, questionnaire evidence), codes × a participant attribute with
 * segments and participants per cell, and the quantitizing export for statistics packages.
 */
@PermitAll
@Route(value = "joint-displays", layout = MainLayout.class)
@PageTitle("Joint displays")
@Menu(order = 7.8, title = "Joint displays", icon = "vaadin:split-h")
class JointDisplayView extends ProjectPage {

	private final JointDisplayService joint;

	private final RetrievalService retrieval;

	private final CodebookService codebook;

	private final ParticipantService participants;

	private final Div reAim = new Div();

	private final Div matrix = new Div();

	private final Div cell = new Div();

	JointDisplayView(JointDisplayService joint, RetrievalService retrieval, CodebookService codebook,
			ParticipantService participants, CurrentProject current) {
		super(current);
		this.joint = joint;
		this.retrieval = retrieval;
		this.codebook = codebook;
		this.participants = participants;
		addClassName("quire-page");
		setWidthFull();
	}

	@Override
	protected void enter(Project p, BeforeEnterEvent event) {
		removeAll();
		reAim.setId("reaim-display");
		matrix.setId("attribute-matrix");
		cell.setId("attribute-cell");
		add(new H2("Joint displays · " + p.name()),
				new H3("RE-AIM joint display"),
				new Paragraph("Themes under each dimension with exemplar quotes (choose them with 'Exemplars…'), the MITI "
						+ "evidence for the caseworkers who speak in those segments, and the questionnaire evidence of the "
						+ "sick-listed workers (under Adoption, as in the seed study)."),
				reAim, new H3("Codes × participant attribute"), createMatrixControls(p), matrix, cell, new H3("Quantitizing"),
				createExports(p));
		renderReAim(p);
	}

	private void renderReAim(Project p) {
		reAim.removeAll();
		NativeTable table = new NativeTable();
		table.addClassName("quire-matrix");
		table.addClassName("quire-joint");
		NativeTableRow head = table.getHead().addRow();
		for (String h : List.of("RE-AIM dimension", "Themes and exemplar quotes", "MITI evidence", "Questionnaire evidence")) {
			head.addHeaderCell().setText(h);
		}
		java.util.Map<String, String> evidenceFirstShown = new java.util.HashMap<>();
		for (JointDisplayRow row : joint.reAim(p.id(), null)) {
			NativeTableRow tr = table.getBody().addRow();
			NativeTableCell d = tr.addDataCell();
			d.setText(row.dimension());
			d.addClassName("row-label");
			d.getStyle().set("font-weight", "600");
			NativeTableCell themes = tr.addDataCell();
			themes.addClassName("row-label");
			if (row.themes().isEmpty()) {
				themes.setText("—");
			}
			for (JointDisplayRow.Theme theme : row.themes()) {
				Div t = new Div();
				Span name = new Span(theme.name() + " (" + theme.passages() + (theme.passages() == 1 ? " passage)" : " passages)"));
				name.getStyle().set("font-weight", "600");
				Button choose = new Button("Exemplars…", e -> chooseExemplars(p, row.dimension(), theme.name()));
				choose.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
				t.add(name, choose);
				for (CodedSegment s : theme.exemplars()) {
					Div quote = new Div(new Span("“" + s.text() + "” — " + (s.speaker() == null ? s.documentName() : s.speaker())));
					quote.addClassName("quire-quote");
					t.add(quote);
				}
				themes.add(t);
			}
			NativeTableCell miti = tr.addDataCell();
			miti.addClassName("row-label");
			String firstWithIt = evidenceFirstShown.putIfAbsent(row.mitiEvidence(), row.dimension());
			if (row.mitiEvidence().isEmpty()) {
				miti.setText("—");
			}
			else if (firstWithIt != null) {
				// the same caseworkers speak in this dimension's segments: say so rather than repeat the figures
				miti.setText("Same as under " + firstWithIt + ": the same caseworkers speak in this dimension's segments.");
				miti.getElement().setAttribute("title", row.mitiEvidence());
			}
			else {
				miti.setText(row.mitiEvidence());
			}
			NativeTableCell q = tr.addDataCell();
			q.setText(row.questionnaireEvidence().isEmpty() ? "—" : row.questionnaireEvidence());
			q.addClassName("row-label");
		}
		reAim.add(table);
	}

	private void chooseExemplars(Project p, String dimension, String themeName) {
		Code theme = codebook.findCode(p.id(), dimension + " › " + themeName)
			.or(() -> codebook.findCode(p.id(), themeName)).orElse(null);
		if (theme == null) {
			return;
		}
		Set<Long> pinned = joint.exemplars(p.id());
		Dialog dialog = new Dialog();
		dialog.setHeaderTitle("Exemplar quotes for '" + themeName + "'");
		dialog.setWidth("48em");
		VerticalLayout list = new VerticalLayout();
		for (CodedSegment s : retrieval.segments(theme.id(), null)) {
			Checkbox pick = new Checkbox("“" + s.text() + "” — " + (s.speaker() == null ? "" : s.speaker() + ", ")
					+ s.documentName() + " (" + s.coding().coder() + ")");
			pick.setValue(pinned.contains(s.coding().id().value()));
			pick.addValueChangeListener(e -> joint.setExemplar(p.id(), s.coding().id(), e.getValue()));
			list.add(pick);
		}
		dialog.add(list);
		dialog.getFooter().add(new Button("Done", e -> {
			dialog.close();
			renderReAim(p);
		}));
		dialog.open();
	}

	private HorizontalLayout createMatrixControls(Project p) {
		Select<String> rows = new Select<>();
		rows.setLabel("Rows");
		rows.setItems("RE-AIM dimensions", "Every code");
		rows.setValue("Every code");
		rows.setId("attribute-rows");
		Select<Attribute> attribute = new Select<>();
		attribute.setLabel("Columns: participant attribute");
		attribute.setId("attribute-columns");
		List<Attribute> attributes = participants.attributes(p.id());
		attribute.setItems(attributes);
		attribute.setItemLabelGenerator(Attribute::name);
		attributes.stream().filter(a -> a.name().equalsIgnoreCase("Group")).findFirst()
			.or(() -> attributes.stream().findFirst()).ifPresent(attribute::setValue);
		Runnable render = () -> renderMatrix(p, "RE-AIM dimensions".equals(rows.getValue()), attribute.getValue());
		rows.addValueChangeListener(e -> render.run());
		attribute.addValueChangeListener(e -> render.run());
		render.run();
		HorizontalLayout bar = new HorizontalLayout(rows, attribute);
		bar.setAlignItems(FlexComponent.Alignment.BASELINE);
		return bar;
	}

	private void renderMatrix(Project p, boolean dimensions, @Nullable Attribute attribute) {
		matrix.removeAll();
		cell.removeAll();
		if (attribute == null) {
			matrix.add(new Paragraph("Define participant attributes on the Participants page first."));
			return;
		}
		List<MatrixRow> rows;
		if (dimensions) {
			rows = retrieval.dimensionRows(p.id());
		}
		else {
			var counts = codebook.codingCounts(p.id());
			rows = retrieval.codeRows(p.id(), codebook.codes(p.id()).stream().map(Code::id).filter(counts::containsKey).toList());
		}
		AttributeMatrix m = joint.codesByAttribute(p.id(), rows, attribute, null);
		NativeTable table = new NativeTable();
		table.addClassName("quire-matrix");
		NativeTableRow head = table.getHead().addRow();
		head.addHeaderCell().setText(dimensions ? "RE-AIM dimension" : "Code");
		m.columns().forEach(c -> head.addHeaderCell().setText(attribute.name() + ": " + c));
		for (int r = 0; r < m.rows().size(); r++) {
			NativeTableRow tr = table.getBody().addRow();
			NativeTableCell label = tr.addDataCell();
			label.setText(m.rows().get(r).label());
			label.addClassName("row-label");
			for (int c = 0; c < m.columns().size(); c++) {
				NativeTableCell td = tr.addDataCell();
				td.setText(m.passages(r, c) + " (" + m.participants()[r][c] + ")");
				td.addClassName("cell");
				td.setId("attr-cell-" + r + "-" + c);
				int rr = r;
				int cc = c;
				td.addClickListener(e -> showCell(m, rr, cc));
			}
		}
		matrix.add(new Paragraph("Coded passages (distinct participants) per cell; a passage counts under its speaker's value, and a passage two coders both coded counts once."), table);
	}

	private void showCell(AttributeMatrix m, int r, int c) {
		cell.removeAll();
		List<CodedSegment> segments = m.cells().get(r).get(c);
		cell.add(new H3(m.rows().get(r).label() + " × " + m.attribute() + " " + m.columns().get(c) + " · " + segments.size()
				+ " segments from " + m.participants()[r][c] + " participants"));
		for (CodedSegment s : segments) {
			Div item = new Div();
			item.addClassName("quire-segment");
			item.add(new Div(new Anchor("transcript/" + s.coding().documentId().value() + "?turn=" + s.turnIndex() + "&start="
					+ s.coding().start() + "&end=" + s.coding().end(), s.documentName() + " · " + s.speaker())),
					new Div(new Span("“" + s.text() + "”")));
			cell.add(item);
		}
	}

	private Div createExports(Project p) {
		List<Anchor> links = new ArrayList<>();
		for (boolean xlsx : List.of(false, true)) {
			Anchor a = new Anchor(DownloadHandler.fromInputStream(e -> {
				byte[] bytes = joint.quantitize(p.id(), xlsx);
				return new DownloadResponse(new ByteArrayInputStream(bytes), "participants-by-code." + (xlsx ? "xlsx" : "csv"),
						xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv", bytes.length);
			}), xlsx ? "Download XLSX" : "Download CSV");
			a.getElement().setAttribute("download", true);
			a.setId(xlsx ? "quantitize-xlsx" : "quantitize-csv");
			links.add(a);
		}
		Div box = new Div(new Paragraph("One row per participant: attributes, number of coded segments per code, the MITI "
				+ "means of their sessions as counsellor, and questionnaire answers — ready for R, Stata or SPSS."));
		links.forEach(l -> box.add(new Div(l)));
		return box;
	}

}

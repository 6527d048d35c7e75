package quire.coding.ui;

import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;


import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import quire.coding.CoOccurrence;
import quire.coding.Code;
import quire.coding.CodeSystem;
import quire.coding.CodebookService;
import quire.coding.CodedSegment;
import quire.coding.CodingService;
import quire.coding.FrameworkMatrix;
import quire.coding.MatrixColumns;
import quire.coding.MatrixRow;
import quire.coding.RetrievalService;
import quire.corpus.Strand;
import quire.project.Project;
import quire.ui.CurrentCoder;
import quire.ui.CurrentProject;
import quire.ui.MainLayout;
import quire.ui.ProjectPage;

/**
 * The framework matrix: RE-AIM dimensions (or chosen codes, or every code for code frequencies) ×
 * documents, groups or speakers, counting coded segments; a click on a cell lists its segments. Below,
 * code co-occurrence by overlapping segments.
 */
@PermitAll
@Route(value = "matrix", layout = MainLayout.class)
@PageTitle("Framework matrix")
@Menu(order = 4, title = "Framework matrix", icon = "vaadin:table")
class MatrixView extends ProjectPage {

	static final String DIMENSIONS = "RE-AIM dimensions";

	static final String CHOSEN = "Chosen codes";

	static final String ALL_CODES = "Every code (frequencies)";

	private final RetrievalService retrieval;

	private final CodebookService codebook;

	private final CodingService codings;

	private final CurrentCoder coder;

	private final Select<String> rowKind = new Select<>();

	private final MultiSelectComboBox<Code> chosen = new MultiSelectComboBox<>("Codes");

	private final Select<MatrixColumns> columns = new Select<>();

	private final Select<CodeSystem> system = new Select<>();

	private final Select<String> strand = new Select<>();

	private final Paragraph matrixScope = new Paragraph();

	private final Paragraph cooccurrenceScope = new Paragraph();

	private final Select<String> shown = new Select<>();

	private final Div matrix = new Div();

	private final Div cellSegments = new Div();

	private final Div cooccurrence = new Div();

	MatrixView(RetrievalService retrieval, CodebookService codebook, CodingService codings, CurrentProject current,
			CurrentCoder coder) {
		super(current);
		this.retrieval = retrieval;
		this.codebook = codebook;
		this.codings = codings;
		this.coder = coder;
		addClassName("quire-page");
		setWidthFull();
	}

	@Override
	protected void enter(Project p, BeforeEnterEvent event) {
		removeAll();
		add(new H2("Framework matrix · " + p.name()),
				new Paragraph("Counts of coded passages: codings that overlap in one speaker turn count once, whichever "
						+ "coder or which of the row's codes made them, so a passage two coders both coded is not counted "
						+ "twice. Rows are RE-AIM dimensions (a code counts under a dimension when it or a parent code maps "
						+ "to it) or codes (a theme counts its sub-codes). Click a cell to read its codings."),
				createControls(p), matrixScope, matrix, cellSegments, new H3("Code co-occurrence"),
				new Paragraph("In how many coded passages one coder's codings of two codes overlap; the diagonal is the "
						+ "number of passages coded with each code. A passage is codings that overlap in a document, "
						+ "whoever coded them, so double coding for agreement counts once and one coder's code meeting "
						+ "another coder's is not a co-occurrence."),
				cooccurrenceScope, cooccurrence);
		matrixScope.setId("matrix-scope");
		cooccurrenceScope.setId("cooccurrence-scope");
		matrix.setId("matrix");
		cellSegments.setId("cell-segments");
		cooccurrence.setId("cooccurrence");
		render();
	}

	private HorizontalLayout createControls(Project p) {
		rowKind.setLabel("Rows");
		rowKind.setItems(DIMENSIONS, CHOSEN, ALL_CODES);
		rowKind.setValue(DIMENSIONS);
		rowKind.setId("matrix-rows");
		rowKind.addValueChangeListener(e -> {
			chosen.setVisible(CHOSEN.equals(e.getValue()));
			render();
		});
		system.setLabel("Code system");
		system.setItems(CodeSystem.values());
		system.setItemLabelGenerator(CodeSystem::label);
		system.setValue(CodeSystem.THEMATIC);
		system.setId("matrix-system");
		system.addValueChangeListener(e -> {
			chosen.clear();
			chosen.setItems(codebook.codes(p.id(), e.getValue()));
			render();
		});
		strand.setLabel("Documents");
		strand.setItems(AgreementView.strandLabel(Strand.QUALITATIVE), AgreementView.strandLabel(Strand.FIDELITY),
				AgreementView.ALL_STRANDS);
		strand.setValue(AgreementView.strandLabel(Strand.QUALITATIVE));
		strand.setId("matrix-strand");
		strand.addValueChangeListener(e -> render());
		chosen.setItems(codebook.codes(p.id(), CodeSystem.THEMATIC));
		chosen.setItemLabelGenerator(Code::path);
		chosen.setVisible(false);
		chosen.setWidth("28em");
		chosen.addValueChangeListener(e -> render());
		columns.setLabel("Columns");
		columns.setItems(MatrixColumns.values());
		columns.setItemLabelGenerator(MatrixColumns::label);
		columns.setValue(MatrixColumns.DOCUMENTS);
		columns.setId("matrix-columns");
		columns.addValueChangeListener(e -> render());
		shown.setLabel("Coder");
		coder.bind(shown, codings.coders(p.id()), this::render);
		HorizontalLayout bar = new HorizontalLayout(strand, system, rowKind, chosen, columns, shown);
		bar.getStyle().set("flex-wrap", "wrap");
		bar.setAlignItems(FlexComponent.Alignment.BASELINE);
		return bar;
	}

	private void render() {
		Project p = project();
		if (p == null) {
			return;
		}
		List<MatrixRow> rows = switch (rowKind.getValue()) {
			case CHOSEN -> retrieval.codeRows(p.id(), chosen.getValue().stream().map(Code::id).toList());
			case ALL_CODES -> {
				var counts = codebook.codingCounts(p.id());
				yield retrieval.codeRows(p.id(), codebook.codes(p.id(), system.getValue()).stream()
					.map(Code::id)
					.filter(counts::containsKey)
					.toList());
			}
			default -> retrieval.dimensionRows(p.id());
		};
		Strand s = AgreementView.strandOf(strand.getValue());
		FrameworkMatrix m = retrieval.matrix(p.id(), rows, columns.getValue(), coder.filter(), s);
		matrixScope.setText("Computed over: " + m.scope() + " · rows: " + (DIMENSIONS.equals(rowKind.getValue())
				? "RE-AIM dimensions (codes mapped to them)" : system.getValue().describe(rows.size()))
				+ (coder.filter() == null ? " · all coders' codings, as passages" : " · " + coder.filter() + "'s codings")
				+ ".");
		matrix.removeAll();
		cellSegments.removeAll();
		if (rows.isEmpty()) {
			matrix.add(new Paragraph("Choose codes for the rows."));
		}
		else {
			matrix.add(table(m));
		}
		renderCoOccurrence(p);
	}

	private NativeTable table(FrameworkMatrix m) {
		NativeTable table = new NativeTable();
		table.addClassName("quire-matrix");
		NativeTableRow head = table.getHead().addRow();
		NativeTableHeaderCell corner = head.addHeaderCell();
		corner.setText(rowKind.getValue());
		corner.addClassName("row-label");
		for (String column : m.columns()) {
			head.addHeaderCell().setText(column);
		}
		head.addHeaderCell().setText("Total");
		var body = table.getBody();
		for (int r = 0; r < m.rows().size(); r++) {
			MatrixRow row = m.rows().get(r);
			NativeTableRow tr = body.addRow();
			NativeTableCell label = tr.addDataCell();
			Span swatch = new Span();
			swatch.addClassName("quire-swatch");
			swatch.getStyle().set("background", row.colour());
			label.add(swatch, new Span(row.label()));
			label.addClassName("row-label");
			for (int c = 0; c < m.columns().size(); c++) {
				int count = m.count(r, c);
				NativeTableCell cell = tr.addDataCell();
				cell.setText(String.valueOf(count));
				cell.addClassName("cell");
				cell.setId("cell-" + r + "-" + c);
				if (count > 0) {
					cell.getStyle().set("background", shade(row.colour(), count));
				}
				int rr = r;
				int cc = c;
				cell.addClickListener(e -> showCell(m, rr, cc));
			}
			tr.addDataCell().setText(String.valueOf(m.rowTotal(r)));
		}
		return table;
	}

	private void showCell(FrameworkMatrix m, int row, int column) {
		cellSegments.removeAll();
		List<CodedSegment> segments = m.segments(row, column);
		cellSegments.add(new H3(m.rows().get(row).label() + " × " + m.columns().get(column) + " · " + segments.size()
				+ " segment" + (segments.size() == 1 ? "" : "s")));
		for (CodedSegment s : segments) {
			Div item = new Div();
			item.addClassName("quire-segment");
			item.getStyle().set("border-left-color", m.rows().get(row).colour());
			Anchor source = new Anchor("transcript/" + s.coding().documentId().value() + "?turn=" + s.turnIndex() + "&start="
					+ s.coding().start() + "&end=" + s.coding().end(),
					s.documentName() + (s.speaker() == null ? "" : " · " + s.speaker()));
			Span meta = new Span(" · " + s.codePath() + " · " + s.coding().coder());
			meta.addClassName("quire-meta");
			Span text = new Span("“" + s.text() + "”");
			text.addClassName("quire-quote");
			item.add(new Div(source, meta), new Div(text));
			cellSegments.add(item);
		}
	}

	private void renderCoOccurrence(Project p) {
		cooccurrence.removeAll();
		CoOccurrence co = retrieval.coOccurrence(p.id(), coder.filter(), system.getValue(),
				AgreementView.strandOf(strand.getValue()));
		cooccurrenceScope.setText("Computed over: " + co.scope() + ".");
		List<Integer> used = new ArrayList<>();
		for (int i = 0; i < co.codes().size(); i++) {
			if (co.counts()[i][i] > 0) {
				used.add(i);
			}
		}
		if (used.isEmpty()) {
			cooccurrence.add(new Paragraph("No codings yet."));
			return;
		}
		NativeTable table = new NativeTable();
		table.addClassName("quire-matrix");
		NativeTableRow head = table.getHead().addRow();
		head.addHeaderCell().addClassName("row-label");
		for (int j : used) {
			NativeTableHeaderCell h = head.addHeaderCell();
			h.setText(String.valueOf(used.indexOf(j) + 1));
			h.getElement().setAttribute("title", co.codes().get(j).path());
		}
		for (int i : used) {
			NativeTableRow tr = table.getBody().addRow();
			NativeTableCell label = tr.addDataCell();
			label.setText((used.indexOf(i) + 1) + " " + co.codes().get(i).name());
			label.addClassName("row-label");
			for (int j : used) {
				NativeTableCell cell = tr.addDataCell();
				int n = co.counts()[i][j];
				cell.setText(n == 0 ? "" : String.valueOf(n));
				if (i == j) {
					cell.getStyle().set("color", "var(--quire-muted)");
				}
				else if (n > 0) {
					cell.getStyle().set("background", shade("#2F6F73", n));
				}
			}
		}
		cooccurrence.add(table);
	}

	/** The row's colour, more opaque for larger counts. */
	private static String shade(String colour, int count) {
		double alpha = Math.min(0.6, 0.08 + 0.06 * count);
		int r = Integer.parseInt(colour.substring(1, 3), 16);
		int g = Integer.parseInt(colour.substring(3, 5), 16);
		int b = Integer.parseInt(colour.substring(5, 7), 16);
		return String.format(java.util.Locale.ROOT, "rgba(%d,%d,%d,%.2f)", r, g, b, alpha);
	}

}

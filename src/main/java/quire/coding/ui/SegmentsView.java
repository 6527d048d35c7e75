package quire.coding.ui;

import jakarta.annotation.security.PermitAll;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import quire.coding.Code;
import quire.coding.CodeId;
import quire.coding.CodebookService;
import quire.coding.CodedSegment;
import quire.coding.CodingService;
import quire.coding.RetrievalService;
import quire.ui.CurrentCoder;
import quire.ui.MainLayout;
import quire.corpus.Turn;

/**
 * Every segment coded with a code (and its sub-codes): source, speaker, coder and the words with
 * context, each opening the transcript at the segment. Exports to CSV and Word.
 */
@PermitAll
@Route(value = "codes/:codeId", layout = MainLayout.class)
@PageTitle("Coded segments")
class SegmentsView extends VerticalLayout implements BeforeEnterObserver {

	private final RetrievalService retrieval;

	private final CodebookService codebook;

	private final CodingService codings;

	private final CurrentCoder coder;

	private final Div list = new Div();

	private @Nullable Code code;

	SegmentsView(RetrievalService retrieval, CodebookService codebook, CodingService codings, CurrentCoder coder) {
		this.retrieval = retrieval;
		this.codebook = codebook;
		this.codings = codings;
		this.coder = coder;
		addClassName("quire-page");
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		removeAll();
		code = event.getRouteParameters().get("codeId").flatMap(SegmentsView::parse).flatMap(codebook::code).orElse(null);
		Code c = code;
		if (c == null) {
			add(new H2("Code not found"), new Paragraph("It may have been merged or deleted."),
					new Anchor("codebook", "Back to the codebook"));
			return;
		}
		H2 title = new H2(c.name());
		Span path = new Span(c.path() + (c.definition().isEmpty() ? "" : " — " + c.definition()));
		path.addClassName("quire-meta");
		Select<String> shown = new Select<>();
		shown.setLabel("Coder");
		shown.setId("segments-coder");
		coder.bind(shown, codings.coders(c.projectId()), this::render);
		Anchor csv = download("Export CSV", ".csv", "text/csv", () -> retrieval.exportCsv(c.id(), coder.filter()));
		csv.setId("export-csv");
		Anchor docx = download("Export Word", ".docx",
				"application/vnd.openxmlformats-officedocument.wordprocessingml.document",
				() -> retrieval.exportDocx(c.id(), coder.filter()));
		docx.setId("export-docx");
		HorizontalLayout bar = new HorizontalLayout(shown, csv, docx);
		bar.setAlignItems(FlexComponent.Alignment.BASELINE);
		list.setId("segments");
		list.setWidthFull();
		add(new Anchor("codebook", "← Codebook"), title, path, bar, list);
		render();
	}

	private void render() {
		Code c = code;
		if (c == null) {
			return;
		}
		list.removeAll();
		List<CodedSegment> segments = retrieval.segments(c.id(), coder.filter());
		Span count = new Span(segments.size() + " coded segment" + (segments.size() == 1 ? "" : "s"));
		count.addClassName("quire-summary");
		count.setId("segment-count");
		list.add(count);
		for (CodedSegment s : segments) {
			Div item = new Div();
			item.addClassName("quire-segment");
			item.getStyle().set("border-left-color", c.colour());
			Anchor source = new Anchor("transcript/" + s.coding().documentId().value() + "?turn=" + s.turnIndex()
					+ "&start=" + s.coding().start() + "&end=" + s.coding().end(),
					s.documentName() + " · turn " + Turn.number(s.turnIndex()) + (s.speaker() == null ? "" : " · " + s.speaker()));
			Span meta = new Span(" · " + s.codePath() + " · coded by " + s.coding().coder());
			meta.addClassName("quire-meta");
			Paragraph words = new Paragraph();
			Span before = new Span(s.before().isEmpty() ? "" : "…" + s.before());
			before.addClassName("context");
			Span text = new Span(s.text());
			text.addClassName("coded-text");
			Span after = new Span(s.after().isEmpty() ? "" : s.after() + "…");
			after.addClassName("context");
			words.add(before, text, after);
			item.add(new Div(source, meta), words);
			list.add(item);
		}
	}

	private Anchor download(String label, String extension, String type, java.util.function.Supplier<byte[]> content) {
		Code c = code;
		String base = c == null ? "segments" : c.name().replaceAll("[^\\p{L}\\p{N} _-]+", "").strip().replace(' ', '-');
		Anchor a = new Anchor(DownloadHandler.fromInputStream(event -> {
			byte[] bytes = content.get();
			return new DownloadResponse(new ByteArrayInputStream(bytes), base + extension, type, bytes.length);
		}), label);
		a.getElement().setAttribute("download", true);
		return a;
	}

	private static Optional<CodeId> parse(String value) {
		try {
			return Optional.of(new CodeId(Long.parseLong(value)));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

}

package quire.coding.ui;

import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;


import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import quire.coding.Code;
import quire.coding.CodebookService;
import quire.coding.Memo;
import quire.coding.MemoService;
import quire.coding.MemoTarget;
import quire.corpus.CorpusService;
import quire.corpus.DocumentSummary;
import quire.project.Project;
import quire.ui.CurrentCoder;
import quire.ui.CurrentProject;
import quire.ui.MainLayout;
import quire.ui.ProjectPage;

/** The project journal and every memo of the project, newest first, each linked to what it is about. */
@PermitAll
@Route(value = "memos", layout = MainLayout.class)
@PageTitle("Memos")
@Menu(order = 6, title = "Memos", icon = "vaadin:notebook")
class MemosView extends ProjectPage {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH)
		.withZone(ZoneId.systemDefault());

	private final MemoService memos;

	private final CodebookService codebook;

	private final CorpusService corpus;

	private final CurrentCoder coder;

	private final Div list = new Div();

	MemosView(MemoService memos, CodebookService codebook, CorpusService corpus, CurrentProject current,
			CurrentCoder coder) {
		super(current);
		this.memos = memos;
		this.codebook = codebook;
		this.corpus = corpus;
		this.coder = coder;
		addClassName("quire-page");
	}

	@Override
	protected void enter(Project p, BeforeEnterEvent event) {
		removeAll();
		Button journal = new Button("Write in the project journal", e -> {
			MemoDialog dialog = new MemoDialog(memos, p.id(), MemoTarget.PROJECT, null, "Project journal", coder.name());
			dialog.addOpenedChangeListener(o -> {
				if (!o.isOpened()) {
					render();
				}
			});
			dialog.open();
		});
		journal.setId("journal");
		journal.addThemeVariants(ButtonVariant.PRIMARY);
		list.setId("memos");
		add(new H2("Memos · " + p.name()),
				new Paragraph("The journal records the analysis as it happens (familiarisation notes, decisions, "
						+ "theme definitions); memos on documents, codes and codings are written where they belong."),
				journal, list);
		render();
	}

	private void render() {
		Project p = project();
		if (p == null) {
			return;
		}
		list.removeAll();
		Map<Long, String> codes = new HashMap<>();
		for (Code c : codebook.codes(p.id())) {
			codes.put(c.id().value(), c.path());
		}
		Map<Long, String> documents = new HashMap<>();
		for (DocumentSummary d : corpus.documents(p.id())) {
			documents.put(d.id().value(), d.name());
		}
		var all = memos.all(p.id());
		if (all.isEmpty()) {
			list.add(new Paragraph("No memos yet."));
		}
		for (Memo m : all) {
			Div item = new Div();
			item.addClassName("quire-memo");
			Span about = new Span(m.target().label());
			about.addClassName("quire-tag");
			Div head = new Div(about);
			if (m.target() == MemoTarget.CODE && m.targetId() != null) {
				head.add(new Anchor("codes/" + m.targetId(), codes.getOrDefault(m.targetId(), "(deleted code)")));
			}
			else if (m.target() == MemoTarget.DOCUMENT && m.targetId() != null) {
				head.add(new Anchor("transcript/" + m.targetId(), documents.getOrDefault(m.targetId(), "(deleted document)")));
			}
			Span meta = new Span(" " + (m.title().isEmpty() ? "" : m.title() + " · ") + m.author() + " · "
					+ WHEN.format(m.updatedAt()));
			meta.addClassName("quire-meta");
			head.add(meta);
			Paragraph body = new Paragraph(m.body());
			item.add(head, body);
			list.add(item);
		}
	}

}

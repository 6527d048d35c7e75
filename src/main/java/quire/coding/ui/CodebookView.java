package quire.coding.ui;

import jakarta.annotation.security.PermitAll;
import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.dnd.GridDropLocation;
import com.vaadin.flow.component.grid.dnd.GridDropMode;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.provider.hierarchy.TreeData;
import com.vaadin.flow.data.provider.hierarchy.TreeDataProvider;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import org.jspecify.annotations.Nullable;

import quire.coding.Code;
import quire.coding.CodeDraft;
import quire.coding.CodeId;
import quire.coding.CodeSystem;
import quire.coding.CodebookImport;
import quire.coding.CodebookService;
import quire.coding.SpeakerCoding;
import quire.coding.MemoService;
import quire.coding.MemoTarget;
import quire.coding.ReAim;
import quire.corpus.CorpusService;
import quire.corpus.ParticipantService;
import quire.corpus.SpeakerLinkService;
import quire.project.Project;
import quire.ui.CurrentCoder;
import quire.ui.CurrentProject;
import quire.ui.MainLayout;
import quire.ui.Notifications;
import quire.ui.ProjectPage;

/**
 * The project's codebook as a tree: themes group codes, RE-AIM dimensions at the top when the
 * project started from the RE-AIM codebook. Create, edit, drag to move, merge, delete (with what is
 * lost), and import or export REFI-QDA {@code .qdc}.
 */
@PermitAll
@Route(value = "codebook", layout = MainLayout.class)
@PageTitle("Codebook")
@Menu(order = 3, title = "Codebook", icon = "vaadin:file-tree")
class CodebookView extends ProjectPage {

	private final CodebookService codebook;

	private final MemoService memos;

	private final CurrentCoder coder;

	private final CorpusService corpus;

	private final TreeGrid<Code> tree = new TreeGrid<>();

	private final Div detail = new Div();

	private final H2 heading = new H2();

	private final Div empty = new Div();

	private @Nullable Code dragged;

	private final CodebookDialogs dialogs;

	private Map<Long, Integer> counts = Map.of();

	/** Codings of each code together with its sub-codes' (a theme stands for its sub-codes, as on its segments page). */
	private Map<Long, Integer> rolledUp = Map.of();

	CodebookView(CodebookService codebook, MemoService memos, CurrentProject current, CurrentCoder coder,
			SpeakerCoding speakerCoding, CorpusService corpus, ParticipantService participants, SpeakerLinkService speakerLinks) {
		super(current);
		this.corpus = corpus;
		this.codebook = codebook;
		this.memos = memos;
		this.coder = coder;
		this.dialogs = new CodebookDialogs(codebook, speakerCoding, participants, speakerLinks, coder, this::refresh);
		addClassName("quire-page");
		setWidthFull();
		add(heading, createToolbar(), empty, createBody());
	}

	@Override
	protected void enter(Project project, BeforeEnterEvent event) {
		heading.setText("Codebook · " + project.name());
		refresh(null);
	}

	private HorizontalLayout createToolbar() {
		Button add = new Button("New code", e -> edit(null, null));
		add.setId("new-code");
		add.addThemeVariants(ButtonVariant.PRIMARY);
		Button sub = new Button("New sub-code", e -> selected().ifPresentOrElse(c -> edit(null, c.id()),
				() -> Notifications.error("Select the code (or theme) the new code goes under.")));
		sub.setId("new-subcode");
		Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> importQdc(metadata.fileName(), bytes)));
		upload.setId("import-qdc");
		upload.setAcceptedFileTypes(".qdc", ".xml");
		upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, corpus.maxFileSize()));
		upload.setDropAllowed(false);
		upload.setUploadButton(new Button("Import .qdc…"));
		Anchor export = new Anchor(DownloadHandler.fromInputStream(event -> {
			Project p = project();
			if (p == null) {
				return DownloadResponse.error(404);
			}
			byte[] qdc = codebook.exportQdc(p.id());
			return new DownloadResponse(new ByteArrayInputStream(qdc), fileName(p) + ".qdc", "application/xml", qdc.length);
		}), "Export .qdc");
		export.setId("export-qdc");
		export.getElement().setAttribute("download", true);
		HorizontalLayout bar = new HorizontalLayout(add, sub, upload, export);
		bar.setAlignItems(FlexComponent.Alignment.CENTER);
		return bar;
	}

	private HorizontalLayout createBody() {
		tree.setId("code-tree");
		tree.addComponentHierarchyColumn(this::nameCell).setHeader("Code").setFlexGrow(3).setResizable(true)
			.setWidth("22em");
		tree.addComponentColumn(this::tagsCell).setHeader("RE-AIM · stance · origin").setFlexGrow(2).setWidth("16em");
		Span countHeader = new Span("Codings");
		countHeader.getElement().setAttribute("title",
				"A code's codings and its sub-codes' codings, as its Coded segments page lists them");
		tree.addColumn(c -> rolledUp.getOrDefault(c.id().value(), 0)).setHeader(countHeader).setWidth("7em").setFlexGrow(0);
		tree.setRowsDraggable(true);
		tree.setDropMode(GridDropMode.ON_TOP_OR_BETWEEN);
		tree.addDragStartListener(e -> dragged = e.getDraggedItems().isEmpty() ? null : e.getDraggedItems().get(0));
		tree.addDragEndListener(e -> dragged = null);
		tree.addDropListener(e -> e.getDropTargetItem().ifPresent(target -> drop(target, e.getDropLocation())));
		tree.addSelectionListener(e -> showDetail(e.getFirstSelectedItem().orElse(null)));
		tree.setHeight("70vh");
		detail.setId("code-detail");
		detail.addClassName("quire-code-detail");
		tree.getStyle().set("flex", "1 1 auto").set("min-width", "0");
		detail.getStyle().set("flex", "0 0 26rem");
		HorizontalLayout body = new HorizontalLayout(tree, detail);
		body.setWidthFull();
		return body;
	}

	private Span nameCell(Code c) {
		Span swatch = new Span();
		swatch.addClassName("quire-swatch");
		swatch.getStyle().set("background", c.colour());
		Span name = new Span(swatch, new Span(c.name()));
		if (c.parentId() == null) {
			name.getStyle().set("font-weight", "600");
		}
		name.getElement().setAttribute("title", c.definition());
		name.addClassName("code-name");
		// a click on the name selects the code; the tree toggle would otherwise take it as expand or
		// collapse and the grid would not see it (the arrow still expands and collapses)
		name.getElement().addEventListener("click", e -> tree.select(c)).addEventData("event.stopPropagation()");
		return name;
	}

	private Div tagsCell(Code c) {
		Div tags = new Div();
		for (ReAim d : c.dimensions()) {
			tags.add(tag(d.label(), ""));
		}
		if (c.stance() != null) {
			tags.add(tag(c.stance().label(), c.stance().name().toLowerCase()));
		}
		tags.add(tag(c.origin().label(), ""));
		return tags;
	}

	private static Span tag(String text, String kind) {
		Span s = new Span(text);
		s.addClassName("quire-tag");
		if (!kind.isEmpty()) {
			s.addClassName(kind);
		}
		return s;
	}

	private void refresh(@Nullable CodeId select) {
		Project p = project();
		if (p == null) {
			return;
		}
		List<Code> codes = codebook.codes(p.id());
		Map<Long, Integer> n = new HashMap<>();
		codebook.codingCounts(p.id()).forEach((id, count) -> n.put(id.value(), count));
		counts = n;
		rolledUp = rollUp(codes, n);
		TreeData<Code> data = new TreeData<>();
		Map<Long, Code> byId = new HashMap<>();
		for (Code c : codes) {
			byId.put(c.id().value(), c);
			data.addItem(c.parentId() == null ? null : byId.get(c.parentId().value()), c);
		}
		tree.setDataProvider(new TreeDataProvider<>(data));
		tree.expandRecursively(codes.stream().filter(c -> c.parentId() == null).toList(), 3);
		empty.removeAll();
		if (codes.isEmpty()) {
			Button reAim = new Button("Start from the RE-AIM codebook", e -> {
				CodebookImport result = codebook.startFromReAim(p.id());
				Notifications.success(result.describe());
				refresh(null);
			});
			reAim.setId("start-re-aim");
			reAim.addThemeVariants(ButtonVariant.PRIMARY);
			empty.add(new Paragraph("This project has no codes yet. Start from the shipped RE-AIM codebook (the five "
					+ "dimensions with typical barriers and facilitators), import a .qdc from another tool, or create "
					+ "codes from scratch."), reAim);
		}
		Code chosen = select == null ? null : byId.get(select.value());
		if (chosen != null) {
			tree.select(chosen);
		}
		showDetail(chosen);
	}

	/** Each code's codings plus those of every code below it. */
	static Map<Long, Integer> rollUp(List<Code> codes, Map<Long, Integer> own) {
		Map<Long, Code> byId = new HashMap<>();
		codes.forEach(c -> byId.put(c.id().value(), c));
		Map<Long, Integer> total = new HashMap<>();
		for (Code c : codes) {
			int n = own.getOrDefault(c.id().value(), 0);
			// walk up the parents; a cycle cannot occur in a stored codebook, the bound only guards the loop
			Code at = c;
			for (int depth = 0; at != null && depth <= codes.size(); depth++) {
				total.merge(at.id().value(), n, Integer::sum);
				at = at.parentId() == null ? null : byId.get(at.parentId().value());
			}
		}
		return total;
	}

	private Optional<Code> selected() {
		return tree.getSelectedItems().stream().findFirst();
	}

	private void showDetail(@Nullable Code c) {
		detail.removeAll();
		if (c == null) {
			detail.add(new Paragraph("Select a code to see its definition, edit, merge or delete it. Drag codes to "
					+ "move them: onto a code to make it a sub-code, between codes to reorder."));
			return;
		}
		H3 title = new H3(c.name());
		Span path = new Span(c.path());
		path.addClassName("quire-meta");
		detail.add(title, path, tagsCell(c));
		field("Definition", c.definition());
		field("Include", c.inclusion());
		field("Exclude", c.exclusion());
		field("Example", c.example());
		Button edit = new Button("Edit", e -> edit(c, c.parentId()));
		edit.setId("edit-code");
		Button merge = new Button("Merge into…", e -> merge(c));
		merge.setId("merge-code");
		Button delete = new Button("Delete…", e -> dialogs.delete(c));
		delete.setId("delete-code");
		delete.addThemeVariants(ButtonVariant.ERROR);
		Button memo = new Button("Memos", e -> new MemoDialog(memos, c.projectId(), MemoTarget.CODE, c.id().value(),
				"Memos on " + c.name(), coder.name()).open());
		int own = counts.getOrDefault(c.id().value(), 0);
		int all = rolledUp.getOrDefault(c.id().value(), 0);
		Anchor segments = new Anchor("codes/" + c.id().value(), "Coded segments (" + all + ")");
		segments.setId("code-segments-link");
		Span split = new Span(all == own ? "" : own + " with this code only, " + (all - own) + " with its sub-codes");
		split.setId("code-count-split");
		split.addClassName("quire-meta");
		Button auto = new Button("Code speakers' turns…", e -> dialogs.autoCodeSpeakers(c));
		auto.setId("auto-code-speakers");
		HorizontalLayout actions = new HorizontalLayout(edit, merge, memo, auto, delete);
		actions.getStyle().set("flex-wrap", "wrap");
		detail.add(actions, new Div(segments, new Span(" "), split), createSystem(c));
	}

	/**
	 * The code's system, and for a top-level code a button that moves its tree to the other system (a
	 * sub-code follows its parent).
	 */
	private Paragraph createSystem(Code c) {
		Paragraph line = new Paragraph();
		line.setId("code-system");
		Span l = new Span("Code system: ");
		l.getStyle().set("font-weight", "600");
		line.add(l, new Span(c.system().label()
				+ (c.parentId() == null ? "" : " (a sub-code follows its parent)") + " "));
		if (c.parentId() == null) {
			CodeSystem other = c.system() == CodeSystem.THEMATIC ? CodeSystem.MITI : CodeSystem.THEMATIC;
			Button move = new Button("Move this tree to the " + other.label(), e -> {
				try {
					int changed = codebook.setSystem(c.id(), other);
					refresh(c.id());
					Notifications.success(changed + " codes moved to the " + other.label() + ".");
				}
				catch (IllegalArgumentException | IllegalStateException ex) {
					Notifications.error(ex.getMessage());
				}
			});
			move.setId("move-code-system");
			move.addThemeVariants(ButtonVariant.TERTIARY);
			line.add(move);
		}
		return line;
	}

	private void field(String label, String value) {
		if (value.isBlank()) {
			return;
		}
		Paragraph p = new Paragraph();
		Span l = new Span(label + ": ");
		l.getStyle().set("font-weight", "600");
		p.add(l, new Span(value));
		detail.add(p);
	}

	private void edit(@Nullable Code existing, @Nullable CodeId parent) {
		Project p = project();
		if (p == null) {
			return;
		}
		CodeDraft start = existing != null ? existing.draft() : CodeDraft.named("New code", codebook.nextColour(p.id()));
		// The version this person starts from: a save after someone else's change is refused, not overwritten.
		int version = existing == null ? 0 : codebook.version(existing.id()).version();
		new CodeEditor(existing == null ? "New code" : "Edit " + existing.name(), start, draft -> {
			Code saved = existing == null ? codebook.create(p.id(), parent, draft)
					: codebook.update(existing.id(), draft, version);
			refresh(saved.id());
			Notifications.success("Saved '" + saved.name() + "'.");
		}).open();
	}

	private void merge(Code source) {
		Project p = project();
		if (p != null) {
			dialogs.merge(p, source);
		}
	}

	private void drop(Code target, GridDropLocation location) {
		Code moving = dragged;
		if (moving == null || moving.id().equals(target.id())) {
			return;
		}
		try {
			switch (location) {
				case ON_TOP -> codebook.move(moving.id(), target.id(), null);
				case ABOVE -> codebook.move(moving.id(), target.parentId(), target.id());
				case BELOW -> codebook.move(moving.id(), target.parentId(), nextSibling(target));
				default -> {
					return;
				}
			}
			refresh(moving.id());
		}
		catch (IllegalArgumentException ex) {
			Notifications.error(ex.getMessage());
		}
	}

	private @Nullable CodeId nextSibling(Code target) {
		Project p = project();
		if (p == null) {
			return null;
		}
		List<Code> siblings = codebook.codes(p.id()).stream()
			.filter(c -> java.util.Objects.equals(c.parentId(), target.parentId()))
			.toList();
		for (int i = 0; i < siblings.size() - 1; i++) {
			if (siblings.get(i).id().equals(target.id())) {
				return siblings.get(i + 1).id();
			}
		}
		return null;
	}

	/** Runs in the upload request thread; updates the view through access. */
	private void importQdc(String fileName, byte[] bytes) {
		Project p = project();
		UI ui = UI.getCurrent();
		if (p == null) {
			return;
		}
		String message;
		boolean ok;
		try {
			message = codebook.importQdc(p.id(), fileName, new ByteArrayInputStream(bytes)).describe();
			ok = true;
		}
		catch (IllegalArgumentException ex) {
			message = "Not imported: " + ex.getMessage();
			ok = false;
		}
		String text = message;
		boolean success = ok;
		ui.access(() -> {
			if (success) {
				Notifications.success(text);
			}
			else {
				Notifications.error(text);
			}
			refresh(null);
		});
	}

	private static String fileName(Project p) {
		String name = p.name().replaceAll("[^\\p{L}\\p{N}._ -]+", "").strip().replace(' ', '-');
		return name.isEmpty() ? "codebook" : name + "-codebook";
	}

}

package quire.search.ui;

import jakarta.annotation.security.PermitAll;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import org.jspecify.annotations.Nullable;

import quire.coding.Code;
import quire.coding.CodebookService;
import quire.coding.CodingService;
import quire.coding.TextSpan;
import quire.corpus.CorpusService;
import quire.corpus.DocumentSummary;
import quire.project.Project;
import quire.project.ProjectId;
import quire.search.CodeFilter;
import quire.search.DocumentHits;
import quire.search.IndexCheck;
import quire.search.KwicHit;
import quire.search.SearchRequest;
import quire.search.SearchResult;
import quire.search.SearchService;
import quire.ui.CurrentCoder;
import quire.ui.CurrentProject;
import quire.ui.MainLayout;
import quire.ui.Notifications;
import quire.ui.ProjectPage;

/**
 * Searches the current project's transcripts and shows keyword-in-context rows with hit counts
 * per document. The query and filters live in the URL ({@code search?q=...&group=...}) so a search
 * can be bookmarked and shared; clicking a row opens the transcript at the hit.
 */
@PermitAll
@Route(value = "search", layout = MainLayout.class)
@PageTitle("Search")
@Menu(order = 2, title = "Search", icon = "vaadin:search")
class SearchView extends ProjectPage {

	private final SearchService search;

	private final CorpusService corpus;

	private final CodebookService codebook;

	private final CodingService codings;

	private final CurrentCoder coder;

	private final TextField query = new TextField();

	private final MultiSelectComboBox<Code> codedWith = new MultiSelectComboBox<>("Turns coded with (all of)");

	private final MultiSelectComboBox<Code> notCodedWith = new MultiSelectComboBox<>("But not coded with");

	private final ComboBox<Code> within = new ComboBox<>("Only text within code");

	private final Button codeAll = new Button("Code all hits…");

	/** Why "Code all hits" is disabled, shown beside it. */
	private final Span codeAllReason = new Span();

	/** How often the page asks whether the index check is done, in milliseconds. */
	static final int CHECK_POLL_MS = IndexCheckPoll.INTERVAL_MS;

	/** Polls while a search waits for the index check. */
	private final IndexCheckPoll checkPoll = new IndexCheckPoll();

	private @Nullable SearchResult lastResult;

	private @Nullable SearchRequest lastRequest;

	private final ComboBox<String> group = new ComboBox<>("Group");

	private final ComboBox<String> speaker = new ComboBox<>("Speaker");

	private final ComboBox<DocumentSummary> document = new ComboBox<>("Document");

	private final Span summary = new Span();

	/** How many documents' hit counts show before "and N more documents". */
	static final int CHIPS_SHOWN = 30;

	private final Div perDocument = new Div();

	private final KwicGrid grid = new KwicGrid();

	private final H2 heading = new H2();

	SearchView(SearchService search, CorpusService corpus, CurrentProject current, CodebookService codebook,
			CodingService codings, CurrentCoder coder) {
		super(current);
		this.search = search;
		this.corpus = corpus;
		this.codebook = codebook;
		this.codings = codings;
		this.coder = coder;
		addClassName("quire-page");
		add(heading, createSearchBar(), createFilters(), createCodeFilters(), createSyntaxHelp(), createSummary(),
				createGrid());
	}

	private HorizontalLayout createCodeFilters() {
		for (MultiSelectComboBox<Code> box : List.of(codedWith, notCodedWith)) {
			box.setItemLabelGenerator(Code::path);
			box.setClearButtonVisible(true);
			box.setWidth("22em");
			box.addValueChangeListener(e -> {
				if (e.isFromClient()) {
					submit();
				}
			});
		}
		codedWith.setId("coded-with");
		notCodedWith.setId("not-coded-with");
		within.setId("within-code");
		within.setItemLabelGenerator(Code::path);
		within.setClearButtonVisible(true);
		within.setWidth("22em");
		within.addValueChangeListener(e -> {
			if (e.isFromClient()) {
				submit();
			}
		});
		HorizontalLayout filters = new HorizontalLayout(codedWith, notCodedWith, within);
		filters.addClassName("quire-filters");
		return filters;
	}

	private HorizontalLayout createSearchBar() {
		query.setId("query");
		query.setPlaceholder("e.g. \"sick leave\", summariz*, workload AND management, \"ask permission\"~3");
		query.setClearButtonVisible(true);
		query.setWidth("min(46em, 100%)");
		query.setPrefixComponent(VaadinIcon.SEARCH.create());
		query.addKeyPressListener(Key.ENTER, e -> submit());
		query.setAriaLabel("Search query");
		Button go = new Button("Search", e -> submit());
		go.setId("search-button");
		go.addThemeVariants(ButtonVariant.PRIMARY);
		HorizontalLayout bar = new HorizontalLayout(query, go);
		bar.setAlignItems(FlexComponent.Alignment.BASELINE);
		bar.setWidthFull();
		return bar;
	}

	private HorizontalLayout createFilters() {
		group.setClearButtonVisible(true);
		group.setPlaceholder("all groups");
		speaker.setClearButtonVisible(true);
		speaker.setPlaceholder("all speakers");
		document.setClearButtonVisible(true);
		document.setPlaceholder("all documents");
		document.setItemLabelGenerator(DocumentSummary::name);
		document.setWidth("20em");
		group.setWidth("20em");
		group.addValueChangeListener(e -> {
			if (e.isFromClient()) {
				submit();
			}
		});
		speaker.addValueChangeListener(e -> {
			if (e.isFromClient()) {
				submit();
			}
		});
		document.addValueChangeListener(e -> {
			if (e.isFromClient()) {
				submit();
			}
		});
		HorizontalLayout filters = new HorizontalLayout(group, speaker, document);
		filters.addClassName("quire-filters");
		return filters;
	}

	private Details createSyntaxHelp() {
		Div help = new Div();
		help.addClassName("quire-help");
		help.getElement().setProperty("innerHTML", """
				<table class="quire-syntax">
				<tr><td><code>workload management</code></td><td>both words in the same turn</td></tr>
				<tr><td><code>"sick leave"</code></td><td>the exact phrase</td></tr>
				<tr><td><code>training OR supervision</code></td><td>either word</td></tr>
				<tr><td><code>MI NOT training</code></td><td>the first without the second</td></tr>
				<tr><td><code>"ask permission"~3</code></td><td>the words at most 3 words apart</td></tr>
				<tr><td><code>summar*</code></td><td>words beginning with summar</td></tr>
				<tr><td><code>caseworker~</code></td><td>similar spellings</td></tr>
				</table>
				<p>English words are matched by stem (summarizing finds summarize); Norwegian likewise.</p>
				""");
		Details details = new Details("Query syntax", help);
		return details;
	}

	private Div createSummary() {
		summary.setId("search-summary");
		summary.addClassName("quire-summary");
		perDocument.addClassName("quire-doc-counts");
		perDocument.setId("per-document");
		codeAll.setId("code-all-hits");
		codeAll.setVisible(false);
		codeAll.addClickListener(e -> openCodeAll());
		codeAllReason.setId("code-all-reason");
		codeAllReason.addClassName("quire-meta");
		codeAllReason.setVisible(false);
		HorizontalLayout line = new HorizontalLayout(summary, codeAll, codeAllReason);
		line.setAlignItems(FlexComponent.Alignment.CENTER);
		return new Div(line, perDocument);
	}

	/** Codes every hit of the last search (not only the rows shown), at the chosen unit, after showing how many codings that makes. */
	private void openCodeAll() {
		SearchRequest request = lastRequest;
		Project project = project();
		if (project == null || request == null) {
			return;
		}
		ProjectId projectId = project.id();
		SearchResult all = search.search(new SearchRequest(request.project(), request.query(), request.group(),
				request.document(), request.speaker(), Integer.MAX_VALUE / 2, request.codes()));
		String blocked = codeAllBlocked(all.indexCheck());
		if (blocked != null) {
			// the button was enabled before a check began (or failed): coding an incomplete set of hits would look complete
			showCodeAll(all.indexCheck());
			Notifications.error(blocked);
			return;
		}
		List<TextSpan> hits = all.hits().stream().map(h -> new TextSpan(h.document(), h.start(), h.end())).toList();
		new CodeAllDialog(codebook, codings, coder, projectId, request.query(), hits).open();
	}

	private static List<Code> codesFrom(List<Code> codes, String ids) {
		List<Code> out = new ArrayList<>();
		for (String id : ids.split(",")) {
			codes.stream().filter(c -> Long.toString(c.id().value()).equals(id.strip())).findFirst().ifPresent(out::add);
		}
		return out;
	}

	private static String ids(java.util.Set<Code> codes) {
		return String.join(",", codes.stream().map(c -> Long.toString(c.id().value())).toList());
	}

	private Grid<KwicHit> createGrid() {
		grid.setId("kwic");
		grid.addItemClickListener(e -> open(e.getItem()));
		grid.setHeight("60vh");
		grid.setVisible(false);
		return grid;
	}

	@Override
	protected void enter(Project project, BeforeEnterEvent event) {
		heading.setText("Search " + project.name());
		group.setItems(corpus.groups(project.id()));
		speaker.setItems(corpus.speakers(project.id())); // labels as in the transcripts, not participants
		List<DocumentSummary> documents = corpus.documents(project.id());
		document.setItems(documents);
		List<Code> codes = codebook.codes(project.id());
		codedWith.setItems(codes);
		notCodedWith.setItems(codes);
		within.setItems(codes);

		Map<String, List<String>> params = event.getLocation().getQueryParameters().getParameters();
		codedWith.setValue(codesFrom(codes, first(params, "coded")));
		notCodedWith.setValue(codesFrom(codes, first(params, "notcoded")));
		List<Code> in = codesFrom(codes, first(params, "within"));
		within.setValue(in.isEmpty() ? null : in.get(0));
		query.setValue(first(params, "q"));
		group.setValue(emptyToNull(first(params, "group")));
		speaker.setValue(emptyToNull(first(params, "speaker")));
		String docName = first(params, "document");
		document.setValue(documents.stream().filter(d -> d.name().equals(docName)).findFirst().orElse(null));
		if (!query.getValue().isBlank()) {
			run();
		}
	}

	/** Puts the search in the URL (for bookmarks and the back button) and runs it. */
	private void submit() {
		Map<String, String> params = new LinkedHashMap<>();
		params.put("q", query.getValue());
		if (group.getValue() != null) {
			params.put("group", group.getValue());
		}
		if (speaker.getValue() != null) {
			params.put("speaker", speaker.getValue());
		}
		if (document.getValue() != null) {
			params.put("document", document.getValue().name());
		}
		if (!codedWith.getValue().isEmpty()) {
			params.put("coded", ids(codedWith.getValue()));
		}
		if (!notCodedWith.getValue().isEmpty()) {
			params.put("notcoded", ids(notCodedWith.getValue()));
		}
		if (within.getValue() != null) {
			params.put("within", Long.toString(within.getValue().id().value()));
		}
		getUI().ifPresent(ui -> ui.navigate("search", QueryParameters.simple(params)));
	}

	private void run() {
		Project project = project();
		if (project == null) {
			return;
		}
		query.setInvalid(false);
		try {
			SearchRequest request = new SearchRequest(project.id(), query.getValue(), group.getValue(),
					document.getValue() == null ? null : document.getValue().id(), speaker.getValue(),
					SearchRequest.DEFAULT_MAX_HITS)
				.withCodes(new CodeFilter(codedWith.getValue().stream().map(Code::id).toList(),
						notCodedWith.getValue().stream().map(Code::id).toList(),
						within.getValue() == null ? null : within.getValue().id()));
			SearchResult result = search.search(request);
			lastRequest = request;
			lastResult = result;
			show(result);
		}
		catch (IllegalArgumentException ex) {
			query.setErrorMessage(ex.getMessage());
			query.setInvalid(true);
			grid.setVisible(false);
			summary.setText("");
			perDocument.removeAll();
		}
	}

	/** Why "Code all hits" is disabled while the index is checked. */
	static final String CODE_ALL_WAITS = "Coding all hits waits until the search index is checked: until then some hits may be missing.";

	/**
	 * Why "Code all hits" is disabled after the check failed: the index stays unchecked until it is rebuilt
	 * (the command line's {@code index rebuild}, while the web app is stopped) or checked again at the next start.
	 */
	static final String CODE_ALL_INCOMPLETE = "Coding all hits is off: the search index could not be checked after an "
			+ "unclean stop, so search may be incomplete. Rebuild the index (stop Quire, run `quire index rebuild`, "
			+ "start Quire again) or restart Quire to check it again.";

	/** Whether an index check is running (a failed check has ended; it still blocks "Code all hits"). */
	private static boolean checking(@Nullable IndexCheck check) {
		return check != null && check.failure() == null;
	}

	/** Why "Code all hits" may not run now, or null when the search saw the whole index. */
	private static @Nullable String codeAllBlocked(@Nullable IndexCheck check) {
		if (check == null) {
			return null;
		}
		return check.failure() == null ? CODE_ALL_WAITS : CODE_ALL_INCOMPLETE;
	}

	/**
	 * "Code all hits" is enabled only when the search saw the whole index: while the index is checked
	 * after an unclean stop, or when that check failed, the button is disabled and the reason shows
	 * beside it; while the check runs the page polls until it is over and then searches again.
	 */
	private void showCodeAll(@Nullable IndexCheck check) {
		String blocked = codeAllBlocked(check);
		codeAll.setEnabled(blocked == null);
		codeAllReason.setText(blocked == null ? "" : blocked);
		codeAllReason.setVisible(blocked != null);
		if (checking(check)) {
			pollUntilChecked();
		}
		else {
			checkPoll.stop();
		}
	}

	private void pollUntilChecked() {
		// the whole index once the check is over: counts and rows may change
		getUI().ifPresent(ui -> checkPoll.start(ui, () -> checking(search.indexCheck().orElse(null)), this::run));
	}

	@Override
	protected void onAttach(AttachEvent event) {
		super.onAttach(event);
		if (codeAll.isVisible() && !codeAll.isEnabled() && checking(search.indexCheck().orElse(null))) {
			pollUntilChecked(); // back on a page that was waiting
		}
	}

	@Override
	protected void onDetach(DetachEvent event) {
		checkPoll.stop();
		super.onDetach(event);
	}

	static String capitalised(String s) {
		return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
	}

	private void show(SearchResult result) {
		NumberFormat n = NumberFormat.getIntegerInstance(Locale.ENGLISH);
		perDocument.removeAll();
		// while the index is checked after an unclean stop, the answer may miss documents: say so first
		String incomplete = result.indexCheck() == null ? "" : capitalised(result.indexCheck().message()) + ". ";
		if (result.totalHits() == 0) {
			summary.setText(incomplete + "No hits. Try fewer words, a wildcard (summar*) or OR.");
			grid.setVisible(false);
			codeAll.setVisible(false);
			showCodeAll(null);
			return;
		}
		codeAll.setVisible(true);
		showCodeAll(result.indexCheck());
		summary.setText(incomplete + n.format(result.totalHits()) + (result.totalHits() == 1 ? " hit" : " hits") + " in "
				+ n.format(result.matchingTurns()) + (result.matchingTurns() == 1 ? " turn" : " turns") + " of "
				+ result.perDocument().size() + (result.perDocument().size() == 1 ? " document" : " documents")
				+ (result.truncated() ? " — showing the first " + n.format(result.hits().size()) : ""));
		showDocumentCounts(result.perDocument(), CHIPS_SHOWN);
		grid.setItems(result.hits());
		grid.setVisible(true);
	}

	/**
	 * Hit counts per document as chips, the first {@code limit} of them (by name) and a button for the
	 * rest: a search over 1,000 transcripts has hundreds of documents, whose chips would push the
	 * keyword-in-context rows off the screen.
	 */
	private void showDocumentCounts(List<DocumentHits> counts, int limit) {
		NumberFormat n = NumberFormat.getIntegerInstance(Locale.ENGLISH);
		perDocument.removeAll();
		for (DocumentHits d : counts.subList(0, Math.min(limit, counts.size()))) {
			Span chip = new Span(d.documentName() + " " + n.format(d.hits()));
			chip.addClassName("quire-chip");
			perDocument.add(chip);
		}
		if (counts.size() > limit) {
			int more = counts.size() - limit;
			Button all = new Button("and " + n.format(more) + (more == 1 ? " more document" : " more documents"),
					e -> showDocumentCounts(counts, counts.size()));
			all.addThemeVariants(ButtonVariant.TERTIARY);
			all.setId("more-documents");
			perDocument.add(all);
		}
	}

	private void open(KwicHit hit) {
		KwicGrid.open(this, hit);
	}

	private static String first(Map<String, List<String>> params, String name) {
		List<String> values = params.getOrDefault(name, List.of());
		return values.isEmpty() ? "" : Objects.requireNonNullElse(values.get(0), "");
	}

	private static @Nullable String emptyToNull(String s) {
		return s.isBlank() ? null : s;
	}

}

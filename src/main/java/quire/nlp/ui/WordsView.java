package quire.nlp.ui;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.PermitAll;
import quire.coding.Code;
import quire.coding.CodebookService;
import quire.corpus.CorpusService;
import quire.corpus.DocumentSummary;
import quire.corpus.Language;
import quire.corpus.Strand;
import quire.nlp.WordCount;
import quire.nlp.WordFrequencies;
import quire.nlp.WordFrequencyService;
import quire.nlp.WordQuery;
import quire.project.Project;
import quire.ui.CurrentProject;
import quire.ui.GridRows;
import quire.ui.MainLayout;
import quire.ui.Notifications;
import quire.ui.ProjectPage;

/**
 * Word frequencies of the current project, narrowed to a strand (the qualitative strand by default,
 * when no document is chosen), group, document, speaker or code: a list with counts and percentages
 * and a word cloud; every word links to a search for it, and the summary names the strand and its n
 * so a copied figure says what it was computed over. Stop words per language are edited below.
 */
@Route(value = "words", layout = MainLayout.class)
@PageTitle("Word frequencies")
@Menu(order = 2.5, title = "Word frequencies", icon = "vaadin:cloud")
@PermitAll
class WordsView extends ProjectPage {

	private static final String[] COLOURS = { "var(--quire-speaker-0)", "var(--quire-speaker-1)",
			"var(--quire-speaker-2)", "var(--quire-speaker-3)", "var(--quire-speaker-4)", "var(--quire-speaker-5)" };

	private final WordFrequencyService words;

	private final CorpusService corpus;

	private final CodebookService codebook;

	private final H2 heading = new H2("Word frequencies");

	/** The strand whose documents are counted when no document is chosen; {@link #ALL_DOCUMENTS} pools all. */
	private final Select<String> strand = new Select<>();

	static final String ALL_DOCUMENTS = "All documents (all strands pooled)";

	private final ComboBox<String> group = new ComboBox<>("Group");

	private final ComboBox<DocumentSummary> document = new ComboBox<>("Document");

	private final ComboBox<String> speaker = new ComboBox<>("Speaker");

	private final ComboBox<Code> code = new ComboBox<>("Coded with");

	private final IntegerField minLength = new IntegerField("Shortest word");

	private final IntegerField top = new IntegerField("Top");

	private final RadioButtonGroup<String> shape = new RadioButtonGroup<>();

	private final Span summary = new Span();

	private final Paragraph notice = new Paragraph();

	private final Grid<WordCount> grid = new Grid<>();

	private final Div cloud = new Div();

	private final Select<Language> stopLanguage = new Select<>();

	private final TextArea stopWords = new TextArea();

	WordsView(WordFrequencyService words, CorpusService corpus, CodebookService codebook, CurrentProject current) {
		super(current);
		this.words = words;
		this.corpus = corpus;
		this.codebook = codebook;
		addClassName("quire-page");
		add(heading, createFilters(), createSummary(), createCloud(), createGrid(), createStopWords());
	}

	private HorizontalLayout createFilters() {
		for (ComboBox<?> box : List.of(group, document, speaker, code)) {
			box.setClearButtonVisible(true);
			box.addValueChangeListener(e -> {
				if (e.isFromClient()) {
					count();
				}
			});
		}
		strand.setLabel("Strand (when no document is chosen)");
		strand.setItems(strandLabel(Strand.QUALITATIVE), strandLabel(Strand.FIDELITY), ALL_DOCUMENTS);
		strand.setValue(strandLabel(WordQuery.DEFAULT_STRAND));
		strand.setId("words-strand");
		strand.setWidth("20em");
		strand.addValueChangeListener(e -> {
			if (e.isFromClient()) {
				count();
			}
		});
		group.setPlaceholder("all groups");
		document.setPlaceholder("all documents");
		document.setItemLabelGenerator(DocumentSummary::name);
		document.setId("words-document");
		speaker.setPlaceholder("all speakers");
		speaker.setId("words-speaker");
		code.setPlaceholder("any text");
		code.setItemLabelGenerator(Code::path);
		code.setId("words-code");
		code.setWidth("18em");
		minLength.setValue(3);
		minLength.setMin(1);
		minLength.setStepButtonsVisible(true);
		minLength.setWidth("8em");
		top.setValue(60);
		top.setMin(1);
		top.setMax(10_000);
		top.setStepButtonsVisible(true);
		top.setWidth("8em");
		top.setId("words-top");
		Button go = new Button("Count", e -> count());
		go.setId("words-count");
		go.addThemeVariants(ButtonVariant.PRIMARY);
		HorizontalLayout row = new HorizontalLayout(strand, group, document, speaker, code, minLength, top, go);
		row.setAlignItems(FlexComponent.Alignment.BASELINE);
		row.setWrap(true);
		return row;
	}

	private HorizontalLayout createSummary() {
		shape.setItems("Cloud", "List");
		shape.setValue("Cloud");
		shape.setId("words-shape");
		shape.addValueChangeListener(e -> showShape());
		// its natural width: squeezed by a long summary, the labels wrapped letter by letter ("Cl ou d")
		shape.getStyle().set("flex", "none").set("white-space", "nowrap");
		summary.setId("words-summary");
		summary.addClassName("quire-meta");
		summary.getStyle().set("flex", "1 1 20em").set("min-width", "0");
		notice.addClassName("quire-help");
		notice.setVisible(false);
		HorizontalLayout row = new HorizontalLayout(shape, summary, notice);
		row.setAlignItems(FlexComponent.Alignment.BASELINE);
		row.setWidthFull();
		row.setWrap(true);
		return row;
	}

	private Div createCloud() {
		cloud.setId("words-cloud");
		cloud.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("align-items", "baseline")
			.set("justify-content", "center").set("gap", "0.2rem 0.9rem").set("padding", "1.5rem")
			.set("border", "1px solid rgba(0,0,0,0.1)").set("border-radius", "8px").set("background", "var(--quire-paper)")
			.set("width", "100%").set("box-sizing", "border-box").set("line-height", "1.1");
		return cloud;
	}

	private Grid<WordCount> createGrid() {
		grid.setId("words-list");
		grid.addThemeVariants(GridVariant.ROW_STRIPES);
		NumberFormat n = NumberFormat.getIntegerInstance(Locale.ENGLISH);
		grid.addComponentColumn(w -> searchLink(w)).setHeader("Word").setFlexGrow(2);
		grid.addColumn(w -> n.format(w.count())).setHeader("Count").setAutoWidth(true).setComparator(WordCount::count);
		grid.addColumn(w -> String.format(Locale.ROOT, "%.2f%%", w.percent())).setHeader("Share").setAutoWidth(true)
			.setComparator(WordCount::percent);
		grid.addColumn(WordCount::key).setHeader("Lemma or stem").setAutoWidth(true);
		grid.setAllRowsVisible(true);
		grid.setVisible(false);
		return grid;
	}

	private Details createStopWords() {
		stopLanguage.setItems(Language.values());
		stopLanguage.setItemLabelGenerator(Language::label);
		stopLanguage.setValue(Language.ENGLISH);
		stopLanguage.addValueChangeListener(e -> loadStopWords());
		stopWords.setWidthFull();
		stopWords.setHeight("10em");
		stopWords.setId("stop-words");
		stopWords.setHelperText("Separated by spaces, commas or new lines; matched in lower case, by word and by lemma or stem.");
		Button save = new Button("Save stop words", e -> {
			Project project = project();
			if (project != null) {
				Set<String> list = new TreeSet<>(Arrays.asList(stopWords.getValue().split("[\\s,;]+")));
				words.saveStopWords(project.id(), stopLanguage.getValue(), list);
				Notifications.success("Saved " + stopLanguage.getValue().label() + " stop words for this project");
				count();
			}
		});
		save.setId("stop-words-save");
		Button reset = new Button("Back to Quire's list", e -> {
			Project project = project();
			if (project != null) {
				words.resetStopWords(project.id(), stopLanguage.getValue());
				loadStopWords();
				count();
			}
		});
		reset.addThemeVariants(ButtonVariant.TERTIARY);
		HorizontalLayout buttons = new HorizontalLayout(stopLanguage, save, reset);
		buttons.setAlignItems(FlexComponent.Alignment.BASELINE);
		Details details = new Details("Stop words", new VerticalLayout(buttons, stopWords));
		details.setWidthFull();
		return details;
	}

	@Override
	protected void showNoProject() {
		heading.setText("Word frequencies: no project yet");
	}

	@Override
	protected void enter(Project project, BeforeEnterEvent event) {
		heading.setText("Word frequencies — " + project.name());
		group.setItems(corpus.groups(project.id()));
		document.setItems(corpus.documents(project.id()));
		speaker.setItems(corpus.speakers(project.id())); // labels as in the transcripts, not participants
		code.setItems(codebook.codes(project.id()));
		loadStopWords();
		count();
	}

	private void loadStopWords() {
		Project project = project();
		if (project != null) {
			stopWords.setValue(String.join(" ", new TreeSet<>(words.stopWords(project.id(), stopLanguage.getValue()))));
		}
	}

	void count() {
		Project project = project();
		if (project == null) {
			return;
		}
		try {
			WordQuery query = new WordQuery(project.id(), group.getValue(),
					document.getValue() == null ? null : document.getValue().id(), speaker.getValue(),
					code.getValue() == null ? null : code.getValue().id(),
					minLength.getValue() == null ? 3 : minLength.getValue(), top.getValue() == null ? 60 : top.getValue(),
					strandOf(strand.getValue()));
			show(words.count(query));
		}
		catch (IllegalArgumentException ex) {
			Notifications.error(ex.getMessage());
		}
	}

	private void show(WordFrequencies f) {
		NumberFormat n = NumberFormat.getIntegerInstance(Locale.ENGLISH);
		summary.setText(n.format(f.counted()) + " words counted in " + f.scope()
				+ (f.method().isEmpty() ? "" : " · " + f.method()) + " · click a word to search for it");
		notice.setText(f.notice());
		notice.setVisible(!f.notice().isEmpty());
		grid.setItems(f.words());
		GridRows.fit(grid, f.words().size());
		cloud.removeAll();
		if (f.words().isEmpty()) {
			cloud.add(new Span("No words to count here."));
		}
		int max = f.words().stream().mapToInt(WordCount::count).max().orElse(1);
		int min = f.words().stream().mapToInt(WordCount::count).min().orElse(1);
		List<WordCount> alphabetical = f.words().stream().sorted(Comparator.comparing(WordCount::word)).toList();
		for (WordCount w : alphabetical) {
			double weight = max == min ? 1 : Math.sqrt((w.count() - min) / (double) (max - min));
			Anchor word = searchLink(w);
			word.getStyle().set("font-size", String.format(Locale.ROOT, "%.2frem", 0.85 + 2.4 * weight))
				.set("font-weight", weight > 0.5 ? "700" : "500")
				.set("color", COLOURS[Math.floorMod(w.key().hashCode(), COLOURS.length)])
				.set("text-decoration", "none");
			word.setTitle(w.word() + ": " + n.format(w.count()) + String.format(Locale.ROOT, " (%.2f%%)", w.percent()));
			cloud.add(word);
		}
		showShape();
	}

	private void showShape() {
		boolean list = "List".equals(shape.getValue());
		grid.setVisible(list);
		cloud.setVisible(!list);
	}

	/** The strand a choice of {@link #strandLabel} names; null for {@link #ALL_DOCUMENTS}. */
	static @Nullable Strand strandOf(@Nullable String label) {
		for (Strand s : Strand.values()) {
			if (strandLabel(s).equals(label)) {
				return s;
			}
		}
		return null;
	}

	/** "Qualitative strand (focus groups and interviews)", "Fidelity strand (MI counselling sessions)". */
	static String strandLabel(Strand s) {
		String label = s.label();
		String what = switch (s) {
			case QUALITATIVE -> " (focus groups and interviews)";
			case FIDELITY -> " (MI counselling sessions)";
			case NONE -> "";
		};
		return Character.toUpperCase(label.charAt(0)) + label.substring(1) + what;
	}

	private static Anchor searchLink(WordCount w) {
		Anchor a = new Anchor("search?q=" + URLEncoder.encode(w.word(), StandardCharsets.UTF_8), w.word());
		a.addClassName("quire-word");
		return a;
	}

}

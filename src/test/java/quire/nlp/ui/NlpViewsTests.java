package quire.nlp.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;

import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;

import quire.SignedInBrowserlessTest;
import quire.corpus.CorpusService;
import quire.corpus.DocumentSummary;
import quire.corpus.ImportRequest;
import quire.corpus.Language;
import quire.nlp.CandidateGroup;
import quire.nlp.WordCount;
import quire.project.Project;
import quire.project.ProjectService;

/** The de-identification review and the word frequency page without a browser. */
@WithUserDetails(value = SignedInBrowserlessTest.RESEARCHER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
@SpringBootTest
@ViewPackages(packages = "quire")
class NlpViewsTests extends SignedInBrowserlessTest {

	@Autowired
	ProjectService projects;

	@Autowired
	CorpusService corpus;

	Project project;

	@BeforeEach
	void importTranscript() {
		project = projects.findByName("NLP views").orElseGet(() -> {
			Project p = projects.create("NLP views", "");
			corpus.importDocument(p.id(), new ImportRequest("intervju.txt", """
					Intervjuer: Hvordan gikk det på jobben i Trondheim?
					Kari: Jobben gikk fint. Anna hjalp meg med jobben, og jobben ble lettere.
					Intervjuer: Og lederen?
					Kari: Lederen het Torbjørn Brekke. Han ringte fra 926 41 377.
					""".getBytes(StandardCharsets.UTF_8), "Interviews", Language.NORWEGIAN));
			return p;
		});
		workIn(project.id());
	}

	@SuppressWarnings("unchecked")
	@Test
	void reviewAcceptsRejectsAndCreatesTheCopy() {
		navigate(DeidentifyView.class);
		ComboBox<DocumentSummary> document = $(ComboBox.class).withId("deid-document").single();
		DocumentSummary original = corpus.findDocument(project.id(), "intervju").orElseThrow();
		test(document).selectItem(original.name() + " (Norwegian)");
		test($(Button.class).withId("deid-find").single()).click();
		Grid<CandidateGroup> grid = $(Grid.class).withId("deid-candidates").single();
		List<String> found = test(grid).size() == 0 ? List.of()
				: java.util.stream.IntStream.range(0, test(grid).size()).mapToObj(i -> test(grid).getRow(i).surface()).toList();
		assertThat(found).contains("Trondheim", "Anna", "Kari", "Torbjørn Brekke", "926 41 377");
		assertThat($(Span.class).withId("deid-status").single().getText()).contains("candidates in");
		assertThat($(Paragraph.class).withId("deid-notice").single().getText()).contains("no Norwegian models");
		test($(Button.class).withId("deid-apply").single()).click();
		assertThat($(Paragraph.class).withId("deid-result").single().getText()).contains("Created “intervju (de-identified)”")
			.contains("replacements");
		String text = corpus.transcript(corpus.findDocument(project.id(), "intervju (de-identified)").orElseThrow().id())
			.orElseThrow()
			.text();
		assertThat(text).doesNotContain("Trondheim", "Torbjørn", "Anna").contains("[Town 1]");
		assertThat($(Paragraph.class).withId("deid-residual").single().getText()).startsWith("Residual check:");
		assertThat($(Anchor.class).withId("deid-open").single().getHref()).startsWith("transcript/");
	}

	@SuppressWarnings("unchecked")
	@Test
	void wordsCountTheQualitativeStrandByDefaultAndTheSummaryNamesItAndItsN() {
		Project mixed = projects.findByName("NLP views, two strands").orElseGet(() -> {
			Project p = projects.create("NLP views, two strands", "");
			corpus.importDocument(p.id(), new ImportRequest("fokusgruppe-1.txt", """
					Moderator: Hvordan var jobben?
					Kari: Jobben var tung.
					Ola: Jobben var fin.
					Moderator: Og lederen?
					Kari: Lederen var grei.
					Ola: Lederen var borte.
					""".getBytes(StandardCharsets.UTF_8), "Fokusgrupper", Language.NORWEGIAN));
			corpus.importDocument(p.id(), new ImportRequest("mi-samtale-1.txt", """
					Veileder: Hva gjør alkoholen for deg?
					Klient: Alkoholen hjelper meg å sove.
					Veileder: Og ellers?
					Klient: Alkoholen gjør meg rolig.
					""".getBytes(StandardCharsets.UTF_8), "MI sessions", Language.NORWEGIAN));
			return p;
		});
		workIn(mixed.id());
		navigate(WordsView.class);
		Span summary = $(Span.class).withId("words-summary").single();
		assertThat(summary.getText()).startsWith("10 words counted in 1 document of the qualitative strand (1 focus group) · ");
		assertThat($(Anchor.class).from($(Div.class).withId("words-cloud").single()).all()).extracting(Anchor::getText)
			.contains("jobben")
			.doesNotContain("alkoholen");
		Select<String> strand = $(Select.class).withId("words-strand").single();
		test(strand).selectItem(WordsView.ALL_DOCUMENTS);
		assertThat(summary.getText())
			.containsPattern("^\\d+ words counted in 2 documents, all strands pooled \\(1 focus group, 1 counselling session \\(MI\\)\\) · ");
		test(strand).selectItem("Fidelity strand (MI counselling sessions)");
		assertThat(summary.getText()).contains("in 1 document of the fidelity strand (1 counselling session (MI))");
	}

	@SuppressWarnings("unchecked")
	@Test
	void wordsShowAsACloudAndAListThatLinkToSearch() {
		navigate(WordsView.class);
		Div cloud = $(Div.class).withId("words-cloud").single();
		List<Anchor> words = $(Anchor.class).from(cloud).all();
		assertThat(words).extracting(Anchor::getText).contains("jobben", "lederen");
		assertThat(words.stream().filter(a -> a.getText().equals("jobben")).findFirst().orElseThrow().getHref())
			.isEqualTo("search?q=jobben");
		RadioButtonGroup<String> shape = $(RadioButtonGroup.class).withId("words-shape").single();
		assertThat(shape.getStyle().get("flex")).as("not squeezed by the summary beside it").isEqualTo("none");
		assertThat(shape.getStyle().get("white-space")).isEqualTo("nowrap");
		test(shape).selectItem("List");
		Grid<WordCount> list = $(Grid.class).withId("words-list").single();
		assertThat(test(list).getRow(0).word()).isEqualTo("jobben");
		assertThat(test(list).getRow(0).count()).isEqualTo(4);
		assertThat($(Span.class).withId("words-summary").single().getText()).contains("Norwegian by Snowball stem");
		ComboBox<String> speaker = $(ComboBox.class).withId("words-speaker").single();
		test(speaker).selectItem("Intervjuer");
		assertThat(test(list).getRow(0).word()).isNotEqualTo("lederen");
	}

}

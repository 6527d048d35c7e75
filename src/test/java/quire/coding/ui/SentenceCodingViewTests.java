package quire.coding.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;

import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;

import quire.SignedInBrowserlessTest;
import quire.coding.Code;
import quire.coding.CodeDraft;
import quire.coding.CodebookService;
import quire.coding.CodingService;
import quire.corpus.CorpusService;
import quire.corpus.DocumentSummary;
import quire.corpus.ImportRequest;
import quire.corpus.Language;
import quire.project.Project;
import quire.project.ProjectService;

/** "Code this sentence" in the transcript: a word selected, widened to its stored sentence unit, coded. */
@WithUserDetails(value = SignedInBrowserlessTest.RESEARCHER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
@SpringBootTest
@ViewPackages(packages = "quire")
class SentenceCodingViewTests extends SignedInBrowserlessTest {

	static final String TEXT = """
			Intervjuer: Hvordan var kurset?
			Kari: Vi øvde bl.a. på refleksjoner. Det var f.eks. vanskelig å oppsummere. Ja.
			Intervjuer: Og nå?
			Kari: Nå går det bedre.
			""";

	@Autowired
	ProjectService projects;

	@Autowired
	CorpusService corpus;

	@Autowired
	CodebookService codebook;

	@Autowired
	CodingService codings;

	DocumentSummary document;

	@BeforeEach
	void importTranscript() {
		Project project = projects.findByName("Sentences").orElseGet(() -> {
			Project p = projects.create("Sentences", "");
			corpus.importDocument(p.id(), new ImportRequest("kurs.txt", TEXT.getBytes(StandardCharsets.UTF_8), null,
					Language.NORWEGIAN));
			codebook.create(p.id(), null, CodeDraft.named("Oppsummering", "#aa5500"));
			return p;
		});
		document = corpus.documents(project.id()).get(0);
		codings.codings(document.id(), null).forEach(c -> codings.remove(c.id()));
		workIn(project.id());
	}

	@Test
	void aWordWidensToItsSentenceAndTheSentenceIsCoded() {
		UI.getCurrent().navigate("transcript/" + document.id().value());
		TranscriptView view = (TranscriptView) UI.getCurrent().getCurrentView();
		String text = corpus.transcript(document.id()).orElseThrow().text();
		int word = text.indexOf("oppsummere");
		view.select(word + ":" + (word + 4));
		test($(Button.class).withId("select-sentence").single()).click();
		@SuppressWarnings("unchecked")
		ComboBox<Code> picker = $(ComboBox.class).withId("code-picker").single();
		test(picker).selectItem("Oppsummering");
		test($(Button.class).withId("apply-code").single()).click();
		assertThat(codings.codings(document.id(), null)).singleElement()
			.satisfies(c -> assertThat(text.substring(c.start(), c.end())).isEqualTo("Det var f.eks. vanskelig å oppsummere."));
		assertThat(TranscriptDom.stripes($(Div.class).withId("turns").single())).singleElement()
			.satisfies(s -> assertThat(s.attr("title")).contains("Oppsummering"));
	}

}

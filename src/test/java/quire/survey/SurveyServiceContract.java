package quire.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import quire.corpus.Attribute;
import quire.corpus.AttributeKind;
import quire.corpus.CorpusService;
import quire.corpus.DocumentSummary;
import quire.corpus.ImportRequest;
import quire.corpus.Language;
import quire.corpus.ParticipantRow;
import quire.corpus.ParticipantService;
import quire.project.ProjectId;
import quire.project.ProjectService;

/**
 * What participants with attributes and questionnaires promise, on H2 and PostgreSQL: typed values,
 * imports linked by id that refuse unknown ids and bad cells without storing anything, re-imports
 * that list what changed, and descriptive statistics computed by hand.
 */
abstract class SurveyServiceContract {

	static final String CSV = """
			id,satisfaction,timing_appropriate,age
			P1,5,yes,40
			P2,4,yes,50
			P3,5,no,60
			P4,,yes,30
			""";

	@Autowired
	ProjectService projects;

	@Autowired
	ParticipantService participants;

	@Autowired
	SurveyService survey;

	@Autowired
	CorpusService corpus;

	ProjectId project;

	Attribute gender;

	@BeforeEach
	void project() {
		project = projects.create("Survey " + UUID.randomUUID(), "").id();
		gender = participants.defineAttribute(project, "Gender", AttributeKind.CATEGORY, List.of("woman", "man"));
		for (String id : List.of("P1", "P2", "P3", "P4")) {
			participants.addParticipant(project, id);
		}
		participants.setValue(ids("P1", "P3"), gender, "woman");
		participants.setValue(ids("P2", "P4"), gender, "MAN");
	}

	List<Long> ids(String... labels) {
		return participants.participants(project).stream()
			.filter(r -> List.of(labels).contains(r.participant().label()))
			.map(r -> r.participant().id())
			.toList();
	}

	static byte[] bytes(String s) {
		return s.getBytes(StandardCharsets.UTF_8);
	}

	@Test
	void attributeValuesAreCheckedAgainstTheirType() {
		Attribute age = participants.defineAttribute(project, "Age", AttributeKind.NUMBER, List.of());
		Attribute date = participants.defineAttribute(project, "Interviewed", AttributeKind.DATE, List.of());
		participants.setValue(ids("P1"), age, "45,50");
		participants.setValue(ids("P1"), date, "2019-05-14");
		ParticipantRow p1 = participants.participants(project).stream().filter(r -> r.participant().label().equals("P1"))
			.findFirst().orElseThrow();
		assertThat(p1.value(age)).isEqualTo("45.5");
		assertThat(p1.value(gender)).isEqualTo("woman");
		assertThat(participants.participants(project).stream().filter(r -> r.participant().label().equals("P2")).findFirst()
			.orElseThrow().value(gender)).isEqualTo("man"); // the category's own spelling
		assertThatThrownBy(() -> participants.setValue(ids("P1"), age, "old")).hasMessageContaining("not a number");
		assertThatThrownBy(() -> participants.setValue(ids("P1"), date, "14.05.2019")).hasMessageContaining("not a date");
		assertThatThrownBy(() -> participants.setValue(ids("P1"), gender, "other")).hasMessageContaining("woman, man");
		assertThat(participants.groupBy(project, gender).get("woman")).hasSize(2);
	}

	@Test
	void previewProposesACodebookAndStoresNothing() {
		SurveyImport preview = survey.preview(project, "q.csv", bytes(CSV), "id");
		assertThat(preview.applied()).isFalse();
		assertThat(preview.problems()).isEmpty();
		assertThat(preview.proposed()).extracting(VariableSpec::column).containsExactly("satisfaction", "timing_appropriate", "age");
		assertThat(preview.proposed().get(0).valueLabel("5")).hasValueSatisfying(l -> assertThat(l.label()).isEqualTo("very satisfied"));
		assertThat(survey.questionnaires(project)).isEmpty();
	}

	@Test
	void unknownIdsAreListedAndNothingIsStoredUnlessAskedToAddThem() {
		String withStranger = CSV + "X9,3,no,25\n";
		SurveyImport refused = survey.importQuestionnaire(project, "Q", "q.csv", bytes(withStranger), "id", null, false);
		assertThat(refused.applied()).isFalse();
		assertThat(refused.unknownIds()).containsExactly("X9");
		assertThat(survey.questionnaires(project)).isEmpty();

		SurveyImport added = survey.importQuestionnaire(project, "Q", "q.csv", bytes(withStranger), "id", null, true);
		assertThat(added.applied()).isTrue();
		assertThat(participants.participants(project)).extracting(r -> r.participant().label()).contains("X9");
	}

	@Test
	void aBadCellStopsTheImportWithItsLineAndColumn() {
		String bad = CSV.replace("P2,4,yes,50", "P2,7,yes,50");
		SurveyImport result = survey.importQuestionnaire(project, "Q", "q.csv", bytes(bad), "id",
				survey.preview(project, "q.csv", bytes(CSV), "id").proposed(), false);
		assertThat(result.applied()).isFalse();
		assertThat(result.problems()).anySatisfy(p -> {
			assertThat(p.line()).isEqualTo(3);
			assertThat(p.column()).isEqualTo("satisfaction");
		});
		assertThat(survey.questionnaires(project)).isEmpty();
	}

	@Test
	void reImportUpdatesAnswersAndListsWhatChanged() {
		survey.importQuestionnaire(project, "Q", "q.csv", bytes(CSV), "id", null, false);
		SurveyImport again = survey.importQuestionnaire(project, "Q", "q.csv", bytes(CSV.replace("P3,5,no,60", "P3,4,no,60")),
				"id", null, false);
		assertThat(again.applied()).isTrue();
		assertThat(again.changes()).containsExactly("P3, satisfaction: 5 → 4");
		Questionnaire q = survey.questionnaire(project, "Q").orElseThrow();
		assertThat(survey.answers(q, "satisfaction")).containsEntry("P3", "4");
	}

	@Test
	void describeCountsValidAndMissingAndCrossesWithAnAttribute() {
		survey.importQuestionnaire(project, "Q", "q.csv", bytes(CSV), "id", null, false);
		Questionnaire q = survey.questionnaire(project, "Q").orElseThrow();
		VariableSpec satisfaction = q.variables().get(0);
		VariableSummary s = survey.describe(q, satisfaction, gender);
		// answers 5, 4, 5 and one blank: valid 3, missing 1; "very satisfied" 2 of 3 = 66.7 %
		assertThat(s.frequencies().valid()).isEqualTo(3);
		assertThat(s.frequencies().missing()).isEqualTo(1);
		assertThat(s.frequencies().rows()).anySatisfy(r -> {
			assertThat(r.category()).isEqualTo("5");
			assertThat(r.n()).isEqualTo(2);
			assertThat(r.percentOfValid().value()).isCloseTo(66.667, org.assertj.core.data.Offset.offset(0.01));
		});
		// mean (5 + 4 + 5) / 3 = 4.667; median 5
		assertThat(s.numeric().mean().value()).isCloseTo(4.667, org.assertj.core.data.Offset.offset(0.001));
		assertThat(s.spread().median().value()).isEqualTo(5.0);
		// crosstab: women P1 (5), P3 (5); men P2 (4), P4 (blank) → "5" × woman = 2, "4" × man = 1
		var table = s.byGroup();
		assertThat(table.columnLabels()).containsExactly("woman", "man");
		int five = table.rowLabels().indexOf("5");
		int four = table.rowLabels().indexOf("4");
		assertThat(table.counts()[five][0]).isEqualTo(2);
		assertThat(table.counts()[four][1]).isEqualTo(1);
		assertThat(table.missing()).isEqualTo(1);
	}


	@Test
	void baselineTableGivesMeanSdAndCategoryPercentagesByGroup() {
		Attribute age = participants.defineAttribute(project, "Age", AttributeKind.NUMBER, List.of());
		participants.setValue(ids("P1"), age, "40");
		participants.setValue(ids("P3"), age, "60");
		participants.setValue(ids("P2"), age, "50");
		survey.importQuestionnaire(project, "Q", "q.csv", bytes(CSV), "id", null, false);
		BaselineTable table = survey.baseline(project, survey.questionnaire(project, "Q").orElseThrow(), gender);
		assertThat(table.columns()).containsExactly("Gender: woman", "Gender: man", "Total");
		assertThat(table.n()).containsExactly(2, 2, 4);
		// women 40 and 60: mean 50, SD sqrt(200) = 14.1; men 50 (P4 has no age): 50.0; all 40, 50, 60: mean 50, SD 10
		assertThat(table.rows()).anySatisfy(r -> {
			assertThat(r.label()).isEqualTo("Age, mean (SD)");
			assertThat(r.cells()).containsExactly("50.0 (14.1)", "50.0", "50.0 (10.0)");
		});
	}


	@Test
	void aFileInAnotherEncodingGetsOneClearProblemAndNothingIsStored() {
		byte[] latin1 = "id,satisfaction\nP1,5\nP\u00e9,4\n".getBytes(StandardCharsets.ISO_8859_1);
		SurveyImport result = survey.importQuestionnaire(project, "Q", "latin1.csv", latin1, "id", null, false);
		assertThat(result.applied()).isFalse();
		assertThat(result.problems()).singleElement().satisfies(p -> assertThat(p.reason()).contains("not UTF-8"));
		assertThat(survey.questionnaires(project)).isEmpty();
	}

	@Test
	void aSpeakersParticipantWithQuestionnaireAnswersOutlivesItsDocument() {
		DocumentSummary transcript = corpus.importDocument(project,
				new ImportRequest("kari.txt", bytes("Moderator: How did it go?\nKari: It went well.\nModerator: And the workload?\nKari: Too high."), null, Language.ENGLISH))
			.document();
		assertThat(labels()).hasSize(6).contains("Kari");
		survey.importQuestionnaire(project, "Follow-up", "follow-up.csv", bytes("id,satisfaction\nKari,4\n"), "id", null, false);

		corpus.delete(transcript.id());

		// the moderator's participant, made for the transcript, goes with it; Kari answered the questionnaire and stays
		assertThat(labels()).containsExactlyInAnyOrder("P1", "P2", "P3", "P4", "Kari");
		assertThat(survey.answers(survey.questionnaire(project, "Follow-up").orElseThrow(), "satisfaction"))
			.containsExactly(java.util.Map.entry("Kari", "4"));
	}

	List<String> labels() {
		return participants.participants(project).stream().map(r -> r.participant().label()).toList();
	}

}

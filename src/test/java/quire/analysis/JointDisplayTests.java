package quire.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import quire.SharedHome;
import quire.coding.Code;
import quire.coding.CodedSegment;
import quire.coding.CodebookService;
import quire.coding.CodingService;
import quire.coding.RetrievalService;
import quire.corpus.Attribute;
import quire.corpus.AttributeKind;
import quire.corpus.CorpusService;
import quire.corpus.DocumentSummary;
import quire.corpus.ImportRequest;
import quire.corpus.Language;
import quire.corpus.ParticipantService;
import quire.corpus.SpeakerLinkService;
import quire.fidelity.MitiCounts;
import quire.fidelity.MitiGlobals;
import quire.fidelity.MitiSession;
import quire.fidelity.RatingSource;
import quire.fidelity.FidelityService;
import quire.project.ProjectId;
import quire.project.ProjectService;
import quire.survey.SurveyService;

/**
 * Joint displays over a small project built through the services, with counts worked out by hand. The
 * caseworkers' transcript labels are role labels, so the researcher links each to its participant, as
 * the demo's participant list does.
 */
@SpringBootTest
class JointDisplayTests implements SharedHome {

	static final String FOCUS_GROUP = """
			[00:00:01] Moderator: How was the training?
			[00:00:05] MI Caseworker 1: The training was good but the caseload was too high.
			[00:00:12] MI-substitute Caseworker 1: We never had time to practise.
			[00:00:20] MI Caseworker 2: Management gave us no time either.
			""";

	@Autowired
	ProjectService projects;

	@Autowired
	CorpusService corpus;

	@Autowired
	ParticipantService participants;

	@Autowired
	CodebookService codebook;

	@Autowired
	CodingService codings;

	@Autowired
	RetrievalService retrieval;

	@Autowired
	FidelityService fidelity;

	@Autowired
	SurveyService survey;

	@Autowired
	JointDisplayService joint;

	@Autowired
	SpeakerLinkService speakers;

	ProjectId project;

	DocumentSummary document;

	Attribute group;

	@BeforeEach
	void project() {
		project = projects.create("Joint " + UUID.randomUUID(), "").id();
		document = corpus.importDocument(project, new ImportRequest("fg.txt", FOCUS_GROUP.getBytes(StandardCharsets.UTF_8),
				"Focus groups", Language.ENGLISH)).document();
		codebook.startFromReAim(project);
		for (String caseworker : List.of("MI Caseworker 1", "MI Caseworker 2", "MI-substitute Caseworker 1")) {
			speakers.link(document.id(), caseworker, participants.addParticipant(project, caseworker).id());
		}
		group = participants.defineAttribute(project, "Group", AttributeKind.CATEGORY, List.of("MI", "MI-substitute"));
		participants.setValue(ids("MI Caseworker 1", "MI Caseworker 2"), group, "MI");
		participants.setValue(ids("MI-substitute Caseworker 1"), group, "MI-substitute");
		code("Time and caseload pressure", "the caseload was too high", "Anna");
		code("Time and caseload pressure", "We never had time to practise", "Anna");
		code("Time and caseload pressure", "Management gave us no time either", "Anna");
		code("Good training", "The training was good", "Anna");
	}

	List<Long> ids(String... labels) {
		return participants.participants(project).stream().filter(r -> List.of(labels).contains(r.participant().label()))
			.map(r -> r.participant().id()).toList();
	}

	void code(String codeName, String words, String coder) {
		Code code = codebook.findCode(project, codeName).orElseThrow();
		int at = corpus.transcript(document.id()).orElseThrow().text().indexOf(words);
		codings.code(document.id(), code.id(), at, at + words.length(), coder);
	}

	@Test
	void codesByAttributeCountSegmentsAndParticipantsPerValue() {
		Code pressure = codebook.findCode(project, "Time and caseload pressure").orElseThrow();
		AttributeMatrix m = joint.codesByAttribute(project, retrieval.codeRows(project, List.of(pressure.id())), group, null);
		assertThat(m.columns()).containsExactly("MI", "MI-substitute");
		// MI: caseworkers 1 and 2, one segment each; MI-substitute: one segment
		assertThat(m.segments(0, 0)).isEqualTo(2);
		assertThat(m.participants()[0][0]).isEqualTo(2);
		assertThat(m.segments(0, 1)).isEqualTo(1);
		assertThat(m.participants()[0][1]).isEqualTo(1);
	}

	@Test
	void aPassageTwoCodersBothCodedCountsOnceInEveryJointDisplayFigure() throws Exception {
		// Bo double-codes two of Anna's three passages for agreement, one of them with a slightly longer span
		code("Time and caseload pressure", "the caseload was too high", "Bo");
		code("Time and caseload pressure", "We never had time to practise.", "Bo");
		Code pressure = codebook.findCode(project, "Time and caseload pressure").orElseThrow();

		AttributeMatrix m = joint.codesByAttribute(project, retrieval.codeRows(project, List.of(pressure.id())), group, null);
		assertThat(m.segments(0, 0) + m.segments(0, 1)).as("codings, every coder's").isEqualTo(5);
		assertThat(m.passages(0, 0)).isEqualTo(2);
		assertThat(m.passages(0, 1)).isEqualTo(1);

		JointDisplayRow implementation = joint.reAim(project, null).get(3);
		assertThat(implementation.themes()).singleElement().satisfies(t -> {
			assertThat(t.segments()).isEqualTo(5);
			assertThat(t.passages()).isEqualTo(3);
			assertThat(t.exemplars()).extracting(CodedSegment::text).doesNotHaveDuplicates();
		});

		String csv = new String(joint.quantitize(project, false), StandardCharsets.UTF_8).replace("\uFEFF", "");
		var records = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
			.parse(new java.io.StringReader(csv)).getRecords();
		int total = 0;
		for (var r : records) {
			String v = r.get("code: Implementation › Time and caseload pressure");
			total += v.isEmpty() ? 0 : Integer.parseInt(v);
		}
		assertThat(total).as("passages per participant, summed").isEqualTo(3);
	}

	@Test
	void reAimDisplayShowsThemesWithPinnedExemplarsAndQuestionnaireEvidenceUnderAdoption() {
		survey.importQuestionnaire(project, "Q", "q.csv", """
				id,satisfaction
				MI Caseworker 1,5
				MI Caseworker 2,4
				MI-substitute Caseworker 1,2
				""".getBytes(StandardCharsets.UTF_8), "id", null, false);
		var rows = joint.reAim(project, null);
		assertThat(rows).extracting(JointDisplayRow::dimension)
			.containsExactly("Reach", "Effectiveness", "Adoption", "Implementation", "Maintenance");
		JointDisplayRow implementation = rows.get(3);
		assertThat(implementation.themes()).singleElement().satisfies(t -> {
			assertThat(t.name()).isEqualTo("Time and caseload pressure");
			assertThat(t.segments()).isEqualTo(3);
			// without a pinned exemplar, the longest segment
			assertThat(t.exemplars()).singleElement().satisfies(s -> assertThat(s.text()).isEqualTo("Management gave us no time either"));
		});
		var shortest = retrieval.segments(codebook.findCode(project, "Time and caseload pressure").orElseThrow().id(), null).stream()
			.filter(s -> s.text().equals("the caseload was too high")).findFirst().orElseThrow();
		joint.setExemplar(project, shortest.coding().id(), true);
		assertThat(joint.reAim(project, null).get(3).themes().get(0).exemplars()).extracting(s -> s.text())
			.containsExactly("the caseload was too high");
		// satisfaction 5, 4, 2: top two categories 4-5 → 2 of 3 = 67 %
		assertThat(rows.get(2).questionnaireEvidence()).contains("67%").contains("n = 3");
		assertThat(rows.get(3).questionnaireEvidence()).isEmpty();
	}

	static final String MI_SESSION = """
			Counsellor: What brings you here today?
			Sick-listed worker: My back hurts and the job worries me.
			Counsellor: You are worried about the job.
			Sick-listed worker: I want to go back in the spring.
			""";

	/**
	 * End to end, over two MI sessions whose labels are the same role labels: each sick-listed worker is
	 * linked to their questionnaire row, and the quantitizing export puts their coded speech, the MITI
	 * scores of their session (as its client) and their answers in one row; each document's counsellor
	 * is a person of its own.
	 */
	@Test
	void aSickListedWorkersSessionMitiScoresAndAnswersMeetInOneRow() throws Exception {
		DocumentSummary one = corpus.importDocument(project, new ImportRequest("mi-01.txt",
				(MI_SESSION + "Counsellor: First.").getBytes(StandardCharsets.UTF_8), "MI sessions", Language.ENGLISH)).document();
		DocumentSummary two = corpus.importDocument(project, new ImportRequest("mi-02.txt",
				(MI_SESSION + "Counsellor: Second.").getBytes(StandardCharsets.UTF_8), "MI sessions", Language.ENGLISH)).document();
		survey.importQuestionnaire(project, "Follow-up", "q.csv", "id,satisfaction\nSW001,5\nSW002,2\n".getBytes(StandardCharsets.UTF_8),
				"id", null, true);
		speakers.link(one.id(), "Sick-listed worker", ids("SW001").get(0));
		speakers.link(two.id(), "Sick-listed worker", ids("SW002").get(0));
		Code pressure = codebook.findCode(project, "Time and caseload pressure").orElseThrow();
		for (DocumentSummary d : List.of(one, two)) {
			String text = corpus.transcript(d.id()).orElseThrow().text();
			int at = text.indexOf("the job worries me");
			codings.code(d.id(), pressure.id(), at, at + "the job worries me".length(), "Anna");
		}
		int at = corpus.transcript(one.id()).orElseThrow().text().indexOf("I want to go back");
		codings.code(one.id(), pressure.id(), at, at + "I want to go back".length(), "Anna");
		MitiSession first = fidelity.saveSession(project, "S1", one.id(), "Counsellor", "Sick-listed worker", null, null, null);
		fidelity.saveRating(first.id(), "Anna", RatingSource.QUIRE, new MitiGlobals(4, 4, 4, 4), MitiCounts.NONE);
		MitiSession second = fidelity.saveSession(project, "S2", two.id(), "Counsellor", "Sick-listed worker", null, null, null);
		fidelity.saveRating(second.id(), "Anna", RatingSource.QUIRE, new MitiGlobals(2, 3, 2, 2), MitiCounts.NONE);

		String csv = new String(joint.quantitize(project, false), StandardCharsets.UTF_8).replace("\uFEFF", "");
		var records = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
			.parse(new java.io.StringReader(csv)).getRecords();
		Map<String, org.apache.commons.csv.CSVRecord> byParticipant = new java.util.HashMap<>();
		records.forEach(r -> byParticipant.put(r.get("participant"), r));
		String codeColumn = "code: Implementation › Time and caseload pressure";
		var sw1 = byParticipant.get("SW001");
		assertThat(sw1.get(codeColumn)).isEqualTo("2");
		assertThat(sw1.get("MITI sessions as client")).isEqualTo("1");
		assertThat(sw1.get("MITI mean Technical as client")).isEqualTo("4.0000");
		assertThat(sw1.get("MITI sessions as counsellor")).isEqualTo("0");
		assertThat(sw1.get("Follow-up: satisfaction")).isEqualTo("5");
		var sw2 = byParticipant.get("SW002");
		assertThat(sw2.get(codeColumn)).isEqualTo("1");
		assertThat(sw2.get("MITI sessions as client")).isEqualTo("1");
		assertThat(sw2.get("MITI mean Technical as client")).isEqualTo("2.5000");
		assertThat(sw2.get("MITI mean Relational as client")).isEqualTo("2.0000");
		assertThat(sw2.get("Follow-up: satisfaction")).isEqualTo("2");
		// the same role label is a different person in each session, and no one is left over for the workers
		assertThat(byParticipant.get("Counsellor — mi-01").get("MITI sessions as counsellor")).isEqualTo("1");
		assertThat(byParticipant.get("Counsellor — mi-02").get("MITI mean Technical as counsellor")).isEqualTo("2.5000");
		assertThat(byParticipant).doesNotContainKeys("Sick-listed worker", "Sick-listed worker — mi-01",
				"Sick-listed worker — mi-02", "Counsellor");

		// codes × attribute counts the two workers as two people
		Attribute satisfied = participants.defineAttribute(project, "Arm", AttributeKind.CATEGORY, List.of("UC+MI"));
		participants.setValue(ids("SW001", "SW002"), satisfied, "UC+MI");
		AttributeMatrix m = joint.codesByAttribute(project, retrieval.codeRows(project, List.of(pressure.id())), satisfied, null);
		assertThat(m.columns()).containsExactly("UC+MI", "(not set)");
		assertThat(m.segments(0, 0)).isEqualTo(3);
		assertThat(m.participants()[0][0]).isEqualTo(2);
	}

	@Test
	void quantitizingGivesOneRowPerParticipantWithCountsAttributesAndAnswers() throws Exception {
		participants.addParticipant(project, "=cmd|' /C calc'!A0");
		String csv = new String(joint.quantitize(project, false), StandardCharsets.UTF_8);
		String[] lines = csv.strip().split("\r?\n");
		assertThat(lines[0]).contains("participant", "Group", "code: Implementation › Time and caseload pressure");
		assertThat(csv).contains("MI Caseworker 1,MI,1,1").contains("MI-substitute Caseworker 1,MI-substitute,0,1");
		// a formula-looking participant id is written as text
		assertThat(csv).contains("'=cmd");
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(joint.quantitize(project, true)))) {
			var sheet = book.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("participant");
			assertThat(sheet.getLastRowNum()).isEqualTo(participants.participants(project).size());
			Map<String, Double> counts = new java.util.HashMap<>();
			for (int r = 1; r <= sheet.getLastRowNum(); r++) {
				var row = sheet.getRow(r);
				if (row.getCell(3) != null && row.getCell(3).getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
					counts.put(row.getCell(0).getStringCellValue(), row.getCell(3).getNumericCellValue());
				}
			}
			assertThat(counts).containsEntry("MI Caseworker 2", 1.0);
			for (int r = 1; r <= sheet.getLastRowNum(); r++) {
				assertThat(sheet.getRow(r).getCell(0).getCellType()).isNotEqualTo(org.apache.poi.ss.usermodel.CellType.FORMULA);
			}
		}
	}

}

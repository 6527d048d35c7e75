package quire.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static quire.exchange.QdpxFixtures.crlf;
import static quire.exchange.QdpxFixtures.fill;

import java.text.Normalizer;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import quire.coding.Memo;
import quire.coding.MemoTarget;
import quire.exchange.QdpxFixtures.Archive;
import quire.project.ProjectId;

/**
 * Importing .qdpx archives as other tools write them: every code, source, coding, coder and note
 * arrives, and every coding covers the same words it covered in the other tool.
 */
class QdpxImportTests extends QdpxTestSupport {

	@Test
	void nvivoWithLowerCaseSourcesFolderBracedGuidsAndCrLfText() {
		String name = unique("NVivo");
		QdpxReport report = qdpx.importProject(name, "nvivo.qdpx", QdpxFixtures.nvivo());

		assertThat(report.projectName()).isEqualTo(name);
		assertThat(projects.find(report.projectId())).hasValueSatisfying(p -> assertThat(p.name()).isEqualTo(name));
		assertThat(counts(report)).isEqualTo(new Counts(2, 3, 1, 4, 0, 0));
		assertThat(report.skipped()).isEmpty();
		ProjectId p = report.projectId();
		assertThat(codePaths(p)).containsExactly("Workload #D62728", "Training needs #1F77B4",
				"Training needs › Practice time #2CA02C");
		assertThat(texts(p)).containsExactly(Map.entry("RTW interview 01", """
				Moderator: How is the return-to-work programme going in your office?
				Caseworker 1: Honestly, we have too many cases to follow each person closely.
				Moderator: What would help you use motivational interviewing more?
				Caseworker 1: More time to practise reflections with colleagues, I think."""));
		assertThat(codedText(p)).containsExactlyInAnyOrder(
				"RTW interview 01 | Workload | Nora Nilsen | too many cases",
				"RTW interview 01 | Training needs › Practice time | Ola Berg | practise reflections with colleagues",
				// the user {…D99} is not in <Users>
				"RTW interview 01 | Training needs | imported | What would help you use motivational interviewing more?\n"
						+ "Caseworker 1: More time",
				// the selection took in the final CR LF, which Quire's text does not have
				"RTW interview 01 | Training needs | Nora Nilsen | Caseworker 1: More time to practise reflections with colleagues, I think.");
		assertThat(codings.coders(p)).containsExactlyInAnyOrder("Nora Nilsen", "Ola Berg", "imported");
	}

	@Test
	void theSameArchiveImportsTwiceAsTwoIndependentProjects() {
		QdpxReport first = qdpx.importProject(unique("NVivo first"), "nvivo.qdpx", QdpxFixtures.nvivo());
		QdpxReport second = qdpx.importProject(unique("NVivo second"), "nvivo.qdpx", QdpxFixtures.nvivo());

		assertThat(second.projectId()).isNotEqualTo(first.projectId());
		assertThat(counts(second)).isEqualTo(counts(first));
		assertThat(codedText(second.projectId())).containsExactlyInAnyOrderElementsOf(codedText(first.projectId()));
		assertThat(codePaths(second.projectId())).isEqualTo(codePaths(first.projectId()));
	}

	@Test
	void atlasTiWithShortColoursAnUncolouredCodeNestingAndAPicture() {
		QdpxReport report = qdpx.importProject(unique("ATLAS.ti"), "atlas.qdpx", QdpxFixtures.atlasTi());

		assertThat(counts(report)).isEqualTo(new Counts(1, 5, 1, 4, 0, 0));
		ProjectId p = report.projectId();
		assertThat(codebook.codes(p)).extracting(c -> c.path())
			.containsExactly("Motivation", "Motivation › Change talk", "Motivation › Change talk › Reasons", "Barriers",
					"Reflections");
		assertThat(codeAt(p, "Motivation").colour()).isEqualTo("#FF8800");
		assertThat(codeAt(p, "Motivation › Change talk").colour()).isEqualTo("#00AA00");
		assertThat(codeAt(p, "Motivation › Change talk › Reasons").colour()).matches("#[0-9A-F]{6}");
		assertThat(codeAt(p, "Motivation › Change talk › Reasons").depth()).isEqualTo(2);
		assertThat(codeAt(p, "Barriers").colour()).isEqualTo("#CC0033");
		assertThat(codeAt(p, "Reflections").colour()).isEqualTo("#336699");
		assertThat(codedText(p)).containsExactlyInAnyOrder(
				"Group session 2 | Motivation › Change talk | Atle Aas | I want to get back to work",
				"Group session 2 | Motivation › Change talk › Reasons | Atle Aas | for my kids",
				"Group session 2 | Barriers | Atle Aas | my back pain makes every morning hard",
				"Group session 2 | Reflections | Atle Aas | So work matters a lot to you, and the pain is in the way.");
		assertThat(report.skipped()).singleElement()
			.satisfies(s -> assertThat(s).contains("Whiteboard photo").containsIgnoringCase("picture"));
		assertThat(corpus.documents(p)).extracting(d -> d.name()).containsExactly("Group session 2");
	}

	@Test
	void maxqdaWithAByteOrderMarkARelativePathAndInlineText() {
		QdpxReport report = qdpx.importProject(unique("MAXQDA"), "maxqda.qdpx", QdpxFixtures.maxqda());

		// the one case becomes a participant
		assertThat(counts(report)).isEqualTo(new Counts(2, 4, 2, 4, 1, 0));
		// the case's link to the interview has no counterpart in Quire and is reported
		assertThat(report.skipped()).singleElement().satisfies(s -> assertThat(s).contains("1 link(s) from cases"));
		ProjectId p = report.projectId();
		assertThat(texts(p)).containsOnly(Map.entry("Ida interview", QdpxFixtures.MAXQDA_INTERVIEW.strip()),
				Map.entry("Team meeting notes", QdpxFixtures.MAXQDA_MEETING));
		assertThat(texts(p).get("Ida interview")).doesNotStartWith("\uFEFF");
		// Mia's GUID is in lower case in <Users> and in upper case on one of her codings
		assertThat(codedText(p)).containsExactlyInAnyOrder(
				"Ida interview | Readiness | Mia Holm | I feel ready to try a few hours a week",
				"Ida interview | Employer flexibility | Mia Holm | If my manager let me start slowly",
				"Team meeting notes | Workload | Max Lund | too heavy to plan proper follow-up",
				"Team meeting notes | Collaboration | Max Lund | share the group sessions");
	}

	@Test
	void qualCoderWithAWordOnlySourceAndNotesOnACodeAndTheProject() {
		QdpxReport report = qdpx.importProject(unique("QualCoder"), "qualcoder.qdpx", QdpxFixtures.qualCoder());

		assertThat(counts(report)).isEqualTo(new Counts(2, 3, 2, 3, 0, 2));
		assertThat(report.skipped()).isEmpty();
		ProjectId p = report.projectId();
		assertThat(texts(p)).containsOnly(Map.entry("Counselling session 4", QdpxFixtures.QUALCODER_SESSION_4),
				Map.entry("Counselling session 5", QdpxFixtures.QUALCODER_SESSION_5.strip()));
		assertThat(codedText(p)).containsExactlyInAnyOrder(
				// offsets into the Word document's text: its paragraphs, one line each
				"Counselling session 4 | Meaning of work | Kari Dahl | It would mean I am useful again",
				"Counselling session 5 | Employer contact | Lars Moe | I called my boss on Monday",
				"Counselling session 5 | Confidence | Kari Dahl | I am more confident now");

		List<Memo> all = memos.all(p);
		assertThat(all).hasSize(2);
		assertThat(memos.memos(p, MemoTarget.CODE, codeAt(p, "Confidence").id().value())).singleElement()
			.satisfies(m -> {
				assertThat(m.body()).contains(QdpxFixtures.QUALCODER_CODE_NOTE);
				assertThat(m.author()).isNotBlank();
			});
		assertThat(memos.memos(p, MemoTarget.PROJECT, null)).singleElement()
			.satisfies(m -> assertThat(m.body()).contains(QdpxFixtures.QUALCODER_PROJECT_NOTE));
	}

	@Test
	void anEmptyProjectImportsAsAnEmptyProject() {
		String name = unique("Empty");
		QdpxReport report = qdpx.importProject(name, "empty.qdpx", QdpxFixtures.empty());

		assertThat(counts(report)).isEqualTo(new Counts(0, 0, 0, 0, 0, 0));
		assertThat(report.skipped()).isEmpty();
		assertThat(projects.findByName(name)).isPresent();
		assertThat(corpus.documents(report.projectId())).isEmpty();
		assertThat(codebook.codes(report.projectId())).isEmpty();
		assertThat(memos.all(report.projectId())).isEmpty();
	}

	@Test
	void picturesAudioVideoAndPdfAreSkippedAndReportedNotFatal() {
		String text = """
				Moderator: Did the video of the role-play help?
				Participant 2: Yes, seeing the open questions made it click.""";
		String qde = fill("""
				<?xml version="1.0" encoding="utf-8"?>
				<Project xmlns="urn:QDA-XML:project:1.0" name="Media">
				  <CodeBook><Codes>
				    <Code guid="00000000-0000-4000-8000-00000000c0de" name="Learning by example" isCodable="true" color="#1F77B4"/>
				  </Codes></CodeBook>
				  <Sources>
				    <PictureSource guid="00000000-0000-4000-8000-000000000001" name="Flip chart" path="internal://flip.jpg"/>
				    <AudioSource guid="00000000-0000-4000-8000-000000000002" name="Session recording" path="internal://session.m4a">
				      <AudioSelection guid="00000000-0000-4000-8000-000000000012" begin="1000" end="5000">
				        <Coding guid="00000000-0000-4000-8000-000000000022"><CodeRef targetGUID="00000000-0000-4000-8000-00000000c0de"/></Coding>
				      </AudioSelection>
				    </AudioSource>
				    <TextSource guid="00000000-0000-4000-8000-000000000005" name="Role-play debrief">
				      <PlainTextContent>{{text: debrief}}</PlainTextContent>
				      <PlainTextSelection guid="00000000-0000-4000-8000-000000000015" {{debrief: seeing the open questions made it click}}>
				        <Coding guid="00000000-0000-4000-8000-000000000025"><CodeRef targetGUID="00000000-0000-4000-8000-00000000c0de"/></Coding>
				      </PlainTextSelection>
				    </TextSource>
				    <VideoSource guid="00000000-0000-4000-8000-000000000003" name="Role-play video" path="internal://roleplay.mp4"/>
				    <PDFSource guid="00000000-0000-4000-8000-000000000004" name="Training handout" path="internal://handout.pdf"/>
				  </Sources>
				</Project>
				""", Map.of("debrief", text));
		byte[] archive = new Archive().put("project.qde", qde)
			.put("Sources/flip.jpg", new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF })
			.put("Sources/session.m4a", new byte[] { 0, 0, 0, 0x20, 'f', 't', 'y', 'p' })
			.put("Sources/roleplay.mp4", new byte[] { 0, 0, 0, 0x20, 'f', 't', 'y', 'p' })
			.put("Sources/handout.pdf", "%PDF-1.4\n%%EOF\n")
			.zip();

		QdpxReport report = qdpx.importProject(unique("Media"), "media.qdpx", archive);

		assertThat(report.sources()).isEqualTo(1);
		assertThat(report.codings()).isEqualTo(1);
		assertThat(report.skipped()).hasSize(4)
			.anySatisfy(s -> assertThat(s).contains("Flip chart").containsIgnoringCase("picture"))
			.anySatisfy(s -> assertThat(s).contains("Session recording").containsIgnoringCase("audio"))
			.anySatisfy(s -> assertThat(s).contains("Role-play video").containsIgnoringCase("video"))
			.anySatisfy(s -> assertThat(s).contains("Training handout").containsIgnoringCase("pdf"));
		assertThat(codedText(report.projectId()))
			.containsExactly("Role-play debrief | Learning by example | imported | seeing the open questions made it click");
	}

	/**
	 * Quire also drops trailing blanks on a line, turns no-break spaces into spaces and composes
	 * accents (NFC); codings after such places must not drift either.
	 */
	@Test
	void codingsDoNotDriftWhereQuireNormalisesBlanksAndAccents() {
		String stored = crlf("""
				Moderator: How was the first week back?\s
				Participant 1: Cafe\u0301 shifts were hard,\u00A0but my colleagues  \t
				Participant 1: helped me every single day.
				""");
		String qde = fill("""
				<?xml version="1.0" encoding="utf-8"?>
				<Project xmlns="urn:QDA-XML:project:1.0" name="Normalised">
				  <CodeBook><Codes>
				    <Code guid="00000000-0000-4000-8000-0000000000a1" name="Hard start" isCodable="true" color="#D62728"/>
				    <Code guid="00000000-0000-4000-8000-0000000000a2" name="Support at work" isCodable="true" color="#2CA02C"/>
				  </Codes></CodeBook>
				  <Sources>
				    <TextSource guid="00000000-0000-4000-8000-000000000001" name="First week" plainTextPath="internal://first-week.txt">
				      <PlainTextSelection guid="00000000-0000-4000-8000-000000000011" {{week: Cafe\u0301 shifts were hard,\u00A0but}}>
				        <Coding guid="00000000-0000-4000-8000-000000000021"><CodeRef targetGUID="00000000-0000-4000-8000-0000000000a1"/></Coding>
				      </PlainTextSelection>
				      <PlainTextSelection guid="00000000-0000-4000-8000-000000000012" {{week: helped me every single day}}>
				        <Coding guid="00000000-0000-4000-8000-000000000022"><CodeRef targetGUID="00000000-0000-4000-8000-0000000000a2"/></Coding>
				      </PlainTextSelection>
				    </TextSource>
				  </Sources>
				</Project>
				""", Map.of("week", stored));
		byte[] archive = new Archive().put("project.qde", qde).put("Sources/first-week.txt", stored).zip();

		QdpxReport report = qdpx.importProject(unique("Normalised"), "normalised.qdpx", archive);

		assertThat(report.codings()).isEqualTo(2);
		assertThat(codedText(report.projectId())).containsExactlyInAnyOrder(
				"First week | Hard start | imported | " + Normalizer.normalize("Cafe\u0301", Normalizer.Form.NFC)
						+ " shifts were hard, but",
				"First week | Support at work | imported | helped me every single day");
	}

	static final String NOTES_TEXT = """
			Moderator: How did the employer meeting go?
			Participant 5: Better than I feared; they offered a quieter desk.""";

	/** Notes on a source and on a coding, as NVivo writes them for document memos and annotations. */
	static byte[] notesOnSourceAndCoding() {
		String qde = fill("""
				<?xml version="1.0" encoding="utf-8"?>
				<Project xmlns="urn:QDA-XML:project:1.0" name="Notes">
				  <Users><User guid="00000000-0000-4000-8000-0000000000e1" name="Nora Nilsen"/></Users>
				  <CodeBook><Codes>
				    <Code guid="00000000-0000-4000-8000-0000000000a1" name="Workplace adjustment" isCodable="true" color="#2CA02C"/>
				  </Codes></CodeBook>
				  <Sources>
				    <TextSource guid="00000000-0000-4000-8000-000000000001" name="Employer meeting">
				      <PlainTextContent>{{text: t}}</PlainTextContent>
				      <PlainTextSelection guid="00000000-0000-4000-8000-000000000011" {{t: they offered a quieter desk}}>
				        <Coding guid="00000000-0000-4000-8000-000000000021" creatingUser="00000000-0000-4000-8000-0000000000e1">
				          <CodeRef targetGUID="00000000-0000-4000-8000-0000000000a1"/>
				          <NoteRef targetGUID="00000000-0000-4000-8000-0000000000f2"/>
				        </Coding>
				      </PlainTextSelection>
				      <NoteRef targetGUID="00000000-0000-4000-8000-0000000000f1"/>
				    </TextSource>
				  </Sources>
				  <Notes>
				    <Note guid="00000000-0000-4000-8000-0000000000f1" name="About the meeting" creatingUser="00000000-0000-4000-8000-0000000000e1">
				      <PlainTextContent>The manager joined for the last ten minutes.</PlainTextContent>
				    </Note>
				    <Note guid="00000000-0000-4000-8000-0000000000f2" name="Annotation" creatingUser="00000000-0000-4000-8000-0000000000e1">
				      <PlainTextContent>A small adjustment with a large effect.</PlainTextContent>
				    </Note>
				  </Notes>
				</Project>
				""", Map.of("t", NOTES_TEXT));
		return new Archive().put("project.qde", qde).zip();
	}

	@Test
	void aNoteOnASourceBecomesAMemoOnItsDocument() {
		QdpxReport report = qdpx.importProject(unique("Notes"), "notes.qdpx", notesOnSourceAndCoding());

		assertThat(report.notes()).isEqualTo(2);
		ProjectId p = report.projectId();
		var doc = corpus.findDocument(p, "Employer meeting").orElseThrow();
		assertThat(memos.memos(p, MemoTarget.DOCUMENT, doc.id().value())).singleElement().satisfies(m -> {
			assertThat(m.body()).isEqualTo("The manager joined for the last ten minutes.");
			assertThat(m.author()).isEqualTo("Nora Nilsen");
		});
	}

	@Test
	void aNoteOnACodingBecomesAMemoOnThatCoding() {
		QdpxReport report = qdpx.importProject(unique("Notes"), "notes.qdpx", notesOnSourceAndCoding());

		ProjectId p = report.projectId();
		var doc = corpus.findDocument(p, "Employer meeting").orElseThrow();
		var coding = codings.codings(doc.id(), null).get(0);
		assertThat(memos.memos(p, MemoTarget.CODING, coding.id().value())).singleElement()
			.satisfies(m -> assertThat(m.body()).isEqualTo("A small adjustment with a large effect."));
		assertThat(memos.memos(p, MemoTarget.PROJECT, null)).isEmpty();
	}

	/**
	 * ATLAS.ti writes a quotation comment as a note on the selection, not on a coding; REFI-QDA also
	 * allows codings of a whole source, source variables and codings of a recording's time spans,
	 * which Quire has no place for: they are reported, not dropped silently.
	 */
	@Test
	void aNoteOnASelectionGoesToItsCodingAndSourceLevelPartsAreReported() {
		String qde = fill("""
				<?xml version="1.0" encoding="utf-8"?>
				<Project xmlns="urn:QDA-XML:project:1.0" name="Quotation comments">
				  <CodeBook><Codes>
				    <Code guid="00000000-0000-4000-8000-0000000000a1" name="Workplace adjustment" isCodable="true" color="#2CA02C"/>
				  </Codes></CodeBook>
				  <Variables>
				    <Variable guid="00000000-0000-4000-8000-0000000000b1" name="Site" typeOfVariable="Text"/>
				  </Variables>
				  <Sources>
				    <TextSource guid="00000000-0000-4000-8000-000000000001" name="Employer meeting">
				      <PlainTextContent>{{text: t}}</PlainTextContent>
				      <PlainTextSelection guid="00000000-0000-4000-8000-000000000011" {{t: they offered a quieter desk}}>
				        <Coding guid="00000000-0000-4000-8000-000000000021"><CodeRef targetGUID="00000000-0000-4000-8000-0000000000a1"/></Coding>
				        <NoteRef targetGUID="00000000-0000-4000-8000-0000000000f1"/>
				      </PlainTextSelection>
				      <PlainTextSelection guid="00000000-0000-4000-8000-000000000012" {{t: Better than I feared}}>
				        <NoteRef targetGUID="00000000-0000-4000-8000-0000000000f2"/>
				      </PlainTextSelection>
				      <Coding guid="00000000-0000-4000-8000-000000000022"><CodeRef targetGUID="00000000-0000-4000-8000-0000000000a1"/></Coding>
				      <VariableValue><VariableRef targetGUID="00000000-0000-4000-8000-0000000000b1"/><TextValue>Oslo</TextValue></VariableValue>
				    </TextSource>
				  </Sources>
				  <Notes>
				    <Note guid="00000000-0000-4000-8000-0000000000f1" name="Quotation comment">
				      <PlainTextContent>The desk was the turning point.</PlainTextContent>
				    </Note>
				    <Note guid="00000000-0000-4000-8000-0000000000f2" name="Uncoded quotation comment">
				      <PlainTextContent>Relief is audible here.</PlainTextContent>
				    </Note>
				  </Notes>
				</Project>
				""", Map.of("t", NOTES_TEXT));

		QdpxReport report = qdpx.importProject(unique("Comments"), "comments.qdpx", new Archive().put("project.qde", qde).zip());

		ProjectId p = report.projectId();
		var doc = corpus.findDocument(p, "Employer meeting").orElseThrow();
		var coding = codings.codings(doc.id(), null).get(0);
		assertThat(memos.memos(p, MemoTarget.CODING, coding.id().value())).singleElement()
			.satisfies(m -> assertThat(m.body()).isEqualTo("The desk was the turning point."));
		assertThat(memos.memos(p, MemoTarget.DOCUMENT, doc.id().value())).singleElement()
			.satisfies(m -> assertThat(m.body()).isEqualTo("Relief is audible here."));
		assertThat(memos.memos(p, MemoTarget.PROJECT, null)).isEmpty();
		assertThat(report.codings()).isEqualTo(1);
		assertThat(report.skipped()).hasSize(2)
			.anySatisfy(s -> assertThat(s).contains("1 coding(s) of the whole source 'Employer meeting'"))
			.anySatisfy(s -> assertThat(s).contains("1 variable value(s) of the source 'Employer meeting'"));
	}

	// ---- helpers --------------------------------------------------------------------------------

	record Counts(int users, int codes, int sources, int codings, int cases, int notes) {
	}

	static Counts counts(QdpxReport r) {
		return new Counts(r.users(), r.codes(), r.sources(), r.codings(), r.cases(), r.notes());
	}

	static String unique(String name) {
		return name + " " + UUID.randomUUID().toString().substring(0, 8);
	}

}

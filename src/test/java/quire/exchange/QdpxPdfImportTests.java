package quire.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static quire.exchange.QdpxFixtures.crlf;
import static quire.exchange.QdpxFixtures.fill;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import quire.coding.MemoTarget;
import quire.exchange.QdpxFixtures.Archive;
import quire.project.ProjectId;

/**
 * PDF sources as NVivo and ATLAS.ti export them: the PDF itself, and its text as a
 * {@code Representation} whose {@code PlainTextSelection}s carry the codings. Quire imports that text
 * as a document named after the PDF; what has no place in a text (codings on page areas, a PDF
 * without a representation) is reported and skipped.
 */
class QdpxPdfImportTests extends QdpxTestSupport {

	static final String HANDOUT = crlf("""
			Return-to-work handout
			Step 1: agree on a start date with your employer.
			Step 2: begin with a few hours a week and increase slowly.
			""");

	static final String LETTER = """
			Dear participant,
			thank you for taking part in the interview about your return to work.""";

	static byte[] nvivoWithPdfs() {
		String qde = fill("""
				<?xml version="1.0" encoding="utf-8"?>
				<Project xmlns="urn:QDA-XML:project:1.0" name="PDFs" origin="NVivo 14">
				  <Users><User guid="{00000000-0000-4000-8000-0000000000E1}" name="Nora Nilsen"/></Users>
				  <CodeBook><Codes>
				    <Code guid="{00000000-0000-4000-8000-0000000000A1}" name="Gradual start" isCodable="true" color="#2CA02C"/>
				    <Code guid="{00000000-0000-4000-8000-0000000000A2}" name="Employer contact" isCodable="true" color="#1F77B4"/>
				  </Codes></CodeBook>
				  <Cases>
				    <Case guid="{00000000-0000-4000-8000-0000000000C1}" name="Handout readers">
				      <SourceRef targetGUID="{00000000-0000-4000-8000-000000000001}"/>
				    </Case>
				  </Cases>
				  <Sources>
				    <PDFSource guid="{00000000-0000-4000-8000-000000000001}" name="RTW handout.pdf"
				               path="internal://00000000-0000-4000-8000-000000000001.pdf">
				      <PDFSelection guid="{00000000-0000-4000-8000-000000000031}" page="1" firstX="10" firstY="10" secondX="90" secondY="40">
				        <Coding guid="{00000000-0000-4000-8000-000000000041}" creatingUser="{00000000-0000-4000-8000-0000000000E1}">
				          <CodeRef targetGUID="{00000000-0000-4000-8000-0000000000A1}"/>
				        </Coding>
				      </PDFSelection>
				      <Representation guid="{00000000-0000-4000-8000-000000000002}" name="RTW handout.pdf"
				                      plainTextPath="internal://00000000-0000-4000-8000-000000000002.txt">
				        <PlainTextSelection guid="{00000000-0000-4000-8000-000000000011}" {{handout: agree on a start date with your employer}}>
				          <Coding guid="{00000000-0000-4000-8000-000000000021}" creatingUser="{00000000-0000-4000-8000-0000000000E1}">
				            <CodeRef targetGUID="{00000000-0000-4000-8000-0000000000A2}"/>
				            <NoteRef targetGUID="{00000000-0000-4000-8000-0000000000F2}"/>
				          </Coding>
				        </PlainTextSelection>
				        <PlainTextSelection guid="{00000000-0000-4000-8000-000000000012}" {{handout: begin with a few hours a week and increase slowly}}>
				          <Coding guid="{00000000-0000-4000-8000-000000000022}" creatingUser="{00000000-0000-4000-8000-0000000000E1}">
				            <CodeRef targetGUID="{00000000-0000-4000-8000-0000000000A1}"/>
				          </Coding>
				        </PlainTextSelection>
				      </Representation>
				      <NoteRef targetGUID="{00000000-0000-4000-8000-0000000000F1}"/>
				    </PDFSource>
				    <PDFSource guid="{00000000-0000-4000-8000-000000000003}" name="Scanned consent form"
				               path="internal://00000000-0000-4000-8000-000000000003.pdf"/>
				    <PDFSource guid="{00000000-0000-4000-8000-000000000004}" name="Invitation letter">
				      <Representation guid="{00000000-0000-4000-8000-000000000005}">
				        <PlainTextContent>{{text: letter}}</PlainTextContent>
				        <PlainTextSelection guid="{00000000-0000-4000-8000-000000000013}" {{letter: your return to work}}>
				          <Coding guid="{00000000-0000-4000-8000-000000000023}"><CodeRef targetGUID="{00000000-0000-4000-8000-0000000000A2}"/></Coding>
				        </PlainTextSelection>
				      </Representation>
				    </PDFSource>
				  </Sources>
				  <Notes>
				    <Note guid="{00000000-0000-4000-8000-0000000000F1}" name="About the handout" creatingUser="{00000000-0000-4000-8000-0000000000E1}">
				      <PlainTextContent>Given to every participant at the first meeting.</PlainTextContent>
				    </Note>
				    <Note guid="{00000000-0000-4000-8000-0000000000F2}" name="Annotation" creatingUser="{00000000-0000-4000-8000-0000000000E1}">
				      <PlainTextContent>Most participants skipped this step.</PlainTextContent>
				    </Note>
				  </Notes>
				</Project>
				""", Map.of("handout", HANDOUT, "letter", LETTER));
		return new Archive().put("project.qde", qde)
			.put("sources/00000000-0000-4000-8000-000000000001.pdf", "%PDF-1.4\n%%EOF\n")
			.put("sources/00000000-0000-4000-8000-000000000002.txt", HANDOUT)
			.put("sources/00000000-0000-4000-8000-000000000003.pdf", "%PDF-1.4\n%%EOF\n")
			.zip();
	}

	@Test
	void aPdfComesInAsTheTextOfItsRepresentationWithCodingsAndNotes() {
		QdpxReport report = qdpx.importProject("PDF " + UUID.randomUUID(), "pdf.qdpx", nvivoWithPdfs());

		ProjectId p = report.projectId();
		assertThat(report.sources()).isEqualTo(2);
		assertThat(report.codings()).isEqualTo(3);
		assertThat(report.notes()).isEqualTo(2);
		assertThat(texts(p)).containsOnlyKeys("RTW handout", "Invitation letter");
		assertThat(texts(p).get("RTW handout")).startsWith("Return-to-work handout\nStep 1:");
		assertThat(codedText(p)).containsExactlyInAnyOrder(
				"RTW handout | Employer contact | Nora Nilsen | agree on a start date with your employer",
				"RTW handout | Gradual start | Nora Nilsen | begin with a few hours a week and increase slowly",
				"Invitation letter | Employer contact | imported | your return to work");

		var handout = corpus.findDocument(p, "RTW handout").orElseThrow();
		assertThat(memos.memos(p, MemoTarget.DOCUMENT, handout.id().value())).singleElement()
			.satisfies(m -> assertThat(m.body()).isEqualTo("Given to every participant at the first meeting."));
		var annotated = codings.codings(handout.id(), null).stream()
			.filter(c -> c.codeId().equals(codeAt(p, "Employer contact").id()))
			.findFirst()
			.orElseThrow();
		assertThat(memos.memos(p, MemoTarget.CODING, annotated.id().value())).singleElement()
			.satisfies(m -> assertThat(m.body()).isEqualTo("Most participants skipped this step."));

		assertThat(report.skipped()).hasSize(3)
			.anySatisfy(s -> assertThat(s).contains("Scanned consent form").contains("PDF without a text representation skipped"))
			.anySatisfy(s -> assertThat(s).contains("RTW handout.pdf").contains("1 PDF selection(s)").contains("1 coding(s)"))
			.anySatisfy(s -> assertThat(s).contains("1 link(s) from cases"));
	}

	@Test
	void aPdfWhoseRepresentationTextIsMissingIsSkippedAndReported() {
		String qde = """
				<?xml version="1.0" encoding="utf-8"?>
				<Project xmlns="urn:QDA-XML:project:1.0" name="Lost PDF text">
				  <Sources>
				    <PDFSource guid="00000000-0000-4000-8000-000000000001" name="Policy" path="internal://policy.pdf">
				      <Representation guid="00000000-0000-4000-8000-000000000002" plainTextPath="internal://policy.txt"/>
				    </PDFSource>
				  </Sources>
				</Project>
				""";
		QdpxReport report = qdpx.importProject("PDF " + UUID.randomUUID(), "lost.qdpx",
				new Archive().put("project.qde", qde).put("Sources/policy.pdf", "%PDF-1.4\n%%EOF\n").zip());

		assertThat(report.sources()).isZero();
		assertThat(report.skipped()).singleElement()
			.satisfies(s -> assertThat(s).contains("PDFSource 'Policy'").contains("policy.txt"));
	}

}

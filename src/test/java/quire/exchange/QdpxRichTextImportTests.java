package quire.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static quire.exchange.QdpxFixtures.fill;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import quire.exchange.QdpxFixtures.Archive;

/**
 * A text source with neither a plain text file nor inline text, only a {@code richTextPath}: a Word
 * .docx gives its text (as Quire's Word reader reads it); any other rich text (RTF, a damaged Word
 * file) is one unsupported item, skipped and reported while the rest of the archive imports.
 */
class QdpxRichTextImportTests extends QdpxTestSupport {

	static final String WORD = """
			Counsellor: What helped most in the first month?
			Client: Knowing I could call my caseworker when things got hard.""";

	@Test
	void aWordOnlySourceIsReadAndOtherRichTextIsSkippedWithTheReason() {
		String qde = fill("""
				<?xml version="1.0" encoding="utf-8"?>
				<Project xmlns="urn:QDA-XML:project:1.0" name="Rich">
				  <CodeBook><Codes>
				    <Code guid="00000000-0000-4000-8000-0000000000a1" name="Support" isCodable="true" color="#2CA02C"/>
				  </Codes></CodeBook>
				  <Sources>
				    <TextSource guid="00000000-0000-4000-8000-000000000001" name="Word only" richTextPath="internal://word.docx">
				      <PlainTextSelection guid="00000000-0000-4000-8000-000000000011" {{w: call my caseworker}}>
				        <Coding guid="00000000-0000-4000-8000-000000000021"><CodeRef targetGUID="00000000-0000-4000-8000-0000000000a1"/></Coding>
				      </PlainTextSelection>
				    </TextSource>
				    <TextSource guid="00000000-0000-4000-8000-000000000002" name="RTF only" richTextPath="internal://notes.rtf">
				      <PlainTextSelection guid="00000000-0000-4000-8000-000000000012" startPosition="0" endPosition="5">
				        <Coding guid="00000000-0000-4000-8000-000000000022"><CodeRef targetGUID="00000000-0000-4000-8000-0000000000a1"/></Coding>
				      </PlainTextSelection>
				    </TextSource>
				    <TextSource guid="00000000-0000-4000-8000-000000000003" name="Damaged Word" richTextPath="internal://damaged.docx"/>
				    <TextSource guid="00000000-0000-4000-8000-000000000004" name="Nothing at all"/>
				  </Sources>
				</Project>
				""", Map.of("w", WORD));
		byte[] archive = new Archive().put("project.qde", qde)
			.put("Sources/word.docx", QdpxFixtures.docx(WORD))
			.put("Sources/notes.rtf", "{\\rtf1\\ansi Counsellor: Hello.\\par}")
			.put("Sources/damaged.docx", new byte[] { 'P', 'K', 3, 4, 0, 0, 0, 0, 1, 2, 3 })
			.zip();

		QdpxReport report = qdpx.importProject("Rich " + UUID.randomUUID(), "rich.qdpx", archive);

		assertThat(report.sources()).isEqualTo(1);
		assertThat(codedText(report.projectId())).containsExactly("Word only | Support | imported | call my caseworker");
		assertThat(report.warnings()).singleElement().satisfies(w -> assertThat(w).contains("Word only").contains("Word file"));
		assertThat(report.skipped()).hasSize(3)
			.anySatisfy(s -> assertThat(s).contains("'RTF only'").contains("notes.rtf").contains("RTF"))
			.anySatisfy(s -> assertThat(s).contains("'Damaged Word'").contains("damaged.docx").contains("cannot be read"))
			.anySatisfy(s -> assertThat(s).contains("'Nothing at all'").contains("no text found in the archive"));
	}

}

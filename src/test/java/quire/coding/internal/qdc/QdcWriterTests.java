package quire.coding.internal.qdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xml.sax.SAXException;

/**
 * The writer: its files read back to equal codebooks, follow the schema's element order and validate against the
 * codebook schema derived from the official {@code Project.xsd}.
 */
final class QdcWriterTests {

	private static final String REACH = "0d6f1a2b-0000-4000-8000-000000000001";

	private static final String LATE = "0d6f1a2b-0000-4000-8000-000000000002";

	private static final String EARLY = "0d6f1a2b-0000-4000-8000-000000000003";

	private static final String NESTED = "0d6f1a2b-0000-4000-8000-000000000004";

	private static final String OTHER = "0d6f1a2b-0000-4000-8000-000000000005";

	private static final String BARRIER = "0d6f1a2b-0000-4000-8000-000000000010";

	private static final String EMPTY_SET = "0d6f1a2b-0000-4000-8000-000000000011";

	static QdcCodebook book() {
		QdcCode nested = new QdcCode(NESTED, "Waiting lists", null, true, null, List.of());
		QdcCode late = new QdcCode(LATE, "Late contact in the sick-leave spell", "#0B4F7C", true,
				"Contact comes late.\n\nInclude: waiting lists.\nExclude: workload.\nExample: \"Too late.\"",
				List.of(nested));
		QdcCode early = QdcCode.leaf(EARLY, "Early, proactive contact", "#7FB8E0", null);
		QdcCode reach = new QdcCode(REACH, "Reach", "#1F77B4", false, "Who is reached, and when.", List.of(late, early));
		QdcCode other = QdcCode.leaf(OTHER, "Spécial <&> \"quotes\" 'and' ]]> – ☕ 𝄞", null,
				"Tabs\tand <markup> & ]]> survive.\nSecond line.");
		return new QdcCodebook("Quire", List.of(reach, other),
				List.of(new QdcSet(BARRIER, "Barrier", "Hinders the follow-up.", List.of(LATE, NESTED)),
						new QdcSet(EMPTY_SET, "Empty", null, List.of())));
	}

	private static QdcCodebook readBack(byte[] bytes) {
		return QdcReader.read("written.qdc", new ByteArrayInputStream(bytes));
	}

	@Test
	void roundTripGivesAnEqualCodebook() {
		QdcCodebook book = book();

		assertThat(readBack(QdcWriter.write(book))).isEqualTo(book);
	}

	@ParameterizedTest
	@ValueSource(strings = { "maxqda.qdc", "atlasti.qdc", "nvivo.qdc", "qualcoder.qdc", "empty.qdc" })
	void roundTripsTheFilesOfOtherTools(String sample) {
		QdcCodebook book = Samples.sample(sample);

		assertThat(readBack(QdcWriter.write(book))).isEqualTo(book);
	}

	@Test
	void roundTripsTheShippedCodebook() {
		QdcCodebook book = Samples.reAim();

		assertThat(readBack(QdcWriter.write(book))).isEqualTo(book);
	}

	@Test
	void writesPrettyPrintedUtf8WithNamespaceAndOrigin() {
		String xml = new String(QdcWriter.write(book()), StandardCharsets.UTF_8);

		assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
				+ "<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\" origin=\"Quire\">\n\t<Codes>\n\t\t<Code guid=\"" + REACH
				+ "\" name=\"Reach\" isCodable=\"false\" color=\"#1F77B4\">\n\t\t\t<Description>Who is reached, and when.</Description>\n");
		assertThat(xml).contains("\t\t\t\t<Code guid=\"" + NESTED + "\" name=\"Waiting lists\" isCodable=\"true\"/>\n");
		assertThat(xml).contains("☕ 𝄞").contains("&lt;&amp;&gt;");
		assertThat(xml).contains("<Description>Contact comes late.\n\nInclude: waiting lists.\nExclude: workload.\n");
		assertThat(xml).endsWith("\t</Sets>\n</CodeBook>\n");
	}

	@Test
	void writesDescriptionBeforeNestedCodesAndMembersAfterTheSetDescription() {
		String xml = new String(QdcWriter.write(book()), StandardCharsets.UTF_8);

		assertThat(xml.indexOf("<Description>Contact comes late.")).isLessThan(xml.indexOf("name=\"Waiting lists\""));
		assertThat(xml.indexOf("<Description>Who is reached")).isLessThan(xml.indexOf("guid=\"" + LATE));
		assertThat(xml).contains("<Set guid=\"" + BARRIER + "\" name=\"Barrier\">\n\t\t\t<Description>Hinders the follow-up.</Description>\n"
				+ "\t\t\t<MemberCode targetGUID=\"" + LATE + "\"/>\n\t\t\t<MemberCode targetGUID=\"" + NESTED + "\"/>\n\t\t</Set>");
		assertThat(xml).contains("<Set guid=\"" + EMPTY_SET + "\" name=\"Empty\"/>");
	}

	@Test
	void omitsSetsWhenThereAreNone() {
		QdcCodebook book = new QdcCodebook("Quire", book().codes(), List.of());

		String xml = new String(QdcWriter.write(book), StandardCharsets.UTF_8);

		assertThat(xml).doesNotContain("Sets");
		assertThat(readBack(xml.getBytes(StandardCharsets.UTF_8))).isEqualTo(book);
	}

	@Test
	void writesAnEmptyCodebookThatReadsBack() {
		QdcCodebook empty = new QdcCodebook("", List.of(), List.of());

		String xml = new String(QdcWriter.write(empty), StandardCharsets.UTF_8);

		assertThat(xml).contains("<Codes/>").contains("origin=\"\"");
		assertThat(readBack(xml.getBytes(StandardCharsets.UTF_8))).isEqualTo(empty);
	}

	@Test
	void outputValidatesAgainstTheCodebookSchemaDerivedFromProjectXsd() {
		assertThatCode(() -> CodebookSchema.validate(QdcWriter.write(book()))).doesNotThrowAnyException();
		for (String sample : List.of("maxqda.qdc", "atlasti.qdc", "nvivo.qdc", "qualcoder.qdc")) {
			assertThatCode(() -> CodebookSchema.validate(QdcWriter.write(Samples.sample(sample))))
					.as(sample).doesNotThrowAnyException();
		}
	}

	@Test
	void schemaCatchesWhatTheWriterMustNotDo() {
		String outOfOrder = """
				<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="x"><Codes>
				<Code guid="%s" name="A" isCodable="true"><Code guid="%s" name="B" isCodable="true"/><Description>late</Description></Code>
				</Codes></CodeBook>""".formatted(REACH, LATE);
		String memberByGuid = """
				<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="%s" name="A" isCodable="true"/></Codes>
				<Sets><Set guid="%s" name="S"><MemberCode guid="%s"/></Set></Sets></CodeBook>""".formatted(REACH, BARRIER, REACH);

		assertThatThrownBy(() -> CodebookSchema.validate(outOfOrder.getBytes(StandardCharsets.UTF_8)))
				.isInstanceOf(SAXException.class);
		assertThatThrownBy(() -> CodebookSchema.validate(memberByGuid.getBytes(StandardCharsets.UTF_8)))
				.isInstanceOf(SAXException.class);
	}
}

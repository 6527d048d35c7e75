package quire.coding.internal.qdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static quire.coding.internal.qdc.Samples.sample;
import static quire.coding.internal.qdc.Samples.text;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader on codebooks in the style of MAXQDA, ATLAS.ti, NVivo and QualCoder, and on every kind of file it must
 * refuse: each refusal names the file, the line and the reason, and hostile files leak nothing.
 */
final class QdcReaderTests {

	private static final String OPEN = """
			<?xml version="1.0" encoding="UTF-8"?>
			<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Test">
			""";

	private static final String GUID_1 = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";

	private static final String GUID_2 = "3f2504e0-4f89-11d3-9a0c-0305e82c3302";

	private static AbstractThrowableAssert<?, ? extends Throwable> assertRefused(String xml) {
		return assertThatThrownBy(() -> text("bad.qdc", xml)).isInstanceOf(QdcFormatException.class);
	}

	private static QdcFormatException refusal(String xml) {
		try {
			text("bad.qdc", xml);
		}
		catch (QdcFormatException e) {
			return e;
		}
		throw new AssertionError("not refused");
	}

	// ---- what other tools write ----

	@Test
	void readsGuidsInBracesAndUpperCaseAsMaxqdaWritesThem() {
		QdcCodebook book = sample("maxqda.qdc");

		assertThat(book.origin()).isEqualTo("MAXQDA 2022 (Release 22.5.0)");
		assertThat(book.allCodes()).extracting(QdcCode::guid).containsExactly(
				"8e1b0a5c-3b6f-4e0a-9f6d-2c1a7d4e5b01", "8e1b0a5c-3b6f-4e0a-9f6d-2c1a7d4e5b02",
				"8e1b0a5c-3b6f-4e0a-9f6d-2c1a7d4e5b03", "8e1b0a5c-3b6f-4e0a-9f6d-2c1a7d4e5b04",
				"8e1b0a5c-3b6f-4e0a-9f6d-2c1a7d4e5b05");
		assertThat(book.allCodes()).extracting(QdcCode::color)
				.containsExactly("#FF0000", "#FF8080", "#FF8040", "#008000", "#80FF80");
		QdcCode facilitators = book.codes().get(1);
		assertThat(facilitators.name()).isEqualTo("Facilitators");
		assertThat(facilitators.codable()).isFalse();
		assertThat(facilitators.description()).isEqualTo("Anything that makes MI easier to use.");
		assertThat(facilitators.children()).extracting(QdcCode::name).containsExactly("Peer support");
		assertThat(book.sets()).isEmpty();
	}

	@Test
	void readsThreeDigitAndMissingColoursAndSetsAsAtlasTiWritesThem() {
		QdcCodebook book = sample("atlasti.qdc");

		assertThat(book.allCodes()).extracting(QdcCode::color)
				.containsExactly("#FF8800", "#33AA77", null, "#ABCDEF", null);
		assertThat(book.sets()).extracting(QdcSet::name).containsExactly("Adoption", "Empty group", "Documents only");
		QdcSet adoption = book.sets().getFirst();
		assertThat(adoption.guid()).isEqualTo("a1b2c3d4-0002-4000-8000-000000000001");
		assertThat(adoption.description()).isEqualTo("Code group: all codes about adoption.");
		assertThat(adoption.memberCodeGuids()).containsExactly("a1b2c3d4-0001-4000-8000-000000000001",
				"a1b2c3d4-0001-4000-8000-000000000002");
		assertThat(book.sets().get(1).memberCodeGuids()).isEmpty();
		assertThat(book.sets().get(2).memberCodeGuids()).as("source members are skipped").isEmpty();
	}

	@Test
	void readsDeepNestingAndDescriptionsAsNvivoWritesThem() {
		QdcCodebook book = sample("nvivo.qdc");

		QdcCode organisation = book.codes().getFirst();
		assertThat(organisation.codable()).isFalse();
		assertThat(organisation.description()).isEqualTo("Everything about the welfare office as an organisation.");
		QdcCode leadership = organisation.children().getFirst();
		assertThat(leadership.description())
				.isEqualTo("Leaders and how they act.\n\nInclude: managers, team leaders.\nExclude: colleagues.");
		QdcCode deepest = leadership.children().getFirst().children().getFirst().children().getFirst().children()
				.getFirst();
		assertThat(deepest.name()).isEqualTo("Cancelled when busy");
		assertThat(deepest.color()).isEqualTo("#102030");
		assertThat(leadership.children().getFirst().children().getFirst().children().getFirst().description())
				.as("blanks around a description are stripped")
				.isEqualTo("Hours reserved in the calendar for MI practice.");
		assertThat(organisation.children().get(1).description()).as("an empty Description is no description")
				.isNull();
		assertThat(book.allCodes()).hasSize(7).allSatisfy(code -> assertThat(code.color()).isIn(null, "#102030"));
	}

	@Test
	void readsCodesWithoutIsCodableAsCodableAsQualCoderWritesThem() {
		QdcCodebook book = sample("qualcoder.qdc");

		assertThat(book.origin()).isEqualTo("QualCoder 3.5");
		assertThat(book.allCodes()).extracting(QdcCode::codable).containsOnly(true);
		assertThat(book.allCodes()).extracting(QdcCode::name).containsExactly("heard", "category", "sub <one>");
		assertThat(book.codes().getFirst().description()).isEqualTo("Worker feels listened to & respected.");
		assertThat(book.codes().get(1).children()).hasSize(1);
	}

	@Test
	void readsAnEmptyCodebookWithoutOrigin() {
		QdcCodebook book = sample("empty.qdc");

		assertThat(book).isEqualTo(new QdcCodebook("", List.of(), List.of()));
	}

	@Test
	void readsSetMembersGivenByGuidAttributeAndKeepsRepeatedMembersOnce() {
		QdcCodebook book = text("sets.qdc", OPEN + """
				<Codes><Code guid="%s" name="A" isCodable="true"/></Codes>
				<Sets><Set guid="%s" name="S">
					<MemberCode guid="{%s}"/>
					<MemberCode targetGUID="%s"/>
				</Set></Sets>
				</CodeBook>
				""".formatted(GUID_1, GUID_2, GUID_1.toUpperCase(), GUID_1));

		assertThat(book.sets().getFirst().memberCodeGuids()).containsExactly(GUID_1);
	}

	@Test
	void readsAUtf8FileWithByteOrderMarkAndAccents() {
		byte[] body = (OPEN + """
				<Codes><Code guid="%s" name="Tilbakeføring til arbeid – «tidlig»" isCodable="1"/></Codes>
				</CodeBook>
				""".formatted(GUID_1)).getBytes(StandardCharsets.UTF_8);
		byte[] withBom = new byte[body.length + 3];
		withBom[0] = (byte) 0xEF;
		withBom[1] = (byte) 0xBB;
		withBom[2] = (byte) 0xBF;
		System.arraycopy(body, 0, withBom, 3, body.length);

		QdcCodebook book = QdcReader.read("bom.qdc", new ByteArrayInputStream(withBom));

		assertThat(book.codes().getFirst().name()).isEqualTo("Tilbakeføring til arbeid – «tidlig»");
	}

	@Test
	void readsCodesNestedTwoHundredLevelsDeep() {
		StringBuilder xml = new StringBuilder(OPEN).append("<Codes>\n");
		for (int i = 0; i < 200; i++) {
			xml.append("<Code guid=\"%08x-0000-4000-8000-000000000000\" name=\"Level %d\">\n".formatted(i, i + 1));
		}
		xml.append("</Code>\n".repeat(200)).append("</Codes></CodeBook>\n");

		QdcCodebook book = text("deep.qdc", xml.toString());

		QdcCode code = book.codes().getFirst();
		int depth = 1;
		while (!code.children().isEmpty()) {
			code = code.children().getFirst();
			depth++;
		}
		assertThat(depth).isEqualTo(200);
		assertThat(code.name()).isEqualTo("Level 200");
	}

	@Test
	void ignoresElementsFromOtherNamespacesAndNoteReferences() {
		QdcCodebook book = text("extra.qdc", OPEN + """
				<Codes xmlns:x="urn:example:extension">
					<x:Code guid="not a guid" name=""/>
					<Code guid="%s" name="A" x:weight="3">
						<NoteRef targetGUID="%s"/>
						<x:Description>not ours</x:Description>
					</Code>
				</Codes>
				</CodeBook>
				""".formatted(GUID_1, GUID_2));

		assertThat(book.codes()).containsExactly(new QdcCode(GUID_1, "A", null, true, null, List.of()));
	}

	// ---- refusals ----

	@Test
	void refusesTextThatIsNotXml() {
		assertRefused("Code,Name,Colour\n1,Reach,#ff0000\n").hasMessageStartingWith("bad.qdc line 1: not well-formed XML");
	}

	@Test
	void refusesAZipArchiveSayingItIsNotACodebook() {
		byte[] zip = { 'P', 'K', 3, 4, 20, 0, 0, 0 };

		assertThatThrownBy(() -> QdcReader.read("project.qdpx", new ByteArrayInputStream(zip)))
				.isInstanceOf(QdcFormatException.class)
				.hasMessage("project.qdpx: this is a ZIP archive (perhaps a .qdpx project), not a .qdc codebook");
	}

	@Test
	void refusesAnEmptyFile() {
		assertRefused("").hasMessageStartingWith("bad.qdc").hasMessageContaining("not well-formed XML");
	}

	@Test
	void refusesMalformedXmlWithTheLine() {
		QdcFormatException e = refusal(OPEN + """
				<Codes>
					<Code guid="%s" name="A">
				</Codes>
				</CodeBook>
				""".formatted(GUID_1));

		assertThat(e.fileName()).isEqualTo("bad.qdc");
		assertThat(e.line()).isEqualTo(5);
		assertThat(e).hasMessageStartingWith("bad.qdc line 5: not well-formed XML");
	}

	@Test
	void refusesADoctypeWithAnExternalEntityAndLeaksNothing() {
		assertThatThrownBy(() -> sample("xxe.qdc")).isInstanceOf(QdcFormatException.class)
				.hasMessage("xxe.qdc line 2: DOCTYPE declarations are not allowed in a codebook"
						+ " (they can pull in external files)")
				.hasMessageNotContaining("root:");
	}

	@Test
	void refusesAnExternalEntityPointingAtALocalFile(@TempDir Path dir) throws IOException {
		Path secret = dir.resolve("secret.txt");
		Files.writeString(secret, "TOP-SECRET-42");
		String xml = """
				<?xml version="1.0"?>
				<!DOCTYPE CodeBook [<!ENTITY leak SYSTEM "%s">]>
				<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>
				<Code guid="%s" name="&leak;" isCodable="true"><Description>&leak;</Description></Code>
				</Codes></CodeBook>
				""".formatted(secret.toUri(), GUID_1);

		QdcFormatException e = refusal(xml);

		assertThat(e.reason()).contains("DOCTYPE");
		assertThat(e).hasMessageNotContaining("TOP-SECRET-42");
		assertThat(e.getCause()).hasMessageNotContaining("TOP-SECRET-42");
	}

	@Test
	void refusesInternalEntityExpansionBombs() {
		String xml = """
				<?xml version="1.0"?>
				<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
				<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes/></CodeBook>
				""";

		assertRefused(xml).hasMessageContaining("DOCTYPE");
	}

	@Test
	void doesNotFollowXInclude(@TempDir Path dir) throws IOException {
		Path secret = dir.resolve("secret.txt");
		Files.writeString(secret, "TOP-SECRET-42");
		QdcCodebook book = text("xinclude.qdc", OPEN + """
				<Codes><Code guid="%s" name="A"><Description xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include href="%s" parse="text"/></Description></Code></Codes>
				</CodeBook>
				""".formatted(GUID_1, secret.toUri()));

		assertThat(book.codes().getFirst().description()).isNull();
	}

	@Test
	void refusesAWrongRootElement() {
		assertRefused("<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"p\"/>")
				.hasMessageStartingWith("bad.qdc line 1: root element is Project, expected CodeBook")
				.hasMessageContaining("project file");
		assertRefused("<html><body/></html>").hasMessage("bad.qdc line 1: root element is html, expected CodeBook");
	}

	@Test
	void refusesAWrongNamespaceSayingWhichWasFoundAndWhichIsExpected() {
		assertRefused("""
				<?xml version="1.0"?>
				<CodeBook xmlns="urn:QDA-XML:project:1.0"><Codes/></CodeBook>
				""").hasMessage("bad.qdc line 2: root element CodeBook is in namespace urn:QDA-XML:project:1.0,"
				+ " expected namespace urn:QDA-XML:codebook:1.0");
		assertRefused("<CodeBook><Codes/></CodeBook>").hasMessage(
				"bad.qdc line 1: root element CodeBook is in no namespace, expected namespace urn:QDA-XML:codebook:1.0");
	}

	@Test
	void refusesACodebookWithoutCodes() {
		assertRefused(OPEN + "<Sets/>\n</CodeBook>")
				.hasMessage("bad.qdc line 2: missing Codes element in CodeBook");
	}

	@Test
	void refusesACodeWithoutGuid() {
		assertRefused(OPEN + """
				<Codes>
					<Code name="Reach" isCodable="true"/>
				</Codes></CodeBook>
				""").hasMessage("bad.qdc line 4: code 'Reach' has no GUID");
	}

	@Test
	void refusesACodeWithoutName() {
		assertRefused(OPEN + """
				<Codes>
					<Code guid="%s" isCodable="true"/>
				</Codes></CodeBook>
				""".formatted(GUID_1)).hasMessage("bad.qdc line 4: code without a name (GUID " + GUID_1 + ")");
		assertRefused(OPEN + "<Codes><Code guid=\"%s\" name=\"  \"/></Codes></CodeBook>".formatted(GUID_1))
				.hasMessageContaining("code without a name");
	}

	@Test
	void refusesAFormulaLookingCodeOrSetNameByTheRuleEveryImporterUses() {
		assertRefused(OPEN + "<Codes>\n<Code guid=\"%s\" name=\"=HYPERLINK(&quot;http://x&quot;)\"/></Codes></CodeBook>"
				.formatted(GUID_1))
			.hasMessage("bad.qdc line 4: the name of a code: \"=HYPERLINK(\"http://x\")\" looks like a spreadsheet"
					+ " formula and would run as one in an exported table; rename the code");
		assertRefused(OPEN + "<Codes><Code guid=\"%s\" name=\"-(1)\"/></Codes></CodeBook>".formatted(GUID_1))
			.hasMessageContaining("\"-(1)\" looks like a spreadsheet formula");
		assertRefused(OPEN + "<Codes><Code guid=\"%s\" name=\"A\"/></Codes><Sets><Set guid=\"%s\" name=\"+cmd\"/></Sets></CodeBook>"
				.formatted(GUID_1, GUID_2)).hasMessageContaining("the name of a set: \"+cmd\"");
	}

	@Test
	void refusesAnInvalidGuid() {
		assertRefused(OPEN + "<Codes>\n<Code guid=\"3f2504e0-4f89-11d3-9a0c\" name=\"Reach\"/></Codes></CodeBook>")
				.hasMessage("bad.qdc line 4: invalid GUID '3f2504e0-4f89-11d3-9a0c' of code 'Reach'"
						+ " (expected 8-4-4-4-12 hexadecimal digits, optionally in braces)");
		assertRefused(OPEN + "<Codes><Code guid=\"{%s\" name=\"Reach\"/></Codes></CodeBook>".formatted(GUID_1))
				.as("unbalanced brace").hasMessageContaining("invalid GUID");
		assertRefused(OPEN + "<Codes><Code guid=\"%s\" name=\"A\"/></Codes><Sets><Set guid=\"x\" name=\"S\"/></Sets></CodeBook>"
				.formatted(GUID_1)).hasMessageContaining("invalid GUID 'x' of set 'S'");
	}

	@Test
	void refusesAnInvalidColour() {
		assertRefused(OPEN + "<Codes>\n<Code guid=\"%s\" name=\"Reach\" color=\"red\"/></Codes></CodeBook>"
				.formatted(GUID_1))
				.hasMessage("bad.qdc line 4: invalid colour 'red' of code 'Reach' (expected #RRGGBB or #RGB)");
		assertRefused(OPEN + "<Codes><Code guid=\"%s\" name=\"Reach\" color=\"#12345\"/></Codes></CodeBook>"
				.formatted(GUID_1)).hasMessageContaining("invalid colour '#12345'");
	}

	@Test
	void refusesAnInvalidIsCodable() {
		assertRefused(OPEN + "<Codes><Code guid=\"%s\" name=\"Reach\" isCodable=\"yes\"/></Codes></CodeBook>"
				.formatted(GUID_1)).hasMessageContaining("invalid isCodable 'yes' of code 'Reach'");
	}

	@Test
	void refusesDuplicateGuidsWrittenDifferently() {
		assertRefused(OPEN + """
				<Codes>
					<Code guid="%s" name="A">
						<Code guid="{%s}" name="B"/>
					</Code>
				</Codes></CodeBook>
				""".formatted(GUID_1, GUID_1.toUpperCase()))
				.hasMessage("bad.qdc line 5: duplicate GUID " + GUID_1 + " of code 'B' (first used on line 4)");
	}

	@Test
	void refusesASetWithTheGuidOfACode() {
		assertRefused(OPEN + """
				<Codes><Code guid="%s" name="A"/></Codes>
				<Sets><Set guid="%s" name="S"/></Sets>
				</CodeBook>
				""".formatted(GUID_1, GUID_1)).hasMessageContaining("duplicate GUID " + GUID_1 + " of set 'S'");
	}

	@Test
	void refusesASetMemberThatIsAnUnknownCode() {
		assertRefused(OPEN + """
				<Codes><Code guid="%s" name="A"/></Codes>
				<Sets><Set guid="%s" name="Barrier">
					<MemberCode targetGUID="%s"/>
					<MemberCode targetGUID="3f2504e0-4f89-11d3-9a0c-0305e82c3399"/>
				</Set></Sets>
				</CodeBook>
				""".formatted(GUID_1, GUID_2, GUID_1))
				.hasMessage("bad.qdc line 6: set 'Barrier' refers to unknown code 3f2504e0-4f89-11d3-9a0c-0305e82c3399");
	}

	@Test
	void refusesMoreThanOneHundredThousandCodes() {
		StringBuilder xml = new StringBuilder(OPEN).append("<Codes>\n");
		for (int i = 0; i <= 100_000; i++) {
			xml.append("<Code guid=\"%08x-0000-4000-8000-000000000000\" name=\"C%d\"/>\n".formatted(i, i));
		}
		xml.append("</Codes></CodeBook>\n");

		assertRefused(xml.toString())
				.hasMessage("bad.qdc line 100004: more than 100000 codes; Quire reads at most 100000");
	}

	@Test
	void readsExactlyOneHundredThousandCodes() {
		StringBuilder xml = new StringBuilder(OPEN).append("<Codes>\n");
		for (int i = 0; i < 100_000; i++) {
			xml.append("<Code guid=\"%08x-0000-4000-8000-000000000000\" name=\"C%d\"/>\n".formatted(i, i));
		}
		xml.append("</Codes></CodeBook>\n");

		assertThat(text("big.qdc", xml.toString()).codes()).hasSize(100_000);
	}

	@Test
	void refusesCodesNestedDeeperThanTheLimit() {
		int levels = QdcValues.MAX_CODE_DEPTH + 1;
		StringBuilder xml = new StringBuilder(OPEN).append("<Codes>\n");
		for (int i = 0; i < levels; i++) {
			xml.append("<Code guid=\"%08x-0000-4000-8000-000000000000\" name=\"L%d\">\n".formatted(i, i));
		}
		xml.append("</Code>\n".repeat(levels)).append("</Codes></CodeBook>\n");

		assertRefused(xml.toString()).hasMessageContaining("codes nested deeper than " + QdcValues.MAX_CODE_DEPTH);
	}
}

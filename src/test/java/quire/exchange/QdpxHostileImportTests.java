package quire.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static quire.exchange.QdpxFixtures.fill;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import quire.coding.Code;
import quire.corpus.DocumentSummary;
import quire.exchange.QdpxFixtures.Archive;
import quire.project.Project;

/**
 * Malformed and hostile .qdpx files. What is wrong with the archive as a whole (not a ZIP, no
 * project.qde, broken or hostile XML, unsafe entry names, too many or too large entries) fails the
 * import with an {@link IllegalArgumentException} naming the file and the reason, and no project is
 * created. What is wrong with one item (a source file missing from the archive, a coding with an
 * unknown code or a range outside its text) skips that item and reports it; the rest is imported.
 */
class QdpxHostileImportTests extends QdpxTestSupport {

	static final String TEXT = """
			Moderator: What got in the way of coming back to work?
			Participant 4: The commute, and too many cases waiting for me.""";

	// ---- the whole import fails ---------------------------------------------------------------

	@Test
	void notAZip() {
		rejects("notes.qdpx", "Moderator: this is a text file, not a .qdpx".getBytes(StandardCharsets.UTF_8), "zip",
				"archive");
		rejects("empty.qdpx", new byte[0], "zip", "archive", "empty");
	}

	@Test
	void aZipWithoutProjectQde() {
		rejects("no-project.qdpx", new Archive().put("Sources/a.txt", TEXT).zip(), "project.qde");
		// a Word document is a ZIP too
		rejects("renamed.qdpx", QdpxFixtures.docx(TEXT), "project.qde");
	}

	@Test
	void malformedXml() {
		rejects("broken.qdpx", qde("""
				<?xml version="1.0" encoding="utf-8"?>
				<Project xmlns="urn:QDA-XML:project:1.0" name="Broken">
				  <CodeBook><Codes>
				    <Code guid="00000000-0000-4000-8000-0000000000a1" name="Workload" isCodable="true">
				  </Codes></CodeBook>
				</Project>
				"""), "xml", "malformed", "well-formed", "line");
	}

	@ParameterizedTest
	@ValueSource(strings = { "urn:QDA-XML:codebook:1.0", "http://example.org/project", "" })
	void wrongRootNamespace(String namespace) {
		String xmlns = namespace.isEmpty() ? "" : " xmlns=\"" + namespace + "\"";
		rejects("namespace.qdpx", qde("<?xml version=\"1.0\"?>\n<Project" + xmlns + " name=\"Wrong\"/>\n"), "namespace",
				"urn:qda-xml:project:1.0");
	}

	@Test
	void aDoctypeWithAnExternalEntityIsRefusedAndNothingLeaks(@TempDir Path dir) throws IOException {
		String secret = "QUIRE-SECRET-" + UUID.randomUUID();
		Path file = Files.writeString(dir.resolve("secret.txt"), secret);
		String uri = file.toUri().toString();
		Map<String, byte[]> variants = new LinkedHashMap<>();
		variants.put("xxe.qdpx", qde("""
				<?xml version="1.0" encoding="utf-8"?>
				<!DOCTYPE Project [ <!ENTITY secret SYSTEM "%s"> ]>
				<Project xmlns="urn:QDA-XML:project:1.0" name="&secret;">
				  <CodeBook><Codes>
				    <Code guid="00000000-0000-4000-8000-0000000000a1" name="&secret;" isCodable="true" color="#D62728"/>
				  </Codes></CodeBook>
				  <Sources>
				    <TextSource guid="00000000-0000-4000-8000-000000000001" name="Leak">
				      <PlainTextContent>Moderator: &secret;
				Participant 1: Thanks.</PlainTextContent>
				    </TextSource>
				  </Sources>
				</Project>
				""".formatted(uri)));
		variants.put("xxe-dtd.qdpx", qde("""
				<?xml version="1.0" encoding="utf-8"?>
				<!DOCTYPE Project SYSTEM "%s">
				<Project xmlns="urn:QDA-XML:project:1.0" name="Leak"/>
				""".formatted(uri)));
		variants.put("xxe-parameter.qdpx", qde("""
				<?xml version="1.0" encoding="utf-8"?>
				<!DOCTYPE Project [ <!ENTITY %% file SYSTEM "%s"> %%file; ]>
				<Project xmlns="urn:QDA-XML:project:1.0" name="Leak"/>
				""".formatted(uri)));
		variants.put("laughs.qdpx", qde("""
				<?xml version="1.0" encoding="utf-8"?>
				<!DOCTYPE Project [
				  <!ENTITY a "hahahahahahahahahaha">
				  <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
				  <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
				  <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
				  <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
				  <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
				  <!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">
				]>
				<Project xmlns="urn:QDA-XML:project:1.0" name="&g;"/>
				"""));

		for (var v : variants.entrySet()) {
			Throwable thrown = rejects(v.getKey(), v.getValue(), "doctype", "dtd", "entit");
			for (Throwable t = thrown; t != null; t = t.getCause()) {
				assertThat(String.valueOf(t.getMessage())).as("message of %s", t).doesNotContain(secret);
			}
		}
		for (Project p : projects.list()) {
			assertThat(p.name()).doesNotContain(secret);
			assertThat(codebook.codes(p.id())).extracting(Code::name).noneMatch(n -> n.contains(secret));
			for (DocumentSummary d : corpus.documents(p.id())) {
				assertThat(corpus.transcript(d.id()).orElseThrow().text()).doesNotContain(secret);
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "../evil.txt", "Sources/../../evil.txt", "/tmp/evil.txt", "..\\..\\evil.txt" })
	void anEntryNameThatClimbsOutOfTheArchive(String entry) {
		String qde = fill("""
				<?xml version="1.0" encoding="utf-8"?>
				<Project xmlns="urn:QDA-XML:project:1.0" name="Slip">
				  <Sources>
				    <TextSource guid="00000000-0000-4000-8000-000000000001" name="Fine">
				      <PlainTextContent>{{text: t}}</PlainTextContent>
				    </TextSource>
				  </Sources>
				</Project>
				""", Map.of("t", TEXT));
		byte[] archive = new Archive().put("project.qde", qde).put(entry, TEXT).zip();
		rejects("slip.qdpx", archive, entry.toLowerCase(Locale.ROOT), "outside", "unsafe", "traversal", "path");
	}

	@Test
	void tooManyEntries() {
		var bytes = new ByteArrayOutputStream();
		try (var zip = new ZipOutputStream(bytes)) {
			zip.putNextEntry(new ZipEntry("project.qde"));
			zip.write(emptyProject().getBytes(StandardCharsets.UTF_8));
			for (int i = 0; i < QdpxService.MAX_ENTRIES; i++) {
				zip.putNextEntry(new ZipEntry("Sources/" + i + ".txt"));
				zip.write('x');
			}
		}
		catch (IOException ex) {
			throw new AssertionError(ex);
		}
		// MAX_ENTRIES + 1 entries in all
		rejects("crowded.qdpx", bytes.toByteArray(), "entries", "too many", "10000", "10 000", "10,000");
	}

	/**
	 * One highly compressible entry that inflates to more than MAX_ENTRY_BYTES (its size is declared in
	 * the central directory, and the data really is that long), read as the second source, after the
	 * first was fine. The archive is about 200 kB; the implementation must stop reading at the limit.
	 */
	@Test
	void anEntryThatInflatesBeyondTheLimit() {
		String qde = fill("""
				<?xml version="1.0" encoding="utf-8"?>
				<Project xmlns="urn:QDA-XML:project:1.0" name="Bomb">
				  <Sources>
				    <TextSource guid="00000000-0000-4000-8000-000000000001" name="Fine">
				      <PlainTextContent>{{text: t}}</PlainTextContent>
				    </TextSource>
				    <TextSource guid="00000000-0000-4000-8000-000000000002" name="Bomb" plainTextPath="internal://bomb.txt"/>
				  </Sources>
				</Project>
				""", Map.of("t", TEXT));
		byte[] archive = QdpxFixtures.zipWithZeros(qde, Map.of("Sources/bomb.txt", QdpxService.MAX_ENTRY_BYTES + 1));
		assertThat(archive.length).isLessThan(1 << 20);
		rejects("bomb.qdpx", archive, "uncompress", "too large", "larger", "exceed", "limit", "bomb", "size");
	}

	/** Entries each below MAX_ENTRY_BYTES that together inflate to more than MAX_TOTAL_BYTES. */
	@Test
	void entriesThatTogetherInflateBeyondTheLimit() {
		long each = QdpxService.MAX_ENTRY_BYTES - 1;
		int n = (int) (QdpxService.MAX_TOTAL_BYTES / each) + 1;
		StringBuilder sources = new StringBuilder();
		Map<String, Long> entries = new LinkedHashMap<>();
		for (int i = 1; i <= n; i++) {
			sources.append("    <TextSource guid=\"00000000-0000-4000-8000-00000000000%d\" name=\"Part %d\" plainTextPath=\"internal://part-%d.txt\"/>\n"
				.formatted(i, i, i));
			entries.put("Sources/part-" + i + ".txt", each);
		}
		String qde = """
				<?xml version="1.0" encoding="utf-8"?>
				<Project xmlns="urn:QDA-XML:project:1.0" name="Bombs">
				  <Sources>
				%s  </Sources>
				</Project>
				""".formatted(sources);
		byte[] archive = QdpxFixtures.zipWithZeros(qde, entries);
		rejects("bombs.qdpx", archive, "uncompress", "too large", "larger", "exceed", "limit", "bomb", "size");
	}

	/** Codes nested absurdly deep: refused with a message, never a StackOverflowError. */
	@ParameterizedTest
	@ValueSource(ints = { 600, 50_000 })
	void codesNestedTooDeep(int depth) {
		StringBuilder codes = new StringBuilder();
		for (int i = 0; i < depth; i++) {
			codes.append("<Code guid=\"00000000-0000-4000-8000-%012x\" name=\"Level %d\" isCodable=\"true\">".formatted(i, i));
		}
		codes.append("</Code>".repeat(depth));
		String qde = """
				<?xml version="1.0" encoding="utf-8"?>
				<Project xmlns="urn:QDA-XML:project:1.0" name="Deep">
				  <CodeBook><Codes>%s</Codes></CodeBook>
				</Project>
				""".formatted(codes);
		rejects("deep.qdpx", qde(qde), "deep", "nested", "depth", "levels");
	}

	// ---- one item is skipped and reported -----------------------------------------------------

	@Test
	void aSourceWhoseFileIsMissingIsSkippedAndReported() {
		String qde = fill("""
				<?xml version="1.0" encoding="utf-8"?>
				<Project xmlns="urn:QDA-XML:project:1.0" name="Missing">
				  <CodeBook><Codes>
				    <Code guid="00000000-0000-4000-8000-0000000000a1" name="Workload" isCodable="true" color="#D62728"/>
				  </Codes></CodeBook>
				  <Sources>
				    <TextSource guid="00000000-0000-4000-8000-000000000001" name="Present interview" plainTextPath="internal://present.txt">
				      <PlainTextSelection guid="00000000-0000-4000-8000-000000000011" {{t: too many cases}}>
				        <Coding guid="00000000-0000-4000-8000-000000000021"><CodeRef targetGUID="00000000-0000-4000-8000-0000000000a1"/></Coding>
				      </PlainTextSelection>
				    </TextSource>
				    <TextSource guid="00000000-0000-4000-8000-000000000002" name="Lost interview" plainTextPath="internal://lost-interview.txt">
				      <PlainTextSelection guid="00000000-0000-4000-8000-000000000012" startPosition="0" endPosition="9">
				        <Coding guid="00000000-0000-4000-8000-000000000022"><CodeRef targetGUID="00000000-0000-4000-8000-0000000000a1"/></Coding>
				      </PlainTextSelection>
				    </TextSource>
				  </Sources>
				</Project>
				""", Map.of("t", TEXT));
		byte[] archive = new Archive().put("project.qde", qde).put("Sources/present.txt", TEXT).zip();

		QdpxReport report = imports("missing.qdpx", archive);

		assertThat(report.sources()).isEqualTo(1);
		assertThat(report.codings()).isEqualTo(1);
		assertThat(report.skipped()).singleElement()
			.satisfies(s -> assertThat(s).contains("Lost interview").contains("lost-interview.txt"));
		assertThat(codedText(report.projectId())).containsExactly("Present interview | Workload | imported | too many cases");
	}

	/** A source outside the archive (a path on the exporting computer) is not read, even when it exists here. */
	@Test
	void aSourceOutsideTheArchiveIsSkippedNotRead(@TempDir Path dir) throws IOException {
		String secret = "QUIRE-SECRET-" + UUID.randomUUID();
		Path file = Files.writeString(dir.resolve("outside.txt"), "Moderator: " + secret + "\nParticipant 1: ok\n");
		String qde = fill("""
				<?xml version="1.0" encoding="utf-8"?>
				<Project xmlns="urn:QDA-XML:project:1.0" name="Outside" basePath="%s">
				  <Sources>
				    <TextSource guid="00000000-0000-4000-8000-000000000001" name="Fine">
				      <PlainTextContent>{{text: t}}</PlainTextContent>
				    </TextSource>
				    <TextSource guid="00000000-0000-4000-8000-000000000002" name="Absolute" plainTextPath="%s"/>
				    <TextSource guid="00000000-0000-4000-8000-000000000003" name="Relative" plainTextPath="outside.txt"/>
				  </Sources>
				</Project>
				""".formatted(dir.toUri(), file.toUri()), Map.of("t", TEXT));

		QdpxReport report = imports("outside.qdpx", new Archive().put("project.qde", qde).zip());

		assertThat(report.sources()).isEqualTo(1);
		assertThat(report.skipped()).hasSize(2)
			.anySatisfy(s -> assertThat(s).contains("Absolute"))
			.anySatisfy(s -> assertThat(s).contains("Relative"));
		assertThat(texts(report.projectId())).containsOnlyKeys("Fine");
	}

	@Test
	void aCodingWithAnUnknownCodeIsSkippedAndReported() {
		String qde = fill("""
				<?xml version="1.0" encoding="utf-8"?>
				<Project xmlns="urn:QDA-XML:project:1.0" name="Unknown code">
				  <CodeBook><Codes>
				    <Code guid="00000000-0000-4000-8000-0000000000a1" name="Workload" isCodable="true" color="#D62728"/>
				  </Codes></CodeBook>
				  <Sources>
				    <TextSource guid="00000000-0000-4000-8000-000000000001" name="Interview">
				      <PlainTextContent>{{text: t}}</PlainTextContent>
				      <PlainTextSelection guid="00000000-0000-4000-8000-000000000011" {{t: too many cases}}>
				        <Coding guid="00000000-0000-4000-8000-000000000021"><CodeRef targetGUID="00000000-0000-4000-8000-0000000000a1"/></Coding>
				      </PlainTextSelection>
				      <PlainTextSelection guid="00000000-0000-4000-8000-000000000012" {{t: The commute}}>
				        <Coding guid="00000000-0000-4000-8000-000000000022"><CodeRef targetGUID="deadbeef-0000-4000-8000-0000000000ff"/></Coding>
				      </PlainTextSelection>
				    </TextSource>
				  </Sources>
				</Project>
				""", Map.of("t", TEXT));

		QdpxReport report = imports("unknown-code.qdpx", new Archive().put("project.qde", qde).zip());

		assertThat(report.codes()).isEqualTo(1);
		assertThat(report.codings()).isEqualTo(1);
		assertThat(reported(report)).singleElement()
			.satisfies(s -> assertThat(s).contains("Interview").containsIgnoringCase("code"));
		assertThat(codedText(report.projectId())).containsExactly("Interview | Workload | imported | too many cases");
	}

	@Test
	void aSelectionOutsideItsTextIsSkippedAndReported() {
		int length = TEXT.length();
		String qde = fill("""
				<?xml version="1.0" encoding="utf-8"?>
				<Project xmlns="urn:QDA-XML:project:1.0" name="Out of range">
				  <CodeBook><Codes>
				    <Code guid="00000000-0000-4000-8000-0000000000a1" name="Workload" isCodable="true" color="#D62728"/>
				  </Codes></CodeBook>
				  <Sources>
				    <TextSource guid="00000000-0000-4000-8000-000000000001" name="Interview">
				      <PlainTextContent>{{text: t}}</PlainTextContent>
				      <PlainTextSelection guid="00000000-0000-4000-8000-000000000011" {{t: too many cases}}>
				        <Coding guid="00000000-0000-4000-8000-000000000021"><CodeRef targetGUID="00000000-0000-4000-8000-0000000000a1"/></Coding>
				      </PlainTextSelection>
				      <PlainTextSelection guid="00000000-0000-4000-8000-000000000012" startPosition="5" endPosition="%d">
				        <Coding guid="00000000-0000-4000-8000-000000000022"><CodeRef targetGUID="00000000-0000-4000-8000-0000000000a1"/></Coding>
				      </PlainTextSelection>
				      <PlainTextSelection guid="00000000-0000-4000-8000-000000000013" startPosition="-3" endPosition="4">
				        <Coding guid="00000000-0000-4000-8000-000000000023"><CodeRef targetGUID="00000000-0000-4000-8000-0000000000a1"/></Coding>
				      </PlainTextSelection>
				      <PlainTextSelection guid="00000000-0000-4000-8000-000000000014" startPosition="30" endPosition="10">
				        <Coding guid="00000000-0000-4000-8000-000000000024"><CodeRef targetGUID="00000000-0000-4000-8000-0000000000a1"/></Coding>
				      </PlainTextSelection>
				      <PlainTextSelection guid="00000000-0000-4000-8000-000000000015" startPosition="%d" endPosition="%d">
				        <Coding guid="00000000-0000-4000-8000-000000000025"><CodeRef targetGUID="00000000-0000-4000-8000-0000000000a1"/></Coding>
				      </PlainTextSelection>
				    </TextSource>
				  </Sources>
				</Project>
				""".formatted(length + 50, length + 10, length + 20), Map.of("t", TEXT));

		QdpxReport report = imports("out-of-range.qdpx", new Archive().put("project.qde", qde).zip());

		assertThat(report.sources()).isEqualTo(1);
		assertThat(report.codings()).isEqualTo(1);
		// each one is listed with its source, its code and why it does not fit
		assertThat(reported(report)).hasSize(4)
			.allSatisfy(s -> assertThat(s).contains("in 'Interview' coded 'Workload'"))
			.anySatisfy(s -> assertThat(s).contains("[5, " + (length + 50) + ")").contains("ends after the text, which has "
					+ length + " characters"))
			.anySatisfy(s -> assertThat(s).contains("[-3, 4)").contains("starts before the text"))
			.anySatisfy(s -> assertThat(s).contains("[30, 10)").contains("starts after it ends"))
			.anySatisfy(s -> assertThat(s).contains("[" + (length + 10) + ", " + (length + 20) + ")"));
		assertThat(codedText(report.projectId())).containsExactly("Interview | Workload | imported | too many cases");
	}

	/** Thousands of misplaced selections (a tool counting another text) give a report that can still be read. */
	@Test
	void manySelectionsOutsideTheTextAreListedUpToALimitThenCounted() {
		StringBuilder selections = new StringBuilder();
		for (int i = 0; i < 60; i++) {
			selections.append("""
					<PlainTextSelection guid="00000000-0000-4000-8000-0000000%05d" startPosition="%d" endPosition="%d">
					  <Coding guid="00000000-0000-4000-8000-0000001%05d"><CodeRef targetGUID="00000000-0000-4000-8000-0000000000a1"/></Coding>
					</PlainTextSelection>
					""".formatted(i, 1000 + i, 1010 + i, i));
		}
		String qde = fill("""
				<?xml version="1.0" encoding="utf-8"?>
				<Project xmlns="urn:QDA-XML:project:1.0" name="Far out">
				  <CodeBook><Codes>
				    <Code guid="00000000-0000-4000-8000-0000000000a1" name="Workload" isCodable="true" color="#D62728"/>
				  </Codes></CodeBook>
				  <Sources>
				    <TextSource guid="00000000-0000-4000-8000-000000000001" name="Interview">
				      <PlainTextContent>{{text: t}}</PlainTextContent>
				%s    </TextSource>
				  </Sources>
				</Project>
				""".formatted(selections), Map.of("t", TEXT));

		QdpxReport report = imports("far-out.qdpx", new Archive().put("project.qde", qde).zip());

		assertThat(report.sources()).isEqualTo(1);
		assertThat(report.skipped()).hasSize(51)
			.contains("10 more selection(s) outside the text in 'Interview' (the first 50 are listed)");
	}

	/** A selection of nothing but a line break (NVivo can write one) is not a coding, but not an error either. */
	@Test
	void aSelectionOfOnlyWhiteSpaceIsNotFatal() {
		String crlf = QdpxFixtures.crlf(TEXT);
		int lineBreak = crlf.indexOf("\r\n");
		String qde = fill("""
				<?xml version="1.0" encoding="utf-8"?>
				<Project xmlns="urn:QDA-XML:project:1.0" name="Blank">
				  <CodeBook><Codes>
				    <Code guid="00000000-0000-4000-8000-0000000000a1" name="Workload" isCodable="true" color="#D62728"/>
				  </Codes></CodeBook>
				  <Sources>
				    <TextSource guid="00000000-0000-4000-8000-000000000001" name="Interview" plainTextPath="internal://i.txt">
				      <PlainTextSelection guid="00000000-0000-4000-8000-000000000011" {{t: too many cases}}>
				        <Coding guid="00000000-0000-4000-8000-000000000021"><CodeRef targetGUID="00000000-0000-4000-8000-0000000000a1"/></Coding>
				      </PlainTextSelection>
				      <PlainTextSelection guid="00000000-0000-4000-8000-000000000012" startPosition="%d" endPosition="%d">
				        <Coding guid="00000000-0000-4000-8000-000000000022"><CodeRef targetGUID="00000000-0000-4000-8000-0000000000a1"/></Coding>
				      </PlainTextSelection>
				    </TextSource>
				  </Sources>
				</Project>
				""".formatted(lineBreak, lineBreak + 2), Map.of("t", crlf));

		QdpxReport report = imports("blank.qdpx", new Archive().put("project.qde", qde).put("Sources/i.txt", crlf).zip());

		assertThat(report.codings()).isEqualTo(1);
		assertThat(codedText(report.projectId())).containsExactly("Interview | Workload | imported | too many cases");
	}

	/**
	 * Directory entries are ZIP entries too: a file of many thousand of them (each ~100 bytes) costs
	 * the reader as much work as files do and must hit the same limit.
	 */
	@Test
	void tooManyDirectoryEntries() {
		var bytes = new ByteArrayOutputStream();
		try (var zip = new ZipOutputStream(bytes)) {
			zip.putNextEntry(new ZipEntry("project.qde"));
			zip.write(emptyProject().getBytes(StandardCharsets.UTF_8));
			for (int i = 0; i < QdpxService.MAX_ENTRIES; i++) {
				zip.putNextEntry(new ZipEntry("Sources/d" + i + "/"));
			}
		}
		catch (IOException ex) {
			throw new AssertionError(ex);
		}
		rejects("folders.qdpx", bytes.toByteArray(), "entries", "too many", "10000", "10 000", "10,000");
	}

	/** REFI-QDA requires UTF-8 text; an archive that breaks that is malformed as a whole. */
	@Test
	void aSourceTextThatIsNotUtf8FailsTheImport() {
		String qde = """
				<?xml version="1.0" encoding="utf-8"?>
				<Project xmlns="urn:QDA-XML:project:1.0" name="Latin-1">
				  <Sources>
				    <TextSource guid="00000000-0000-4000-8000-000000000001" name="Interview" plainTextPath="internal://latin1.txt"/>
				  </Sources>
				</Project>
				""";
		byte[] latin1 = "Moderator: Hei S\u00f8ren.\nS\u00f8ren: Hei.\n".getBytes(StandardCharsets.ISO_8859_1);
		rejects("latin1.qdpx", new Archive().put("project.qde", qde).put("Sources/latin1.txt", latin1).zip(), "utf-8");
	}

	/**
	 * A source whose text is valid UTF-8 but that Quire's corpus refuses (here: a control character, as
	 * text pasted from a PDF can carry) is one bad item: skipped and reported like a missing file, the
	 * rest imported. Failing the whole import would at least have to name the .qdpx file.
	 */
	@Test
	void aSourceTextQuireRefusesIsSkippedAndReported() {
		String qde = fill("""
				<?xml version="1.0" encoding="utf-8"?>
				<Project xmlns="urn:QDA-XML:project:1.0" name="Control">
				  <Sources>
				    <TextSource guid="00000000-0000-4000-8000-000000000001" name="Fine">
				      <PlainTextContent>{{text: t}}</PlainTextContent>
				    </TextSource>
				    <TextSource guid="00000000-0000-4000-8000-000000000002" name="Pasted" plainTextPath="internal://pasted.txt"/>
				  </Sources>
				</Project>
				""", Map.of("t", TEXT));
		String pasted = "Moderator: What did the letter say?\nParticipant 4: It said \u0001 report on Monday.\n";
		byte[] archive = new Archive().put("project.qde", qde).put("Sources/pasted.txt", pasted).zip();

		List<String> before = projectNames();
		Throwable thrown = catchThrowable(() -> imports("control.qdpx", archive));
		if (thrown != null) {
			assertThat(thrown).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("control.qdpx");
			assertThat(projectNames()).isEqualTo(before);
		}
		assertThat(thrown).as("one unreadable source should be skipped, not fail the import").isNull();
	}

	/**
	 * NVivo and MAXQDA allow two codes of the same name under one parent; Quire does not. The import
	 * must not die on it with a message that names neither the file nor the code's place.
	 */
	@Test
	void twoSiblingCodesWithTheSameName() {
		String qde = """
				<?xml version="1.0" encoding="utf-8"?>
				<Project xmlns="urn:QDA-XML:project:1.0" name="Twins">
				  <CodeBook><Codes>
				    <Code guid="00000000-0000-4000-8000-0000000000a1" name="Workload" isCodable="true" color="#D62728"/>
				    <Code guid="00000000-0000-4000-8000-0000000000a2" name="Workload" isCodable="true" color="#1F77B4"/>
				  </Codes></CodeBook>
				</Project>
				""";
		// other tools allow twins; Quire keeps both, renames the second and says so
		var report = qdpx.importProject("Twins " + UUID.randomUUID(), "twins.qdpx", new Archive().put("project.qde", qde).zip());
		assertThat(report.codes()).isEqualTo(2);
		assertThat(report.warnings()).anySatisfy(w -> assertThat(w).contains("Workload").contains("Workload (2)"));
	}

	// ---- helpers --------------------------------------------------------------------------------

	/**
	 * Asserts that the import fails with an IllegalArgumentException whose message names the file and
	 * says one of {@code reasons} (lower case), and that no project was created.
	 */
	Throwable rejects(String fileName, byte[] content, String... reasons) {
		List<String> before = projectNames();
		String name = "Hostile " + UUID.randomUUID();
		Throwable thrown = catchThrowable(() -> qdpx.importProject(name, fileName, content));
		assertThat(thrown).as(fileName).isInstanceOf(IllegalArgumentException.class);
		assertThat(thrown.getMessage()).as(fileName).contains(fileName);
		assertThat(thrown.getMessage().toLowerCase(Locale.ROOT)).as(fileName).containsAnyOf(reasons);
		assertThat(projectNames()).as("projects after " + fileName).isEqualTo(before);
		assertThat(projects.findByName(name)).isEmpty();
		return thrown;
	}

	QdpxReport imports(String fileName, byte[] content) {
		return qdpx.importProject("Skips " + UUID.randomUUID(), fileName, content);
	}

	static List<String> reported(QdpxReport report) {
		List<String> all = new ArrayList<>(report.skipped());
		all.addAll(report.warnings());
		return all;
	}

	static byte[] qde(String xml) {
		return new Archive().put("project.qde", xml).zip();
	}

	static String emptyProject() {
		return """
				<?xml version="1.0" encoding="utf-8"?>
				<Project xmlns="urn:QDA-XML:project:1.0" name="Crowded"/>
				""";
	}

}

package quire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import quire.coding.CodebookService;
import quire.corpus.CorpusService;
import quire.corpus.ImportRequest;
import quire.corpus.Language;
import quire.exchange.QdpxService;
import quire.fidelity.FidelityService;
import quire.fidelity.LabImportResult;
import quire.project.Project;
import quire.project.ProjectService;
import quire.survey.SurveyImport;

/**
 * Files that attack or break an importer (see {@code src/test/resources/hostile/README.md}), each run
 * through every importer that accepts its type. Every run must end in a refusal a researcher can
 * read (the file's name and a reason, no Java class names), with nothing but the documented
 * exception types ({@link IllegalArgumentException} and its subclasses) or a result that says it
 * applied nothing, with every table of the project unchanged, and with the importing thread
 * allocating at most {@code 4 × file size + 64 MB} (a parser may copy the bytes into a string and
 * then into a few structures; a file that made it allocate more is being inflated or expanded).
 * <p>
 * The large files (a 200 MB upload, zip bombs, 10,000 columns) are generated here into memory, not
 * committed. The measured allocations are written to {@code target/hostile-input.md}.
 */
@SpringBootTest
class HostileInputTests implements SharedHome {

	private static final long MB = 1L << 20;

	/** The tables an import may change; a refused import changes none of them. */
	private static final List<String> TABLES = List.of("project", "document", "document_body", "document_group", "speaker_turn", "sentence_unit",
			"participant", "code", "coding", "memo", "questionnaire", "survey_variable", "survey_response",
			"miti_session", "miti_rating", "audit_event");

	/** Words that would show a researcher a stack trace or a class name instead of a reason. */
	private static final List<String> TECHNICAL = List.of("java.", "javax.", "org.apache", "org.xml", "Exception",
			"NullPointer", "OutOfMemory", "StackOverflow");

	private static final Map<String, String> MEASURED = new LinkedHashMap<>();

	@Autowired
	ProjectService projects;

	@Autowired
	CorpusService corpus;

	@Autowired
	CodebookService codebook;

	@Autowired
	quire.survey.SurveyService survey;

	@Autowired
	FidelityService fidelity;

	@Autowired
	QdpxService qdpx;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	quire.nlp.SentenceService sentences;

	Project project;

	/** The importers, by the file types they accept. */
	enum Importer {

		TRANSCRIPT("txt", "docx", "pdf", "vtt", "srt"), QUESTIONNAIRE("csv", "xlsx"), MITI_LAB("csv", "xlsx"),
		CODEBOOK("qdc", "xml"), PROJECT("qdpx", "zip");

		final Set<String> extensions;

		Importer(String... extensions) {
			this.extensions = Set.of(extensions);
		}

		boolean accepts(String fileName) {
			return extensions.contains(fileName.substring(fileName.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT));
		}

	}

	/** A hostile file: its name and a way to make its bytes (large ones are generated when needed). */
	record Hostile(String name, String attack, Supplier<byte[]> bytes) {

		@Override
		public String toString() {
			return name;
		}

	}

	static Stream<Arguments> hostileFiles() {
		List<Hostile> files = new ArrayList<>();
		for (String name : List.of("xxe.qdc", "billion-laughs.xml", "binary-disguised.txt", "invalid-utf8.txt",
				"invalid-utf8.csv", "truncated.pdf", "formulas.csv", "broken-timestamps.vtt", "broken-timestamps.srt",
				"not-a-word-document.docx")) {
			files.add(new Hostile(name, "committed", () -> resource(name)));
		}
		files.add(new Hostile("upload-200mb.txt", "a 200 MB upload", () -> huge("", "Moderator: words words words\n")));
		files.add(new Hostile("upload-200mb.csv", "a 200 MB upload", () -> huge("id,q1,q2\n", "P1,4,5\n")));
		files.add(new Hostile("upload-200mb.qdc", "a 200 MB upload", () -> huge("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"><Codes>\n", "<!-- padding -->\n")));
		files.add(new Hostile("columns-10000.csv", "10,000 columns", HostileInputTests::tenThousandColumns));
		files.add(new Hostile("zip-bomb.docx", "zip bomb", HostileInputTests::docxBomb));
		files.add(new Hostile("zip-slip.docx", "zip-slip entry names", HostileInputTests::docxSlip));
		files.add(new Hostile("xxe.docx", "external entity in word/document.xml", HostileInputTests::docxXxe));
		files.add(new Hostile("zip-bomb.qdpx", "zip bomb", HostileInputTests::qdpxBomb));
		files.add(new Hostile("zip-slip.qdpx", "zip-slip entry names", HostileInputTests::qdpxSlip));
		files.add(new Hostile("xxe.qdpx", "external entity in project.qde", HostileInputTests::qdpxXxe));
		files.add(new Hostile("binary-disguised.qdpx", "not a zip", () -> resource("binary-disguised.txt")));
		List<Arguments> runs = new ArrayList<>();
		for (Hostile file : files) {
			for (Importer importer : Importer.values()) {
				if (importer.accepts(file.name())) {
					runs.add(Arguments.of(file, importer));
				}
			}
		}
		return runs.stream();
	}

	@BeforeEach
	void aProjectWithContent() {
		project = projects.findByName("Hostile input").orElseGet(() -> {
			Project p = projects.create("Hostile input", "what a refused file must leave alone");
			corpus.importDocument(p.id(), new ImportRequest("fine.txt", """
					Moderator: What got in the way of coming back to work?
					Participant 4: The commute, and too many cases waiting for me.""".getBytes(StandardCharsets.UTF_8),
					"Focus group", Language.ENGLISH));
			codebook.startFromReAim(p.id());
			return p;
		});
		try {
			// the fine document's sentence units are stored in the background: let that finish first
			assertThat(sentences.awaitStored(java.time.Duration.ofSeconds(30))).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	@ParameterizedTest(name = "{0} → {1}")
	@MethodSource("hostileFiles")
	void aHostileFileIsRefusedClearlyAndChangesNothing(Hostile file, Importer importer) {
		byte[] bytes = file.bytes().get();
		Map<String, Long> before = counts();
		var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
		long started = System.nanoTime();
		String message;
		try {
			message = run(importer, file.name(), bytes);
		}
		catch (IllegalArgumentException ex) {
			message = ex.getMessage();
		}
		catch (Throwable ex) {
			throw new AssertionError(file + " through " + importer + " threw " + ex + " to the caller", ex);
		}
		long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
		long millis = (System.nanoTime() - started) / 1_000_000;
		MEASURED.put(file.name() + " | " + importer, String.format(Locale.ROOT, "%s | %,d | %,d | %d | %s",
				file.attack(), bytes.length, allocated / MB, millis, message.replace('|', '/').replace('\n', ' ')));

		assertThat(message).as("message of %s through %s", file, importer).isNotBlank().contains(file.name());
		for (String word : TECHNICAL) {
			assertThat(message).as("message of %s through %s", file, importer).doesNotContain(word);
		}
		assertThat(message).as("nothing of /etc/passwd leaks").doesNotContain("root:x:0");
		assertThat(counts()).as("tables after %s through %s", file, importer).isEqualTo(before);
		assertThat(Path.of("/tmp/quire-zip-slip.txt")).as("written by a zip-slip entry").doesNotExist();
		assertThat(Path.of("/etc/quire-zip-slip.txt")).as("written by a zip-slip entry").doesNotExist();
		long bound = 4L * bytes.length + 64 * MB;
		assertThat(allocated).as("bytes allocated importing %s (%d bytes) through %s", file, bytes.length, importer)
			.isLessThan(bound);
	}

	/** The 200 MB upload is refused before it is parsed, naming the limit; the view's Upload has the same limit. */
	@Test
	void aTooLargeUploadNamesTheLimit() {
		byte[] bytes = huge("", "Moderator: words words words\n");
		var thrown = org.assertj.core.api.Assertions
			.catchThrowable(() -> corpus.importDocument(project.id(), new ImportRequest("big.txt", bytes, null, null)));
		assertThat(thrown).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("big.txt")
			.hasMessageContaining("50 MB");
		SurveyImport q = survey.importQuestionnaire(project.id(), "Big", "big.csv", huge("id,q1\n", "P1,4\n"), "id", null, false);
		assertThat(q.applied()).isFalse();
		assertThat(q.problems()).singleElement().asString().contains("50 MB");
		LabImportResult lab = fidelity.importLab(project.id(), "big.csv", huge("session,counsellor,coder\n", "S1,C1,A\n"), Map.of(), false);
		assertThat(lab.problems()).singleElement().asString().contains("50 MB");
		assertThat(corpus.maxFileSize()).isEqualTo(50 * MB);
	}

	@AfterAll
	static void writeFigures() throws IOException {
		StringBuilder md = new StringBuilder("""
				# Hostile input: what each importer did

				Allocated: bytes the importing thread allocated (ThreadMXBean), in MB; the bound is 4 × size + 64 MB.

				| file | importer | attack | bytes | allocated MB | ms | message |
				| --- | --- | --- | ---: | ---: | ---: | --- |
				""");
		MEASURED.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
		Path target = Path.of("target");
		if (Files.isDirectory(target)) {
			Files.writeString(target.resolve("hostile-input.md"), md);
		}
		System.out.println(md);
	}

	// ---- running an importer -------------------------------------------------------------------

	/** Runs the import; returns what the researcher is told when it returns a result instead of throwing. */
	private String run(Importer importer, String fileName, byte[] bytes) {
		return switch (importer) {
			case TRANSCRIPT -> {
				var result = corpus.importDocument(project.id(), new ImportRequest(fileName, bytes, null, null));
				yield fail("%s was imported: %s", fileName, result.document());
			}
			case QUESTIONNAIRE -> {
				SurveyImport result = survey.importQuestionnaire(project.id(), "Hostile", fileName, bytes, "id", null,
						false);
				assertThat(result.applied()).as("%s applied", fileName).isFalse();
				assertThat(result.problems()).as("problems of %s", fileName).isNotEmpty();
				yield result.describe() + ": " + result.problems().get(0);
			}
			case MITI_LAB -> {
				LabImportResult result = fidelity.importLab(project.id(), fileName, bytes, Map.of(), false);
				assertThat(result.applied()).as("%s applied", fileName).isFalse();
				assertThat(result.problems()).as("problems of %s", fileName).isNotEmpty();
				yield result.describe() + ": " + result.problems().get(0);
			}
			case CODEBOOK -> {
				var result = codebook.importQdc(project.id(), fileName, new ByteArrayInputStream(bytes));
				yield fail("%s was imported: %s", fileName, result.describe());
			}
			case PROJECT -> {
				var result = qdpx.importProject("Imported " + fileName, fileName, bytes);
				yield fail("%s was imported: %s", fileName, result);
			}
		};
	}

	private Map<String, Long> counts() {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String table : TABLES) {
			counts.put(table, jdbc.sql("select count(*) from " + table).query(Long.class).single());
		}
		return counts;
	}

	// ---- the files -------------------------------------------------------------------------------

	static byte[] resource(String name) {
		try (InputStream in = HostileInputTests.class.getResourceAsStream("/hostile/" + name)) {
			if (in == null) {
				throw new IllegalStateException("missing test resource hostile/" + name);
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** 200 MB: a first line, then a line repeated. */
	static byte[] huge(String first, String line) {
		byte[] unit = line.getBytes(StandardCharsets.UTF_8);
		byte[] header = first.getBytes(StandardCharsets.UTF_8);
		byte[] out = new byte[(int) (200 * MB)];
		System.arraycopy(header, 0, out, 0, header.length);
		for (int i = header.length; i < out.length; i += unit.length) {
			System.arraycopy(unit, 0, out, i, Math.min(unit.length, out.length - i));
		}
		return out;
	}

	static byte[] tenThousandColumns() {
		StringBuilder csv = new StringBuilder("id");
		for (int c = 1; c < 10_000; c++) {
			csv.append(",q").append(c);
		}
		for (int r = 1; r <= 3; r++) {
			csv.append("\nP").append(r);
			for (int c = 1; c < 10_000; c++) {
				csv.append(',').append(c % 5 + 1);
			}
		}
		return csv.append('\n').toString().getBytes(StandardCharsets.UTF_8);
	}

	private static final String CONTENT_TYPES = """
			<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
			<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
			<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
			<Default Extension="xml" ContentType="application/xml"/>
			<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
			</Types>""";

	private static final String RELS = """
			<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
			<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
			<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
			</Relationships>""";

	private static final String BODY_START = """
			<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
			<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>""";

	private static String paragraph(String text) {
		return "<w:p><w:r><w:t>" + text + "</w:t></w:r></w:p>";
	}

	/** A .docx whose document.xml inflates to 1 GB of blanks inside a paragraph (about 1 MB zipped). */
	static byte[] docxBomb() {
		return zip(Map.of("[Content_Types].xml", out -> write(out, CONTENT_TYPES), "_rels/.rels",
				out -> write(out, RELS), "word/document.xml", out -> {
					write(out, BODY_START + "<w:p><w:r><w:t>");
					blanks(out, 1024 * MB);
					write(out, "</w:t></w:r></w:p></w:body></w:document>");
				}));
	}

	/** A readable .docx that also carries entries whose names climb out of any folder it is unpacked to. */
	static byte[] docxSlip() {
		Map<String, Writer> entries = new LinkedHashMap<>();
		entries.put("[Content_Types].xml", out -> write(out, CONTENT_TYPES));
		entries.put("_rels/.rels", out -> write(out, RELS));
		entries.put("word/document.xml", out -> write(out, BODY_START
				+ paragraph("Moderator: What got in the way?") + paragraph("Participant 4: The commute.")
				+ "</w:body></w:document>"));
		entries.put("../../../../tmp/quire-zip-slip.txt", out -> write(out, "written outside"));
		entries.put("/etc/quire-zip-slip.txt", out -> write(out, "written outside"));
		return zip(entries);
	}

	static byte[] docxXxe() {
		return zip(Map.of("[Content_Types].xml", out -> write(out, CONTENT_TYPES), "_rels/.rels",
				out -> write(out, RELS), "word/document.xml", out -> write(out, """
						<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
						<!DOCTYPE w:document [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
						<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
						<w:p><w:r><w:t>Moderator: &secret;</w:t></w:r></w:p></w:body></w:document>""")));
	}

	private static final String QDE_WITH_SOURCE = """
			<?xml version="1.0" encoding="utf-8"?>
			<Project xmlns="urn:QDA-XML:project:1.0" name="Hostile">
			  <Sources>
			    <TextSource guid="00000000-0000-4000-8000-000000000001" name="Bomb" plainTextPath="internal://bomb.txt"/>
			  </Sources>
			</Project>
			""";

	/** A .qdpx whose one source inflates to 1 GB of blanks. */
	static byte[] qdpxBomb() {
		return zip(Map.of("project.qde", out -> write(out, QDE_WITH_SOURCE), "Sources/bomb.txt",
				out -> blanks(out, 1024 * MB)));
	}

	static byte[] qdpxSlip() {
		Map<String, Writer> entries = new LinkedHashMap<>();
		entries.put("project.qde", out -> write(out, QDE_WITH_SOURCE));
		entries.put("Sources/bomb.txt", out -> write(out, "Moderator: hello.\nParticipant 4: hi.\n"));
		entries.put("Sources/../../../../tmp/quire-zip-slip.txt", out -> write(out, "written outside"));
		return zip(entries);
	}

	static byte[] qdpxXxe() {
		return zip(Map.of("project.qde", out -> write(out, """
				<?xml version="1.0" encoding="utf-8"?>
				<!DOCTYPE Project [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
				<Project xmlns="urn:QDA-XML:project:1.0" name="&secret;">
				  <Sources>
				    <TextSource guid="00000000-0000-4000-8000-000000000001" name="Leak">
				      <PlainTextContent>Moderator: &secret;
				Participant 1: Thanks.</PlainTextContent>
				    </TextSource>
				  </Sources>
				</Project>
				""")));
	}

	interface Writer {

		void write(OutputStream out) throws IOException;

	}

	static byte[] zip(Map<String, Writer> entries) {
		var bytes = new ByteArrayOutputStream();
		try (var zip = new ZipOutputStream(bytes)) {
			zip.setLevel(Deflater.DEFAULT_COMPRESSION);
			for (var e : entries.entrySet()) {
				zip.putNextEntry(new ZipEntry(e.getKey()));
				e.getValue().write(zip);
				zip.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	static void write(OutputStream out, String s) throws IOException {
		out.write(s.getBytes(StandardCharsets.UTF_8));
	}

	static void blanks(OutputStream out, long n) throws IOException {
		byte[] chunk = new byte[(int) MB];
		Arrays.fill(chunk, (byte) ' ');
		for (long written = 0; written < n; written += chunk.length) {
			out.write(chunk);
		}
	}

}

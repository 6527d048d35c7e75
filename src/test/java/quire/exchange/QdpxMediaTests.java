package quire.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import quire.coding.CodeDraft;
import quire.coding.MemoTarget;
import quire.corpus.DemoProject;
import quire.corpus.DocumentId;
import quire.corpus.DocumentSummary;
import quire.corpus.ImportRequest;
import quire.corpus.Language;
import quire.corpus.Turn;
import quire.corpus.TurnTimes;
import quire.media.MediaFormat;
import quire.media.MediaService;
import quire.project.ProjectId;

/**
 * Recordings through REFI-QDA: a document with a recording goes out as an {@code AudioSource} whose
 * {@code Transcript} carries the turn times as {@code SyncPoint}s and comes back with the same media
 * bytes, turn starts and codings; a recording that is not one refuses the whole archive.
 */
class QdpxMediaTests extends QdpxTestSupport {

	/** No timestamps in the text: the turn times below can only travel as sync points. */
	static final String INTERVIEW = """
			Moderator: Welcome back. How was the first week?
			Participant 1: Tiring, but my manager checked in every day.
			Moderator: What helped most?
			Participant 1: Starting with half days.
			""";

	MediaService media() {
		return context.getBean(MediaService.class);
	}

	@Test
	void aRecordedTimedDocumentComesBackWithItsRecordingTurnTimesAndCodings() throws Exception {
		ProjectId p = projects.create("Recorded export " + UUID.randomUUID(), "").id();
		DocumentId doc = corpus.importDocument(p, new ImportRequest("recorded-interview.txt",
				INTERVIEW.getBytes(StandardCharsets.UTF_8), null, Language.ENGLISH)).document().id();
		context.getBean(TurnTimes.class).setStarts(doc, Map.of(0, 1_200L, 1, 4_800L, 3, 15_250L));
		byte[] wav = wav(20_000);
		media().attach(doc, "interview.wav", new ByteArrayInputStream(wav));
		var support = codebook.create(p, null, CodeDraft.named("Management support", "#2CA02C"));
		String text = corpus.transcript(doc).orElseThrow().text();
		int[] r = QdpxFixtures.range(text, "my manager checked in every day");
		codings.code(doc, support.id(), r[0], r[1], "Ann");
		memos.write(p, MemoTarget.DOCUMENT, doc.value(), "Ann", "", "Recorded on the ward phone.");

		byte[] archive = qdpx.export(p);

		Map<String, byte[]> entries = QdpxExportTests.unzip(archive);
		SchemaFactory.newDefaultInstance()
			.newSchema(getClass().getClassLoader().getResource("qdpx/Project.xsd"))
			.newValidator()
			.validate(new StreamSource(new ByteArrayInputStream(entries.get("project.qde"))));
		Element root = QdpxExportTests.parse(entries.get("project.qde")).getDocumentElement();
		Element audio = QdpxExportTests.descendants(root, "AudioSource").getFirst();
		assertThat(QdpxExportTests.descendants(root, "TextSource")).isEmpty();
		assertThat(entries.get(QdpxExportTests.entryName(audio.getAttribute("path")))).isEqualTo(wav);
		assertThat(QdpxExportTests.descendants(audio, "SyncPoint")).filteredOn(s -> s.hasAttribute("timeStamp"))
			.extracting(s -> s.getAttribute("timeStamp"))
			.containsExactly("1200", "4800", "15250");

		QdpxReport report = qdpx.importProject("Recorded import " + UUID.randomUUID(), "recorded.qdpx", archive);

		ProjectId copy = report.projectId();
		DocumentId back = corpus.findDocument(copy, "recorded-interview").orElseThrow().id();
		var content = media().open(back).orElseThrow();
		assertThat(content.recording().format()).isEqualTo(MediaFormat.WAV);
		assertThat(Files.readAllBytes(content.file())).isEqualTo(wav);
		assertThat(corpus.transcript(back).orElseThrow().turns()).extracting(Turn::startMs)
			.containsExactly(1_200L, 4_800L, null, 15_250L);
		assertThat(texts(copy)).isEqualTo(texts(p));
		assertThat(codedText(copy)).containsExactlyElementsOf(codedText(p))
			.containsExactly("recorded-interview | Management support | Ann | my manager checked in every day");
		assertThat(memos.all(copy)).singleElement().satisfies(m -> {
			assertThat(m.target()).isEqualTo(MemoTarget.DOCUMENT);
			assertThat(m.targetId()).isEqualTo(back.value());
		});
		assertThat(report.sources()).isEqualTo(1);
		assertThat(report.skipped()).isEmpty();
	}

	/**
	 * The demo's session and focus group have recordings (one timed, one not): the export stays valid
	 * REFI-QDA, and importing it gives every coding, turn time and recording back.
	 */
	@Test
	void theDemoWithItsRecordingsExportsValidAndImportsBackTheSame() throws Exception {
		ProjectId demo = projects.findByName(DemoProject.NAME).orElseGet(() -> context.getBean(DemoProject.class).create()).id();
		assertThat(media().list(demo)).hasSizeGreaterThanOrEqualTo(2);

		byte[] archive = qdpx.export(demo);

		SchemaFactory.newDefaultInstance()
			.newSchema(getClass().getClassLoader().getResource("qdpx/Project.xsd"))
			.newValidator()
			.validate(new StreamSource(new ByteArrayInputStream(QdpxExportTests.unzip(archive).get("project.qde"))));
		ProjectId copy = qdpx.importProject("Demo again " + UUID.randomUUID(), "demo.qdpx", archive).projectId();
		assertThat(codedText(copy)).containsExactlyInAnyOrderElementsOf(codedText(demo));
		for (DocumentSummary d : corpus.documents(demo)) {
			DocumentId back = corpus.findDocument(copy, d.name()).orElseThrow().id();
			Optional<byte[]> original = media().open(d.id()).map(c -> bytes(c.file()));
			// a recorded document's turn times travel as sync points, to the millisecond; a text source's
			// only as the timestamps in its text, to the second
			Function<Turn, Long> time = original.isPresent() ? Turn::startMs
					: t -> t.startMs() == null ? null : t.startMs() / 1000;
			assertThat(corpus.transcript(back).orElseThrow().turns()).as("turn times of %s", d.name())
				.extracting(time)
				.isEqualTo(corpus.transcript(d.id()).orElseThrow().turns().stream().map(time).toList());
			Optional<byte[]> imported = media().open(back).map(c -> bytes(c.file()));
			assertThat(imported.isPresent()).as("recording of %s", d.name()).isEqualTo(original.isPresent());
			original.ifPresent(o -> assertThat(imported.orElseThrow()).as("recording of %s", d.name()).isEqualTo(o));
		}
	}

	/** As NVivo and MAXQDA write it: sync points at the start of each line, before the speaker label. */
	static String minimal(String secondSource) {
		return QdpxFixtures.fill("""
				<?xml version="1.0" encoding="utf-8"?>
				<Project xmlns="urn:QDA-XML:project:1.0" name="Recorded">
				  <Sources>
				    <AudioSource guid="{00000000-0000-4000-8000-000000000001}" name="Good recording" path="internal://good.wav">
				      <Transcript guid="00000000-0000-4000-8000-000000000011" plainTextPath="internal://good.txt">
				        <SyncPoint guid="00000000-0000-4000-8000-000000000021" timeStamp="0" position="0"/>
				        <SyncPoint guid="00000000-0000-4000-8000-000000000022" timeStamp="3500" position="%d"/>
				      </Transcript>
				    </AudioSource>
				    %s
				  </Sources>
				</Project>
				""".formatted(GOOD.indexOf("Participant 2:"), secondSource), Map.of());
	}

	static final String GOOD = """
			Moderator: Did the role-play help?
			Participant 2: Yes, hearing the reflections made it click.
			""";

	@Test
	void anotherToolsAudioSourceGivesATranscriptWithItsRecordingAndTurnTimes() throws Exception {
		byte[] wav = wav(5_000);
		byte[] archive = new QdpxFixtures.Archive().put("project.qde", minimal(""))
			.put("Sources/good.txt", GOOD)
			.put("Sources/good.wav", wav)
			.zip();

		QdpxReport report = qdpx.importProject("Recorded minimal " + UUID.randomUUID(), "minimal.qdpx", archive);

		DocumentId doc = corpus.findDocument(report.projectId(), "Good recording").orElseThrow().id();
		assertThat(Files.readAllBytes(media().open(doc).orElseThrow().file())).isEqualTo(wav);
		assertThat(corpus.transcript(doc).orElseThrow().turns()).extracting(Turn::startMs).containsExactly(0L, 3_500L);
	}

	@Test
	void aRecordingThatIsNotOneRefusesTheArchiveAndLeavesNothingBehind() throws Exception {
		String second = """
				<AudioSource guid="00000000-0000-4000-8000-000000000002" name="Renamed program" path="internal://session.mp3">
				  <Transcript guid="00000000-0000-4000-8000-000000000012" plainTextPath="internal://other.txt"/>
				</AudioSource>""";
		byte[] program = new byte[256];
		program[0] = 'M';
		program[1] = 'Z';
		byte[] archive = new QdpxFixtures.Archive().put("project.qde", minimal(second))
			.put("Sources/good.txt", GOOD)
			.put("Sources/good.wav", wav(5_000))
			.put("Sources/other.txt", "Moderator: This one has a program for a recording.\n")
			.put("Sources/session.mp3", program)
			.zip();
		long filesBefore = mediaFiles();
		String name = "Refused recording " + UUID.randomUUID();

		assertThatThrownBy(() -> qdpx.importProject(name, "refused.qdpx", archive))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("refused.qdpx")
			.hasMessageContaining("Renamed program")
			.hasMessageContaining("session.mp3")
			.hasMessageContaining("Windows program")
			.hasMessageContaining("nothing was imported");

		assertThat(projects.findByName(name)).isEmpty();
		// the good recording, attached before the refused one, is gone again
		assertThat(mediaFiles()).isEqualTo(filesBefore);
	}

	static byte[] bytes(Path file) {
		try {
			return Files.readAllBytes(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The number of files under the media folder (every project's recordings). */
	long mediaFiles() throws IOException {
		Path folder = Path.of(context.getEnvironment().resolveRequiredPlaceholders("${quire.media.folder:${quire.home}/media}"));
		if (!Files.isDirectory(folder)) {
			return 0;
		}
		try (Stream<Path> files = Files.walk(folder)) {
			return files.filter(Files::isRegularFile).count();
		}
	}

	/** A mono 8 kHz 16-bit WAV of {@code millis} length with a rising ramp, so its bytes are not all alike. */
	static byte[] wav(int millis) {
		AudioFormat format = new AudioFormat(8000f, 16, 1, true, false);
		byte[] pcm = new byte[millis * 8 * 2];
		for (int i = 0; i < pcm.length; i++) {
			pcm[i] = (byte) (i * 7);
		}
		var out = new ByteArrayOutputStream();
		try (var in = new AudioInputStream(new ByteArrayInputStream(pcm), format, pcm.length / 2)) {
			AudioSystem.write(in, AudioFileFormat.Type.WAVE, out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}

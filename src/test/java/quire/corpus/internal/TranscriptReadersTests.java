package quire.corpus.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

import quire.corpus.ImportRejectedException;

/**
 * Every reader on real-looking samples: for each turn, the stored text at its offsets is exactly
 * the words spoken; every bad file is refused with its name and the reason.
 */
final class TranscriptReadersTests {

	static List<String> words(ParsedTranscript t) {
		return t.turns().stream().map(turn -> t.text().substring(turn.start(), turn.end())).toList();
	}

	static List<String> speakers(ParsedTranscript t) {
		return t.turns().stream().map(ParsedTurn::speaker).toList();
	}

	@Test
	void plainTextWithTimestampedLabelsAndContinuationLines() {
		ParsedTranscript t = TranscriptReaders.read("fg.txt", utf8("""
				Focus group 1 — MI caseworkers

				[00:00:05] Moderator: Welcome. How did the training go?
				[00:01:12] MI Caseworker 2: It was a lot.
				Summarizing was hard.

				And asking permission too.
				[01:02:03.500] Co-moderator: Thank you.
				"""));

		assertThat(t.format()).isEqualTo("txt");
		assertThat(speakers(t)).containsExactly(null, "Moderator", "MI Caseworker 2", "Co-moderator");
		assertThat(words(t)).containsExactly("Focus group 1 — MI caseworkers", "Welcome. How did the training go?",
				"It was a lot.\nSummarizing was hard.\n\nAnd asking permission too.", "Thank you.");
		assertThat(t.turns()).extracting(ParsedTurn::startMs).containsExactly(null, 5_000L, 72_000L, 3_723_500L);
		assertThat(t.turns().get(1).endMs()).isEqualTo(72_000L);
	}

	@Test
	void labelFormsWithoutAndAfterTimestamps() {
		ParsedTranscript t = TranscriptReaders.read("x.txt", utf8("""
				Intervjuer: Hvordan gikk det?
				Saksbehandler 5: Det gikk bra.
				ANNA (00:00:09): Yes.
				00:00:12 Bjørn Åsheim: Æ, ø og å.
				Note: the recording started late
				"""));
		assertThat(speakers(t)).containsExactly("Intervjuer", "Saksbehandler 5", "ANNA", "Bjørn Åsheim");
		assertThat(words(t)).containsExactly("Hvordan gikk det?", "Det gikk bra.", "Yes.",
				"Æ, ø og å.\nNote: the recording started late");
	}

	@Test
	void aSentenceWithAColonIsNotASpeaker() {
		ParsedTranscript t = TranscriptReaders.read("notes.txt", utf8("""
				The question was: how do we continue?
				Summary: caseworkers want more practice.
				"""));
		assertThat(speakers(t)).containsOnlyNulls();
		assertThat(SpeakerTurnParser.validLabel("The question was")).isFalse();
	}

	@Test
	void crlfAndByteOrderMarkAreNormalisedAndOffsetsStillLandOnTheWords() {
		byte[] bom = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
		byte[] body = "Moderator: First line.\r\nMI Caseworker 1: Second\r\nline.\r\n".getBytes(StandardCharsets.UTF_8);
		byte[] bytes = new byte[bom.length + body.length];
		System.arraycopy(bom, 0, bytes, 0, bom.length);
		System.arraycopy(body, 0, bytes, bom.length, body.length);

		ParsedTranscript t = TranscriptReaders.read("crlf.txt", bytes);

		assertThat(t.text()).doesNotContain("\r").doesNotStartWith("\uFEFF");
		assertThat(words(t)).containsExactly("First line.", "Second\nline.");
	}

	@Test
	void textIsStoredInNfc() {
		ParsedTranscript t = TranscriptReaders.read("nfd.txt", utf8("Moderator: Sykmeldte på jobb. Bjo\u0308rn"));
		assertThat(t.text()).contains("på").contains("Björn");
	}

	@Test
	void windows1252NorwegianIsDecodedWhenCertain() {
		byte[] bytes = "Intervjuer: Hvordan går det med de sykmeldte?\nSaksbehandler 5: Bedre nå, særlig etter kurset – takk."
			.getBytes(Charset.forName("windows-1252"));
		ParsedTranscript t = TranscriptReaders.read("cp1252.txt", bytes);
		assertThat(words(t)).containsExactly("Hvordan går det med de sykmeldte?", "Bedre nå, særlig etter kurset – takk.");
	}

	@Test
	void undecidableEncodingIsRefusedNeverMojibake() {
		byte[] shiftJis = "司会者: こんにちは".getBytes(Charset.forName("Shift_JIS"));
		assertThatThrownBy(() -> TranscriptReaders.read("sjis.txt", shiftJis))
			.isInstanceOf(ImportRejectedException.class)
			.hasMessageStartingWith("sjis.txt: the text is not valid UTF-8 (first bad byte 0x")
			.hasMessageContaining("at line 1")
			.hasMessageEndingWith("save it as UTF-8 and import again");
	}

	@Test
	void binaryFileIsRefused() {
		assertThatThrownBy(() -> TranscriptReaders.read("image.txt", new byte[] { 'P', 'N', 'G', 0, 1, 2 }))
			.hasMessage("image.txt: looks like a binary file, not text (control character 0x00 at line 1)");
	}

	@Test
	void emptyAndWhitespaceOnlyFilesAreRefused() {
		assertThatThrownBy(() -> TranscriptReaders.read("empty.txt", new byte[0])).hasMessage("empty.txt: the file is empty");
		assertThatThrownBy(() -> TranscriptReaders.read("blank.vtt", utf8("WEBVTT\n\n"))).hasMessage("blank.vtt: the file is empty");
		assertThatThrownBy(() -> TranscriptReaders.read("spaces.txt", utf8(" \n\t\n"))).hasMessage("spaces.txt: the file is empty");
	}

	@Test
	void unsupportedExtensionIsRefused() {
		assertThatThrownBy(() -> TranscriptReaders.read("talk.mp3", new byte[] { 1 }))
			.hasMessage("talk.mp3: unsupported file type '.mp3'; Quire imports .txt, .docx, .pdf, .vtt and .srt");
	}

	@Test
	void teamsVttMergesConsecutiveCuesOfOneSpeaker() {
		ParsedTranscript t = TranscriptReaders.read("teams.vtt", utf8("""
				WEBVTT

				6d1f3c2e-8b1a-4c55-9f0e-1a2b3c4d5e6f/12-0
				00:00:03.120 --> 00:00:09.480
				<v MI Caseworker 1>So what brings you here today,</v>

				6d1f3c2e-8b1a-4c55-9f0e-1a2b3c4d5e6f/12-1
				00:00:09.480 --> 00:00:12.000
				<v MI Caseworker 1>in your own words?</v>

				NOTE this is a comment
				spanning two lines

				6d1f3c2e-8b1a-4c55-9f0e-1a2b3c4d5e6f/13-0
				00:00:12.500 --> 00:00:20.000 align:start
				<v.loud Sick-listed worker>My back &amp; my <i>boss</i>, honestly.</v>
				"""));

		assertThat(t.format()).isEqualTo("vtt");
		assertThat(speakers(t)).containsExactly("MI Caseworker 1", "Sick-listed worker");
		assertThat(words(t)).containsExactly("So what brings you here today, in your own words?", "My back & my boss, honestly.");
		assertThat(t.turns().get(0).startMs()).isEqualTo(3_120L);
		assertThat(t.turns().get(0).endMs()).isEqualTo(12_000L);
		assertThat(t.text()).startsWith("[00:00:03] MI Caseworker 1: So what brings you here today");
	}

	@Test
	void zoomVttTakesTheSpeakerFromTheTextPrefix() {
		ParsedTranscript t = TranscriptReaders.read("zoom.vtt", utf8("""
				WEBVTT

				1
				00:00:01.000 --> 00:00:04.000
				Anna Berg: Hello everyone.

				2
				00:00:04.500 --> 00:00:06.000
				Moderator: Welcome.
				"""));
		assertThat(speakers(t)).containsExactly("Anna Berg", "Moderator");
		assertThat(words(t)).containsExactly("Hello everyone.", "Welcome.");
	}

	@Test
	void vttHoursOfOneHundredAndMoreAreRead() {
		ParsedTranscript t = TranscriptReaders.read("long.vtt", utf8("""
				WEBVTT

				100:00:01.000 --> 100:00:04.000
				<v Moderator>Still recording.</v>

				123:59:58.500 --> 124:00:02.000
				<v Participant 1>So it seems.</v>
				"""));
		assertThat(speakers(t)).containsExactly("Moderator", "Participant 1");
		assertThat(t.turns().get(0).startMs()).isEqualTo(360_001_000L);
		assertThat(t.turns().get(1).endMs()).isEqualTo(446_402_000L);
		assertThat(t.text()).startsWith("[100:00:01] Moderator: Still recording.");
	}

	@Test
	void utf16WithoutAByteOrderMarkIsRecognisedAndRead() {
		String text = "Moderator: Hvordan gikk det?\nParticipant 1: Det gikk bra, takk.\n";
		for (var charset : java.util.List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
			ParsedTranscript t = TranscriptReaders.read("unicode.txt", text.getBytes(charset));
			assertThat(speakers(t)).as(charset.name()).containsExactly("Moderator", "Participant 1");
			assertThat(words(t)).containsExactly("Hvordan gikk det?", "Det gikk bra, takk.");
		}
	}

	@Test
	void malformedVttNamesTheLine() {
		assertThatThrownBy(() -> TranscriptReaders.read("bad.vtt", utf8("WEBVTT\n\n1\n00:00:01 to 00:00:02\nHi\n")))
			.hasMessageStartingWith("bad.vtt: cannot read the cue timing '00:00:01 to 00:00:02' (line 4)");
		assertThatThrownBy(() -> TranscriptReaders.read("notvtt.vtt", utf8("Hello\n")))
			.hasMessage("notvtt.vtt: not a WebVTT file: the first line must be WEBVTT (line 1)");
	}

	@Test
	void srtBlocksWithSpeakerPrefixes() {
		ParsedTranscript t = TranscriptReaders.read("session.srt", utf8("""
				1
				00:00:03,120 --> 00:00:09,480
				MI Caseworker 2: What would a good week
				at work look like?

				2
				00:00:10,000 --> 00:00:12,000
				MI Caseworker 2: For you, I mean.

				3
				00:00:12,500 --> 00:00:15,000
				<i>Sick-listed worker: Fewer lifts.</i>
				"""));
		assertThat(t.format()).isEqualTo("srt");
		assertThat(speakers(t)).containsExactly("MI Caseworker 2", "Sick-listed worker");
		assertThat(words(t)).containsExactly("What would a good week at work look like? For you, I mean.", "Fewer lifts.");
		assertThat(t.turns().get(1).startMs()).isEqualTo(12_500L);
	}

	@Test
	void malformedSrtNamesTheLine() {
		assertThatThrownBy(() -> TranscriptReaders.read("bad.srt", utf8("1\n00:00:03 --> soon\nHi\n")))
			.hasMessageStartingWith("bad.srt: not a SubRip file: cannot read the timing '00:00:03 --> soon' (line 2)");
	}

	@Test
	void docxParagraphsAndTablesIncludingTeamsLayout() throws IOException {
		byte[] docx;
		try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			doc.createParagraph().createRun().setText("Focus group 2 — MI-substitute caseworkers");
			doc.createParagraph().createRun().setText("Anna Berg   0:03");
			doc.createParagraph().createRun().setText("I tried summarizing with my own clients.");
			doc.createParagraph().createRun().setText("Moderator 1:15");
			doc.createParagraph().createRun().setText("Tell us more.");
			var table = doc.createTable(1, 1);
			table.getRow(0).getCell(0).setText("Anna Berg 1:20");
			doc.write(out);
			docx = out.toByteArray();
		}
		ParsedTranscript t = TranscriptReaders.read("teams.docx", docx);
		assertThat(t.format()).isEqualTo("docx");
		assertThat(speakers(t)).containsExactly(null, "Anna Berg", "Moderator");
		assertThat(words(t)).containsExactly("Focus group 2 — MI-substitute caseworkers",
				"I tried summarizing with my own clients.", "Tell us more.");
		assertThat(t.turns().get(1).startMs()).isEqualTo(3_000L);
	}

	@Test
	void corruptDocxIsRefused() {
		assertThatThrownBy(() -> TranscriptReaders.read("broken.docx", utf8("PK not really a zip")))
			.isInstanceOf(ImportRejectedException.class)
			.hasMessageStartingWith("broken.docx: not a readable Word .docx document (");
	}

	@Test
	void pdfTextLayerIsRead() throws IOException {
		ParsedTranscript t = TranscriptReaders.read("fg.pdf", pdf("Moderator: What helped you most?",
				"MI Caseworker 4: Supervision every third week."));
		assertThat(t.format()).isEqualTo("pdf");
		assertThat(speakers(t)).containsExactly("Moderator", "MI Caseworker 4");
		assertThat(words(t)).containsExactly("What helped you most?", "Supervision every third week.");
	}

	@Test
	void pdfWithoutTextLayerIsRefused() throws IOException {
		assertThatThrownBy(() -> TranscriptReaders.read("scan.pdf", pdf()))
			.hasMessage("scan.pdf: the PDF has no text layer (scanned pages?); run OCR first and import the result");
	}

	@Test
	void corruptPdfIsRefused() {
		assertThatThrownBy(() -> TranscriptReaders.read("broken.pdf", utf8("%PDF-1.7 garbage")))
			.hasMessageStartingWith("broken.pdf: not a readable PDF (");
	}

	@Test
	void languageGuessUsesFunctionWords() {
		assertThat(LanguageGuesser.guess("Det var krevende, men jeg har lært mye og det er bra."))
			.isEqualTo(quire.corpus.Language.NORWEGIAN);
		assertThat(LanguageGuesser.guess("It was demanding, but I have learned a lot and that is good."))
			.isEqualTo(quire.corpus.Language.ENGLISH);
		assertThat(LanguageGuesser.guess("OK.")).isEqualTo(quire.corpus.Language.ENGLISH);
	}

	static byte[] pdf(String... lines) throws IOException {
		try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PDPage page = new PDPage();
			doc.addPage(page);
			if (lines.length > 0) {
				try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
					content.beginText();
					content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
					content.setLeading(16);
					content.newLineAtOffset(72, 700);
					for (String line : lines) {
						content.showText(line);
						content.newLine();
					}
					content.endText();
				}
			}
			doc.save(out);
			return out.toByteArray();
		}
	}

	static byte[] utf8(String s) {
		return s.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Issue 19: turns without timestamps were given end times by looking ahead from every turn, so
	 * 80,000 of them took a minute and 100,000 minutes; one pass takes well under a second. (A
	 * guard, not a timing: the quadratic version would hold the build for minutes.)
	 */
	@Test
	void aHundredThousandUntimedTurnsAreParsedInOnePass() {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < 100_000; i++) {
			text.append(i % 2 == 0 ? "Moderator" : "Participant 4").append(": turn ").append(i).append('\n');
		}
		text.append("[00:00:05] Moderator: the only timed turn\n[00:00:09] Participant 4: and the next");
		ParsedTranscript t = TranscriptReaders.read("long.txt", utf8(text.toString()), 200_000);
		assertThat(t.turns()).hasSize(100_002);
		assertThat(t.turns().get(99_999).endMs()).as("untimed turns get no end").isNull();
		assertThat(t.turns().get(100_000).endMs()).as("a timed turn ends when the next timed one starts").isEqualTo(9_000L);
	}

	@Test
	void aHundredThousandOneSpeakerCuesBecomeOneTurnInOnePass() {
		StringBuilder vtt = new StringBuilder("WEBVTT\n\n");
		for (int i = 0; i < 100_000; i++) {
			vtt.append(CueRenderer.clock(i * 1000L)).append(".000 --> ").append(CueRenderer.clock(i * 1000L))
				.append(".900\n<v Anna>w").append(i).append("</v>\n\n");
		}
		ParsedTranscript t = TranscriptReaders.read("one.vtt", utf8(vtt.toString()), 100_000);
		assertThat(t.turns()).hasSize(1);
		assertThat(t.text()).startsWith("[00:00:00] Anna: w0 w1 w2").endsWith(" w99999");
		assertThat(t.turns().get(0).endMs()).isEqualTo(99_999_900L);
	}

	@Test
	void aFileWithMoreTurnsOrCuesThanTheLimitIsRefusedAtOnce() {
		assertThatThrownBy(() -> TranscriptReaders.read("many.txt", utf8("Moderator: a\nClient: b\nModerator: c"), 2))
			.isInstanceOf(ImportRejectedException.class)
			.hasMessage("many.txt: the file has 3 speaker turns, more than Quire imports from one file "
					+ "(2; the setting quire.import.max-turns)");
		assertThatThrownBy(() -> TranscriptReaders.read("many.vtt", utf8("""
				WEBVTT

				00:00:01.000 --> 00:00:02.000
				<v Anna>one

				00:00:02.000 --> 00:00:03.000
				<v Anna>two

				00:00:03.000 --> 00:00:04.000
				<v Anna>three
				"""), 2)).hasMessage("many.vtt: the file has at least 3 cues, more than Quire imports from one file "
						+ "(2; the setting quire.import.max-turns)");
	}

}

package quire.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static quire.exchange.QdpxFixtures.UTF8_BOM;
import static quire.exchange.QdpxFixtures.concat;
import static quire.exchange.QdpxFixtures.crlf;
import static quire.exchange.QdpxFixtures.escape;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.function.ToIntBiFunction;

import org.junit.jupiter.api.Test;

import quire.exchange.QdpxFixtures.Archive;

/**
 * Tools disagree on what a character is when they write selection offsets: a UTF-8 byte-order mark
 * counted or not, a CR LF line break as one character or two (also when the text sits inline in
 * {@code project.qde}, where XML reads CR LF as LF), an emoji as one code point or two UTF-16 units.
 * The importer reads each source's offsets in the counting under which its selections fit the words,
 * and says so when that is not the plain one.
 */
class QdpxOffsetImportTests extends QdpxTestSupport {

	static final String INTERVIEW = crlf("""
			Moderator: How did the first week back at work go?
			Participant 6: Better than I feared, my manager checked in every day.
			Moderator: What was hardest?
			Participant 6: Getting up early again, and the long commute by bus.
			""");

	static final String EMOJI = """
			Moderator: How did you feel when the employer called? 😀
			Participant 7: Relieved 😀😀 and a bit nervous, to be honest.
			Participant 7: My coach 𝒜nna said the first days would be the hardest.
			Participant 7: She was right, but the team made me welcome.""";

	static final List<String> INTERVIEW_PHRASES = List.of("my manager checked in every day", "Getting up early again",
			"the long commute by bus");

	static final List<String> EMOJI_PHRASES = List.of("a bit nervous", "the first days would be the hardest",
			"the team made me welcome");

	/** Offsets as the file holds the text (UTF-16 units, CR LF as two, no BOM). */
	static int plain(String text, int index) {
		return index;
	}

	static int crlfAsOne(String text, int index) {
		return text.substring(0, index).replace("\r\n", "\n").length();
	}

	static int bomCounted(String text, int index) {
		return index + 1;
	}

	static int codePoints(String text, int index) {
		return text.codePointCount(0, index);
	}

	static int lineBreaksAsTwo(String text, int index) {
		return text.substring(0, index).replace("\n", "\r\n").length();
	}

	@Test
	void eachSourcesOffsetsAreReadInTheCountingItsSelectionsFit() {
		// the importer takes the same text only once: each source gets its own first line
		String plain = crlf("Interview 1\n") + INTERVIEW;
		String one = crlf("Interview 2\n") + INTERVIEW;
		String bom = crlf("Interview 3\n") + INTERVIEW;
		String utf16 = "Session 4\n" + EMOJI;
		String points = "Session 5\n" + EMOJI;
		String lf = ("Interview 6\n" + INTERVIEW).replace("\r\n", "\n");
		String qde = """
				<?xml version="1.0" encoding="utf-8"?>
				<Project xmlns="urn:QDA-XML:project:1.0" name="Countings">
				  <CodeBook><Codes>
				    <Code guid="00000000-0000-4000-8000-0000000000a1" name="Return" isCodable="true" color="#2CA02C"/>
				  </Codes></CodeBook>
				  <Sources>
				%s
				%s
				%s
				%s
				%s
				%s
				  </Sources>
				</Project>
				""".formatted(
				source(1, "Plain CRLF", "internal://plain.txt", plain, INTERVIEW_PHRASES, QdpxOffsetImportTests::plain),
				source(2, "CRLF as one", "internal://one.txt", one, INTERVIEW_PHRASES, QdpxOffsetImportTests::crlfAsOne),
				source(3, "BOM counted", "internal://bom.txt", bom, INTERVIEW_PHRASES, QdpxOffsetImportTests::bomCounted),
				source(4, "Emoji as UTF-16", "internal://utf16.txt", utf16, EMOJI_PHRASES, QdpxOffsetImportTests::plain),
				source(5, "Emoji as code points", "internal://points.txt", points, EMOJI_PHRASES,
						QdpxOffsetImportTests::codePoints),
				// written inline with raw CR LF, which XML reads as LF, while the offsets counted CR LF as two
				inline(6, "Inline CRLF", lf, INTERVIEW_PHRASES, QdpxOffsetImportTests::lineBreaksAsTwo));
		byte[] archive = new Archive().put("project.qde", qde)
			.put("Sources/plain.txt", plain)
			.put("Sources/one.txt", one)
			.put("Sources/bom.txt", concat(UTF8_BOM, bom.getBytes(StandardCharsets.UTF_8)))
			.put("Sources/utf16.txt", utf16)
			.put("Sources/points.txt", points)
			.zip();

		QdpxReport report = qdpx.importProject("Countings " + UUID.randomUUID(), "countings.qdpx", archive);

		assertThat(report.skipped()).isEmpty();
		assertThat(report.codings()).isEqualTo(18);
		List<String> coded = codedText(report.projectId());
		for (String source : List.of("Plain CRLF", "CRLF as one", "BOM counted", "Inline CRLF")) {
			assertThat(coded).as(source)
				.contains(INTERVIEW_PHRASES.stream().map(p -> source + " | Return | imported | " + p).toArray(String[]::new));
		}
		for (String source : List.of("Emoji as UTF-16", "Emoji as code points")) {
			assertThat(coded).as(source)
				.contains(EMOJI_PHRASES.stream().map(p -> source + " | Return | imported | " + p).toArray(String[]::new));
		}
		assertThat(report.warnings()).hasSize(4)
			.anySatisfy(w -> assertThat(w).contains("CRLF as one").contains("CR LF line break counted as one"))
			.anySatisfy(w -> assertThat(w).contains("BOM counted").contains("byte-order mark"))
			.anySatisfy(w -> assertThat(w).contains("Emoji as code points").contains("counted as one, not two"))
			.anySatisfy(w -> assertThat(w).contains("Inline CRLF").contains("line break counted as two"))
			.noneSatisfy(w -> assertThat(w).containsAnyOf("Plain CRLF", "Emoji as UTF-16"));
	}

	static String source(int n, String name, String path, String text, List<String> phrases,
			ToIntBiFunction<String, Integer> counting) {
		return "<TextSource guid=\"00000000-0000-4000-8000-00000000000%d\" name=\"%s\" plainTextPath=\"%s\">%n%s</TextSource>"
			.formatted(n, name, path, selections(n, text, phrases, counting));
	}

	static String inline(int n, String name, String text, List<String> phrases, ToIntBiFunction<String, Integer> counting) {
		return "<TextSource guid=\"00000000-0000-4000-8000-00000000000%d\" name=\"%s\">%n<PlainTextContent>%s</PlainTextContent>%n%s</TextSource>"
			.formatted(n, name, escape(text).replace("&#13;", "").replace("\n", "\r\n"),
					selections(n, text, phrases, counting));
	}

	static String selections(int n, String text, List<String> phrases, ToIntBiFunction<String, Integer> counting) {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < phrases.size(); i++) {
			int start = text.indexOf(phrases.get(i));
			int end = start + phrases.get(i).length();
			out.append("""
					<PlainTextSelection guid="00000000-0000-4000-8000-0000000%d%04d" startPosition="%d" endPosition="%d">
					  <Coding guid="00000000-0000-4000-8000-0000001%d%04d"><CodeRef targetGUID="00000000-0000-4000-8000-0000000000a1"/></Coding>
					</PlainTextSelection>
					""".formatted(n, i, counting.applyAsInt(text, start), counting.applyAsInt(text, end), n, i));
		}
		return out.toString();
	}

}

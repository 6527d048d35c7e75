package quire.exchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * Small .qdpx archives written for Quire's tests, each with the quirks of one tool's REFI-QDA export.
 * The {@code project.qde} files are text blocks; a placeholder {@code {{key: phrase}}} becomes
 * {@code startPosition="…" endPosition="…"} of the first occurrence of {@code phrase} in the text
 * {@code key}, counted in characters of that text exactly as it is stored in the archive (CR LF counts
 * two characters; a UTF-8 byte-order mark is an encoding signature and counts none), and
 * {@code {{text: key}}} becomes that text, escaped for XML.
 */
final class QdpxFixtures {

	static final String NS = "urn:QDA-XML:project:1.0";

	static final byte[] UTF8_BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+):\\s?(.*?)\\}\\}", Pattern.DOTALL);

	private QdpxFixtures() {
	}

	// ---- NVivo ----------------------------------------------------------------------------------

	/** NVivo writes Windows line endings; every line, the last one too, ends in CR LF. */
	static final String NVIVO_INTERVIEW = crlf("""
			Moderator: How is the return-to-work programme going in your office?
			Caseworker 1: Honestly, we have too many cases to follow each person closely.
			Moderator: What would help you use motivational interviewing more?
			Caseworker 1: More time to practise reflections with colleagues, I think.
			""");

	/**
	 * NVivo: the sources folder in lower case ({@code sources/}), GUIDs in upper case and in braces,
	 * plain text with CR LF line endings, a selection across a line break and one that takes in the final
	 * line break, a coding by a user the file does not list.
	 */
	static byte[] nvivo() {
		String qde = fill("""
				<?xml version="1.0" encoding="utf-8"?>
				<Project xmlns="urn:QDA-XML:project:1.0" name="RTW caseworkers" origin="NVivo 14.23.0.1011"
				         creatingUserGUID="{5B0C1D2E-8F4A-4B6C-9D1E-2F3A4B5C6D01}" creationDateTime="2024-03-11T09:15:00Z">
				  <Users>
				    <User guid="{5B0C1D2E-8F4A-4B6C-9D1E-2F3A4B5C6D01}" name="Nora Nilsen"/>
				    <User guid="{5B0C1D2E-8F4A-4B6C-9D1E-2F3A4B5C6D02}" name="Ola Berg"/>
				  </Users>
				  <CodeBook>
				    <Codes>
				      <Code guid="{7E6D5C4B-3A29-4817-B6A5-94837261A001}" name="Workload" isCodable="true" color="#D62728"/>
				      <Code guid="{7E6D5C4B-3A29-4817-B6A5-94837261A002}" name="Training needs" isCodable="true" color="#1F77B4">
				        <Description>What caseworkers say they need to learn MI.</Description>
				        <Code guid="{7E6D5C4B-3A29-4817-B6A5-94837261A003}" name="Practice time" isCodable="true" color="#2CA02C"/>
				      </Code>
				    </Codes>
				  </CodeBook>
				  <Sources>
				    <TextSource guid="{C0FFEE00-1111-4222-8333-944455556601}" name="RTW interview 01"
				                plainTextPath="internal://C0FFEE00-1111-4222-8333-944455556601.txt"
				                creatingUser="{5B0C1D2E-8F4A-4B6C-9D1E-2F3A4B5C6D01}">
				      <PlainTextSelection guid="{D1000000-0000-4000-8000-000000000001}" {{interview: too many cases}}
				                          creatingUser="{5B0C1D2E-8F4A-4B6C-9D1E-2F3A4B5C6D01}">
				        <Coding guid="{D2000000-0000-4000-8000-000000000001}" creatingUser="{5B0C1D2E-8F4A-4B6C-9D1E-2F3A4B5C6D01}">
				          <CodeRef targetGUID="{7E6D5C4B-3A29-4817-B6A5-94837261A001}"/>
				        </Coding>
				      </PlainTextSelection>
				      <PlainTextSelection guid="{D1000000-0000-4000-8000-000000000002}" {{interview: practise reflections with colleagues}}
				                          creatingUser="{5B0C1D2E-8F4A-4B6C-9D1E-2F3A4B5C6D02}">
				        <Coding guid="{D2000000-0000-4000-8000-000000000002}" creatingUser="{5B0C1D2E-8F4A-4B6C-9D1E-2F3A4B5C6D02}">
				          <CodeRef targetGUID="{7E6D5C4B-3A29-4817-B6A5-94837261A003}"/>
				        </Coding>
				      </PlainTextSelection>
				      <PlainTextSelection guid="{D1000000-0000-4000-8000-000000000003}"
				                          {{interview: What would help you use motivational interviewing more?\r
				Caseworker 1: More time}}>
				        <Coding guid="{D2000000-0000-4000-8000-000000000003}" creatingUser="{5B0C1D2E-8F4A-4B6C-9D1E-2F3A4B5C6D99}">
				          <CodeRef targetGUID="{7E6D5C4B-3A29-4817-B6A5-94837261A002}"/>
				        </Coding>
				      </PlainTextSelection>
				      <PlainTextSelection guid="{D1000000-0000-4000-8000-000000000004}"
				                          {{interview: Caseworker 1: More time to practise reflections with colleagues, I think.\r
				}}>
				        <Coding guid="{D2000000-0000-4000-8000-000000000004}" creatingUser="{5B0C1D2E-8F4A-4B6C-9D1E-2F3A4B5C6D01}">
				          <CodeRef targetGUID="{7E6D5C4B-3A29-4817-B6A5-94837261A002}"/>
				        </Coding>
				      </PlainTextSelection>
				    </TextSource>
				  </Sources>
				</Project>
				""", Map.of("interview", NVIVO_INTERVIEW));
		return new Archive().put("project.qde", qde)
			.put("sources/C0FFEE00-1111-4222-8333-944455556601.txt", NVIVO_INTERVIEW)
			.zip();
	}

	// ---- ATLAS.ti -------------------------------------------------------------------------------

	static final String ATLAS_SESSION = """
			Moderator: What makes you want to change things now?
			Participant 3: I want to get back to work, mostly for my kids.
			Participant 3: But my back pain makes every morning hard.
			Moderator: So work matters a lot to you, and the pain is in the way.
			""";

	/**
	 * ATLAS.ti: three-digit colours (one in lower case), a code without a colour, codes nested three
	 * deep, GUIDs in lower case without braces, and a picture (coded too) that Quire cannot import.
	 */
	static byte[] atlasTi() {
		String qde = fill("""
				<?xml version="1.0" encoding="utf-8"?>
				<Project xmlns="urn:QDA-XML:project:1.0" name="MI group sessions" origin="ATLAS.ti 23.2.1">
				  <Users>
				    <User guid="a7a7a7a7-0000-4000-8000-000000000001" name="Atle Aas"/>
				  </Users>
				  <CodeBook>
				    <Codes>
				      <Code guid="c0de0000-0000-4000-8000-000000000001" name="Motivation" isCodable="false" color="#F80">
				        <Code guid="c0de0000-0000-4000-8000-000000000002" name="Change talk" isCodable="true" color="#0A0">
				          <Code guid="c0de0000-0000-4000-8000-000000000003" name="Reasons" isCodable="true"/>
				        </Code>
				      </Code>
				      <Code guid="c0de0000-0000-4000-8000-000000000004" name="Barriers" isCodable="true" color="#c03"/>
				      <Code guid="c0de0000-0000-4000-8000-000000000005" name="Reflections" isCodable="true" color="#336699"/>
				    </Codes>
				  </CodeBook>
				  <Sources>
				    <TextSource guid="50000000-0000-4000-8000-000000000001" name="Group session 2"
				                plainTextPath="internal://50000000-0000-4000-8000-000000000001.txt">
				      <PlainTextSelection guid="5e100000-0000-4000-8000-000000000001" {{session: I want to get back to work}}>
				        <Coding guid="5e200000-0000-4000-8000-000000000001" creatingUser="a7a7a7a7-0000-4000-8000-000000000001">
				          <CodeRef targetGUID="c0de0000-0000-4000-8000-000000000002"/>
				        </Coding>
				      </PlainTextSelection>
				      <PlainTextSelection guid="5e100000-0000-4000-8000-000000000002" {{session: for my kids}}>
				        <Coding guid="5e200000-0000-4000-8000-000000000002" creatingUser="a7a7a7a7-0000-4000-8000-000000000001">
				          <CodeRef targetGUID="c0de0000-0000-4000-8000-000000000003"/>
				        </Coding>
				      </PlainTextSelection>
				      <PlainTextSelection guid="5e100000-0000-4000-8000-000000000003" {{session: my back pain makes every morning hard}}>
				        <Coding guid="5e200000-0000-4000-8000-000000000003" creatingUser="a7a7a7a7-0000-4000-8000-000000000001">
				          <CodeRef targetGUID="c0de0000-0000-4000-8000-000000000004"/>
				        </Coding>
				      </PlainTextSelection>
				      <PlainTextSelection guid="5e100000-0000-4000-8000-000000000004" {{session: So work matters a lot to you, and the pain is in the way.}}>
				        <Coding guid="5e200000-0000-4000-8000-000000000004" creatingUser="a7a7a7a7-0000-4000-8000-000000000001">
				          <CodeRef targetGUID="c0de0000-0000-4000-8000-000000000005"/>
				        </Coding>
				      </PlainTextSelection>
				    </TextSource>
				    <PictureSource guid="50000000-0000-4000-8000-000000000002" name="Whiteboard photo"
				                   path="internal://50000000-0000-4000-8000-000000000002.png">
				      <PictureSelection guid="5e100000-0000-4000-8000-000000000005" firstX="10" firstY="10" secondX="200" secondY="120">
				        <Coding guid="5e200000-0000-4000-8000-000000000005" creatingUser="a7a7a7a7-0000-4000-8000-000000000001">
				          <CodeRef targetGUID="c0de0000-0000-4000-8000-000000000001"/>
				        </Coding>
				      </PictureSelection>
				    </PictureSource>
				  </Sources>
				</Project>
				""", Map.of("session", ATLAS_SESSION));
		return new Archive().put("project.qde", qde)
			.put("Sources/50000000-0000-4000-8000-000000000001.txt", ATLAS_SESSION)
			.put("Sources/50000000-0000-4000-8000-000000000002.png", PNG)
			.zip();
	}

	// ---- MAXQDA ---------------------------------------------------------------------------------

	/** Stored with a UTF-8 byte-order mark; the dashes and letters outside ASCII take 2–3 bytes each. */
	static final String MAXQDA_INTERVIEW = """
			Moderator: Hei Ida – thanks for coming in. How are things since the sick leave began?
			Ida: I feel ready to try a few hours a week at the café again.
			Moderator: You sound ready – what would make the first week easier?
			Ida: If my manager let me start slowly, Sørensen said that might work.
			""";

	static final String MAXQDA_MEETING = """
			Moderator: Let us review the caseloads before the summer.
			Caseworker 2: My caseload is too heavy to plan proper follow-up.
			Caseworker 3: We could share the group sessions between us.""";

	/**
	 * MAXQDA: a plain text with a UTF-8 byte-order mark, found by a relative {@code plainTextPath}
	 * without {@code internal://}; another source's text inline as {@code PlainTextContent}; GUIDs in
	 * braces, mixed case; a case.
	 */
	static byte[] maxqda() {
		String qde = fill("""
				<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
				<Project xmlns="urn:QDA-XML:project:1.0" name="Sick leave follow-up" origin="MAXQDA 24 (Release 24.4.0)">
				  <Users>
				    <User guid="{3f2504e0-4f89-11d3-9a0c-0305e82c3301}" name="Mia Holm" id="MH"/>
				    <User guid="{3F2504E0-4F89-11D3-9A0C-0305E82C3302}" name="Max Lund" id="ML"/>
				  </Users>
				  <CodeBook>
				    <Codes>
				      <Code guid="{A1B2C3D4-0000-4000-8000-0000000000A1}" name="Readiness" isCodable="true" color="#9467BD"/>
				      <Code guid="{A1B2C3D4-0000-4000-8000-0000000000A2}" name="Employer flexibility" isCodable="true" color="#FF7F0E"/>
				      <Code guid="{A1B2C3D4-0000-4000-8000-0000000000A3}" name="Workload" isCodable="true" color="#D62728"/>
				      <Code guid="{A1B2C3D4-0000-4000-8000-0000000000A4}" name="Collaboration" isCodable="true" color="#17BECF"/>
				    </Codes>
				  </CodeBook>
				  <Cases>
				    <Case guid="{CA5E0000-0000-4000-8000-000000000001}" name="Ida">
				      <SourceRef targetGUID="{B0000000-0000-4000-8000-000000000001}"/>
				    </Case>
				  </Cases>
				  <Sources>
				    <TextSource guid="{B0000000-0000-4000-8000-000000000001}" name="Ida interview" plainTextPath="ida-interview.txt">
				      <PlainTextSelection guid="{E0000000-0000-4000-8000-000000000001}" {{interview: I feel ready to try a few hours a week}}
				                          creatingUser="{3f2504e0-4f89-11d3-9a0c-0305e82c3301}">
				        <Coding guid="{F0000000-0000-4000-8000-000000000001}" creatingUser="{3F2504E0-4F89-11D3-9A0C-0305E82C3301}">
				          <CodeRef targetGUID="{a1b2c3d4-0000-4000-8000-0000000000a1}"/>
				        </Coding>
				      </PlainTextSelection>
				      <PlainTextSelection guid="{E0000000-0000-4000-8000-000000000002}" {{interview: If my manager let me start slowly}}
				                          creatingUser="{3f2504e0-4f89-11d3-9a0c-0305e82c3301}">
				        <Coding guid="{F0000000-0000-4000-8000-000000000002}" creatingUser="{3f2504e0-4f89-11d3-9a0c-0305e82c3301}">
				          <CodeRef targetGUID="{A1B2C3D4-0000-4000-8000-0000000000A2}"/>
				        </Coding>
				      </PlainTextSelection>
				    </TextSource>
				    <TextSource guid="{B0000000-0000-4000-8000-000000000002}" name="Team meeting notes">
				      <PlainTextContent>{{text: meeting}}</PlainTextContent>
				      <PlainTextSelection guid="{E0000000-0000-4000-8000-000000000003}" {{meeting: too heavy to plan proper follow-up}}
				                          creatingUser="{3F2504E0-4F89-11D3-9A0C-0305E82C3302}">
				        <Coding guid="{F0000000-0000-4000-8000-000000000003}" creatingUser="{3F2504E0-4F89-11D3-9A0C-0305E82C3302}">
				          <CodeRef targetGUID="{A1B2C3D4-0000-4000-8000-0000000000A3}"/>
				        </Coding>
				      </PlainTextSelection>
				      <PlainTextSelection guid="{E0000000-0000-4000-8000-000000000004}" {{meeting: share the group sessions}}
				                          creatingUser="{3F2504E0-4F89-11D3-9A0C-0305E82C3302}">
				        <Coding guid="{F0000000-0000-4000-8000-000000000004}" creatingUser="{3F2504E0-4F89-11D3-9A0C-0305E82C3302}">
				          <CodeRef targetGUID="{A1B2C3D4-0000-4000-8000-0000000000A4}"/>
				        </Coding>
				      </PlainTextSelection>
				    </TextSource>
				  </Sources>
				</Project>
				""", Map.of("interview", MAXQDA_INTERVIEW, "meeting", MAXQDA_MEETING));
		return new Archive().put("project.qde", qde)
			.put("Sources/ida-interview.txt", concat(UTF8_BOM, MAXQDA_INTERVIEW.getBytes(StandardCharsets.UTF_8)))
			.zip();
	}

	// ---- QualCoder ------------------------------------------------------------------------------

	/** The paragraphs of the Word document; offsets into it count one line break between paragraphs. */
	static final String QUALCODER_SESSION_4 = """
			Counsellor: What would returning to work mean for you?
			Client: It would mean I am useful again, to be honest.
			Counsellor: You want to feel useful.
			Client: Yes, and I am scared I will fail on the first day.""";

	static final String QUALCODER_SESSION_5 = """
			Counsellor: Last time you mentioned calling your employer.
			Client: I called my boss on Monday and we agreed on two days a week.
			Counsellor: How did that feel?
			Client: Better than I expected, I am more confident now.
			""";

	static final String QUALCODER_CODE_NOTE = "Confidence grows after the first employer contact.";

	static final String QUALCODER_PROJECT_NOTE = "Sessions 4 and 5 coded by Kari; check employer codes with Lars.";

	/**
	 * QualCoder: one source only as a Word document ({@code richTextPath}, no plain text), one as plain
	 * text; notes (memos) on a code and on the project, their text inline.
	 */
	static byte[] qualCoder() {
		String qde = fill("""
				<?xml version="1.0" encoding="utf-8"?>
				<Project xmlns="urn:QDA-XML:project:1.0" name="MI counselling" origin="QualCoder 3.5"
				         creatingUserGUID="9a000000-0000-4000-8000-000000000001">
				  <Users>
				    <User guid="9a000000-0000-4000-8000-000000000001" name="Kari Dahl"/>
				    <User guid="9a000000-0000-4000-8000-000000000002" name="Lars Moe"/>
				  </Users>
				  <CodeBook>
				    <Codes>
				      <Code guid="9c000000-0000-4000-8000-000000000001" name="Meaning of work" isCodable="true" color="#EB7333"/>
				      <Code guid="9c000000-0000-4000-8000-000000000002" name="Confidence" isCodable="true" color="#5F9EA0">
				        <Description>Belief in managing the return.</Description>
				        <NoteRef targetGUID="9d000000-0000-4000-8000-000000000001"/>
				      </Code>
				      <Code guid="9c000000-0000-4000-8000-000000000003" name="Employer contact" isCodable="true" color="#DCDC5A"/>
				    </Codes>
				  </CodeBook>
				  <Sources>
				    <TextSource guid="9b000000-0000-4000-8000-000000000004" name="Counselling session 4"
				                richTextPath="internal://9b000000-0000-4000-8000-000000000004.docx">
				      <PlainTextSelection guid="9e000000-0000-4000-8000-000000000001" {{docx: It would mean I am useful again}}
				                          creatingUser="9a000000-0000-4000-8000-000000000001">
				        <Coding guid="9f000000-0000-4000-8000-000000000001" creatingUser="9a000000-0000-4000-8000-000000000001">
				          <CodeRef targetGUID="9c000000-0000-4000-8000-000000000001"/>
				        </Coding>
				      </PlainTextSelection>
				    </TextSource>
				    <TextSource guid="9b000000-0000-4000-8000-000000000005" name="Counselling session 5"
				                plainTextPath="internal://9b000000-0000-4000-8000-000000000005.txt">
				      <PlainTextSelection guid="9e000000-0000-4000-8000-000000000002" {{txt: I called my boss on Monday}}
				                          creatingUser="9a000000-0000-4000-8000-000000000002">
				        <Coding guid="9f000000-0000-4000-8000-000000000002" creatingUser="9a000000-0000-4000-8000-000000000002">
				          <CodeRef targetGUID="9c000000-0000-4000-8000-000000000003"/>
				        </Coding>
				      </PlainTextSelection>
				      <PlainTextSelection guid="9e000000-0000-4000-8000-000000000003" {{txt: I am more confident now}}
				                          creatingUser="9a000000-0000-4000-8000-000000000001">
				        <Coding guid="9f000000-0000-4000-8000-000000000003" creatingUser="9a000000-0000-4000-8000-000000000001">
				          <CodeRef targetGUID="9c000000-0000-4000-8000-000000000002"/>
				        </Coding>
				      </PlainTextSelection>
				    </TextSource>
				  </Sources>
				  <Notes>
				    <Note guid="9d000000-0000-4000-8000-000000000001" name="Memo on Confidence"
				          creatingUser="9a000000-0000-4000-8000-000000000001" creationDateTime="2024-05-02T10:00:00Z">
				      <PlainTextContent>{{text: codeNote}}</PlainTextContent>
				    </Note>
				    <Note guid="9d000000-0000-4000-8000-000000000002" name="Project journal"
				          creatingUser="9a000000-0000-4000-8000-000000000001" creationDateTime="2024-05-03T16:30:00Z">
				      <PlainTextContent>{{text: projectNote}}</PlainTextContent>
				    </Note>
				  </Notes>
				  <NoteRef targetGUID="9d000000-0000-4000-8000-000000000002"/>
				</Project>
				""", Map.of("docx", QUALCODER_SESSION_4, "txt", QUALCODER_SESSION_5, "codeNote", QUALCODER_CODE_NOTE,
				"projectNote", QUALCODER_PROJECT_NOTE));
		return new Archive().put("project.qde", qde)
			.put("Sources/9b000000-0000-4000-8000-000000000004.docx", docx(QUALCODER_SESSION_4))
			.put("Sources/9b000000-0000-4000-8000-000000000005.txt", QUALCODER_SESSION_5)
			.zip();
	}

	// ---- empty ----------------------------------------------------------------------------------

	/** A project with a name and a description but no users, codes, sources or notes. */
	static byte[] empty() {
		return new Archive().put("project.qde", """
				<?xml version="1.0" encoding="utf-8"?>
				<Project xmlns="urn:QDA-XML:project:1.0" name="Empty study" origin="Quire test">
				  <Description>Nothing coded yet.</Description>
				</Project>
				""").zip();
	}

	// ---- helpers --------------------------------------------------------------------------------

	/** The first few bytes of a PNG: enough to stand for a picture nobody reads. */
	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R' };

	/** The text with each line ending in CR LF. */
	static String crlf(String text) {
		return text.replace("\r\n", "\n").replace("\n", "\r\n");
	}

	/** [start, end) of the first occurrence of {@code phrase} in {@code text}. */
	static int[] range(String text, String phrase) {
		int i = text.indexOf(phrase);
		if (i < 0) {
			throw new IllegalArgumentException("'" + phrase + "' is not in the text");
		}
		return new int[] { i, i + phrase.length() };
	}

	/** Fills the placeholders of a {@code project.qde} template (see the class comment). */
	static String fill(String template, Map<String, String> texts) {
		Matcher m = PLACEHOLDER.matcher(template);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			String key = m.group(1);
			String arg = m.group(2);
			String replacement;
			if (key.equals("text")) {
				replacement = escape(require(texts, arg.strip()));
			}
			else {
				int[] r = range(require(texts, key), arg);
				replacement = "startPosition=\"" + r[0] + "\" endPosition=\"" + r[1] + "\"";
			}
			m.appendReplacement(out, Matcher.quoteReplacement(replacement));
		}
		m.appendTail(out);
		return out.toString();
	}

	private static String require(Map<String, String> texts, String key) {
		String text = texts.get(key);
		if (text == null) {
			throw new IllegalArgumentException("no text '" + key + "'");
		}
		return text;
	}

	static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;");
	}

	static byte[] concat(byte[] a, byte[] b) {
		byte[] out = Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, out, a.length, b.length);
		return out;
	}

	/** A Word document with one paragraph per line of {@code text}. */
	static byte[] docx(String text) {
		try (XWPFDocument doc = new XWPFDocument(); var out = new ByteArrayOutputStream()) {
			for (String line : text.split("\n")) {
				doc.createParagraph().createRun().setText(line);
			}
			doc.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A .qdpx being put together: ZIP entries in the order added. */
	static final class Archive {

		private final Map<String, byte[]> entries = new LinkedHashMap<>();

		Archive put(String name, String text) {
			return put(name, text.getBytes(StandardCharsets.UTF_8));
		}

		Archive put(String name, byte[] content) {
			entries.put(name, content);
			return this;
		}

		byte[] zip() {
			var bytes = new ByteArrayOutputStream();
			try (var zip = new ZipOutputStream(bytes)) {
				for (var e : entries.entrySet()) {
					zip.putNextEntry(new ZipEntry(e.getKey()));
					zip.write(e.getValue());
					zip.closeEntry();
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return bytes.toByteArray();
		}

	}

	/**
	 * A ZIP whose entries are given as {@code project.qde} text plus entries of {@code size} zero bytes,
	 * streamed through the deflater so that neither the test nor the archive holds the inflated bytes.
	 */
	static byte[] zipWithZeros(String qde, Map<String, Long> zeroEntries) {
		var bytes = new ByteArrayOutputStream();
		byte[] zeros = new byte[1 << 16];
		try (var zip = new ZipOutputStream(bytes)) {
			zip.setLevel(Deflater.BEST_COMPRESSION);
			zip.putNextEntry(new ZipEntry("project.qde"));
			zip.write(qde.getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
			for (var e : zeroEntries.entrySet()) {
				zip.putNextEntry(new ZipEntry(e.getKey()));
				writeZeros(zip, e.getValue(), zeros);
				zip.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	private static void writeZeros(OutputStream out, long size, byte[] zeros) throws IOException {
		for (long left = size; left > 0;) {
			int n = (int) Math.min(left, zeros.length);
			out.write(zeros, 0, n);
			left -= n;
		}
	}

}

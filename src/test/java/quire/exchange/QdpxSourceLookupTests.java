package quire.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

import quire.exchange.QdpxFixtures.Archive;

/**
 * Finding a source's file in the archive however the exporting tool wrote the path and the ZIP:
 * {@code internal://}, {@code relative://} or a bare name; {@code Sources/} or {@code sources/};
 * URL-encoded names; names with letters outside ASCII in a ZIP whose entries are not flagged UTF-8
 * (CP437 as the ZIP format says, or the Windows code page), in decomposed form (macOS), or only in
 * the Info-ZIP Unicode path field; and a whole project zipped inside a folder.
 */
class QdpxSourceLookupTests extends QdpxTestSupport {

	static String text(int n) {
		return "Moderator: Welcome to interview " + n + ".\nParticipant " + n + ": Thank you, glad to be back at work.";
	}

	static String qde(String... paths) {
		StringBuilder sources = new StringBuilder();
		for (int i = 0; i < paths.length; i++) {
			sources.append("<TextSource guid=\"00000000-0000-4000-8000-0000000000%02d\" name=\"Source %d\" plainTextPath=\"%s\"/>\n"
				.formatted(i + 1, i + 1, paths[i]));
		}
		return """
				<?xml version="1.0" encoding="utf-8"?>
				<Project xmlns="urn:QDA-XML:project:1.0" name="Lookup">
				  <Sources>
				%s  </Sources>
				</Project>
				""".formatted(sources);
	}

	@Test
	void pathFormsFolderCaseAndUrlEncodedNames() {
		byte[] archive = new Archive().put("project.qde", qde("internal://first.txt", "relative://second.txt", "third.txt",
				"internal://focus%20group%201.txt", "relative://Interviews/Fieldwork/fifth.txt", "internal://Sources\\sixth.txt"))
			.put("sources/first.txt", text(1))
			.put("Sources/second.txt", text(2))
			.put("third.txt", text(3))
			.put("Sources/focus group 1.txt", text(4))
			.put("Sources/fifth.txt", text(5))
			.put("SOURCES/sixth.txt", text(6))
			.zip();

		QdpxReport report = qdpx.importProject("Lookup " + UUID.randomUUID(), "lookup.qdpx", archive);

		assertThat(report.skipped()).isEmpty();
		assertThat(report.sources()).isEqualTo(6);
	}

	@Test
	void namesOutsideAsciiInZipsNotFlaggedUtf8() {
		Map<String, byte[]> cp437 = new LinkedHashMap<>();
		cp437.put("project.qde", qde("internal://Intervju med Åse.txt").getBytes(StandardCharsets.UTF_8));
		cp437.put("Sources/Intervju med Åse.txt", text(1).getBytes(StandardCharsets.UTF_8));
		Map<String, byte[]> windows = new LinkedHashMap<>();
		windows.put("project.qde", qde("internal://Bjørn og Søren.txt").getBytes(StandardCharsets.UTF_8));
		windows.put("Sources/Bjørn og Søren.txt", text(2).getBytes(StandardCharsets.UTF_8));

		for (var zip : Map.of("cp437.qdpx", zip(cp437, Charset.forName("IBM437")), "windows.qdpx",
				zip(windows, Charset.forName("windows-1252"))).entrySet()) {
			QdpxReport report = qdpx.importProject("Lookup " + UUID.randomUUID(), zip.getKey(), zip.getValue());
			assertThat(report.skipped()).as(zip.getKey()).isEmpty();
			assertThat(report.sources()).as(zip.getKey()).isEqualTo(1);
		}
	}

	@Test
	void decomposedNamesTheUnicodePathFieldAndAProjectInAFolder() {
		String decomposed = Normalizer.normalize("Sources/Café – Åse.txt", Normalizer.Form.NFD);
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
			put(zip, new ZipEntry("Study export/project.qde"), qde("internal://Café – Åse.txt", "internal://Интервью 7.txt"));
			put(zip, new ZipEntry("Study export/" + decomposed), text(1));
			// the header holds an ASCII stand-in; the real name is only in the Unicode path extra field
			ZipEntry unicode = new ZipEntry("Study export/Sources/_______ 7.txt");
			unicode.setExtra(unicodePath(unicode.getName(), "Study export/Sources/Интервью 7.txt"));
			put(zip, unicode, text(2));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}

		QdpxReport report = qdpx.importProject("Lookup " + UUID.randomUUID(), "folder.qdpx", bytes.toByteArray());

		assertThat(report.skipped()).isEmpty();
		assertThat(report.sources()).isEqualTo(2);
	}

	static void put(ZipOutputStream zip, ZipEntry entry, String content) throws IOException {
		zip.putNextEntry(entry);
		zip.write(content.getBytes(StandardCharsets.UTF_8));
		zip.closeEntry();
	}

	/** Info-ZIP Unicode Path Extra Field (0x7075): version 1, CRC-32 of the header name, the UTF-8 name. */
	static byte[] unicodePath(String headerName, String realName) {
		byte[] name = realName.getBytes(StandardCharsets.UTF_8);
		CRC32 crc = new CRC32();
		crc.update(headerName.getBytes(StandardCharsets.UTF_8));
		ByteBuffer b = ByteBuffer.allocate(4 + 1 + 4 + name.length).order(ByteOrder.LITTLE_ENDIAN);
		b.putShort((short) 0x7075).putShort((short) (1 + 4 + name.length)).put((byte) 1).putInt((int) crc.getValue()).put(name);
		return b.array();
	}

	/** A ZIP whose entry names are in {@code charset}, without the UTF-8 flag, as older Windows tools write them. */
	static byte[] zip(Map<String, byte[]> entries, Charset charset) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes, charset)) {
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

package quire.exchange.internal;

import static quire.exchange.internal.Qde.first;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;

import quire.corpus.ImportRejectedException;
import quire.corpus.WordText;
import quire.tabular.DelimitedText;

/**
 * Finds the files a {@code project.qde} element points at in the archive and reads its text: inline
 * {@code PlainTextContent}, a {@code plainTextPath} (strict UTF-8, as REFI-QDA requires) or a
 * {@code richTextPath} Word file (read as the document importer reads Word).
 */
final class SourceFiles {

	private SourceFiles() {
	}

	/** A source's text, or why there is none (then {@code text} is null). */
	record Text(@Nullable String text, String problem) {

		static Text of(String text) {
			return new Text(text, "");
		}

		static Text none(String problem) {
			return new Text(null, problem);
		}

	}

	/**
	 * The text of a {@code TextSource}, {@code Transcript} or PDF {@code Representation}: inline, the
	 * plain text file, or else the text of its Word file. A rich text file Quire cannot read (RTF, ODT,
	 * a damaged or protected Word file) is one unsupported item, not a broken archive: the source is
	 * skipped with the reason.
	 * @throws IllegalArgumentException naming the archive if a plain text file is not UTF-8
	 */
	static Text text(String fileName, SafeZip zip, Element source, List<String> warnings) {
		Element inline = first(source, "PlainTextContent");
		if (inline != null) {
			return Text.of(inline.getTextContent());
		}
		if (source.hasAttribute("plainTextPath")) {
			Optional<byte[]> bytes = resolve(zip, source.getAttribute("plainTextPath"));
			if (bytes.isPresent()) {
				return Text.of(decode(fileName, source.getAttribute("plainTextPath"), bytes.get()));
			}
		}
		if (source.hasAttribute("richTextPath")) {
			String path = source.getAttribute("richTextPath");
			Optional<byte[]> rich = resolve(zip, path);
			if (rich.isPresent()) {
				String kind = richKind(rich.get());
				if (!kind.isEmpty()) {
					return Text.none("no plain text, and its rich text '" + path + "' is " + kind
							+ "; Quire reads plain text and Word .docx only");
				}
				try {
					String text = WordText.read(path, rich.get());
					warnings.add("'" + source.getAttribute("name") + "': text taken from its Word file (no plain text in the archive)");
					return Text.of(text);
				}
				catch (ImportRejectedException ex) {
					return Text.none("no plain text, and its Word file '" + path + "' cannot be read (" + ex.reason() + ")");
				}
			}
		}
		return Text.none("no text found in the archive (" + describePath(source) + ")");
	}

	/** What a rich text file is when it is clearly not a Word .docx; empty when it may be one. */
	private static String richKind(byte[] b) {
		String head = new String(b, 0, Math.min(b.length, 8), StandardCharsets.ISO_8859_1);
		if (head.startsWith("{\\rtf")) {
			return "an RTF file";
		}
		if (head.startsWith("%PDF")) {
			return "a PDF";
		}
		if (head.startsWith("PK")) {
			return "";
		}
		return b.length >= 8 && (b[0] & 0xFF) == 0xD0 && (b[1] & 0xFF) == 0xCF ? "an old Word .doc file" : "not a Word .docx file";
	}

	static Optional<String> noteText(SafeZip zip, Element note) {
		Element inline = first(note, "PlainTextContent");
		if (inline != null) {
			return Optional.of(inline.getTextContent().strip());
		}
		if (note.hasAttribute("plainTextPath")) {
			return resolve(zip, note.getAttribute("plainTextPath")).map(b -> new String(b, StandardCharsets.UTF_8).strip());
		}
		Element description = first(note, "Description");
		return description == null ? Optional.empty() : Optional.of(description.getTextContent().strip());
	}

	/**
	 * {@code internal://x.txt}, {@code relative://x.txt}, {@code Sources/x.txt}, {@code sources/x.txt} or
	 * a bare name, also URL-encoded ({@code focus%20group.txt}). A path that names folders the archive
	 * does not have ({@code relative://Interviews/x.txt}, relative to the exporting computer) is found by
	 * its file name when exactly one entry has that name. Nothing outside the archive is ever read.
	 */
	static Optional<byte[]> resolve(SafeZip zip, String path) {
		String p = path.strip();
		if (p.startsWith("internal://")) {
			p = p.substring("internal://".length());
		}
		else if (p.startsWith("relative://")) {
			p = p.substring("relative://".length());
		}
		p = p.replace('\\', '/');
		while (p.startsWith("/")) {
			p = p.substring(1);
		}
		String plain = p;
		List<String> names = new ArrayList<>(List.of(plain));
		percentDecoded(plain).filter(d -> !d.equals(plain)).ifPresent(names::add);
		for (String name : names) {
			Optional<byte[]> found = zip.entry("Sources/" + name).or(() -> zip.entry(name));
			if (found.isPresent()) {
				return found;
			}
		}
		for (String name : names) {
			String fileName = name.substring(name.lastIndexOf('/') + 1);
			Optional<byte[]> found = fileName.isBlank() ? Optional.empty() : zip.uniqueFileName(fileName);
			if (found.isPresent()) {
				return found;
			}
		}
		return Optional.empty();
	}

	/** {@code %XX} escapes decoded as UTF-8 ({@code +} stays: it is a plus in a file name); empty if there are none or they are broken. */
	static Optional<String> percentDecoded(String s) {
		if (s.indexOf('%') < 0) {
			return Optional.empty();
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int i = 0;
		while (i < s.length()) {
			int next = s.indexOf('%', i);
			int end = next < 0 ? s.length() : next;
			out.writeBytes(s.substring(i, end).getBytes(StandardCharsets.UTF_8));
			if (next < 0) {
				break;
			}
			if (next + 3 > s.length()) {
				return Optional.empty();
			}
			try {
				out.write(HexFormat.fromHexDigits(s, next + 1, next + 3));
			}
			catch (IllegalArgumentException ex) {
				return Optional.empty();
			}
			i = next + 3;
		}
		try {
			return Optional.of(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(out.toByteArray())).toString());
		}
		catch (CharacterCodingException ex) {
			return Optional.empty();
		}
	}

	static String describePath(Element source) {
		return source.hasAttribute("plainTextPath") ? "plainTextPath " + source.getAttribute("plainTextPath")
				: source.hasAttribute("richTextPath") ? "richTextPath " + source.getAttribute("richTextPath") : "no path";
	}

	/**
	 * Strict UTF-8; a byte-order mark is kept as U+FEFF, because other tools count selection offsets
	 * either with or without it and the importer aligns them.
	 */
	private static String decode(String fileName, String path, byte[] bytes) {
		DelimitedText.Decoded decoded = DelimitedText.decode(bytes);
		if (decoded.ok()) {
			String text = decoded.text();
			return hasBom(bytes) ? "\uFEFF" + text : text;
		}
		String where = fileName + ": the text '" + path + "' ";
		throw new IllegalArgumentException(switch (decoded.refusal()) {
			case NOT_UTF_8 -> where + "is not UTF-8 as REFI-QDA requires (byte 0x%02X on line %d)"
				.formatted(decoded.badByte(), decoded.line());
			case UTF_16 -> where + "is UTF-16, not UTF-8 as REFI-QDA requires";
			case ZIP -> where + "is a ZIP archive, not UTF-8 text as REFI-QDA requires";
			case NUL -> where + "holds NUL characters on line " + decoded.line() + ", as a binary file does, not UTF-8 text";
			case null -> where + "cannot be read";
		});
	}

	private static boolean hasBom(byte[] b) {
		return b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
	}

}

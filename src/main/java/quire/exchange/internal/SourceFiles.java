package quire.exchange.internal;

import static quire.exchange.internal.Qde.first;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

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

	/** The text of a {@code TextSource} or {@code Transcript}; empty if the archive holds none. */
	static Optional<String> text(String fileName, SafeZip zip, Element source, List<String> warnings) {
		Element inline = first(source, "PlainTextContent");
		if (inline != null) {
			return Optional.of(inline.getTextContent());
		}
		if (source.hasAttribute("plainTextPath")) {
			Optional<byte[]> bytes = resolve(zip, source.getAttribute("plainTextPath"));
			if (bytes.isPresent()) {
				return Optional.of(decode(fileName, source.getAttribute("plainTextPath"), bytes.get()));
			}
		}
		if (source.hasAttribute("richTextPath")) {
			Optional<byte[]> docx = resolve(zip, source.getAttribute("richTextPath"));
			if (docx.isPresent()) {
				warnings.add("'" + source.getAttribute("name") + "': text taken from its Word file (no plain text in the archive)");
				try {
					return Optional.of(WordText.read(source.getAttribute("richTextPath"), docx.get()));
				}
				catch (ImportRejectedException ex) {
					throw new IllegalArgumentException(fileName + ": the Word file '" + source.getAttribute("richTextPath")
							+ "' cannot be read (" + ex.reason() + ")", ex);
				}
			}
		}
		return Optional.empty();
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

	/** {@code internal://x.txt}, {@code Sources/x.txt}, {@code sources/x.txt} or a relative path. */
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
		final String name = p;
		return zip.entry("Sources/" + name).or(() -> zip.entry(name));
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

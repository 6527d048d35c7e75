package quire.report.document;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The text primitives of {@link PdfRenderer}: printing a line, measuring it, cleaning it to what the font can show,
 * and word-wrapping it. Remembers per font which characters it has glyphs for.
 */
final class PdfText {

	private final Map<PDType0Font, Map<Integer, Boolean>> glyphs = new HashMap<>();

	void text(PDPageContentStream s, PDType0Font f, float size, float x, float baseline, String text)
			throws IOException {
		String t = clean(f, text);
		if (t.isEmpty()) {
			return;
		}
		s.beginText();
		s.setFont(f, size);
		s.newLineAtOffset(x, baseline);
		s.showText(t);
		s.endText();
	}

	float width(PDType0Font f, float size, String text) throws IOException {
		return f.getStringWidth(clean(f, text)) / 1000f * size;
	}

	/** Whitespace to single spaces, characters the font lacks to '?'. */
	String clean(PDType0Font f, String text) {
		Map<Integer, Boolean> known = glyphs.computeIfAbsent(f, k -> new HashMap<>());
		StringBuilder sb = new StringBuilder(text.length());
		text.codePoints().forEach(cp -> {
			if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
				sb.append(' ');
			} else if (Character.isISOControl(cp)) {
				// drop
			} else if (known.computeIfAbsent(cp, k -> {
				try {
					f.encode(new String(Character.toChars(k)));
					return true;
				} catch (IOException | IllegalArgumentException e) {
					return false;
				}
			})) {
				sb.appendCodePoint(cp);
			} else {
				sb.append('?');
			}
		});
		return sb.toString().replaceAll(" {2,}", " ").strip();
	}

	/** Word-wraps text to lines no wider than {@code max}; overlong words are broken. */
	List<String> wrap(PDType0Font f, float size, String text, float max) throws IOException {
		List<String> lines = new ArrayList<>();
		String cleaned = clean(f, text);
		if (cleaned.isEmpty()) {
			lines.add("");
			return lines;
		}
		StringBuilder line = new StringBuilder();
		for (String word : cleaned.split(" ")) {
			String candidate = line.isEmpty() ? word : line + " " + word;
			if (width(f, size, candidate) <= max) {
				line.setLength(0);
				line.append(candidate);
				continue;
			}
			if (!line.isEmpty()) {
				lines.add(line.toString());
				line.setLength(0);
			}
			// break a word that alone is too wide
			String rest = word;
			while (width(f, size, rest) > max && rest.length() > 1) {
				int n = rest.length() - 1;
				while (n > 1 && width(f, size, rest.substring(0, n)) > max) {
					n--;
				}
				lines.add(rest.substring(0, n));
				rest = rest.substring(n);
			}
			line.append(rest);
		}
		if (!line.isEmpty()) {
			lines.add(line.toString());
		}
		return lines;
	}
}

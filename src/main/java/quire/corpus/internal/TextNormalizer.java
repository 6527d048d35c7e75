package quire.corpus.internal;

import java.text.Normalizer;

import quire.corpus.ImportRejectedException;

/**
 * Brings text into the one form Quire stores: Unicode NFC, {@code \n} line endings, no byte-order
 * mark, no trailing spaces on a line, no control characters but tab and newline. Stored text never
 * changes afterwards, so every offset into it stays valid.
 */
final class TextNormalizer {

	private TextNormalizer() {
	}

	/**
	 * @throws ImportRejectedException if the text holds NUL or other control characters (a binary file)
	 */
	static String normalize(String fileName, String raw) {
		String s = raw.startsWith("\uFEFF") ? raw.substring(1) : raw;
		s = s.replace("\r\n", "\n").replace('\r', '\n').replace('\u2028', '\n').replace('\u2029', '\n');
		s = Normalizer.normalize(s, Normalizer.Form.NFC);
		StringBuilder out = new StringBuilder(s.length());
		int line = 1;
		int lineStart = 0;
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c == '\n') {
				trimTrailing(out, lineStart);
				out.append('\n');
				lineStart = out.length();
				line++;
			}
			else if (c == '\u00A0') {
				out.append(' ');
			}
			else if (c == '\f' || c == '\u000B') {
				out.append(' ');
			}
			else if (c < 0x20 && c != '\t' || c == 0x7F) {
				throw new ImportRejectedException(fileName, String.format(
						"looks like a binary file, not text (control character 0x%02X at line %d)", (int) c, line));
			}
			else {
				out.append(c);
			}
		}
		trimTrailing(out, lineStart);
		return out.toString().strip().isEmpty() ? "" : stripTrailingNewlines(out);
	}

	private static void trimTrailing(StringBuilder out, int lineStart) {
		int end = out.length();
		while (end > lineStart && (out.charAt(end - 1) == ' ' || out.charAt(end - 1) == '\t')) {
			end--;
		}
		out.setLength(end);
	}

	private static String stripTrailingNewlines(StringBuilder out) {
		int end = out.length();
		while (end > 0 && out.charAt(end - 1) == '\n') {
			end--;
		}
		return out.substring(0, end);
	}

}

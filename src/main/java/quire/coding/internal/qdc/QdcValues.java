package quire.coding.internal.qdc;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The value rules of a codebook in one place: how GUIDs and colours are recognised and normalised, and which text can
 * be stored in XML at all. Shared by the records (which check their arguments) and the reader (which turns a broken
 * value into a message with the file and line).
 */
final class QdcValues {

	/** The namespace of a REFI-QDA codebook file. */
	static final String NAMESPACE = "urn:QDA-XML:codebook:1.0";

	/** The most codes a codebook may hold; a guard against absurd or hostile files. */
	static final int MAX_CODES = 100_000;

	/** The deepest nesting of codes accepted (the top level is depth 1). */
	static final int MAX_CODE_DEPTH = 500;

	private static final String HEX_GUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

	private static final Pattern GUID = Pattern.compile("\\{(" + HEX_GUID + ")\\}|(" + HEX_GUID + ")");

	private static final Pattern COLOUR = Pattern.compile("#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})");

	private QdcValues() {
	}

	/**
	 * The GUID in its normal form (lower case, 8-4-4-4-12, no braces), or null when {@code raw} is not a GUID. Braces
	 * and surrounding blanks are accepted, as MAXQDA and other tools write them.
	 */
	static @Nullable String guidOrNull(String raw) {
		Matcher m = GUID.matcher(raw.strip());
		if (!m.matches()) {
			return null;
		}
		String hex = m.group(1) != null ? m.group(1) : m.group(2);
		return hex.toLowerCase(Locale.ROOT);
	}

	static String guid(String raw, String what) {
		String guid = guidOrNull(raw);
		if (guid == null) {
			throw new IllegalArgumentException("invalid GUID '" + raw + "' for " + what
					+ " (expected 8-4-4-4-12 hexadecimal digits, optionally in braces)");
		}
		return guid;
	}

	/** The colour as {@code #RRGGBB} in upper case, or null when {@code raw} is not {@code #RGB} or {@code #RRGGBB}. */
	static @Nullable String colourOrNull(String raw) {
		Matcher m = COLOUR.matcher(raw.strip());
		if (!m.matches()) {
			return null;
		}
		String hex = m.group(1).toUpperCase(Locale.ROOT);
		if (hex.length() == 3) {
			StringBuilder six = new StringBuilder(6);
			for (int i = 0; i < 3; i++) {
				six.append(hex.charAt(i)).append(hex.charAt(i));
			}
			hex = six.toString();
		}
		return "#" + hex;
	}

	static String colour(String raw, String what) {
		String colour = colourOrNull(raw);
		if (colour == null) {
			throw new IllegalArgumentException("invalid colour '" + raw + "' for " + what + " (expected #RRGGBB or #RGB)");
		}
		return colour;
	}

	/** A name on one line: blanks around it stripped, line breaks and tabs turned into spaces; never blank. */
	static String name(String raw, String what) {
		String name = raw.replaceAll("[\\r\\n\\t]+", " ").strip();
		if (name.isEmpty()) {
			throw new IllegalArgumentException("blank name for " + what);
		}
		requireXmlText(name, "name of " + what);
		return name;
	}

	/** A one-line attribute value that may be empty (the origin of a codebook). */
	static String line(String raw, String what) {
		String line = raw.replaceAll("[\\r\\n\\t]+", " ").strip();
		requireXmlText(line, what);
		return line;
	}

	/**
	 * A description with {@code \n} line ends and without blanks around it, or null when it is missing or blank. Inner
	 * line breaks and blank lines are kept: Quire stores definitions and Include/Exclude/Example lines there.
	 */
	static @Nullable String description(@Nullable String raw, String what) {
		if (raw == null) {
			return null;
		}
		String text = raw.replace("\r\n", "\n").replace('\r', '\n').strip();
		if (text.isEmpty()) {
			return null;
		}
		requireXmlText(text, "description of " + what);
		return text;
	}

	/** Refuses characters that XML 1.0 cannot carry, so that whatever a record holds can be written. */
	static void requireXmlText(String text, String what) {
		for (int i = 0; i < text.length();) {
			int c = text.codePointAt(i);
			boolean allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
					|| (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
			if (!allowed) {
				throw new IllegalArgumentException(what + " contains character U+"
						+ String.format(Locale.ROOT, "%04X", c) + ", which XML cannot carry");
			}
			i += Character.charCount(c);
		}
	}
}

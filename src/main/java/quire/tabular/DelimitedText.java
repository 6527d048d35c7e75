package quire.tabular;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Strict UTF-8 decoding (a byte-order mark allowed; UTF-16 recognised with or without one), delimiter detection (comma, semicolon or tab)
 * and line numbering for delimited text files. Decoding never guesses another encoding: a file that
 * is not UTF-8 is refused with the line of the first bad byte, so callers can say exactly why.
 */
public final class DelimitedText {

	private DelimitedText() {
	}

	/** Why bytes are not UTF-8 text. */
	public enum Refusal {
		/** UTF-16 ("Unicode text" in spreadsheet programs). */
		UTF_16,
		/** A ZIP archive, e.g. an .xlsx workbook. */
		ZIP,
		/** A byte sequence that is not UTF-8. */
		NOT_UTF_8,
		/** NUL characters: a binary file. */
		NUL
	}

	/**
	 * The decoded text, or why there is none: the refusal, its 1-based line and, for
	 * {@link Refusal#NOT_UTF_8}, the offending byte.
	 */
	public record Decoded(@Nullable String text, @Nullable Refusal refusal, int line, int badByte) {

		public boolean ok() {
			return text != null;
		}

	}

	public static Decoded decode(byte[] bytes) {
		int start = 0;
		if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
			start = 3;
		}
		else if (bytes.length >= 2 && ((bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE
				|| (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF)) {
			return new Decoded(null, Refusal.UTF_16, 1, -1);
		}
		else if (bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4) {
			return new Decoded(null, Refusal.ZIP, 1, -1);
		}
		else if (utf16WithoutByteOrderMark(bytes) != null) {
			return new Decoded(null, Refusal.UTF_16, 1, -1);
		}
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
		CharBuffer out = CharBuffer.allocate(bytes.length);
		CoderResult result = decoder.decode(in, out, true);
		if (!result.isError()) {
			result = decoder.flush(out);
		}
		if (result.isError()) {
			int at = in.position();
			int line = 1;
			for (int i = start; i < at; i++) {
				if (bytes[i] == '\n' || bytes[i] == '\r' && (i + 1 >= bytes.length || bytes[i + 1] != '\n')) {
					line++;
				}
			}
			return new Decoded(null, Refusal.NOT_UTF_8, line, bytes[at] & 0xFF);
		}
		out.flip();
		String text = out.toString();
		int nul = text.indexOf('\u0000');
		if (nul >= 0) {
			return new Decoded(null, Refusal.NUL, new Lines(text).lineOf(nul), -1);
		}
		return new Decoded(text, null, 0, -1);
	}

	/**
	 * UTF-16 saved without a byte-order mark, recognised by its zero bytes: text in a Latin script
	 * written as UTF-16 has a zero byte in every (or nearly every) character, all on the same side
	 * of the pair — the second byte in little-endian, the first in big-endian. Returns that charset
	 * when at least 40% of the first 4,096 pairs have a zero on one side and none on the other side,
	 * and the whole file then decodes strictly; otherwise null (UTF-8 text has no zero bytes at all,
	 * a binary file has them on both sides).
	 */
	public static @Nullable Charset utf16WithoutByteOrderMark(byte[] bytes) {
		if (bytes.length < 4 || bytes.length % 2 != 0) {
			return null;
		}
		int pairs = Math.min(bytes.length / 2, 4096);
		int evenZeros = 0;
		int oddZeros = 0;
		for (int p = 0; p < pairs; p++) {
			if (bytes[2 * p] == 0) {
				evenZeros++;
			}
			if (bytes[2 * p + 1] == 0) {
				oddZeros++;
			}
		}
		Charset charset = null;
		if (oddZeros * 10 >= pairs * 4 && evenZeros == 0) {
			charset = StandardCharsets.UTF_16LE;
		}
		else if (evenZeros * 10 >= pairs * 4 && oddZeros == 0) {
			charset = StandardCharsets.UTF_16BE;
		}
		if (charset == null) {
			return null;
		}
		try {
			String text = charset.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
			return text.indexOf('\u0000') < 0 ? charset : null;
		}
		catch (java.nio.charset.CharacterCodingException ex) {
			return null;
		}
	}

	/**
	 * The delimiter occurring most often outside quotes in the first non-blank line: comma, semicolon or
	 * tab (comma when none occurs).
	 */
	public static char delimiter(String text) {
		int commas = 0;
		int semicolons = 0;
		int tabs = 0;
		boolean quoted = false;
		boolean started = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (!started && (c == '\n' || c == '\r')) {
				continue; // blank lines above the header
			}
			started = true;
			if (c == '"') {
				quoted = !quoted;
			}
			else if (!quoted && (c == '\n' || c == '\r')) {
				break;
			}
			else if (!quoted && c == ',') {
				commas++;
			}
			else if (!quoted && c == ';') {
				semicolons++;
			}
			else if (!quoted && c == '\t') {
				tabs++;
			}
		}
		if (semicolons > commas && semicolons >= tabs) {
			return ';';
		}
		if (tabs > commas && tabs > semicolons) {
			return '\t';
		}
		return ',';
	}

	/** The message of the innermost cause (or its class name when it has none). */
	/**
	 * Why a file of {@code size} bytes is refused before it is read, or null when it is within
	 * {@code limit}: e.g. "the file is 200 MB, larger than the upload limit of 50 MB". Checked before
	 * decoding, so a huge upload costs no more than the bytes already received.
	 */
	public static @Nullable String tooLarge(long size, long limit) {
		if (size <= limit) {
			return null;
		}
		return "the file is " + megabytes(size) + ", larger than the upload limit of " + megabytes(limit);
	}

	private static String megabytes(long bytes) {
		double mb = bytes / (1024.0 * 1024.0);
		return mb == Math.rint(mb) ? String.format(java.util.Locale.ROOT, "%.0f MB", mb)
				: String.format(java.util.Locale.ROOT, "%.1f MB", mb);
	}

	public static String rootMessage(Throwable e) {
		Throwable t = e;
		while (t.getCause() != null && t.getCause() != t) {
			t = t.getCause();
		}
		String m = t.getMessage();
		return m == null ? t.getClass().getSimpleName() : m;
	}

	/** Maps character positions to 1-based line numbers; a line ends at LF, CRLF or a lone CR. */
	public static final class Lines {

		private final int[] starts;

		public Lines(String text) {
			List<Integer> s = new ArrayList<>();
			s.add(0);
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if (c == '\n' || c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
					s.add(i + 1);
				}
			}
			this.starts = s.stream().mapToInt(Integer::intValue).toArray();
		}

		public int lineOf(long position) {
			int i = Arrays.binarySearch(this.starts, (int) Math.min(Integer.MAX_VALUE, position));
			return i >= 0 ? i + 1 : -i - 1;
		}

	}

}

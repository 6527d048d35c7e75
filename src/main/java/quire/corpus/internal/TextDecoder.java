package quire.corpus.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import quire.corpus.ImportRejectedException;
import quire.tabular.DelimitedText;

/**
 * Decodes the bytes of a text file (.txt, .vtt, .srt). UTF-8 (with or without a byte-order mark)
 * and UTF-16 with a byte-order mark, or without one when its zero bytes make it certain
 * ({@link DelimitedText#utf16WithoutByteOrderMark}), are read strictly. Anything else is read as Windows-1252 only
 * when that is certain: every non-ASCII byte is a letter or typographic punctuation of that code
 * page and letters sit inside words. Otherwise the file is refused, so Quire never stores mojibake.
 */
final class TextDecoder {

	private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	private TextDecoder() {
	}

	static String decode(String fileName, byte[] bytes) {
		if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
			return strict(fileName, bytes, 3, StandardCharsets.UTF_8);
		}
		if (startsWith(bytes, 0xFE, 0xFF)) {
			return strict(fileName, bytes, 2, StandardCharsets.UTF_16BE);
		}
		if (startsWith(bytes, 0xFF, 0xFE)) {
			return strict(fileName, bytes, 2, StandardCharsets.UTF_16LE);
		}
		Charset utf16 = DelimitedText.utf16WithoutByteOrderMark(bytes);
		if (utf16 != null) {
			return strict(fileName, bytes, 0, utf16);
		}
		try {
			return decoder(StandardCharsets.UTF_8).decode(ByteBuffer.wrap(bytes)).toString();
		}
		catch (CharacterCodingException ex) {
			int bad = firstInvalidUtf8(bytes);
			if (certainlyWindows1252(bytes)) {
				return new String(bytes, WINDOWS_1252);
			}
			throw new ImportRejectedException(fileName,
					String.format("the text is not valid UTF-8 (first bad byte 0x%02X at line %d) and its encoding "
							+ "cannot be determined with certainty; save it as UTF-8 and import again",
							bytes[bad] & 0xFF, lineOf(bytes, bad)));
		}
	}

	private static String strict(String fileName, byte[] bytes, int skip, Charset charset) {
		try {
			return decoder(charset).decode(ByteBuffer.wrap(bytes, skip, bytes.length - skip)).toString();
		}
		catch (CharacterCodingException ex) {
			throw new ImportRejectedException(fileName,
					"the file says it is " + charset.name() + " but is not valid " + charset.name());
		}
	}

	private static CharsetDecoder decoder(Charset charset) {
		return charset.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
	}

	/**
	 * True when every byte at or above 0x80 decodes in Windows-1252 to a Latin letter or typographic
	 * punctuation, no byte is one of its five undefined positions, and each letter sits next to
	 * another letter (it is part of a word).
	 */
	static boolean certainlyWindows1252(byte[] bytes) {
		boolean sawHigh = false;
		for (int i = 0; i < bytes.length; i++) {
			int b = bytes[i] & 0xFF;
			if (b < 0x80) {
				continue;
			}
			sawHigh = true;
			if (b == 0x81 || b == 0x8D || b == 0x8F || b == 0x90 || b == 0x9D) {
				return false;
			}
			char c = decode1252(b);
			if (Character.isLetter(c)) {
				boolean before = i > 0 && isWordByte(bytes[i - 1] & 0xFF);
				boolean after = i + 1 < bytes.length && isWordByte(bytes[i + 1] & 0xFF);
				if (!before && !after) {
					return false;
				}
			}
			else if ("‘’“”–—…•«»°§€".indexOf(c) < 0) {
				return false;
			}
		}
		return sawHigh;
	}

	private static boolean isWordByte(int b) {
		if (b < 0x80) {
			return Character.isLetter((char) b);
		}
		return Character.isLetter(decode1252(b));
	}

	private static char decode1252(int b) {
		CharBuffer c = WINDOWS_1252.decode(ByteBuffer.wrap(new byte[] { (byte) b }));
		return c.length() == 0 ? '\uFFFD' : c.charAt(0);
	}

	private static int firstInvalidUtf8(byte[] bytes) {
		CharsetDecoder decoder = decoder(StandardCharsets.UTF_8);
		ByteBuffer in = ByteBuffer.wrap(bytes);
		CharBuffer out = CharBuffer.allocate(Math.max(16, bytes.length));
		var result = decoder.decode(in, out, true);
		return result.isError() ? Math.min(in.position(), bytes.length - 1) : 0;
	}

	private static int lineOf(byte[] bytes, int index) {
		int line = 1;
		for (int i = 0; i < index && i < bytes.length; i++) {
			if (bytes[i] == '\n') {
				line++;
			}
		}
		return line;
	}

	private static boolean startsWith(byte[] bytes, int... prefix) {
		if (bytes.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if ((bytes[i] & 0xFF) != prefix[i]) {
				return false;
			}
		}
		return true;
	}

}

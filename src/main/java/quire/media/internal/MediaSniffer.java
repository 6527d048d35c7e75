package quire.media.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

import quire.media.MediaFormat;

/**
 * Reads a recording's format from its first bytes, the way browsers and {@code file(1)} do: the name
 * a file was uploaded under says nothing (a renamed program stays a program). Magic numbers: ID3 tag
 * or an MPEG audio frame sync (mp3), {@code ftyp} box at offset 4 (MPEG-4; the brand tells audio
 * from video), {@code RIFF....WAVE} (wav), {@code OggS} (ogg), the EBML header {@code 1A 45 DF A3}
 * with doc type {@code webm} (webm).
 */
public final class MediaSniffer {

	/** How many leading bytes {@link #sniff} needs. */
	public static final int HEAD = 64;

	private MediaSniffer() {
	}

	public static Optional<MediaFormat> sniff(byte[] head) {
		if (starts(head, 0, "ID3") || mpegFrameSync(head)) {
			return Optional.of(MediaFormat.MP3);
		}
		if (starts(head, 4, "ftyp") && head.length >= 12) {
			String brand = new String(head, 8, 4, StandardCharsets.ISO_8859_1);
			return Optional.of(brand.startsWith("M4A") || brand.startsWith("M4B") || brand.startsWith("M4P")
					? MediaFormat.M4A : MediaFormat.MP4);
		}
		if (starts(head, 0, "RIFF") && starts(head, 8, "WAVE")) {
			return Optional.of(MediaFormat.WAV);
		}
		if (starts(head, 0, "OggS")) {
			return Optional.of(MediaFormat.OGG);
		}
		if (head.length >= 4 && (head[0] & 0xff) == 0x1a && (head[1] & 0xff) == 0x45 && (head[2] & 0xff) == 0xdf
				&& (head[3] & 0xff) == 0xa3) {
			return contains(head, "webm") ? Optional.of(MediaFormat.WEBM) : Optional.empty();
		}
		return Optional.empty();
	}

	/** Why a file that {@link #sniff} does not recognise is refused, naming what it looks like where that is clear. */
	public static String refusal(byte[] head) {
		String what;
		if (head.length == 0) {
			what = "the file is empty";
		}
		else if (starts(head, 0, "MZ")) {
			what = "it is a Windows program (MZ header), not a recording";
		}
		else if (head.length >= 4 && (head[0] & 0xff) == 0x7f && starts(head, 1, "ELF")) {
			what = "it is a Linux program (ELF header), not a recording";
		}
		else if (starts(head, 0, "PK")) {
			what = "it is a ZIP archive (or an Office document), not a recording";
		}
		else if (starts(head, 0, "%PDF")) {
			what = "it is a PDF, not a recording";
		}
		else if (head.length >= 4 && (head[0] & 0xff) == 0x1a && (head[1] & 0xff) == 0x45) {
			what = "it is a Matroska file other than WebM, which browsers do not play";
		}
		else {
			what = "its content is not a recording format browsers play";
		}
		return what + "; attach mp3, m4a/aac, wav, ogg/opus, mp4 or webm (the type is read from the content, not the name)";
	}

	private static boolean mpegFrameSync(byte[] h) {
		// 11 set sync bits, MPEG version not "reserved", layer III
		return h.length >= 2 && (h[0] & 0xff) == 0xff && (h[1] & 0xe0) == 0xe0 && (h[1] & 0x18) != 0x08
				&& (h[1] & 0x06) == 0x02;
	}

	private static boolean starts(byte[] head, int offset, String ascii) {
		byte[] b = ascii.getBytes(StandardCharsets.ISO_8859_1);
		return head.length >= offset + b.length && Arrays.equals(head, offset, offset + b.length, b, 0, b.length);
	}

	private static boolean contains(byte[] head, String ascii) {
		return new String(head, StandardCharsets.ISO_8859_1).contains(ascii);
	}

}

package quire.media.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import quire.media.MediaFormat;

class MediaSnifferTests {

	static byte[] bytes(Object... parts) {
		var out = new java.io.ByteArrayOutputStream();
		for (Object p : parts) {
			if (p instanceof String s) {
				out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
			}
			else {
				out.write((Integer) p);
			}
		}
		out.writeBytes(new byte[32]);
		return out.toByteArray();
	}

	@Test
	void eachPlayableFormatIsKnownByItsFirstBytes() {
		assertThat(MediaSniffer.sniff(bytes("ID3", 4, 0))).contains(MediaFormat.MP3);
		assertThat(MediaSniffer.sniff(bytes(0xff, 0xfb, 0x90, 0x64))).contains(MediaFormat.MP3);
		assertThat(MediaSniffer.sniff(bytes(0, 0, 0, 0x20, "ftypM4A ", 0, 0, 0, 0))).contains(MediaFormat.M4A);
		assertThat(MediaSniffer.sniff(bytes(0, 0, 0, 0x20, "ftypisom", 0, 0, 2, 0))).contains(MediaFormat.MP4);
		assertThat(MediaSniffer.sniff(bytes("RIFF", 0x24, 0, 0, 0, "WAVEfmt "))).contains(MediaFormat.WAV);
		assertThat(MediaSniffer.sniff(bytes("OggS", 0, 2))).contains(MediaFormat.OGG);
		assertThat(MediaSniffer.sniff(bytes(0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x82, 0x84, "webm")))
			.contains(MediaFormat.WEBM);
		assertThat(MediaSniffer.sniff(ToneWav.tones(100, List.of(), List.of()))).contains(MediaFormat.WAV);
	}

	@Test
	void aRenamedProgramOrDocumentIsRefusedWithWhatItIs() {
		byte[] exe = bytes("MZ", 0x90, 0);
		assertThat(MediaSniffer.sniff(exe)).isEmpty();
		assertThat(MediaSniffer.refusal(exe)).contains("Windows program").contains("read from the content");
		assertThat(MediaSniffer.refusal(bytes(0x7f, "ELF", 2))).contains("Linux program");
		assertThat(MediaSniffer.refusal(bytes("%PDF-1.7"))).contains("PDF");
		assertThat(MediaSniffer.refusal(new byte[0])).contains("empty");
		// RIFF that is not WAVE (an AVI), Matroska that is not WebM, an MP3 frame header of layer I
		assertThat(MediaSniffer.sniff(bytes("RIFF", 0, 0, 0, 0, "AVI "))).isEqualTo(Optional.empty());
		assertThat(MediaSniffer.sniff(bytes(0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x82, 0x88, "matroska"))).isEmpty();
		assertThat(MediaSniffer.sniff(bytes(0xff, 0xff, 0x90, 0x64))).isEmpty();
		assertThat(MediaSniffer.sniff(bytes("hello, this is text"))).isEmpty();
	}

	@Test
	void theDurationOfAWavIsReadFromItsHeader() throws Exception {
		var file = java.nio.file.Files.createTempFile("tone", ".wav");
		try {
			java.nio.file.Files.write(file, ToneWav.tones(2500, List.of(0L), List.of(440)));
			assertThat(MediaProbe.durationMillis(file, MediaFormat.WAV).orElseThrow()).isBetween(2490L, 2510L);
			assertThat(MediaProbe.durationMillis(file, MediaFormat.WEBM)).isEmpty();
		}
		finally {
			java.nio.file.Files.delete(file);
		}
	}

}

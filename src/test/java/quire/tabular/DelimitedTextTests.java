package quire.tabular;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Encoding checks shared by the lab CSV and questionnaire readers. */
final class DelimitedTextTests {

	@Test
	void utf16WithoutAByteOrderMarkIsNamedAsUtf16NotAsBinary() {
		String csv = "id,satisfaction\nSW001,5\nSW002,4\n";
		for (var charset : java.util.List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
			DelimitedText.Decoded d = DelimitedText.decode(csv.getBytes(charset));
			assertThat(d.ok()).isFalse();
			assertThat(d.refusal()).as(charset.name()).isEqualTo(DelimitedText.Refusal.UTF_16);
			assertThat(DelimitedText.utf16WithoutByteOrderMark(csv.getBytes(charset))).isEqualTo(charset);
		}
	}

	@Test
	void utf8TextAndBinaryFilesAreNotTakenForUtf16() {
		assertThat(DelimitedText.utf16WithoutByteOrderMark("id,sat\nSW001,5\n".getBytes(StandardCharsets.UTF_8))).isNull();
		byte[] binary = { 0, 0, 1, 2, 0, 0, 3, 4, 0, 0 };
		assertThat(DelimitedText.utf16WithoutByteOrderMark(binary)).isNull();
		assertThat(DelimitedText.decode(binary).refusal()).isEqualTo(DelimitedText.Refusal.NUL);
	}

}

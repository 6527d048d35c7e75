package quire.exchange.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;

import org.junit.jupiter.api.Test;

/** Offsets of another tool's plain text land on the same characters of Quire's normalised text. */
final class OffsetMapTests {

	static String covered(String original, String stored, String words) {
		OffsetMap map = OffsetMap.align(original, stored);
		int start = original.indexOf(words);
		return stored.substring(map.map(start), map.map(start + words.length()));
	}

	@Test
	void crlfBomNbspAndTrailingSpacesStillLandOnTheSameWords() {
		String original = "\uFEFFModerator: How was it?  \r\nMI Caseworker 1: Too\u00A0many cases,\r\nreally.\r\n\r\n";
		String stored = "Moderator: How was it?\nMI Caseworker 1: Too many cases,\nreally.";
		assertThat(covered(original, stored, "How was it?")).isEqualTo("How was it?");
		assertThat(covered(original, stored, "Too\u00A0many cases")).isEqualTo("Too many cases");
		assertThat(covered(original, stored, "cases,\r\nreally.")).isEqualTo("cases,\nreally.");
	}

	@Test
	void decomposedLettersMapOntoTheirComposedForm() {
		String original = "Intervjuer: Hvordan gikk det? Saksbehandler: Det var la\u030Arig og s\u00E6rt.";
		String stored = Normalizer.normalize(original, Normalizer.Form.NFC);
		assertThat(covered(original, stored, "la\u030Arig og s\u00E6rt")).isEqualTo("l\u00E5rig og s\u00E6rt");
		assertThat(covered(original, stored, "Hvordan")).isEqualTo("Hvordan");
	}

	@Test
	void identicalTextsMapOneToOne() {
		String text = "MI Caseworker 2: Supervision helped.";
		OffsetMap map = OffsetMap.align(text, text);
		for (int i = 0; i <= text.length(); i++) {
			assertThat(map.map(i)).isEqualTo(i);
		}
	}

}

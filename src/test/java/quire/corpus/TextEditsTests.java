package quire.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Golden offsets: ranges before, inside, across and after replaced spans move with their words. */
final class TextEditsTests {

	static final String TEXT = "Åse møtte Kjell-Øyvind i Tromsø på fredag.";

	static final TextEdits EDITS = TextEdits.of(List.of(
			new TextEdit(TEXT.indexOf("Tromsø"), TEXT.indexOf("Tromsø") + 6, "[Town 1]"),
			new TextEdit(0, 3, "[Participant 3]"),
			new TextEdit(TEXT.indexOf("Kjell"), TEXT.indexOf("Kjell") + 12, "[Person 1]")), TEXT.length());

	static final String NEW = EDITS.apply(TEXT);

	static String moved(String words) {
		int start = TEXT.indexOf(words);
		return NEW.substring(EDITS.mapStart(start), EDITS.mapEnd(start + words.length()));
	}

	@Test
	void theTextHasEveryReplacement() {
		assertThat(NEW).isEqualTo("[Participant 3] møtte [Person 1] i [Town 1] på fredag.");
	}

	@Test
	void rangesOutsideReplacementsKeepTheirWords() {
		assertThat(moved("møtte")).isEqualTo("møtte");
		assertThat(moved("på fredag.")).isEqualTo("på fredag.");
		assertThat(moved(" i ")).isEqualTo(" i ");
	}

	@Test
	void aRangeInsideAReplacementCoversTheWholePseudonym() {
		assertThat(moved("Øyvind")).isEqualTo("[Person 1]");
		assertThat(moved("se")).isEqualTo("[Participant 3]");
	}

	@Test
	void aRangeAcrossAReplacementGrowsToCoverIt() {
		assertThat(moved("møtte Kjell")).isEqualTo("møtte [Person 1]");
		assertThat(moved("msø på")).isEqualTo("[Town 1] på");
		assertThat(moved(TEXT)).isEqualTo(NEW);
	}

	@Test
	void aRangeEndingWhereAReplacementStartsDoesNotTakeIt() {
		assertThat(moved("møtte ")).isEqualTo("møtte ");
		assertThat(moved("Åse")).isEqualTo("[Participant 3]");
	}

	@Test
	void overlappingOrOutsideEditsAreRefused() {
		assertThatThrownBy(() -> TextEdits.of(List.of(new TextEdit(0, 5, "a"), new TextEdit(3, 8, "b")), 20))
			.hasMessageContaining("overlap");
		assertThatThrownBy(() -> TextEdits.of(List.of(new TextEdit(18, 25, "a")), 20))
			.hasMessageContaining("reaches past the text of 20 characters");
	}

}

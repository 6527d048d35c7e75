package quire.coding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import quire.coding.Selections.Range;
import quire.corpus.SentenceUnit;
import quire.corpus.Turn;

/** Golden examples of what a selection becomes, on one small transcript whose offsets are written out. */
class SelectionsTests {

	/*
	 * 0         1         2         3         4         5         6         7
	 * 0123456789012345678901234567890123456789012345678901234567890123456789012345
	 * Mod: Welcome. How are you?\nAnna: “Just a bit more time,” I said. Fine.\n
	 */
	static final String TEXT = "Mod: Welcome. How are you?\nAnna: “Just a bit more time,” I said. Fine.\n";

	// turns hold the words after the label: [5, 26) and [33, 70)
	static final List<Turn> TURNS = List.of(new Turn(0, "Mod", 5, 26, null, null), new Turn(1, "Anna", 33, 70, 4000L, null));

	// sentences: "Welcome." [5, 13), "How are you?" [14, 26), "“Just … said." [33, 64), "Fine." [65, 70)
	static final List<SentenceUnit> SENTENCES = List.of(new SentenceUnit(0, 5, 13), new SentenceUnit(1, 14, 26),
			new SentenceUnit(2, 33, 64), new SentenceUnit(3, 65, 70));

	@Test
	void theGoldenTextHasTheOffsetsTheExamplesUse() {
		assertThat(TEXT.substring(5, 26)).isEqualTo("Welcome. How are you?");
		assertThat(TEXT.substring(33, 70)).isEqualTo("“Just a bit more time,” I said. Fine.");
		assertThat(TEXT.substring(33, 64)).isEqualTo("“Just a bit more time,” I said.");
		assertThat(TEXT.substring(65, 70)).isEqualTo("Fine.");
	}

	@Test
	void aSelectionWidensToTheWholeSentencesItTouches() {
		// "are" inside "How are you?"
		assertThat(Selections.sentences(SENTENCES, 18, 21)).contains(new Range(14, 26));
		// from "come" in the first sentence to "How": both sentences
		assertThat(Selections.sentences(SENTENCES, 8, 17)).contains(new Range(5, 26));
		// across the turn boundary: the last sentence of one turn to the first of the next
		assertThat(Selections.sentences(SENTENCES, 20, 40)).contains(new Range(14, 64));
		// the speaker label "Anna: " lies in no sentence
		assertThat(Selections.sentences(SENTENCES, 27, 31)).isEmpty();
		// a selection that only touches the space between two sentences touches neither
		assertThat(Selections.sentences(SENTENCES, 13, 14)).isEmpty();
	}

	@Test
	void aSelectionWidensToTheWholeTurnsItTouchesNeverNarrower() {
		assertThat(Selections.turns(TURNS, 40, 45)).contains(new Range(33, 70));
		assertThat(Selections.turns(TURNS, 20, 40)).contains(new Range(5, 70));
		// a selection ending exactly at a turn's end stays in that turn
		assertThat(Selections.turns(TURNS, 10, 26)).contains(new Range(5, 26));
		// starting in a label: outside every turn
		assertThat(Selections.turns(TURNS, 0, 10)).isEmpty();
	}

	@Test
	void theTurnsASelectionSpansAreThoseSharingACharacter() {
		assertThat(Selections.turnsTouched(TURNS, 20, 40)).extracting(Turn::index).containsExactly(0, 1);
		assertThat(Selections.turnsTouched(TURNS, 40, 41)).extracting(Turn::index).containsExactly(1);
		assertThat(Selections.turnsTouched(TURNS, 26, 33)).isEmpty();
		// a caret (nothing selected) stands for the turn it is in
		assertThat(Selections.turnsTouched(TURNS, 40, 40)).extracting(Turn::index).containsExactly(1);
		assertThat(Selections.turnAt(TURNS, 26)).isEmpty();
		assertThat(Selections.turnAt(TURNS, 25)).map(Turn::index).contains(0);
	}

	@Test
	void anInVivoNameIsTheSelectedWordsWithoutQuotesAndEndPunctuation() {
		assertThat(Selections.inVivoName(TEXT, 33, 56)).isEqualTo("Just a bit more time");
		assertThat(Selections.inVivoName(TEXT, 14, 26)).isEqualTo("How are you");
		// white space, line breaks included, collapses to single spaces
		assertThat(Selections.inVivoName(TEXT, 18, 38)).isEqualTo("are you? Anna: “Just");
		assertThat(Selections.inVivoName("a  lot\tof\n work", 0, 15)).isEqualTo("a lot of work");
	}

	@Test
	void anInVivoNameRefusesNothingTooMuchOrOnlyPunctuation() {
		assertThatThrownBy(() -> Selections.inVivoName(TEXT, -1, -1)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("Select the words");
		String long81 = "word ".repeat(17);
		assertThatThrownBy(() -> Selections.inVivoName(long81, 0, long81.length()))
			.hasMessage("An in-vivo code name must be short: select at most 80 characters, not 84.");
		assertThatThrownBy(() -> Selections.inVivoName(TEXT, 54, 56)).hasMessageContaining("no words");
		assertThat(Selections.inVivoName("x".repeat(80), 0, 80)).hasSize(80);
	}

	@Test
	void aRangeIsNeverBackwards() {
		assertThatThrownBy(() -> new Range(5, 4)).hasMessageContaining("[5, 4)");
		assertThat(new Range(3, 9).union(new Range(5, 12))).isEqualTo(new Range(3, 12));
	}

}

package quire.fidelity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import quire.corpus.Turn;

/** The first 20 minutes of a session, by timestamps or by the recording's length. */
class SegmentsTests {

	/** Ten untimed turns of 100 characters each: turn i holds [100 i, 100 i + 100). */
	static List<Turn> untimed() {
		List<Turn> turns = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			turns.add(new Turn(i, i % 2 == 0 ? "Counsellor" : "Client", 100 * i, 100 * i + 100, null, null));
		}
		return turns;
	}

	@Test
	void timestampsDecideWhereTheyExistWhateverTheRecordingSays() {
		List<Turn> turns = List.of(new Turn(0, "A", 0, 10, 5_000L, null), new Turn(1, "B", 10, 20, 600_000L, null),
				new Turn(2, "A", 20, 30, 1_204_999L, null), new Turn(3, "B", 30, 40, 1_205_000L, null));
		Segments.Segment s = Segments.firstMinutes(turns, 20, 3_600_000L).orElseThrow();
		// 20 minutes after the first timed turn (0:05) is 20:05: turn 3 starts exactly then and is out
		assertThat(s.firstTurn()).isZero();
		assertThat(s.lastTurn()).isEqualTo(2);
		assertThat(s.estimated()).isFalse();
		assertThat(s.basis()).contains("timestamps");
	}

	@Test
	void anUntimedTranscriptWithAShortRecordingIsCodedWhole() {
		Segments.Segment s = Segments.firstMinutes(untimed(), 20, 754_000L).orElseThrow();
		assertThat(s.firstTurn()).isZero();
		assertThat(s.lastTurn()).isEqualTo(9);
		assertThat(s.estimated()).isFalse();
		assertThat(s.basis()).isEqualTo("the whole transcript: its recording lasts 12:34, no more than 20 minutes");
	}

	@Test
	void anUntimedTranscriptWithALongRecordingIsCutByTheShareOfItsText() {
		// 50 minutes: 20 are 40% of the recording, so the turns starting in the first 40% of the text (0-3)
		Segments.Segment s = Segments.firstMinutes(untimed(), 20, 3_000_000L).orElseThrow();
		assertThat(s.firstTurn()).isZero();
		assertThat(s.lastTurn()).isEqualTo(3);
		assertThat(s.estimated()).isTrue();
		assertThat(s.basis()).startsWith("estimated from the recording's length (50:00): the turns in the first 40% of the text");
		// 1 h 40 min: 20% -> turns 0 and 1
		assertThat(Segments.firstMinutes(untimed(), 20, 6_000_000L).orElseThrow().lastTurn()).isEqualTo(1);
		// so long that 20 minutes is less than the first turn: still the first turn
		assertThat(Segments.firstMinutes(untimed(), 20, 100 * 3_600_000L).orElseThrow().lastTurn()).isZero();
	}

	@Test
	void withoutTimestampsOrARecordingLengthThereIsNoSegment() {
		assertThat(Segments.firstMinutes(untimed(), 20, null)).isEmpty();
		assertThat(Segments.firstMinutes(untimed(), 20, 0L)).isEmpty();
		assertThat(Segments.firstMinutes(List.of(), 20, 60_000L)).isEmpty();
		assertThatThrownBy(() -> Segments.firstMinutes(untimed(), 0, 60_000L)).hasMessageContaining("at least one minute");
	}

}

package quire.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import quire.SharedHome;
import quire.project.ProjectService;

/** Turn start times set after the import: only the named turns change, and bad input changes nothing. */
@SpringBootTest
class TurnTimesBulkTests implements SharedHome {

	@Autowired
	TurnTimes turnTimes;

	@Autowired
	CorpusService corpus;

	@Autowired
	ProjectService projects;

	DocumentId untimed() {
		var p = projects.create("Turn times " + UUID.randomUUID(), "").id();
		return corpus.importDocument(p, new ImportRequest("untimed.txt", """
				Moderator: How was the week?
				Participant 1: Better than the last.
				Moderator: Why?
				""".getBytes(StandardCharsets.UTF_8), null, Language.ENGLISH)).document().id();
	}

	@Test
	void setsTheNamedTurnsStartsAndLeavesTheOthers() {
		DocumentId doc = untimed();

		assertThat(turnTimes.setStarts(doc, Map.of(0, 500L, 2, 9_250L))).isEqualTo(2);

		assertThat(corpus.transcript(doc).orElseThrow().turns()).extracting(Turn::startMs).containsExactly(500L, null, 9_250L);
	}

	@Test
	void aTurnThatDoesNotExistOrANegativeTimeIsRefusedAndChangesNothing() {
		DocumentId doc = untimed();

		assertThatThrownBy(() -> turnTimes.setStarts(doc, Map.of(0, 500L, 3, 1_000L)))
			.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no turn 4").hasMessageContaining("has 3");
		assertThatThrownBy(() -> turnTimes.setStarts(doc, Map.of(1, -1L)))
			.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before its recording");
		assertThatThrownBy(() -> turnTimes.setStarts(new DocumentId(Long.MAX_VALUE), Map.of(0, 1L)))
			.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no document");

		assertThat(corpus.transcript(doc).orElseThrow().turns()).extracting(Turn::startMs).containsOnlyNulls();
	}

	@Test
	void inOrderSetsAllOrNothingAndRefusesTimesOutOfOrderWithThePagesMessage() {
		DocumentId doc = untimed();
		turnTimes.setStart(doc, 1, 5_000L);

		assertThatThrownBy(() -> turnTimes.setStartsInOrder(doc, Map.of(0, 1_000L, 2, 4_000L)))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("turn 3 cannot start at 0:04.0: the earlier turn 2 starts at 0:05.0 (clear or correct that turn's time first)");
		assertThatThrownBy(() -> turnTimes.setStartsInOrder(doc, Map.of(0, 1_000L, 3, 9_000L)))
			.isInstanceOf(IllegalArgumentException.class).hasMessage("'untimed' has no turn 4 (it has 3)");
		assertThat(corpus.transcript(doc).orElseThrow().turns()).extracting(Turn::startMs).containsExactly(null, 5_000L, null);

		assertThat(turnTimes.setStartsInOrder(doc, Map.of(2, 7_000L, 0, 1_000L))).extracting(Turn::index, Turn::startMs)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(0, 1_000L), org.assertj.core.groups.Tuple.tuple(2, 7_000L));
		assertThat(corpus.transcript(doc).orElseThrow().turns()).extracting(Turn::startMs).containsExactly(1_000L, 5_000L, 7_000L);
	}

	@Test
	void startsAreReadAsClockTimesOrMilliseconds() {
		assertThat(TurnTimes.parseStart("00:01:23.5")).isEqualTo(83_500L);
		assertThat(TurnTimes.parseStart("1:23.5")).isEqualTo(83_500L);
		assertThat(TurnTimes.parseStart("1:23,25")).isEqualTo(83_250L);
		assertThat(TurnTimes.parseStart("1:02:03")).isEqualTo(3_723_000L);
		assertThat(TurnTimes.parseStart(" 83500 ")).isEqualTo(83_500L);
		for (String bad : java.util.List.of("soon", "1:75", "1:60:00", "-5", "1.5", "")) {
			assertThatThrownBy(() -> TurnTimes.parseStart(bad)).isInstanceOf(IllegalArgumentException.class)
				.hasMessageStartingWith("'" + bad + "' is not a time");
		}
	}

}

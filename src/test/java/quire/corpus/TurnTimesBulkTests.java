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

}

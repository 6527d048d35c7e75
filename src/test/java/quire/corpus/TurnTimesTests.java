package quire.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import quire.SharedHome;
import quire.project.AuditLog;
import quire.project.Project;
import quire.project.ProjectAccess;
import quire.project.ProjectRole;
import quire.project.ProjectService;
import quire.security.AccessRefusedException;
import quire.security.Actors;
import quire.security.UserAccount;
import quire.security.UserService;

/** Aligning an untimed transcript by hand: turn starts set in order, by coders, logged and announced. */
@SpringBootTest
@RecordApplicationEvents
class TurnTimesTests implements SharedHome {

	static final String UNTIMED = """
			Moderator: Welcome, everyone.
			Participant 1: Thank you.
			Participant 2: Glad to be here.
			Moderator: Let us begin.
			""";

	@Autowired
	TurnTimes times;

	@Autowired
	CorpusService corpus;

	@Autowired
	ProjectService projects;

	@Autowired
	ProjectAccess access;

	@Autowired
	AuditLog audit;

	@Autowired
	UserService users;

	@Autowired
	Actors actors;

	@Autowired
	ApplicationEvents events;

	DocumentSummary untimed(Project p) {
		return corpus.importDocument(p.id(), new ImportRequest("untimed.txt", UNTIMED.getBytes(StandardCharsets.UTF_8), null,
				Language.ENGLISH)).document();
	}

	Long start(DocumentSummary d, int turn) {
		return corpus.transcript(d.id()).orElseThrow().turns().get(turn).startMs();
	}

	@Test
	void aTurnsStartIsStoredLikeAnImportedTimestampAndLoggedAndAnnounced() {
		Project p = projects.create("Turn times " + UUID.randomUUID(), "");
		DocumentSummary d = untimed(p);
		assertThat(corpus.transcript(d.id()).orElseThrow().turns()).allMatch(t -> t.startMs() == null);
		Turn set = times.setStart(d.id(), 1, 12_345L);
		assertThat(set.startMs()).isEqualTo(12_345L);
		assertThat(set.speaker()).isEqualTo("Participant 1");
		assertThat(start(d, 1)).isEqualTo(12_345L);
		assertThat(start(d, 0)).isNull();
		assertThat(audit.entries(p.id(), 5)).anySatisfy(e -> assertThat(e.target())
			.isEqualTo("turn 2 of 'untimed' starts at 0:12.3"));
		assertThat(events.stream(TurnTimed.class)).contains(new TurnTimed(d.id(), p.id(), 1, 12_345L));
		times.setStart(d.id(), 0, 0L);
		times.setStart(d.id(), 3, 3_725_000L);
		assertThat(start(d, 3)).isEqualTo(3_725_000L);
		// cleared again
		times.setStart(d.id(), 3, null);
		assertThat(start(d, 3)).isNull();
	}

	@Test
	void aStartOutOfOrderOrOutOfRangeIsRefusedAndNothingChanges() {
		Project p = projects.create("Turn order " + UUID.randomUUID(), "");
		DocumentSummary d = untimed(p);
		times.setStart(d.id(), 1, 10_000L);
		times.setStart(d.id(), 3, 30_000L);
		assertThatThrownBy(() -> times.setStart(d.id(), 2, 35_000L)).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("turn 3 cannot start at 0:35.0: the later turn 4 starts at 0:30.0 (clear or correct that turn's time first)");
		assertThatThrownBy(() -> times.setStart(d.id(), 0, 10_001L))
			.hasMessageContaining("the later turn 2 starts at 0:10.0");
		assertThatThrownBy(() -> times.setStart(d.id(), 2, 9_000L))
			.hasMessageContaining("the earlier turn 2 starts at 0:10.0");
		assertThatThrownBy(() -> times.setStart(d.id(), 2, -1L)).hasMessageContaining("between 0:00 and 24:00:00");
		assertThatThrownBy(() -> times.setStart(d.id(), 9, 1L)).hasMessage("'untimed' has no turn 10 (it has 4)");
		assertThat(corpus.transcript(d.id()).orElseThrow().turns()).extracting(Turn::startMs)
			.containsExactly(null, 10_000L, null, 30_000L);
		// equal starts are in order (two speakers overlapping)
		times.setStart(d.id(), 2, 10_000L);
		assertThat(start(d, 2)).isEqualTo(10_000L);
	}

	@Test
	void aViewerMayNotTimeTurnsAndANonMemberDoesNotSeeTheDocument() {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		UserAccount owner = users.create("tt-owner-" + tag, "Owner", "correct horse battery", false);
		UserAccount viewer = users.create("tt-viewer-" + tag, "Viewer", "correct horse battery", false);
		UserAccount outsider = users.create("tt-outsider-" + tag, "Outsider", "correct horse battery", false);
		Project p = actors.callAs(owner, () -> projects.create("Turn roles " + tag, ""));
		actors.runAs(owner, () -> access.grant(p.id(), viewer.username(), ProjectRole.VIEWER));
		DocumentSummary d = actors.callAs(owner, () -> untimed(p));
		assertThatThrownBy(() -> actors.runAs(viewer, () -> times.setStart(d.id(), 0, 1000L)))
			.isInstanceOf(AccessRefusedException.class);
		assertThatThrownBy(() -> actors.runAs(outsider, () -> times.setStart(d.id(), 0, 1000L)))
			.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no document with id " + d.id().value());
		assertThat(start(d, 0)).isNull();
		assertThat(actors.callAs(owner, () -> times.setStart(d.id(), 0, 1000L)).startMs()).isEqualTo(1000L);
	}

}

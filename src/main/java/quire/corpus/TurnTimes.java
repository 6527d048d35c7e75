package quire.corpus;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import quire.project.AuditLog;
import quire.project.ProjectAccess;
import quire.project.ProjectId;
import quire.project.ProjectRole;

/**
 * Sets the start of a speaker turn by hand, the way a researcher aligns an untimed transcript while
 * listening to its recording. The time is stored as the turn's start exactly like a timestamp read
 * from a WebVTT or SubRip file, so the player, the MITI segment and the report use it alike. The
 * text and its offsets never change. Starts stay in turn order: a turn may not start before an
 * earlier turn or after a later one.
 */
@Service
public class TurnTimes {

	/** The latest start accepted: 24 hours, longer than any recorded session. */
	static final long MAX_MS = 24L * 60 * 60 * 1000;

	private final JdbcClient jdbc;

	private final CorpusService corpus;

	private final ProjectAccess access;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	TurnTimes(JdbcClient jdbc, CorpusService corpus, ProjectAccess access, AuditLog audit,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.corpus = corpus;
		this.access = access;
		this.audit = audit;
		this.events = events;
	}

	/**
	 * Sets (or with {@code startMs} null clears) when turn {@code turnIndex} of a document starts, in
	 * milliseconds from the start of the recording, and returns the turn as it is now.
	 * @throws IllegalArgumentException for no such document or turn, a negative or too late time, or
	 * a time out of order with the turns before and after it; nothing is changed then
	 * @throws quire.security.AccessRefusedException without the coder role
	 */
	@Transactional
	public Turn setStart(DocumentId document, int turnIndex, @Nullable Long startMs) {
		Transcript t = corpus.transcript(document)
			.orElseThrow(() -> new IllegalArgumentException("no document with id " + document.value() + " that you may read"));
		access.require(t.document().projectId(), ProjectRole.CODER);
		Turn turn = t.turns().stream().filter(x -> x.index() == turnIndex).findFirst()
			.orElseThrow(() -> new IllegalArgumentException("'" + t.document().name() + "' has no turn " + Turn.number(turnIndex)
					+ " (it has " + t.turns().size() + ")"));
		if (startMs != null) {
			if (startMs < 0 || startMs > MAX_MS) {
				throw new IllegalArgumentException("a turn's start must be between 0:00 and 24:00:00, not " + startMs + " ms");
			}
			for (Turn other : t.turns()) {
				Long at = other.startMs();
				if (at == null || other.index() == turnIndex) {
					continue;
				}
				if (other.index() < turnIndex && at > startMs) {
					throw new IllegalArgumentException("turn " + Turn.number(turnIndex) + " cannot start at " + clock(startMs)
							+ ": the earlier turn " + other.number() + " starts at " + clock(at)
							+ " (clear or correct that turn's time first)");
				}
				if (other.index() > turnIndex && at < startMs) {
					throw new IllegalArgumentException("turn " + Turn.number(turnIndex) + " cannot start at " + clock(startMs)
							+ ": the later turn " + other.number() + " starts at " + clock(at)
							+ " (clear or correct that turn's time first)");
				}
			}
		}
		jdbc.sql("update speaker_turn set start_ms = ? where document_id = ? and turn_index = ?")
			.params(startMs, document.value(), turnIndex)
			.update();
		audit.record(t.document().projectId(), "turn time",
				"turn " + Turn.number(turnIndex) + " of '" + t.document().name() + "' "
						+ (startMs == null ? "no longer has a start time" : "starts at " + clock(startMs)),
				"document=" + document.value() + " turn=" + turnIndex);
		events.publishEvent(new TurnTimed(document, t.document().projectId(), turnIndex, startMs));
		return new Turn(turn.index(), turn.speaker(), turn.start(), turn.end(), startMs, turn.endMs());
	}

	/**
	 * Sets the start of each turn (by turn index) to its time; turns not named keep theirs.
	 * @return the number of turns changed
	 * @throws IllegalArgumentException if there is no such document, a time is negative or a turn
	 * index does not exist; nothing is changed then
	 * @throws quire.security.AccessRefusedException without the coder role
	 */
	@Transactional
	public int setStarts(DocumentId document, Map<Integer, Long> startMsByTurn) {
		ProjectId project = jdbc.sql("select project_id from document where id = ?")
			.param(document.value())
			.query((rs, row) -> new ProjectId(rs.getLong(1)))
			.optional()
			.orElseThrow(() -> new IllegalArgumentException("no document with id " + document.value()));
		access.require(project, ProjectRole.CODER);
		int turns = jdbc.sql("select count(*) from speaker_turn where document_id = ?")
			.param(document.value())
			.query(Integer.class)
			.single();
		for (var e : startMsByTurn.entrySet()) {
			if (e.getKey() < 0 || e.getKey() >= turns) {
				throw new IllegalArgumentException("document " + document.value() + " has no turn " + Turn.number(e.getKey())
						+ " (it has " + turns + ")");
			}
			if (e.getValue() < 0) {
				throw new IllegalArgumentException("a turn cannot start before its recording (" + e.getValue() + " ms)");
			}
		}
		int changed = 0;
		for (var e : startMsByTurn.entrySet()) {
			changed += jdbc.sql("update speaker_turn set start_ms = ? where document_id = ? and turn_index = ?")
				.params(e.getValue(), document.value(), e.getKey())
				.update();
		}
		if (changed > 0) {
			audit.record(project, "time turns", "document " + document.value() + " (" + changed + " turn starts)");
		}
		return changed;
	}

	/** Milliseconds as m:ss.t or h:mm:ss.t. */
	static String clock(long ms) {
		long s = ms / 1000;
		long tenths = (ms % 1000) / 100;
		long h = s / 3600;
		return h > 0 ? "%d:%02d:%02d.%d".formatted(h, (s % 3600) / 60, s % 60, tenths)
				: "%d:%02d.%d".formatted(s / 60, s % 60, tenths);
	}

}

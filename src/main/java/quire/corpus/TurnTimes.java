package quire.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
			Long[] starts = t.turns().stream().map(Turn::startMs).toArray(Long[]::new);
			starts[turnIndex] = startMs;
			checkStart(turnIndex, startMs, starts);
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

	/**
	 * Sets the starts of several turns (by turn index, from 0) at once, as {@link #setStart} would one after
	 * the other but all or nothing: every time is checked first, in order with the other turns' starts as they
	 * will be, and a refusal (with {@link #setStart}'s message) changes nothing. For aligning a transcript from
	 * a list of times, where {@link #setStarts} takes a file's times as they are.
	 * @return the turns set, as they are now, in turn order
	 * @throws IllegalArgumentException for no such document or turn, a negative or too late time, or a time
	 * out of order with the turns before and after it
	 * @throws quire.security.AccessRefusedException without the coder role
	 */
	@Transactional
	public List<Turn> setStartsInOrder(DocumentId document, Map<Integer, Long> startMsByTurn) {
		Transcript t = corpus.transcript(document)
			.orElseThrow(() -> new IllegalArgumentException("no document with id " + document.value() + " that you may read"));
		access.require(t.document().projectId(), ProjectRole.CODER);
		Map<Integer, Long> changes = new TreeMap<>(startMsByTurn);
		Long[] starts = t.turns().stream().map(Turn::startMs).toArray(Long[]::new);
		for (var e : changes.entrySet()) {
			if (e.getKey() < 0 || e.getKey() >= starts.length) {
				throw new IllegalArgumentException("'" + t.document().name() + "' has no turn " + Turn.number(e.getKey())
						+ " (it has " + starts.length + ")");
			}
			starts[e.getKey()] = e.getValue();
		}
		for (var e : changes.entrySet()) {
			checkStart(e.getKey(), e.getValue(), starts);
		}
		List<Turn> set = new ArrayList<>();
		for (var e : changes.entrySet()) {
			jdbc.sql("update speaker_turn set start_ms = ? where document_id = ? and turn_index = ?")
				.params(e.getValue(), document.value(), e.getKey())
				.update();
			Turn turn = t.turns().get(e.getKey());
			set.add(new Turn(turn.index(), turn.speaker(), turn.start(), turn.end(), e.getValue(), turn.endMs()));
		}
		if (!set.isEmpty()) {
			audit.record(t.document().projectId(), "time turns",
					set.size() + " turn start(s) of '" + t.document().name() + "' set (turns " + set.getFirst().number()
							+ " to " + set.getLast().number() + ")",
					"document=" + document.value());
		}
		for (Turn turn : set) {
			events.publishEvent(new TurnTimed(document, t.document().projectId(), turn.index(), turn.startMs()));
		}
		return set;
	}

	/**
	 * Checks that turn {@code turnIndex} may start at {@code startMs} given every turn's start as it will be
	 * ({@code starts}, null where a turn has none): within a day, and in order with the turns before and after.
	 */
	private static void checkStart(int turnIndex, long startMs, Long[] starts) {
		if (startMs < 0 || startMs > MAX_MS) {
			throw new IllegalArgumentException("a turn's start must be between 0:00 and 24:00:00, not " + startMs + " ms");
		}
		for (int other = 0; other < starts.length; other++) {
			Long at = starts[other];
			if (at == null || other == turnIndex) {
				continue;
			}
			if (other < turnIndex && at > startMs) {
				throw new IllegalArgumentException("turn " + Turn.number(turnIndex) + " cannot start at " + clock(startMs)
						+ ": the earlier turn " + Turn.number(other) + " starts at " + clock(at)
						+ " (clear or correct that turn's time first)");
			}
			if (other > turnIndex && at < startMs) {
				throw new IllegalArgumentException("turn " + Turn.number(turnIndex) + " cannot start at " + clock(startMs)
						+ ": the later turn " + Turn.number(other) + " starts at " + clock(at)
						+ " (clear or correct that turn's time first)");
			}
		}
	}

	/** A time as h:mm:ss(.f), m:ss(.f) (a comma works for the point too) or whole milliseconds. */
	private static final Pattern TIME = Pattern.compile("(?:(\\d{1,2}):)?(\\d{1,2}):(\\d{1,2})(?:[.,](\\d{1,3}))?");

	/**
	 * Reads a turn's start as people write it: {@code 00:01:23.5}, {@code 1:23.5} (minutes and seconds) or
	 * whole milliseconds ({@code 83500}).
	 * @throws IllegalArgumentException naming the text, when it is none of these
	 */
	public static long parseStart(String text) {
		String s = text.strip();
		if (s.matches("\\d{1,9}")) {
			return Long.parseLong(s);
		}
		Matcher m = TIME.matcher(s);
		if (!m.matches() || (m.group(1) != null && Integer.parseInt(m.group(2)) > 59) || Integer.parseInt(m.group(3)) > 59) {
			throw new IllegalArgumentException("'" + text + "' is not a time: give h:mm:ss.f (00:01:23.5), m:ss.f (1:23.5) "
					+ "or milliseconds (83500)");
		}
		long hours = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
		long ms = ((hours * 60 + Long.parseLong(m.group(2))) * 60 + Long.parseLong(m.group(3))) * 1000;
		if (m.group(4) != null) {
			ms += Long.parseLong((m.group(4) + "00").substring(0, 3));
		}
		return ms;
	}

	/** Milliseconds as m:ss.t or h:mm:ss.t, as the messages and the command line show a turn's start. */
	public static String clock(long ms) {
		long s = ms / 1000;
		long tenths = (ms % 1000) / 100;
		long h = s / 3600;
		return h > 0 ? "%d:%02d:%02d.%d".formatted(h, (s % 3600) / 60, s % 60, tenths)
				: "%d:%02d.%d".formatted(s / 60, s % 60, tenths);
	}

}

package quire.corpus;

import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import quire.project.AuditLog;
import quire.project.ProjectAccess;
import quire.project.ProjectId;
import quire.project.ProjectRole;

/**
 * Sets the start times of a document's speaker turns (milliseconds from the start of its recording)
 * where the text did not carry them, e.g. from the sync points of a REFI-QDA transcript. Times are
 * stored as the turn's start, like timestamps read from the file.
 */
@Service
public class TurnTimes {

	private final JdbcClient jdbc;

	private final ProjectAccess access;

	private final AuditLog audit;

	TurnTimes(JdbcClient jdbc, ProjectAccess access, AuditLog audit) {
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
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
				throw new IllegalArgumentException("document " + document.value() + " has no turn " + e.getKey()
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

}

package quire.fidelity.internal;

import quire.fidelity.MitiCounts;
import quire.fidelity.MitiGlobals;

/**
 * One coded session from a coding lab's results file.
 *
 * @param line the line in the file where the row starts (line 1 is the header)
 * @param sessionId the lab's session id, e.g. {@code "S07"}; not blank
 * @param counsellorId the counsellor (caseworker) whose session it is; not blank
 * @param coderId the coder who rated the session; not blank
 * @param globals the four global ratings
 * @param counts the ten behaviour counts
 */
public record LabRow(int line, String sessionId, String counsellorId, String coderId, MitiGlobals globals,
		MitiCounts counts) {

	public LabRow {
		if (line < 1) {
			throw new IllegalArgumentException("a line number starts at 1, got " + line);
		}
		sessionId = text("session id", sessionId);
		counsellorId = text("counsellor id", counsellorId);
		coderId = text("coder id", coderId);
	}

	private static String text(String what, String value) {
		String v = value.strip();
		if (v.isEmpty()) {
			throw new IllegalArgumentException("a lab row needs a " + what);
		}
		return v;
	}

}

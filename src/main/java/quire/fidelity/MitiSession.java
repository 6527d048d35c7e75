package quire.fidelity;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import quire.corpus.DocumentId;
import quire.project.ProjectId;

/**
 * An MI session: a label (the lab's session id, e.g. "S07"), the counsellor (a speaker label, often
 * also a focus-group participant), the client, the date, and, when Quire holds its transcript, the
 * document and the coded segment as a range of turns (the whole document when not set).
 */
public record MitiSession(MitiSessionId id, ProjectId projectId, String label, @Nullable DocumentId document,
		String counsellor, @Nullable String client, @Nullable LocalDate date, @Nullable Integer firstTurn,
		@Nullable Integer lastTurn) {
}

package quire.project;

import java.time.Instant;

/** One line of a project's audit log: who did what, when. */
public record AuditEntry(long id, ProjectId projectId, Instant at, String actor, String action, String target) {
}

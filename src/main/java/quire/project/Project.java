package quire.project;

import java.time.Instant;

/** A research project: a named container for documents, codings and study metadata. */
public record Project(ProjectId id, String name, String description, Instant created) {
}

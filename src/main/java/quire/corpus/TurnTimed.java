package quire.corpus;

import org.jspecify.annotations.Nullable;

import quire.project.ProjectId;

/**
 * Published when a researcher set (or cleared, {@code startMs} null) the start of one speaker turn,
 * e.g. while aligning an untimed transcript with its recording; the turn's text and offsets are unchanged.
 */
public record TurnTimed(DocumentId documentId, ProjectId projectId, int turnIndex, @Nullable Long startMs) {
}

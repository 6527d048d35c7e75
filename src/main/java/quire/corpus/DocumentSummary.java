package quire.corpus;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import quire.project.ProjectId;

/** What a document list shows about one document. */
public record DocumentSummary(DocumentId id, ProjectId projectId, String name, @Nullable String group,
		Language language, String format, int turnCount, int wordCount, Instant importedAt) {
}

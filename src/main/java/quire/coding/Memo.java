package quire.coding;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import quire.project.ProjectId;

/** A researcher's note on the project (journal entry), a document, a code or a coding. */
public record Memo(long id, ProjectId projectId, MemoTarget target, @Nullable Long targetId, String author, String title,
		String body, Instant createdAt, Instant updatedAt) {
}

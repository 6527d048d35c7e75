package quire.coding;

import quire.corpus.DocumentId;
import quire.project.ProjectId;

/** Published after codings of a document were added, changed or removed (the search index follows it). */
public record CodingChanged(ProjectId projectId, DocumentId documentId) {
}

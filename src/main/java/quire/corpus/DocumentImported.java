package quire.corpus;

import quire.project.ProjectId;

/** Published when a document's import has committed. */
public record DocumentImported(DocumentId documentId, ProjectId projectId) {
}

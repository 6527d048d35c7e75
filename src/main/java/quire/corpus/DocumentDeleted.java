package quire.corpus;

import quire.project.ProjectId;

/** Published when a document and everything anchored in it has been deleted. */
public record DocumentDeleted(DocumentId documentId, ProjectId projectId) {
}

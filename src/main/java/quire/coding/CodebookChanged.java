package quire.coding;

import quire.project.ProjectId;

/**
 * Published after codes of a project were merged or deleted, which may move or remove codings in any
 * of its documents.
 */
public record CodebookChanged(ProjectId projectId) {
}

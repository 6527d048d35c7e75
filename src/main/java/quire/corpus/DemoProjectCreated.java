package quire.corpus;

import quire.project.ProjectId;

/**
 * Published inside the demo project's creating transaction once its documents are imported, so other
 * modules can add their demo data (codebook, codings) in the same transaction.
 */
public record DemoProjectCreated(ProjectId projectId) {
}

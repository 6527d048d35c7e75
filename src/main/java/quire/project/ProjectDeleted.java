package quire.project;

/** Published when a project and everything in it has been deleted. */
public record ProjectDeleted(ProjectId projectId, String name) {
}

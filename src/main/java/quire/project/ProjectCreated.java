package quire.project;

/** Published when a project has been created. */
public record ProjectCreated(ProjectId projectId, String name) {
}

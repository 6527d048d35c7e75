package quire.api.internal;

import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;
import quire.project.AuditLog;
import quire.project.Project;
import quire.project.ProjectAccess;
import quire.project.ProjectId;
import quire.project.ProjectRole;
import quire.project.ProjectService;

/**
 * What every project call does first: finds the project among those the token's user may read (404
 * otherwise, so the API does not tell which projects exist), checks the role the call needs (403),
 * and records the call in the project's audit log (one entry per call, action {@code api}).
 */
@Component
class ApiSupport {

	private final ProjectService projects;

	private final ProjectAccess access;

	private final AuditLog audit;

	ApiSupport(ProjectService projects, ProjectAccess access, AuditLog audit) {
		this.projects = projects;
		this.access = access;
		this.audit = audit;
	}

	/** A project the caller may read; the call is audited. */
	Project read(long projectId, HttpServletRequest request) {
		return open(projectId, ProjectRole.VIEWER, request);
	}

	/** A project the caller may change (coder or owner); the call is audited. */
	Project write(long projectId, HttpServletRequest request) {
		return open(projectId, ProjectRole.CODER, request);
	}

	private Project open(long projectId, ProjectRole needed, HttpServletRequest request) {
		ProjectId id = new ProjectId(projectId);
		Project project = projects.find(id)
			.orElseThrow(() -> new ApiNotFoundException("no project with id " + projectId + " that you may read"));
		access.require(id, needed);
		audit.record(id, "api", describe(request));
		return project;
	}

	/** "GET /api/v1/projects/3/codings?code=7", as the audit log shows it. */
	static String describe(HttpServletRequest request) {
		String query = request.getQueryString();
		return request.getMethod() + " " + request.getRequestURI() + (query == null ? "" : "?" + query);
	}

	/** Checks a page size: 1 to {@code max}. */
	static int limit(int limit, int max) {
		if (limit < 1 || limit > max) {
			throw new IllegalArgumentException("limit must be 1 to " + max + ", was " + limit);
		}
		return limit;
	}

}

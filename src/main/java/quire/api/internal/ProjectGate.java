package quire.api.internal;

import java.util.Map;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import quire.project.ProjectAccess;
import quire.project.ProjectId;
import quire.project.ProjectRole;
import quire.project.ProjectService;

/**
 * Checks the project of every {@code /api/v1/projects/{projectId}/...} call before its parameters
 * and body are read, so a caller outside the project learns nothing from validation messages: 404
 * for a project they may not read, 403 for a write without the coder role. The controllers check
 * again through {@link ApiSupport}, which also audits the call.
 */
@Configuration(proxyBeanMethods = false)
class ProjectGate implements WebMvcConfigurer {

	private final ProjectService projects;

	private final ProjectAccess access;

	ProjectGate(ProjectService projects, ProjectAccess access) {
		this.projects = projects;
		this.access = access;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {
			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
				check(request);
				return true;
			}
		}).addPathPatterns("/api/v1/projects/*", "/api/v1/projects/*/**");
	}

	private void check(HttpServletRequest request) {
		@SuppressWarnings("unchecked")
		Map<String, String> variables = (Map<String, String>) request
			.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		String raw = variables == null ? null : variables.get("projectId");
		if (raw == null || !raw.matches("\\d{1,18}")) {
			return; // the controller's own argument check answers
		}
		ProjectId id = new ProjectId(Long.parseLong(raw));
		if (projects.find(id).isEmpty()) {
			throw new ApiNotFoundException("no project with id " + raw + " that you may read");
		}
		String method = request.getMethod();
		if (!HttpMethod.GET.matches(method) && !HttpMethod.HEAD.matches(method)) {
			access.require(id, ProjectRole.CODER);
		}
	}

}

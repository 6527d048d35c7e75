package quire.api.internal;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers an {@code /api/...} path that no endpoint serves with a 404 problem, instead of letting it
 * fall through to the Vaadin servlet (mapped at {@code /*}), which would answer with an HTML page.
 * It is asked after the controllers' mapping and before the static-resource and Vaadin mappings; the
 * Swagger UI's own files under {@code /api/v1/swagger-ui/} are left to the resource handler.
 */
@Component
class UnknownApiPaths implements HandlerMapping, Ordered {

	private final JsonMapper json = JsonMapper.builder().build();

	@Override
	public @Nullable HandlerExecutionChain getHandler(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (!path.startsWith("/api/") || path.startsWith("/api/v1/swagger-ui/")) {
			return null;
		}
		HttpRequestHandler handler = (req, response) -> {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			response.setContentType(Problems.PROBLEM_JSON.toString());
			response.setCharacterEncoding("UTF-8");
			response.getOutputStream()
				.write(json.writeValueAsBytes(Problems.body(HttpStatus.NOT_FOUND, "no API endpoint " + req.getMethod() + " "
						+ req.getRequestURI() + "; the endpoints are listed at /api/v1/openapi.json and /api/v1/docs", req,
						Map.of())));
		};
		return new HandlerExecutionChain(handler);
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE - 10;
	}

}

package quire.api.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 9457 problem details as the API writes them ({@code application/problem+json}): {@code type},
 * {@code title}, {@code status}, {@code detail}, {@code instance}, and extension members such as
 * {@code file}, {@code line}, {@code column}, {@code reason} and {@code problems} for a rejected
 * import. Never a stack trace.
 */
final class Problems {

	static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Problems() {
	}

	/** A problem body; {@code extra} members follow the standard ones. */
	static Map<String, Object> body(HttpStatus status, String detail, HttpServletRequest request, Map<String, ?> extra) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "about:blank");
		body.put("title", status.getReasonPhrase());
		body.put("status", status.value());
		body.put("detail", detail);
		body.put("instance", request.getRequestURI());
		body.putAll(extra);
		return body;
	}

	static ResponseEntity<Map<String, Object>> entity(HttpStatus status, String detail, HttpServletRequest request,
			Map<String, ?> extra) {
		return ResponseEntity.status(status).contentType(PROBLEM_JSON).body(body(status, detail, request, extra));
	}

	/** Writes a problem straight to the response, for the filter chain where no controller runs. */
	static void write(HttpServletResponse response, HttpStatus status, String detail, HttpServletRequest request,
			@Nullable String retryAfterSeconds) throws IOException {
		response.setStatus(status.value());
		response.setContentType(PROBLEM_JSON.toString());
		response.setCharacterEncoding("UTF-8");
		if (status == HttpStatus.UNAUTHORIZED) {
			response.setHeader("WWW-Authenticate", "Bearer realm=\"quire\"");
		}
		if (retryAfterSeconds != null) {
			response.setHeader("Retry-After", retryAfterSeconds);
		}
		response.getOutputStream().write(JSON.writeValueAsBytes(body(status, detail, request, Map.of())));
	}

}

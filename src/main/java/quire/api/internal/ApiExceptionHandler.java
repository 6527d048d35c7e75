package quire.api.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

import jakarta.servlet.http.HttpServletRequest;
import quire.coding.EditConflictException;
import quire.corpus.ImportRejectedException;
import quire.security.AccessRefusedException;

/**
 * Turns every error of an API controller into problem details with the status that fits and a
 * message a researcher can act on; unexpected errors are logged and answered with a 500 that says
 * no more than that. It also answers errors raised before a controller is chosen (a wrong method or
 * media type on an API path); errors outside {@code /api/} go on to Spring's usual handling.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	@ExceptionHandler(ApiNotFoundException.class)
	ResponseEntity<Map<String, Object>> notFound(ApiNotFoundException ex, HttpServletRequest request) throws Exception {
		onlyApi(ex, request);
		return Problems.entity(HttpStatus.NOT_FOUND, ex.getMessage(), request, Map.of());
	}

	@ExceptionHandler(AccessRefusedException.class)
	ResponseEntity<Map<String, Object>> refused(AccessRefusedException ex, HttpServletRequest request) throws Exception {
		onlyApi(ex, request);
		return Problems.entity(HttpStatus.FORBIDDEN, ex.getMessage(), request, Map.of());
	}

	@ExceptionHandler(ImportRejectedException.class)
	ResponseEntity<Map<String, Object>> rejected(ImportRejectedException ex, HttpServletRequest request) throws Exception {
		onlyApi(ex, request);
		return Problems.entity(HttpStatus.BAD_REQUEST, ex.getMessage(), request,
				Map.of("file", ex.fileName(), "reason", ex.reason()));
	}

	@ExceptionHandler(ImportProblemsException.class)
	ResponseEntity<Map<String, Object>> importProblems(ImportProblemsException ex, HttpServletRequest request) throws Exception {
		onlyApi(ex, request);
		Map<String, Object> extra = new LinkedHashMap<>();
		extra.put("file", ex.fileName());
		if (!ex.problems().isEmpty()) {
			ImportProblemsException.Problem first = ex.problems().get(0);
			extra.put("line", first.line());
			extra.put("column", first.column());
			extra.put("reason", first.reason());
		}
		else if (!ex.unknownIds().isEmpty()) {
			extra.put("reason", "ids that match no participant: " + String.join(", ", ex.unknownIds())
					+ " (send addUnknown=true to add them)");
		}
		extra.put("problems", ex.problems());
		extra.put("unknownIds", ex.unknownIds());
		return Problems.entity(HttpStatus.BAD_REQUEST, ex.getMessage(), request, extra);
	}

	/** One person's imports at the limit: busy, not broken; try again shortly. */
	@ExceptionHandler(quire.corpus.ImportsBusyException.class)
	ResponseEntity<Map<String, Object>> busy(quire.corpus.ImportsBusyException ex, HttpServletRequest request) throws Exception {
		onlyApi(ex, request);
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5")
			.contentType(Problems.PROBLEM_JSON)
			.body(Problems.body(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage(), request, Map.of()));
	}

	/** The database has no connection free in time (every one held by long work): busy, try again. */
	@ExceptionHandler({ org.springframework.dao.TransientDataAccessException.class,
			org.springframework.jdbc.CannotGetJdbcConnectionException.class })
	ResponseEntity<Map<String, Object>> databaseBusy(org.springframework.dao.DataAccessException ex,
			HttpServletRequest request) throws Exception {
		onlyApi(ex, request);
		log.warn("API call {} {}: the database is busy: {}", request.getMethod(), request.getRequestURI(), ex.getMessage());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5")
			.contentType(Problems.PROBLEM_JSON)
			.body(Problems.body(HttpStatus.SERVICE_UNAVAILABLE, "Quire is busy; try again in a few seconds", request,
					Map.of()));
	}

	@ExceptionHandler(EditConflictException.class)
	ResponseEntity<Map<String, Object>> conflict(EditConflictException ex, HttpServletRequest request) throws Exception {
		onlyApi(ex, request);
		return Problems.entity(HttpStatus.CONFLICT, ex.getMessage(), request, Map.of());
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ResponseEntity<Map<String, Object>> badInput(IllegalArgumentException ex, HttpServletRequest request) throws Exception {
		onlyApi(ex, request);
		return Problems.entity(HttpStatus.BAD_REQUEST, ex.getMessage() == null ? "bad request" : ex.getMessage(), request,
				Map.of());
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ResponseEntity<Map<String, Object>> missing(MissingServletRequestParameterException ex, HttpServletRequest request) throws Exception {
		onlyApi(ex, request);
		return Problems.entity(HttpStatus.BAD_REQUEST, "the parameter '" + ex.getParameterName() + "' is required",
				request, Map.of());
	}

	@ExceptionHandler(MissingServletRequestPartException.class)
	ResponseEntity<Map<String, Object>> missingPart(MissingServletRequestPartException ex, HttpServletRequest request) throws Exception {
		onlyApi(ex, request);
		return Problems.entity(HttpStatus.BAD_REQUEST,
				"the multipart part '" + ex.getRequestPartName() + "' is required", request, Map.of());
	}

	@ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
	ResponseEntity<Map<String, Object>> notMultipart(org.springframework.web.multipart.MultipartException ex,
			HttpServletRequest request) throws Exception {
		onlyApi(ex, request);
		if (ex instanceof MaxUploadSizeExceededException) {
			return Problems.entity(HttpStatus.CONTENT_TOO_LARGE, "the upload is larger than Quire accepts", request,
					Map.of());
		}
		return Problems.entity(HttpStatus.BAD_REQUEST,
				"send the file as multipart/form-data with a part named 'file'", request, Map.of());
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<Map<String, Object>> mismatch(MethodArgumentTypeMismatchException ex, HttpServletRequest request) throws Exception {
		onlyApi(ex, request);
		return Problems.entity(HttpStatus.BAD_REQUEST, "'" + ex.getValue() + "' is not a valid value for '" + ex.getName()
				+ "'", request, Map.of());
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException ex, HttpServletRequest request) throws Exception {
		onlyApi(ex, request);
		return Problems.entity(HttpStatus.BAD_REQUEST, "the request body is not the JSON this call expects", request,
				Map.of());
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException ex, HttpServletRequest request) throws Exception {
		onlyApi(ex, request);
		return Problems.entity(HttpStatus.METHOD_NOT_ALLOWED, ex.getMethod() + " is not supported here", request, Map.of());
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException ex, HttpServletRequest request) throws Exception {
		onlyApi(ex, request);
		return Problems.entity(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
				"content type " + ex.getContentType() + " is not supported here; supported: " + ex.getSupportedMediaTypes(),
				request, Map.of());
	}

	@ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
	ResponseEntity<Map<String, Object>> notAcceptable(HttpMediaTypeNotAcceptableException ex, HttpServletRequest request) throws Exception {
		onlyApi(ex, request);
		return Problems.entity(HttpStatus.NOT_ACCEPTABLE,
				"this call answers " + ex.getSupportedMediaTypes() + " only", request, Map.of());
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<Map<String, Object>> tooLarge(MaxUploadSizeExceededException ex, HttpServletRequest request) throws Exception {
		onlyApi(ex, request);
		return Problems.entity(HttpStatus.CONTENT_TOO_LARGE, "the upload is larger than Quire accepts", request, Map.of());
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Map<String, Object>> unexpected(Exception ex, HttpServletRequest request) throws Exception {
		onlyApi(ex, request);
		log.error("API call {} {} failed", request.getMethod(), request.getRequestURI(), ex);
		return Problems.entity(HttpStatus.INTERNAL_SERVER_ERROR,
				"Quire could not answer this call; the server log has the details", request, Map.of());
	}


	/** Leaves errors of other paths to Spring's own resolvers (an exception handler that rethrows declines). */
	private static void onlyApi(Exception ex, HttpServletRequest request) throws Exception {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (!path.startsWith("/api/")) {
			throw ex;
		}
	}

}

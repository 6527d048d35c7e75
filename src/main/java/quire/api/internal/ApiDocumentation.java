package quire.api.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The OpenAPI description's title and security scheme; springdoc builds the paths from the
 * controllers' own mappings, so the description cannot drift from the endpoints. Every operation also
 * lists the RFC 9457 problem-detail answers {@link ApiExceptionHandler}, the token filter and the rate
 * limiter give, with the {@code Problem} schema.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	@Bean
	OpenAPI quireOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Quire API").version("1")
				.description("Quire's data for analysis scripts (R, Python, Stata). Every call needs a personal "
						+ "access token from the API tokens page, sent as `Authorization: Bearer qr_...`; a token acts "
						+ "as its user with that user's project roles, and a read token may only GET. Errors are "
						+ "RFC 9457 problem details. Lists of codings and segments are paged with `limit` and `after` "
						+ "(the previous page's `next`), or streamed with `Accept: application/x-ndjson`."))
			.components(new Components().addSecuritySchemes("token",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("qr_<base64url>")))
			.addSecurityItem(new SecurityRequirement().addList("token"));
	}

	/** The problem-detail answers every call may give, and those only calls that write may give. */
	static final Map<String, String> ANY_CALL = errors("400",
			"Bad request: a parameter or body is missing or invalid; `detail` says what to change", "401",
			"No, unknown, revoked or expired token", "403",
			"A read token on a write, or a project role that does not allow the call", "404",
			"No such project or object, or not one of yours", "429",
			"Too many calls with this token; wait `Retry-After` seconds", "503",
			"Quire is busy; try again after `Retry-After` seconds");

	static final Map<String, String> WRITES = errors("409",
			"Conflict with the data as it now is (e.g. it was changed or exists already)", "413",
			"The upload is larger than Quire accepts");

	private static Map<String, String> errors(String... pairs) {
		Map<String, String> out = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			out.put(pairs[i], pairs[i + 1]);
		}
		return out;
	}

	@Bean
	OpenApiCustomizer problemResponses() {
		return openApi -> {
			openApi.getComponents().addSchemas("Problem", problemSchema());
			if (openApi.getPaths() == null) {
				return;
			}
			openApi.getPaths().values().forEach(path -> path.readOperationsMap().forEach((method, operation) -> {
				Map<String, String> errors = new LinkedHashMap<>(ANY_CALL);
				if (method != PathItem.HttpMethod.GET) {
					errors.putAll(WRITES);
				}
				errors.forEach((status, description) -> {
					if (operation.getResponses() != null && !operation.getResponses().containsKey(status)) {
						operation.getResponses().addApiResponse(status, new ApiResponse().description(description)
							.content(new Content().addMediaType(Problems.PROBLEM_JSON.toString(),
									new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem")))));
					}
				});
			}));
		};
	}

	/** RFC 9457 problem details as {@link Problems} writes them. */
	@SuppressWarnings("rawtypes")
	private static Schema<?> problemSchema() {
		Map<String, Schema> properties = new LinkedHashMap<>();
		properties.put("type", new StringSchema().description("always about:blank"));
		properties.put("title", new StringSchema().description("the HTTP status's reason phrase"));
		properties.put("status", new IntegerSchema().description("the HTTP status code"));
		properties.put("detail", new StringSchema().description("what is wrong and what to change"));
		properties.put("instance", new StringSchema().description("the path that was called"));
		properties.put("file", new StringSchema().description("rejected import: the file of the first problem"));
		properties.put("line", new IntegerSchema().description("rejected import: its line"));
		properties.put("column", new Schema<>().description("rejected import: its column (a name or a number)"));
		properties.put("reason", new StringSchema().description("rejected import: what is wrong there"));
		properties.put("problems", new io.swagger.v3.oas.models.media.ArraySchema().items(new ObjectSchema())
			.description("rejected import: every problem, each with file, line, column and reason"));
		ObjectSchema schema = new ObjectSchema();
		schema.description("RFC 9457 problem details (application/problem+json); never a stack trace");
		schema.setProperties(properties);
		schema.required(java.util.List.of("type", "title", "status", "detail"));
		return schema;
	}

}

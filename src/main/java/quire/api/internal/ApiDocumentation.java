package quire.api.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The OpenAPI description's title and security scheme; springdoc builds the paths from the
 * controllers' own mappings, so the description cannot drift from the endpoints.
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

}

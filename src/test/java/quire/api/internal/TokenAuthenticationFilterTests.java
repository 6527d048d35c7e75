package quire.api.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import quire.api.ApiTokenService;
import quire.security.Actors;
import quire.security.UserService;

/**
 * Issue 19: when every database connection was held by long imports, checking a token failed before
 * any controller ran, the servlet's error page took over and the API answered 200 with the web app's
 * HTML. The filter answers such a failure itself, as a 503 problem.
 */
final class TokenAuthenticationFilterTests {

	@Test
	void aDatabaseThatCannotAnswerIsA503ProblemNotAPage() throws Exception {
		// a database nobody listens on: getting a connection fails as a timed-out pool does
		var unreachable = new DriverManagerDataSource("jdbc:h2:tcp://127.0.0.1:9/nothing-here", "sa", "");
		Constructor<ApiTokenService> constructor = ApiTokenService.class.getDeclaredConstructor(JdbcClient.class,
				Actors.class, UserService.class);
		constructor.setAccessible(true);
		ApiTokenService tokens = constructor.newInstance(JdbcClient.create(unreachable), null, null);
		var filter = new TokenAuthenticationFilter(tokens, new RateLimiter(20, 100, System::nanoTime));
		var request = new MockHttpServletRequest("GET", "/api/v1/projects");
		request.addHeader("Authorization", "Bearer qr_some-token");
		var response = new MockHttpServletResponse();
		var chain = new MockFilterChain();

		filter.doFilter(request, response, chain);

		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getContentType()).startsWith("application/problem+json");
		assertThat(response.getHeader("Retry-After")).isEqualTo("5");
		assertThat(response.getContentAsString()).contains("\"status\":503").contains("Quire is busy")
			.doesNotContain("<html");
		assertThat(chain.getRequest()).as("the request went no further").isNull();
	}

}

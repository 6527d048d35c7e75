package quire.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import quire.QuireHome;
import quire.api.internal.ManualRateLimitClock;
import quire.security.Actors;
import quire.security.UserAccount;
import quire.security.UserService;

/**
 * With a burst of 3 and 1 request a second, the 4th quick call gets a 429 problem with Retry-After;
 * other tokens go on, and a second later (on the limiter's clock, which the test moves) the token
 * works again.
 */
@Import(ManualRateLimitClock.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "quire.api.rate-limit.per-second=1", "quire.api.rate-limit.burst=3" })
class ApiRateLimitTests {

	@DynamicPropertySource
	static void home(DynamicPropertyRegistry registry) {
		QuireHome.register(registry, QuireHome.create("quire-api-rate"));
	}

	@LocalServerPort
	int port;

	@Autowired
	UserService users;

	@Autowired
	Actors actors;

	@Autowired
	ApiTokenService tokens;

	@Test
	void aScriptThatCallsTooFastIsToldToWait() throws Exception {
		SecurityContextHolder.clearContext();
		UserAccount user = users.create("script-writer", "", "script-password-1", true);
		String busy = actors.callAs(user, () -> tokens.create("busy", ApiScope.READ, null)).secret();
		String other = actors.callAs(user, () -> tokens.create("other", ApiScope.READ, null)).secret();
		ApiTestSupport api = new ApiTestSupport(port);
		for (int i = 0; i < 3; i++) {
			assertThat(api.get("/api/v1/projects", busy).statusCode()).isEqualTo(200);
		}
		HttpResponse<String> refused = api.get("/api/v1/projects", busy);
		ApiTests.assertProblem(refused, 429);
		assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(
				s -> assertThat(Long.parseLong(s)).isBetween(1L, 2L));
		assertThat(api.get("/api/v1/projects", other).statusCode()).isEqualTo(200);
		ManualRateLimitClock.advance(Duration.ofMillis(900));
		ApiTests.assertProblem(api.get("/api/v1/projects", busy), 429);
		ManualRateLimitClock.advance(Duration.ofMillis(100));
		assertThat(api.get("/api/v1/projects", busy).statusCode()).isEqualTo(200);
	}

}

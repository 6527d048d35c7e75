package quire.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import quire.QuireHome;

/**
 * The web app over HTTP with no administrator configured: a stranger is sent to sign in, the
 * stylesheet and sign-in page are public, every view declares who may open it, and the one-time
 * setup link creates the first administrator exactly once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebAccessTests {

	@DynamicPropertySource
	static void home(DynamicPropertyRegistry registry) {
		QuireHome.register(registry, QuireHome.create("quire-web-access"));
	}

	@LocalServerPort
	int port;

	@Autowired
	FirstAdminSetup setup;

	@Autowired
	UserService users;

	final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	HttpResponse<String> get(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void aStrangerIsSentToSignIn() throws Exception {
		for (String path : List.of("/", "/documents", "/transcript/1", "/members", "/users", "/report")) {
			HttpResponse<String> response = get(path);
			assertThat(response.statusCode()).as(path).isEqualTo(302);
			assertThat(response.headers().firstValue("Location")).as(path).hasValueSatisfying(l -> l.endsWith("/login"));
		}
		assertThat(get("/login").statusCode()).isEqualTo(200);
		assertThat(get("/frontend-static/styles/quire.css").statusCode()).isEqualTo(200);
	}

	@Test
	void everyViewSaysWhoMayOpenIt() throws ClassNotFoundException {
		var scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
		List<String> anonymous = new ArrayList<>();
		var views = scanner.findCandidateComponents("quire");
		assertThat(views).hasSizeGreaterThan(15);
		for (var candidate : views) {
			Class<?> view = Class.forName(candidate.getBeanClassName());
			boolean declared = view.isAnnotationPresent(PermitAll.class) || view.isAnnotationPresent(RolesAllowed.class)
					|| view.isAnnotationPresent(AnonymousAllowed.class);
			assertThat(declared).as(view.getName() + " declares @PermitAll, @RolesAllowed or @AnonymousAllowed").isTrue();
			if (view.isAnnotationPresent(AnonymousAllowed.class)) {
				anonymous.add(view.getSimpleName());
			}
		}
		assertThat(anonymous).containsExactlyInAnyOrder("LoginView", "SetupView");
	}

	@Test
	void theSetupLinkCreatesTheFirstAdministratorOnce() {
		assertThat(users.hasUsers()).isFalse();
		String token = setup.token();
		assertThat(token).isNotBlank();
		assertThat(setup.accepts("not-the-token")).isFalse();
		assertThat(setup.accepts(token)).isTrue();

		UserAccount admin = setup.complete(token, "first", "First Admin", "first-password-1");
		assertThat(admin.admin()).isTrue();
		assertThat(setup.accepts(token)).isFalse();
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> setup.complete(token, "second", "", "second-password-1"))
			.isInstanceOf(AccessRefusedException.class);
	}

}

package quire.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
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
 * stylesheet and sign-in page are public, every view declares who may open it, the one-time
 * setup link creates the first administrator exactly once however many submit it at once, the
 * sign-in form needs its CSRF token and is throttled, pages send security headers, and behind an
 * HTTPS proxy redirects and the session cookie are right.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
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

	@Autowired
	SecurityLog securityLog;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

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
	@Order(1)
	void theDatabaseLetsOnlyOneFirstAdministratorCommitWhateverTheTiming() throws Exception {
		// A has inserted its first administrator and not committed; B, which cannot see A's account yet,
		// tries too and is refused by the claim row, not by a check that could race.
		CountDownLatch aInserted = new CountDownLatch(1);
		CountDownLatch bDone = new CountDownLatch(1);
		TransactionTemplate tx = new TransactionTemplate(transactions);
		ExecutorService pool = Executors.newSingleThreadExecutor();
		try {
			Future<?> a = pool.submit(() -> tx.executeWithoutResult(status -> {
				users.createFirstAdmin("racer-a", "", "racer-password-a");
				aInserted.countDown();
				await(bDone);
				status.setRollbackOnly();
			}));
			assertThat(aInserted.await(30, TimeUnit.SECONDS)).isTrue();
			try {
				assertThat(Boolean.TRUE.equals(tx.execute(status -> users.hasUsers()))).as("B cannot see A's uncommitted account").isFalse();
				assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
					// H2 waits for A's lock before refusing; a short wait keeps the test quick
					int previous = jdbc.sql("select lock_timeout()").query(Integer.class).single();
					jdbc.sql("set lock_timeout 300").update();
					try {
						users.createFirstAdmin("racer-b", "", "racer-password-b");
					}
					finally {
						jdbc.sql("set lock_timeout " + previous).update();
					}
				}))
					.isInstanceOf(IllegalStateException.class)
					.hasMessage("Quire already has user accounts; ask an administrator for one")
					.cause()
					.isInstanceOf(DataAccessException.class);
			}
			finally {
				bDone.countDown();
			}
			a.get(30, TimeUnit.SECONDS);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(users.hasUsers()).as("A rolled back").isFalse();
	}

	@Test
	@Order(2)
	void theSetupLinkCreatesOneAdministratorWhenEightBrowsersSubmitItAtOnce() throws Exception {
		assertThat(users.hasUsers()).isFalse();
		String token = setup.token();
		assertThat(token).isNotBlank();
		assertThat(setup.accepts("not-the-token")).isFalse();
		assertThat(setup.accepts(token)).isTrue();

		int browsers = 8;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(browsers);
		List<Future<UserAccount>> submits = new ArrayList<>();
		for (int i = 0; i < browsers; i++) {
			int n = i;
			submits.add(pool.submit(() -> {
				await(start);
				return setup.complete(token, "admin" + n, "Admin " + n, "admin-password-" + n);
			}));
		}
		start.countDown();
		List<UserAccount> created = new ArrayList<>();
		List<Throwable> refused = new ArrayList<>();
		for (Future<UserAccount> f : submits) {
			try {
				created.add(f.get(60, TimeUnit.SECONDS));
			}
			catch (ExecutionException ex) {
				refused.add(ex.getCause());
			}
		}
		pool.shutdown();

		assertThat(created).hasSize(1);
		assertThat(created.getFirst().admin()).isTrue();
		assertThat(refused).hasSize(browsers - 1)
			.allSatisfy(t -> assertThat(t).isInstanceOf(AccessRefusedException.class)
				.hasMessage("This setup link is not valid or has been used already."));
		assertThat(users.list()).extracting(UserAccount::username).containsExactly(created.getFirst().username());
		assertThat(setup.accepts(token)).isFalse();
	}

	@Test
	@Order(3)
	void theSignInFormNeedsItsCsrfTokenAndPagesSendSecurityHeaders() throws Exception {
		users.create("csrf-user", "", "csrf-password-1", false);
		SignInPage page = signInPage();
		HttpResponse<String> login = page.response;
		assertThat(login.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
				csp -> assertThat(csp).contains("default-src 'self'").contains("frame-ancestors 'none'"));
		assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(login.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
		assertThat(page.setCookie).contains("SameSite=Lax").contains("HttpOnly").doesNotContain("Secure");

		HttpResponse<String> forged = post(page.cookie, "username=csrf-user&password=csrf-password-1");
		assertThat(forged.headers().firstValue("Set-Cookie")).as("a cross-site POST without the token: no new session")
			.isEmpty();
		assertThat(signedIn(page.cookie)).as("a cross-site POST without the token signs no one in").isFalse();

		HttpResponse<String> withToken = post(page.cookie,
				"username=csrf-user&password=csrf-password-1&" + page.csrfParameter + "=" + page.csrfToken);
		assertThat(withToken.statusCode()).isEqualTo(302);
		assertThat(withToken.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
		String session = withToken.headers().firstValue("Set-Cookie").orElseThrow();
		assertThat(signedIn(session.substring(0, session.indexOf(';')))).as("the form with its token signs in").isTrue();
	}

	@Test
	@Order(4)
	void fiveWrongPasswordsLockTheAccountEvenForTheRightOneAndTheLockIsLogged() throws Exception {
		users.create("guessed", "", "right-password-1", false);
		users.create("neighbour", "", "neighbour-password-1", false);
		SignInPage page = signInPage();
		for (int i = 1; i <= 5; i++) {
			HttpResponse<String> wrong = post(page.cookie,
					"username=guessed&password=wrong-" + i + "&" + page.csrfParameter + "=" + page.csrfToken);
			assertThat(wrong.headers().firstValue("Location")).as("attempt " + i).hasValueSatisfying(
					l -> assertThat(l).endsWith("/login?error"));
		}
		HttpResponse<String> right = post(page.cookie,
				"username=guessed&password=right-password-1&" + page.csrfParameter + "=" + page.csrfToken);
		assertThat(right.headers().firstValue("Location")).as("locked: the right password is refused too")
			.hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));

		assertThat(securityLog.entries(10)).anySatisfy(e -> {
			assertThat(e.action()).isEqualTo("sign-in locked");
			assertThat(e.target()).startsWith("account 'guessed' after 5 failed sign-ins; locked until ");
			assertThat(e.actor()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
		});

		SignInPage other = signInPage();
		HttpResponse<String> neighbour = post(other.cookie,
				"username=neighbour&password=neighbour-password-1&" + other.csrfParameter + "=" + other.csrfToken);
		assertThat(neighbour.headers().firstValue("Location")).as("another account from the same address signs in")
			.hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
	}

	@Test
	@Order(5)
	void behindAnHttpsProxyRedirectsStayHttpsAndTheCookieIsSecure() throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/documents"))
			.header("X-Forwarded-Proto", "https")
			.header("X-Forwarded-Host", "quire.example.org")
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location")).hasValue("https://quire.example.org/login");
		assertThat(response.headers().allValues("Set-Cookie")).anySatisfy(
				c -> assertThat(c).startsWith("JSESSIONID=").contains("Secure").contains("SameSite=Lax"));
	}

	/** The sign-in page as a browser gets it: the session cookie and the CSRF token Vaadin writes into it. */
	record SignInPage(HttpResponse<String> response, String setCookie, String cookie, String csrfParameter,
			String csrfToken) {
	}

	SignInPage signInPage() throws Exception {
		HttpResponse<String> login = get("/login");
		assertThat(login.statusCode()).isEqualTo(200);
		String setCookie = login.headers().allValues("Set-Cookie").stream()
			.filter(c -> c.startsWith("JSESSIONID="))
			.findFirst()
			.orElseThrow();
		String cookie = setCookie.substring(0, setCookie.indexOf(';'));
		return new SignInPage(login, setCookie, cookie, meta(login.body(), "_csrf_parameter"), meta(login.body(), "_csrf"));
	}

	private static String meta(String html, String name) {
		Matcher m = Pattern.compile("<meta name=\"" + name + "\" content=\"([^\"]+)\"").matcher(html);
		assertThat(m.find()).as("meta " + name + " in the sign-in page").isTrue();
		return m.group(1);
	}

	/** Whether the session behind this cookie may open a page that needs a signed-in person. */
	boolean signedIn(String cookie) throws Exception {
		HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/documents"))
			.header("Cookie", cookie)
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
		return page.statusCode() == 200;
	}

	HttpResponse<String> post(String cookie, String form) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Cookie", cookie)
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static void await(CountDownLatch latch) {
		try {
			if (!latch.await(60, TimeUnit.SECONDS)) {
				throw new IllegalStateException("timed out");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}

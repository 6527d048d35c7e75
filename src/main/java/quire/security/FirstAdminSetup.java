package quire.security;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The first administrator. Quire ships no default password: on a start with no accounts it creates
 * the administrator from {@code quire.admin.username} / {@code quire.admin.password} (for example
 * the environment variables {@code QUIRE_ADMIN_USERNAME} and {@code QUIRE_ADMIN_PASSWORD}) when they
 * are set, and otherwise prints a one-time setup link to the log. The link's secret lives only in
 * memory and stops working once an account exists. Two submits racing each other create one
 * administrator: {@link #complete} is serialised in this server, and the database's
 * {@code first_admin_claim} row (one at most) decides between servers.
 */
@Component
public class FirstAdminSetup {

	private static final Logger log = LoggerFactory.getLogger(FirstAdminSetup.class);

	private final UserService users;

	private final String username;

	private final String password;

	private final String port;

	private static final String USED = "This setup link is not valid or has been used already.";

	private volatile @Nullable String token;

	FirstAdminSetup(UserService users, @Value("${quire.admin.username:}") String username,
			@Value("${quire.admin.password:}") String password, @Value("${server.port:8080}") String port) {
		this.users = users;
		this.username = username;
		this.password = password;
		this.port = port;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(0)
	void onStart(ApplicationReadyEvent event) {
		if (users.hasUsers()) {
			return;
		}
		if (!username.isBlank() && !password.isBlank()) {
			try {
				users.createFirstAdmin(username, username, password);
				log.info("Created the first administrator '{}' from configuration", username);
			}
			catch (IllegalStateException ex) {
				log.info("Another server created the first administrator; '{}' was not created", username);
			}
			return;
		}
		boolean web = event.getApplicationContext().getEnvironment().acceptsProfiles(p -> !p.test("cli"));
		if (web) {
			byte[] secret = new byte[24];
			new SecureRandom().nextBytes(secret);
			token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
			log.warn("Quire has no user yet. Open http://localhost:{}/setup/{} to create the first administrator "
					+ "(the link works once; or set QUIRE_ADMIN_USERNAME and QUIRE_ADMIN_PASSWORD and restart).", port,
					token);
		}
	}

	/** True while no account exists and the token is the one printed to the log. */
	public boolean accepts(String candidate) {
		String expected = token;
		return expected != null && !users.hasUsers() && MessageDigest.isEqual(
				expected.getBytes(StandardCharsets.UTF_8), candidate.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Creates the first administrator through the setup link.
	 * @throws AccessRefusedException if the link is wrong or already used
	 * @throws IllegalArgumentException if the name or password is not acceptable
	 */
	public synchronized UserAccount complete(String candidate, String name, String displayName, String newPassword) {
		if (!accepts(candidate)) {
			throw new AccessRefusedException(USED);
		}
		UserAccount admin;
		try {
			admin = users.createFirstAdmin(name, displayName, newPassword);
		}
		catch (IllegalStateException ex) {
			// another server on the same database created the first administrator in between
			token = null;
			throw new AccessRefusedException(USED);
		}
		token = null;
		log.info("Created the first administrator '{}' through the setup link", admin.username());
		return admin;
	}

	/** The current setup token, for tests. */
	@Nullable String token() {
		return token;
	}

}

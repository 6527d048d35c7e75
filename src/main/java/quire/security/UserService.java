package quire.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * User accounts. Passwords are kept only as bcrypt hashes. Creating and changing accounts needs an
 * administrator (or the local administrator of a command-line run); a user may change their own
 * password.
 */
@Service
@Transactional(readOnly = true)
public class UserService implements UserDetailsService {

	/** Shortest password accepted. */
	public static final int MIN_PASSWORD_LENGTH = 10;

	private static final Pattern USERNAME = Pattern.compile("[a-zA-Z0-9._@-]{2,100}");

	private static final String COLUMNS = "id, username, display_name, is_admin, enabled, created_at";

	private final JdbcClient jdbc;

	private final PasswordEncoder encoder;

	private final ApplicationEventPublisher events;

	private final Actors actors;

	private final Clock clock = Clock.systemUTC();

	UserService(JdbcClient jdbc, PasswordEncoder encoder, ApplicationEventPublisher events, Actors actors) {
		this.jdbc = jdbc;
		this.encoder = encoder;
		this.events = events;
		this.actors = actors;
	}

	/**
	 * Creates an account. The first administrator also receives every project that has no owner yet
	 * (the demo project among them).
	 * @throws IllegalArgumentException if the name is malformed or taken, or the password too short
	 * @throws AccessRefusedException if the actor is not an administrator
	 */
	@Transactional
	public UserAccount create(String username, String displayName, String password, boolean admin) {
		actors.requireAdmin("create user accounts");
		return insert(username, displayName, password, admin);
	}

	/**
	 * Creates the first administrator; refused once any account exists. The row in
	 * {@code first_admin_claim} (at most one, by its primary key) is inserted in the same
	 * transaction, so of two requests racing here — two browsers submitting the setup link, or two
	 * servers starting on one database — exactly one commits.
	 */
	@Transactional
	UserAccount createFirstAdmin(String username, String displayName, String password) {
		if (hasUsers()) {
			throw new IllegalStateException(FIRST_ADMIN_EXISTS);
		}
		try {
			jdbc.sql("insert into first_admin_claim (id, claimed_at) values (1, ?)")
				.param(Timestamp.from(clock.instant()))
				.update();
		}
		catch (DataIntegrityViolationException | TransientDataAccessException ex) {
			// the claim row exists, or another transaction holds it uncommitted (a lock wait that timed out)
			throw new IllegalStateException(FIRST_ADMIN_EXISTS, ex);
		}
		UserAccount admin = insert(username, displayName, password, true);
		jdbc.sql("update first_admin_claim set user_id = ? where id = 1").param(admin.id().value()).update();
		return admin;
	}

	private static final String FIRST_ADMIN_EXISTS = "Quire already has user accounts; ask an administrator for one";

	private UserAccount insert(String username, String displayName, String password, boolean admin) {
		String name = username.strip();
		if (!USERNAME.matcher(name).matches()) {
			throw new IllegalArgumentException("a user name has 2 to 100 letters, digits or . _ @ -, was '" + name + "'");
		}
		if (find(name).isPresent()) {
			throw new IllegalArgumentException("a user named '" + name + "' already exists");
		}
		checkPassword(password);
		boolean firstAdmin = admin && !hasAdmin();
		Instant now = clock.instant();
		var keys = new GeneratedKeyHolder();
		String display = displayName.isBlank() ? name : displayName.strip();
		jdbc.sql("insert into app_user (username, display_name, password_hash, is_admin, enabled, created_at) "
				+ "values (?, ?, ?, ?, true, ?)")
			.params(name, display, encoder.encode(password), admin, Timestamp.from(now))
			.update(keys, "id");
		UserAccount account = new UserAccount(new UserId(keys.getKeyAs(Number.class).longValue()), name, display, admin,
				true, now);
		if (firstAdmin) {
			events.publishEvent(new FirstAdminCreated(account.id(), account.username()));
		}
		return account;
	}

	/** Sets a new password: for oneself, or for anyone by an administrator. */
	@Transactional
	public void setPassword(UserId user, String password) {
		Actor actor = actors.current();
		boolean self = actor instanceof Actor.User u && u.id().equals(user);
		if (!self) {
			actors.requireAdmin("set another person's password");
		}
		checkPassword(password);
		jdbc.sql("update app_user set password_hash = ? where id = ?").params(encoder.encode(password), user.value()).update();
	}

	/** Enables or disables an account (a disabled account cannot sign in); the last administrator stays enabled. */
	@Transactional
	public void setEnabled(UserId user, boolean enabled) {
		actors.requireAdmin("enable or disable accounts");
		UserAccount account = find(user).orElseThrow(() -> new IllegalArgumentException("no user with id " + user.value()));
		if (!enabled && account.admin() && admins() == 1) {
			throw new IllegalArgumentException("'" + account.username() + "' is the only administrator and stays enabled");
		}
		jdbc.sql("update app_user set enabled = ? where id = ?").params(enabled, user.value()).update();
	}

	/** Checks a user name and password without signing in (for tokens and tests). */
	public Optional<UserAccount> authenticate(String username, String password) {
		return jdbc.sql("select " + COLUMNS + ", password_hash from app_user where lower(username) = lower(?)")
			.param(username.strip())
			.query((rs, n) -> encoder.matches(password, rs.getString("password_hash")) ? map(rs, n) : null)
			.optional()
			.filter(UserAccount::enabled);
	}

	public List<UserAccount> list() {
		return jdbc.sql("select " + COLUMNS + " from app_user order by lower(username)").query(UserService::map).list();
	}

	public Optional<UserAccount> find(String username) {
		return jdbc.sql("select " + COLUMNS + " from app_user where lower(username) = lower(?)")
			.param(username.strip())
			.query(UserService::map)
			.optional();
	}

	public Optional<UserAccount> find(UserId id) {
		return jdbc.sql("select " + COLUMNS + " from app_user where id = ?").param(id.value()).query(UserService::map).optional();
	}

	/** Finds an account by name, or explains that there is none. */
	public UserAccount require(String username) {
		return find(username).orElseThrow(() -> new IllegalArgumentException("no user named '" + username + "'"));
	}

	public boolean hasUsers() {
		return jdbc.sql("select count(*) from app_user").query(Long.class).single() > 0;
	}

	private boolean hasAdmin() {
		return admins() > 0;
	}

	private long admins() {
		return jdbc.sql("select count(*) from app_user where is_admin = true and enabled = true").query(Long.class).single();
	}

	private static void checkPassword(String password) {
		if (password.length() < MIN_PASSWORD_LENGTH) {
			throw new IllegalArgumentException("a password has at least " + MIN_PASSWORD_LENGTH + " characters");
		}
		if (password.length() > 72) {
			throw new IllegalArgumentException("a password has at most 72 characters (bcrypt's limit)");
		}
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		return jdbc.sql("select " + COLUMNS + ", password_hash from app_user where lower(username) = lower(?)")
			.param(username.strip())
			.query((rs, n) -> new QuireUserDetails(map(rs, n), rs.getString("password_hash")))
			.optional()
			.orElseThrow(() -> new UsernameNotFoundException("no user named '" + username + "'"));
	}

	static UserAccount map(ResultSet rs, int row) throws SQLException {
		return new UserAccount(new UserId(rs.getLong("id")), rs.getString("username"), rs.getString("display_name"),
				rs.getBoolean("is_admin"), rs.getBoolean("enabled"), rs.getTimestamp("created_at").toInstant());
	}

}

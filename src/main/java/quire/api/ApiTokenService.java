package quire.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import quire.security.AccessRefusedException;
import quire.security.Actor;
import quire.security.Actors;
import quire.security.UserId;
import quire.security.UserService;

/**
 * Personal access tokens for the REST API. Each signed-in user creates, lists and revokes their own
 * tokens. A token is 32 random bytes from {@link SecureRandom}, shown once as {@code qr_<base64url>}
 * and stored only as its SHA-256: the secret has 256 bits of entropy, so nobody can guess it from the
 * hash and a slow password hash (bcrypt) would only cost time on every API call. A token acts as its
 * user with that user's project roles; a {@link ApiScope#READ read} token may not write.
 */
@Service
@Transactional(readOnly = true)
public class ApiTokenService {

	/** What every token starts with, so secret scanners and people recognise it. */
	public static final String PREFIX = "qr_";

	static final int MAX_NAME_LENGTH = 100;

	/** Last-used times are written at most this often per token, so a busy script does not write on every call. */
	static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

	private static final String COLUMNS = "id, user_id, name, scope, created_at, last_used_at, expires_at, revoked_at";

	private final JdbcClient jdbc;

	private final Actors actors;

	private final UserService users;

	private final SecureRandom random = new SecureRandom();

	private final Clock clock;

	ApiTokenService(JdbcClient jdbc, Actors actors, UserService users) {
		this.jdbc = jdbc;
		this.actors = actors;
		this.users = users;
		this.clock = Clock.systemUTC();
	}

	/**
	 * Creates a token for the signed-in user.
	 * @param expiresAt when the token stops working; {@code null} for never
	 * @throws IllegalArgumentException if the name is blank or too long, or the expiry is not in the future
	 * @throws AccessRefusedException if nobody is signed in
	 */
	@Transactional
	public NewApiToken create(String name, ApiScope scope, @Nullable Instant expiresAt) {
		UserId user = currentUser();
		String clean = name.strip();
		if (clean.isEmpty()) {
			throw new IllegalArgumentException("a token needs a name that says what uses it (e.g. 'R analysis')");
		}
		if (clean.length() > MAX_NAME_LENGTH) {
			throw new IllegalArgumentException("a token name has at most " + MAX_NAME_LENGTH + " characters");
		}
		Instant now = clock.instant();
		if (expiresAt != null && !expiresAt.isAfter(now)) {
			throw new IllegalArgumentException("the expiry must be in the future, was " + expiresAt);
		}
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		var keys = new GeneratedKeyHolder();
		jdbc.sql("insert into api_token (user_id, name, token_hash, scope, created_at, expires_at) values (?, ?, ?, ?, ?, ?)")
			.params(user.value(), clean, hash(secret), scope.name(), Timestamp.from(now),
					expiresAt == null ? null : Timestamp.from(expiresAt))
			.update(keys, "id");
		ApiToken token = find(keys.getKeyAs(Number.class).longValue()).orElseThrow();
		return new NewApiToken(token, secret);
	}

	/** The signed-in user's tokens, newest first (revoked ones included, so the list says what happened). */
	public List<ApiToken> tokens() {
		return jdbc.sql("select " + COLUMNS + " from api_token where user_id = ? order by created_at desc, id desc")
			.param(currentUser().value())
			.query(ApiTokenService::map)
			.list();
	}

	/**
	 * Revokes one of the signed-in user's tokens; it stops working at once.
	 * @throws IllegalArgumentException if the user has no token with this id
	 */
	@Transactional
	public ApiToken revoke(long id) {
		UserId user = currentUser();
		int changed = jdbc.sql("update api_token set revoked_at = ? where id = ? and user_id = ? and revoked_at is null")
			.params(Timestamp.from(clock.instant()), id, user.value())
			.update();
		ApiToken token = find(id).filter(t -> t.userId().equals(user))
			.orElseThrow(() -> new IllegalArgumentException("you have no token with id " + id));
		if (changed == 0 && token.revokedAt() == null) {
			throw new IllegalStateException("token " + id + " could not be revoked");
		}
		return token;
	}

	/**
	 * The token and its user for a secret, if the token exists, is neither revoked nor expired and its
	 * user is enabled. Notes the time of use.
	 */
	@Transactional
	public Optional<TokenOwner> authenticate(String secret) {
		if (!secret.startsWith(PREFIX) || secret.length() > 200) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		Optional<TokenOwner> owner = jdbc.sql("select " + COLUMNS + " from api_token where token_hash = ?")
			.param(hash(secret))
			.query(ApiTokenService::map)
			.optional()
			.filter(t -> t.activeAt(now))
			.flatMap(t -> users.find(t.userId()).filter(u -> u.enabled()).map(u -> new TokenOwner(t, u)));
		owner.ifPresent(o -> jdbc
			.sql("update api_token set last_used_at = ? where id = ? and (last_used_at is null or last_used_at < ?)")
			.params(Timestamp.from(now), o.token().id(), Timestamp.from(now.minus(LAST_USED_RESOLUTION)))
			.update());
		return owner;
	}

	private Optional<ApiToken> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from api_token where id = ?").param(id).query(ApiTokenService::map).optional();
	}

	private UserId currentUser() {
		if (actors.current() instanceof Actor.User u) {
			return u.id();
		}
		throw new AccessRefusedException("Sign in to manage API tokens.");
	}

	/** SHA-256 of the secret as 64 hex digits. */
	static String hash(String secret) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java runtime has SHA-256", ex);
		}
	}

	private static ApiToken map(ResultSet rs, int row) throws SQLException {
		return new ApiToken(rs.getLong("id"), new UserId(rs.getLong("user_id")), rs.getString("name"),
				ApiScope.valueOf(rs.getString("scope")), rs.getTimestamp("created_at").toInstant(),
				instant(rs.getTimestamp("last_used_at")), instant(rs.getTimestamp("expires_at")),
				instant(rs.getTimestamp("revoked_at")));
	}

	private static @Nullable Instant instant(@Nullable Timestamp t) {
		return t == null ? null : t.toInstant();
	}

}

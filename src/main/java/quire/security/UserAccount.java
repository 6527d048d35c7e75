package quire.security;

import java.time.Instant;

/** A person who can sign in. {@code admin} may manage user accounts; project rights come from membership. */
public record UserAccount(UserId id, String username, String displayName, boolean admin, boolean enabled,
		Instant createdAt) {
}

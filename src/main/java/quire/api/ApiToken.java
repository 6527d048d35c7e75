package quire.api;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import quire.security.UserId;

/** A personal access token as its owner sees it in the list: never the secret, which only its hash stands for. */
public record ApiToken(long id, UserId userId, String name, ApiScope scope, Instant createdAt, @Nullable Instant lastUsedAt,
		@Nullable Instant expiresAt, @Nullable Instant revokedAt) {

	/** True if the token is neither revoked nor expired at {@code now}. */
	public boolean activeAt(Instant now) {
		return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
	}

	/** "active", "revoked" or "expired" at {@code now}. */
	public String status(Instant now) {
		return revokedAt != null ? "revoked" : activeAt(now) ? "active" : "expired";
	}

}

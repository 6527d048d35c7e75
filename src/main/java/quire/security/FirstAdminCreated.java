package quire.security;

/** Published when the first administrator account exists; projects created before it become theirs. */
public record FirstAdminCreated(UserId userId, String username) {
}

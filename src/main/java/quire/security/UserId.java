package quire.security;

/** A user account's database id. */
public record UserId(long value) {
}

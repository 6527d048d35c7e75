package quire.api;

import quire.security.UserAccount;

/** A valid token with the account it acts as. */
public record TokenOwner(ApiToken token, UserAccount user) {
}

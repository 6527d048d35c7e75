package quire.api;

/** A token just created: the only time its secret ({@code qr_...}) exists outside the caller's script. */
public record NewApiToken(ApiToken token, String secret) {
}

package quire.api.internal;

/** Something the path names does not exist, or the caller may not see it (the API does not tell which). */
final class ApiNotFoundException extends RuntimeException {

	ApiNotFoundException(String message) {
		super(message);
	}

}

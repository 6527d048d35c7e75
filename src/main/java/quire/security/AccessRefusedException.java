package quire.security;

/**
 * The actor lacks the right for what they asked. The message says which right is missing and is
 * shown to the user as it is.
 */
public class AccessRefusedException extends RuntimeException {

	public AccessRefusedException(String message) {
		super(message);
	}

}

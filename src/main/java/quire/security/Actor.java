package quire.security;

/**
 * Who is acting in the current thread.
 * <ul>
 * <li>{@link User}: a signed-in person (web app) or the user named by the CLI's {@code --user};
 * their project roles apply.</li>
 * <li>{@link Local}: server code with no authentication at all — a command-line run without
 * {@code --user} (whose home folder already grants everything), start-up tasks such as the demo
 * project, and event listeners. Every HTTP request carries an authentication (anonymous at worst),
 * so no browser request is ever {@code Local}.</li>
 * <li>{@link Nobody}: an anonymous or unknown principal; it may do nothing.</li>
 * </ul>
 */
public sealed interface Actor {

	/** The name written into the audit log. */
	String name();

	record User(UserId id, String username, boolean admin) implements Actor {

		@Override
		public String name() {
			return username;
		}

	}

	record Local() implements Actor {

		@Override
		public String name() {
			return "local administrator";
		}

	}

	record Nobody() implements Actor {

		@Override
		public String name() {
			return "anonymous";
		}

	}

}

package quire.security;

/**
 * The one setting that must be made before H2 loads: its automatic server (which lets a command run
 * while the web app has the home open) listens on the loopback interface only, where H2's default is
 * every interface. {@code QuireApplication.main} calls {@link #bindServerToLoopback()} first thing; the
 * start-up of the database does too, for embedded starts such as tests.
 */
public final class EmbeddedDatabasePrivacy {

	/** H2's system property for the address its servers bind to; read once, when H2's classes load. */
	public static final String BIND_ADDRESS = "h2.bindAddress";

	private EmbeddedDatabasePrivacy() {
	}

	/** Sets {@code h2.bindAddress=127.0.0.1} unless it is set already (an administrator's choice). */
	public static void bindServerToLoopback() {
		if (System.getProperty(BIND_ADDRESS) == null) {
			System.setProperty(BIND_ADDRESS, "127.0.0.1");
		}
	}

}

package quire.security.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;

import quire.security.EmbeddedDatabasePrivacy;

/**
 * Keeps the embedded H2 database private to its owner, before the first connection is made:
 * <ul>
 * <li>H2's automatic server (which lets a command run while the web app has the home open) listens
 * on the loopback interface only ({@code h2.bindAddress=127.0.0.1}; H2's default is every
 * interface);</li>
 * <li>the database has a password: generated for a new home and kept in {@code db/quire.password},
 * readable by the owner only. A home made before this had user {@code sa} with an empty password: it
 * still opens, and gets a generated password the first time (written to {@code quire.password.new}
 * first, so a crash in between loses nothing);</li>
 * <li>the {@code db} folder is 0700 and its files ({@code quire.mv.db}, the lock file with the
 * server's address and key, the password) 0600, where the file system has POSIX permissions.</li>
 * </ul>
 * Applies to an H2 file database configured without a password (Quire's default); an explicit
 * {@code spring.datasource.password} or another database is left alone.
 */
final class PrivateEmbeddedDatabase implements BeanFactoryPostProcessor, EnvironmentAware,
		ApplicationListener<ApplicationStartedEvent> {

	private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

	private static final Set<PosixFilePermission> OWNER_FOLDER = PosixFilePermissions.fromString("rwx------");

	private @Nullable ConfigurableEnvironment environment;

	private @Nullable Path folder;

	/**
	 * The pool's connection lifetime. On H2 file databases it is unlimited (0): H2 2.4 binds a check
	 * constraint's {@code IN (...)} list to the session that created it, so once the connection that ran
	 * a migration is closed (Hikari retires connections after 30 minutes by default), every insert into
	 * that table fails with "Check constraint invalid … The database has been closed" until the next
	 * start. An embedded database has no network or server-side limits that retiring connections guards
	 * against. An administrator's own setting wins.
	 */
	static final String MAX_LIFETIME = "spring.datasource.hikari.max-lifetime";

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = (ConfigurableEnvironment) environment;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		EmbeddedDatabasePrivacy.bindServerToLoopback();
		ConfigurableEnvironment env = this.environment;
		if (env == null) {
			return;
		}
		String url = env.getProperty("spring.datasource.url", "");
		String password = env.getProperty("spring.datasource.password", "");
		Path database = databaseFile(url);
		if (database == null) {
			return;
		}
		if (!env.containsProperty(MAX_LIFETIME)) {
			env.getPropertySources().addLast(new MapPropertySource("quire-embedded-pool", Map.of(MAX_LIFETIME, "0")));
		}
		if (!password.isEmpty()) {
			return;
		}
		String user = env.getProperty("spring.datasource.username", "sa");
		String secret = secure(database, url, user);
		env.getPropertySources()
			.addFirst(new MapPropertySource("quire-embedded-database", Map.of("spring.datasource.password", secret)));
	}

	/** The database's path without extension for an H2 file URL, else null. */
	static @Nullable Path databaseFile(String url) {
		if (!url.startsWith("jdbc:h2:file:")) {
			return null;
		}
		String path = url.substring("jdbc:h2:file:".length());
		int options = path.indexOf(';');
		return Path.of(options < 0 ? path : path.substring(0, options)).toAbsolutePath().normalize();
	}

	/** Restricts the folder, and returns the database's password, creating or migrating it as needed. */
	String secure(Path database, String url, String user) {
		Path dir = database.getParent();
		String name = database.getFileName().toString();
		Path passwordFile = dir.resolve(name + ".password");
		Path pending = dir.resolve(name + ".password.new");
		try {
			Files.createDirectories(dir);
			restrict(dir, OWNER_FOLDER);
			this.folder = dir;
			if (Files.isRegularFile(passwordFile)) {
				restrict(passwordFile, OWNER_FILE);
				return read(passwordFile);
			}
			boolean exists = Files.exists(dir.resolve(name + ".mv.db"));
			if (!exists) {
				String secret = Files.isRegularFile(pending) ? read(pending) : generate();
				write(passwordFile, secret);
				Files.deleteIfExists(pending);
				return secret;
			}
			// A home from before: sa with an empty password, or a migration interrupted after writing .new.
			String secret;
			if (Files.isRegularFile(pending) && opens(url, user, read(pending))) {
				secret = read(pending);
			}
			else {
				secret = generate();
				write(pending, secret);
				try (Connection c = DriverManager.getConnection(url, user, ""); Statement s = c.createStatement()) {
					s.execute("ALTER USER \"" + user.toUpperCase(java.util.Locale.ROOT).replace("\"", "\"\"")
							+ "\" SET PASSWORD '" + secret + "'");
				}
			}
			move(pending, passwordFile);
			return secret;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot keep the database password in " + dir + ": " + ex.getMessage(), ex);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot give the database in " + dir + " a password: " + ex.getMessage(), ex);
		}
	}

	/** After start-up the database files exist: each gets owner-only permissions. */
	@Override
	public void onApplicationEvent(ApplicationStartedEvent event) {
		Path dir = this.folder;
		if (dir == null) {
			return;
		}
		try (Stream<Path> files = Files.list(dir)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				restrict(file, OWNER_FILE);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot restrict the permissions in " + dir + ": " + ex.getMessage(), ex);
		}
	}

	private static boolean opens(String url, String user, String password) {
		try (Connection c = DriverManager.getConnection(url, user, password)) {
			return true;
		}
		catch (SQLException ex) {
			return false;
		}
	}

	private static String generate() {
		byte[] secret = new byte[24];
		new SecureRandom().nextBytes(secret);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
	}

	private static String read(Path file) throws IOException {
		return Files.readString(file, StandardCharsets.UTF_8).strip();
	}

	private static void write(Path file, String secret) throws IOException {
		Path temp = file.resolveSibling(file.getFileName() + ".tmp");
		Files.deleteIfExists(temp);
		if (posix()) {
			Files.createFile(temp, PosixFilePermissions.asFileAttribute(OWNER_FILE));
		}
		Files.writeString(temp, secret + "\n", StandardCharsets.UTF_8);
		move(temp, file);
	}

	private static void move(Path from, Path to) throws IOException {
		try {
			Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
		}
		restrict(to, OWNER_FILE);
	}

	private static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
		if (posix()) {
			Files.setPosixFilePermissions(path, permissions);
		}
	}

	private static boolean posix() {
		return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
	}

}

package quire.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import quire.security.EmbeddedDatabasePrivacy;

/**
 * The embedded database stays private: a new home gets a generated password in an owner-only file,
 * a home from before (user sa, empty password) keeps opening and gets one, the folder and files are
 * owner-only, and H2's automatic server listens on loopback only (checked in a fresh JVM, since H2
 * reads its bind address once per JVM).
 */
final class PrivateEmbeddedDatabaseTests {

	@TempDir
	Path home;

	final PrivateEmbeddedDatabase privacy = new PrivateEmbeddedDatabase();

	String url(Path database) {
		return "jdbc:h2:file:" + database + ";WRITE_DELAY=0";
	}

	@Test
	void aNewHomeGetsAGeneratedPasswordThatOnlyTheOwnerCanRead() throws Exception {
		Path database = home.resolve("db/quire");
		String password = privacy.secure(database, url(database), "sa");

		assertThat(password).hasSizeGreaterThanOrEqualTo(32);
		Path file = home.resolve("db/quire.password");
		assertThat(Files.readString(file).strip()).isEqualTo(password);
		assertThat(privacy.secure(database, url(database), "sa")).as("the same password next time").isEqualTo(password);
		try (Connection c = DriverManager.getConnection(url(database), "sa", password)) {
			assertThat(c.isValid(1)).isTrue();
		}
		assertThatThrownBy(() -> DriverManager.getConnection(url(database), "sa", "").close())
			.isInstanceOf(SQLException.class);
		if (posix()) {
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("db")))).isEqualTo("rwx------");
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
			privacy.onApplicationEvent(null);
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("db/quire.mv.db"))))
				.isEqualTo("rw-------");
		}
	}

	@Test
	void aHomeFromBeforeWithAnEmptyPasswordKeepsItsDataAndGetsAPassword() throws Exception {
		Path database = home.resolve("db/quire");
		try (Connection c = DriverManager.getConnection(url(database), "sa", ""); Statement s = c.createStatement()) {
			s.execute("create table note (text varchar(20))");
			s.execute("insert into note values ('kept')");
		}
		Files.setPosixFilePermissions(home.resolve("db/quire.mv.db"), PosixFilePermissions.fromString("rw-r--r--"));

		String password = privacy.secure(database, url(database), "sa");

		assertThat(home.resolve("db/quire.password")).hasContent(password);
		assertThat(home.resolve("db/quire.password.new")).doesNotExist();
		try (Connection c = DriverManager.getConnection(url(database), "sa", password); Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("select text from note")) {
			assertThat(rs.next()).isTrue();
			assertThat(rs.getString(1)).isEqualTo("kept");
		}
		assertThatThrownBy(() -> DriverManager.getConnection(url(database), "sa", "").close())
			.as("the empty password no longer opens it").isInstanceOf(SQLException.class);
		if (posix()) {
			privacy.onApplicationEvent(null);
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("db/quire.mv.db"))))
				.isEqualTo("rw-------");
		}
	}

	@Test
	void aMigrationCutOffAfterSettingThePasswordFinishesWithThePendingPassword() throws Exception {
		Path database = home.resolve("db/quire");
		try (Connection c = DriverManager.getConnection(url(database), "sa", ""); Statement s = c.createStatement()) {
			s.execute("alter user sa set password 'pending-secret'");
		}
		Files.writeString(home.resolve("db/quire.password.new"), "pending-secret\n");

		assertThat(privacy.secure(database, url(database), "sa")).isEqualTo("pending-secret");
		assertThat(home.resolve("db/quire.password")).hasContent("pending-secret");
		assertThat(home.resolve("db/quire.password.new")).doesNotExist();
	}

	/**
	 * Why the pool never retires H2 connections: H2 2.4 binds a check constraint's IN list to the session
	 * that created it. If this starts failing (a fixed H2), the unlimited lifetime can go.
	 */
	@Test
	void h2BreaksAnInCheckOnceTheSessionThatCreatedItIsClosed() throws Exception {
		Path database = home.resolve("db/check");
		try (Connection kept = DriverManager.getConnection(url(database), "sa", "")) {
			try (Connection creator = DriverManager.getConnection(url(database), "sa", "");
					Statement s = creator.createStatement()) {
				s.execute("create table t (origin varchar(10) not null, constraint t_origin check (origin in ('A', 'B')))");
			}
			assertThatThrownBy(() -> {
				try (Statement s = kept.createStatement()) {
					s.execute("insert into t values ('A')");
				}
			}).isInstanceOf(SQLException.class).hasMessageContaining("Check constraint invalid");
		}
	}

	@Test
	void anH2FilePoolKeepsItsConnectionsUnlessAnAdministratorSaysOtherwise() {
		org.springframework.mock.env.MockEnvironment h2 = new org.springframework.mock.env.MockEnvironment()
			.withProperty("spring.datasource.url", url(home.resolve("db/pool")));
		PrivateEmbeddedDatabase p = new PrivateEmbeddedDatabase();
		p.setEnvironment(h2);
		p.postProcessBeanFactory(new org.springframework.beans.factory.support.DefaultListableBeanFactory());
		assertThat(h2.getProperty(PrivateEmbeddedDatabase.MAX_LIFETIME)).isEqualTo("0");

		org.springframework.mock.env.MockEnvironment set = new org.springframework.mock.env.MockEnvironment()
			.withProperty("spring.datasource.url", url(home.resolve("db/pool2")))
			.withProperty(PrivateEmbeddedDatabase.MAX_LIFETIME, "600000");
		p.setEnvironment(set);
		p.postProcessBeanFactory(new org.springframework.beans.factory.support.DefaultListableBeanFactory());
		assertThat(set.getProperty(PrivateEmbeddedDatabase.MAX_LIFETIME)).isEqualTo("600000");

		org.springframework.mock.env.MockEnvironment pg = new org.springframework.mock.env.MockEnvironment()
			.withProperty("spring.datasource.url", "jdbc:postgresql://127.0.0.1:5432/quire");
		p.setEnvironment(pg);
		p.postProcessBeanFactory(new org.springframework.beans.factory.support.DefaultListableBeanFactory());
		assertThat(pg.containsProperty(PrivateEmbeddedDatabase.MAX_LIFETIME)).isFalse();
	}

	@Test
	void onlyH2FileDatabasesAreTouched() {
		assertThat(PrivateEmbeddedDatabase.databaseFile("jdbc:postgresql://127.0.0.1:5432/quire")).isNull();
		assertThat(PrivateEmbeddedDatabase.databaseFile("jdbc:h2:mem:test")).isNull();
		assertThat(PrivateEmbeddedDatabase.databaseFile("jdbc:h2:file:/tmp/h/db/quire;AUTO_SERVER=TRUE;WRITE_DELAY=0"))
			.isEqualTo(Path.of("/tmp/h/db/quire"));
	}

	@Test
	void theAutomaticServerListensOnLoopbackOnly() throws Exception {
		Path database = home.resolve("db/quire");
		Process probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), LoopbackProbe.class.getName(), database.toString())
			.redirectErrorStream(true)
			.start();
		probe.getOutputStream().flush();
		try (BufferedReader out = new BufferedReader(new InputStreamReader(probe.getInputStream(), StandardCharsets.UTF_8))) {
			String server = null;
			String line;
			while ((line = out.readLine()) != null) {
				if (line.startsWith("server=")) {
					server = line.substring("server=".length());
					String host = server.substring(0, server.lastIndexOf(':'));
					assertThat(InetAddress.getByName(host).isLoopbackAddress())
						.as("the address H2 writes into the lock file, %s, is loopback", server).isTrue();
					int port = Integer.parseInt(server.substring(server.lastIndexOf(':') + 1));
					try (Socket local = new Socket()) {
						local.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
					}
					InetAddress other = nonLoopbackAddress();
					if (other != null) {
						assertThatThrownBy(() -> {
							try (Socket remote = new Socket()) {
								remote.connect(new InetSocketAddress(other, port), 2000);
							}
						}).as("nothing listens on " + other).isInstanceOf(java.io.IOException.class);
					}
					probe.getOutputStream().close(); // the probe exits
				}
			}
			assertThat(server).as("the probe printed the server's address").isNotNull();
		}
		finally {
			if (!probe.waitFor(30, TimeUnit.SECONDS)) {
				probe.destroyForcibly();
			}
		}
	}

	private static InetAddress nonLoopbackAddress() throws Exception {
		for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
			if (!nic.isUp() || nic.isLoopback()) {
				continue;
			}
			for (InetAddress a : Collections.list(nic.getInetAddresses())) {
				if (a instanceof java.net.Inet4Address) {
					return a;
				}
			}
		}
		return null;
	}

	private static boolean posix() {
		return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
	}

	/**
	 * Runs in a fresh JVM: starts as Quire does, opens an H2 file database with AUTO_SERVER, prints the
	 * server address from the lock file, and waits until its input closes.
	 */
	static final class LoopbackProbe {

		public static void main(String[] args) throws Exception {
			EmbeddedDatabasePrivacy.bindServerToLoopback();
			Path database = Path.of(args[0]);
			try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + database + ";AUTO_SERVER=TRUE", "sa", "probe")) {
				Properties lock = new Properties();
				try (var in = Files.newInputStream(database.resolveSibling(database.getFileName() + ".lock.db"))) {
					lock.load(in);
				}
				System.out.println("server=" + lock.getProperty("server"));
				System.out.flush();
				while (System.in.read() >= 0) {
					// wait for the test to close our input
				}
			}
		}

	}

}

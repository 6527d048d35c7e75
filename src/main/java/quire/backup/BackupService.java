package quire.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Properties;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import quire.media.MediaService;
import quire.search.SearchService;
import quire.security.Actors;

/**
 * Writes and restores backups of the embedded H2 database and the recordings' files ({@code media/}). {@code backup} uses H2's {@code SCRIPT},
 * which reads one consistent snapshot while the app keeps running; {@code restore} replaces the
 * whole database with the backup (stop the web app first), checks the counts against the manifest
 * and rebuilds the search index. For a PostgreSQL team database the server's own {@code pg_dump}
 * is the right tool, and these commands say so.
 */
@Service
public class BackupService {

	static final String SCRIPT = "quire-db.sql.gz";

	static final String MANIFEST = "quire-backup.properties";

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	private final SearchService search;

	private final Actors actors;

	private final MediaService media;

	private final String url;

	BackupService(DataSource dataSource, JdbcClient jdbc, SearchService search, Actors actors, MediaService media,
			@Value("${spring.datasource.url}") String url) {
		this.media = media;
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.search = search;
		this.actors = actors;
		this.url = url;
	}

	/**
	 * Writes a backup into {@code folder} (created if needed; it must not hold a backup already).
	 * @throws IllegalArgumentException if the folder holds a backup or the database is not H2
	 */
	public BackupSummary backup(Path folder) {
		actors.requireAdmin("write a backup");
		requireH2("backup");
		Path script = folder.resolve(SCRIPT);
		if (Files.exists(script)) {
			throw new IllegalArgumentException(folder + " already holds a backup; choose an empty folder");
		}
		try {
			Files.createDirectories(folder);
			try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
				c.setAutoCommit(false);
				s.execute("SCRIPT TO " + literal(script) + " COMPRESSION GZIP");
				BackupSummary summary = counts(folder);
				c.commit();
				Properties manifest = new Properties();
				manifest.setProperty("created", Instant.now().toString());
				manifest.setProperty("projects", Long.toString(summary.projects()));
				manifest.setProperty("documents", Long.toString(summary.documents()));
				manifest.setProperty("codings", Long.toString(summary.codings()));
				// the recordings' files (their rows are in the database script)
				manifest.setProperty("recordings", Long.toString(media.backupTo(folder)));
				try (OutputStream out = Files.newOutputStream(folder.resolve(MANIFEST))) {
					manifest.store(out, "Quire backup: restore with  java -jar quire.jar restore --from <this folder>");
				}
				return summary;
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write the backup to " + folder + ": " + ex.getMessage(), ex);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("the database could not be written out: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Replaces the database with a backup and rebuilds the search index.
	 * @throws IllegalArgumentException if the folder holds no backup, or the restored counts differ
	 * from the manifest (the backup is then damaged)
	 */
	public BackupSummary restore(Path folder) {
		actors.requireAdmin("restore a backup");
		requireH2("restore");
		Path script = folder.resolve(SCRIPT);
		Path manifestFile = folder.resolve(MANIFEST);
		if (!Files.isRegularFile(script) || !Files.isRegularFile(manifestFile)) {
			throw new IllegalArgumentException(folder + " holds no Quire backup (" + SCRIPT + " and " + MANIFEST
					+ " are needed)");
		}
		Properties manifest = new Properties();
		try (InputStream in = Files.newInputStream(manifestFile)) {
			manifest.load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + manifestFile + ": " + ex.getMessage(), ex);
		}
		try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
			s.execute("DROP ALL OBJECTS");
			s.execute("RUNSCRIPT FROM " + literal(script) + " COMPRESSION GZIP");
		}
		catch (SQLException ex) {
			throw new IllegalArgumentException("the backup in " + folder + " could not be read back: " + ex.getMessage(),
					ex);
		}
		BackupSummary restored = counts(folder);
		BackupSummary expected = new BackupSummary(folder, count(manifest, "projects"), count(manifest, "documents"),
				count(manifest, "codings"));
		if (!restored.equals(expected)) {
			throw new IllegalArgumentException("the restored database holds " + restored.describe()
					+ " but the backup's manifest says " + expected.describe() + "; the backup is damaged");
		}
		long recordings = media.restoreFrom(folder);
		long expectedRecordings = count(manifest, "recordings");
		if (expectedRecordings >= 0 && recordings != expectedRecordings) {
			throw new IllegalArgumentException("the backup's manifest lists " + expectedRecordings
					+ " recording(s) but its media folder holds " + recordings + "; the backup is damaged");
		}
		search.rebuild();
		return restored;
	}

	private BackupSummary counts(Path folder) {
		return new BackupSummary(folder, jdbc.sql("select count(*) from project").query(Long.class).single(),
				jdbc.sql("select count(*) from document").query(Long.class).single(),
				jdbc.sql("select count(*) from coding").query(Long.class).single());
	}

	private static long count(Properties manifest, String key) {
		try {
			return Long.parseLong(manifest.getProperty(key, "-1"));
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	private void requireH2(String what) {
		if (!url.startsWith("jdbc:h2:")) {
			throw new IllegalArgumentException(what + " works on Quire's embedded H2 database; for a PostgreSQL team "
					+ "database use the server's pg_dump and pg_restore, then run 'index rebuild'");
		}
	}

	private static String literal(Path path) {
		return "'" + path.toAbsolutePath().toString().replace("'", "''") + "'";
	}

}

package quire.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import quire.corpus.CorpusService;
import quire.corpus.DocumentDeleted;
import quire.corpus.DocumentId;
import quire.corpus.DocumentSummary;
import quire.corpus.ImportRequest;
import quire.corpus.ImportResult;
import quire.media.internal.MediaProbe;
import quire.media.internal.MediaSniffer;
import quire.project.ProjectAccess;
import quire.project.ProjectDeleted;
import quire.project.ProjectId;
import quire.project.ProjectRole;
import quire.security.Actors;

/**
 * Attaches, lists, opens and detaches the recording of a document. Files live under
 * {@code quire.media.folder} (default {@code QUIRE_HOME/media}) as {@code <project>/<document>.<ext>};
 * the database row says what each is. Viewers may list and play, coders and owners attach and
 * detach. Uploads are limited like document imports ({@code quire.import.max-file-size}).
 */
@Service
public class MediaService {

	private static final String COLUMNS = "document_id, project_id, format, original_name, size_bytes, duration_ms, attached_at";

	private final JdbcClient jdbc;

	private final ProjectAccess access;

	private final CorpusService corpus;

	private final Actors actors;

	private final Path folder;

	private final long maxBytes;

	MediaService(JdbcClient jdbc, ProjectAccess access, CorpusService corpus, Actors actors,
			@Value("${quire.media.folder:${quire.home}/media}") Path folder,
			@Value("${quire.import.max-file-size:52428800}") long maxBytes) {
		this.jdbc = jdbc;
		this.access = access;
		this.corpus = corpus;
		this.actors = actors;
		this.folder = folder;
		this.maxBytes = maxBytes;
	}

	/** The largest recording an upload accepts, in bytes. */
	public long maxBytes() {
		return maxBytes;
	}

	/**
	 * Attaches {@code content} as the document's recording, replacing one attached before. The
	 * content is read once, up to the upload limit.
	 * @throws MediaRejectedException if the content is no recording format browsers play, or too large
	 * @throws IllegalArgumentException if there is no such document the caller may read
	 * @throws quire.security.AccessRefusedException without the coder role
	 */
	@Transactional
	public Recording attach(DocumentId documentId, String fileName, InputStream content) {
		DocumentSummary doc = readable(documentId);
		access.require(doc.projectId(), ProjectRole.CODER);
		Path projectFolder = folder.resolve(Long.toString(doc.projectId().value()));
		Path temp = null;
		try {
			Files.createDirectories(projectFolder);
			temp = Files.createTempFile(projectFolder, "upload-", ".part");
			long size = copyLimited(content, temp, fileName);
			byte[] head = head(temp);
			Optional<MediaFormat> sniffed = MediaSniffer.sniff(head);
			if (sniffed.isEmpty()) {
				throw new MediaRejectedException(fileName, MediaSniffer.refusal(head));
			}
			MediaFormat format = sniffed.get();
			deleteFiles(doc.projectId(), documentId);
			Path target = projectFolder.resolve(documentId.value() + "." + format.extension());
			Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
			temp = null;
			OptionalLong duration = MediaProbe.durationMillis(target, format);
			Instant now = Instant.now();
			jdbc.sql("delete from media_file where document_id = ?").param(documentId.value()).update();
			jdbc.sql("insert into media_file (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?)")
				.params(documentId.value(), doc.projectId().value(), format.name(), clip(fileName), size,
						duration.isPresent() ? duration.getAsLong() : null, Timestamp.from(now))
				.update();
			return new Recording(documentId, doc.projectId(), format, clip(fileName), size,
					duration.isPresent() ? duration.getAsLong() : null, now);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot store the recording " + fileName + ": " + ex.getMessage(), ex);
		}
		finally {
			if (temp != null) {
				try {
					Files.deleteIfExists(temp);
				}
				catch (IOException ignored) {
					// a leftover .part file is overwritten by nothing and harmless; the upload already failed
				}
			}
		}
	}

	/**
	 * Imports a transcript and attaches its recording to the new document, in one transaction (see
	 * {@link RecordedTranscripts}): if either is refused, neither is imported.
	 * @throws MediaRejectedException if the recording is refused; nothing is imported
	 * @throws quire.corpus.ImportRejectedException if the transcript is refused; nothing is imported
	 */
	@Transactional
	public RecordedImport importTogether(ProjectId project, ImportRequest transcript, String recordingName, Path recording) {
		try {
			byte[] head;
			try (InputStream in = Files.newInputStream(recording)) {
				head = in.readNBytes(MediaSniffer.HEAD);
			}
			// refused before the transcript is parsed, with the same reason an attach gives
			if (MediaSniffer.sniff(head).isEmpty()) {
				throw new MediaRejectedException(recordingName, MediaSniffer.refusal(head));
			}
			if (Files.size(recording) > maxBytes) {
				throw new MediaRejectedException(recordingName, "the file is larger than the upload limit of "
						+ (maxBytes / 1_048_576) + " MB (quire.import.max-file-size)");
			}
			ImportResult imported = corpus.importDocument(project, transcript);
			var document = imported.document();
			if (TransactionSynchronizationManager.isSynchronizationActive()) {
				// the recording's file is not in the transaction: it goes if the document is rolled back
				TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
					@Override
					public void afterCompletion(int status) {
						if (status != STATUS_COMMITTED) {
							deleteFiles(document.projectId(), document.id());
						}
					}
				});
			}
			Recording attached;
			try (InputStream in = Files.newInputStream(recording)) {
				attached = attach(document.id(), recordingName, in);
			}
			return new RecordedImport(imported, attached);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the recording " + recordingName + ": " + ex.getMessage(), ex);
		}
	}

	/** The document's recording; empty if it has none or the caller may not read the document. */
	public Optional<Recording> find(DocumentId documentId) {
		return jdbc.sql("select " + COLUMNS + " from media_file where document_id = ?")
			.param(documentId.value())
			.query(MediaService::recording)
			.optional()
			.filter(r -> access.can(r.projectId(), ProjectRole.VIEWER));
	}

	/** The recordings of a project, by document id. */
	public List<Recording> list(ProjectId project) {
		access.require(project, ProjectRole.VIEWER);
		return jdbc.sql("select " + COLUMNS + " from media_file where project_id = ? order by document_id")
			.param(project.value())
			.query(MediaService::recording)
			.list();
	}

	/** The recording and its file, for playing; empty if there is none the caller may read. */
	public Optional<MediaContent> open(DocumentId documentId) {
		return find(documentId).map(r -> new MediaContent(r, file(r)))
			.filter(c -> Files.isRegularFile(c.file()));
	}

	/**
	 * Removes the document's recording (row and file).
	 * @return whether there was one
	 * @throws quire.security.AccessRefusedException without the coder role
	 */
	@Transactional
	public boolean detach(DocumentId documentId) {
		DocumentSummary doc = readable(documentId);
		access.require(doc.projectId(), ProjectRole.CODER);
		int rows = jdbc.sql("delete from media_file where document_id = ?").param(documentId.value()).update();
		deleteFiles(doc.projectId(), documentId);
		return rows > 0;
	}

	/** Copies every recording into {@code target/media} for a backup; the number of files copied. */
	public long backupTo(Path target) {
		actors.requireAdmin("write a backup");
		return copyTree(folder, target.resolve("media"));
	}

	/** Replaces the recordings with those of a backup ({@code source/media}); the number of files restored. */
	public long restoreFrom(Path source) {
		actors.requireAdmin("restore a backup");
		deleteTree(folder);
		return copyTree(source.resolve("media"), folder);
	}

	@ApplicationModuleListener
	void on(DocumentDeleted event) {
		// the row went with the document (on delete cascade); the file follows
		deleteFiles(event.projectId(), event.documentId());
	}

	@ApplicationModuleListener
	void on(ProjectDeleted event) {
		deleteTree(folder.resolve(Long.toString(event.projectId().value())));
	}

	private DocumentSummary readable(DocumentId documentId) {
		return corpus.document(documentId)
			.filter(d -> access.can(d.projectId(), ProjectRole.VIEWER))
			.orElseThrow(() -> new IllegalArgumentException("no document with id " + documentId.value()
					+ " that you may read"));
	}

	private Path file(Recording r) {
		return folder.resolve(Long.toString(r.projectId().value()))
			.resolve(r.documentId().value() + "." + r.format().extension());
	}

	private long copyLimited(InputStream in, Path target, String fileName) throws IOException {
		long total = 0;
		byte[] buffer = new byte[64 * 1024];
		try (OutputStream out = Files.newOutputStream(target)) {
			int n;
			while ((n = in.read(buffer)) > 0) {
				total += n;
				if (total > maxBytes) {
					throw new MediaRejectedException(fileName, "the file is larger than the upload limit of "
							+ (maxBytes / 1_048_576) + " MB (quire.import.max-file-size)");
				}
				out.write(buffer, 0, n);
			}
		}
		return total;
	}

	private static byte[] head(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return in.readNBytes(MediaSniffer.HEAD);
		}
	}

	/** Deletes the files of a document's recording (any format), e.g. when its import was rolled back. */
	void deleteFiles(ProjectId project, DocumentId document) {
		for (MediaFormat f : MediaFormat.values()) {
			try {
				Files.deleteIfExists(folder.resolve(Long.toString(project.value()))
					.resolve(document.value() + "." + f.extension()));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot delete the recording of document " + document.value(), ex);
			}
		}
	}

	private static long copyTree(Path from, Path to) {
		if (!Files.isDirectory(from)) {
			return 0;
		}
		try (Stream<Path> files = Files.walk(from)) {
			long copied = 0;
			for (Path p : files.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".part")).toList()) {
				Path target = to.resolve(from.relativize(p).toString());
				Files.createDirectories(target.getParent());
				Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
				copied++;
			}
			return copied;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot copy the recordings from " + from + " to " + to + ": "
					+ ex.getMessage(), ex);
		}
	}

	private static void deleteTree(Path root) {
		if (!Files.exists(root)) {
			return;
		}
		try (Stream<Path> files = Files.walk(root)) {
			for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(p);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot delete " + root + ": " + ex.getMessage(), ex);
		}
	}

	private static String clip(String name) {
		String n = name.isBlank() ? "recording" : name.strip();
		return n.length() > 500 ? n.substring(0, 500) : n;
	}

	private static Recording recording(ResultSet rs, int row) throws SQLException {
		long duration = rs.getLong("duration_ms");
		return new Recording(new DocumentId(rs.getLong("document_id")), new ProjectId(rs.getLong("project_id")),
				MediaFormat.valueOf(rs.getString("format")), rs.getString("original_name"), rs.getLong("size_bytes"),
				rs.wasNull() ? null : duration, rs.getTimestamp("attached_at").toInstant());
	}

}

package quire.exchange;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import quire.exchange.internal.QdeWriter;
import quire.exchange.internal.QdpxImporter;
import quire.project.AuditLog;
import quire.project.ProjectAccess;
import quire.project.ProjectId;
import quire.project.ProjectRole;

/**
 * REFI-QDA project exchange. Export writes {@code project.qde} (users, codebook with Quire's code
 * sets, participants as cases, text sources with their codings as {@code PlainTextSelection}s, a
 * document with a recording as an audio or video source whose transcript carries the turn times as
 * sync points, memos as notes, document groups as source sets, MITI global scores as source
 * variables) and the texts and recordings under {@code Sources/}. Import reads archives from other
 * tools into a new project in one transaction: a rejected archive leaves nothing behind.
 */
@Service
@Transactional(readOnly = true)
public class QdpxService {

	public static final int MAX_ENTRIES = 10_000;

	public static final long MAX_ENTRY_BYTES = 200L << 20;

	public static final long MAX_TOTAL_BYTES = 1L << 30;

	private final ProjectAccess access;

	private final AuditLog audit;

	private final QdeWriter writer;

	private final QdpxImporter importer;

	QdpxService(ProjectAccess access, AuditLog audit, QdeWriter writer, QdpxImporter importer) {
		this.access = access;
		this.audit = audit;
		this.writer = writer;
		this.importer = importer;
	}

	/** The project as a {@code .qdpx} archive. */
	public byte[] export(ProjectId projectId) {
		access.require(projectId, ProjectRole.VIEWER);
		audit.record(projectId, "export", "REFI-QDA project (.qdpx)");
		return writer.write(projectId);
	}

	/**
	 * Imports an archive into a new project.
	 * @throws IllegalArgumentException naming the file and the reason (malformed or hostile archive,
	 * a project of that name exists, a recording that is not one); nothing is created then
	 */
	@Transactional
	public QdpxReport importProject(String newProjectName, String fileName, byte[] content) {
		QdpxImporter.Outcome o = importer.read(newProjectName, fileName, content, MAX_ENTRIES, MAX_ENTRY_BYTES,
				MAX_TOTAL_BYTES);
		return new QdpxReport(o.projectId(), o.projectName(), o.users(), o.codes(), o.sources(), o.codings(), o.cases(),
				o.notes(), o.skipped(), o.warnings());
	}

}

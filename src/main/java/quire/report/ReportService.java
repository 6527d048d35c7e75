package quire.report;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import quire.project.AuditLog;
import quire.project.Project;
import quire.project.ProjectAccess;
import quire.project.ProjectId;
import quire.project.ProjectRole;
import quire.project.ProjectService;
import quire.report.document.DocxRenderer;
import quire.report.document.Heading;
import quire.report.document.MarkdownRenderer;
import quire.report.document.PdfRenderer;
import quire.report.document.ReportDocument;

/**
 * The COREQ checklist of a project (items computed from its qualitative strand where Quire can, with
 * what they counted; the authors' answers where only they can; the rest plainly missing, with the
 * reason where the data cannot answer) and the publication report composed from the same sources
 * ({@link ReportComposer}), rendered as PDF, Word or Markdown with the same text.
 */
@Service
@Transactional(readOnly = true)
public class ReportService {

	/** Report formats. */
	public enum Format {
		PDF("pdf", "application/pdf"), DOCX("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
		MARKDOWN("md", "text/markdown");

		private final String extension;

		private final String contentType;

		Format(String extension, String contentType) {
			this.extension = extension;
			this.contentType = contentType;
		}

		public String extension() {
			return extension;
		}

		public String contentType() {
			return contentType;
		}

	}

	static final String SOFTWARE = "Quire 0.1.0";

	private final JdbcClient jdbc;

	private final ProjectService projects;

	private final ProjectAccess access;

	private final AuditLog audit;

	private final CoreqChecklist coreq;

	private final ReportComposer composer;

	ReportService(JdbcClient jdbc, ProjectService projects, ProjectAccess access, AuditLog audit, CoreqChecklist coreq,
			ReportComposer composer) {
		this.jdbc = jdbc;
		this.projects = projects;
		this.access = access;
		this.audit = audit;
		this.coreq = coreq;
		this.composer = composer;
	}

	/** Saves (or, when blank, clears) the authors' answer to a checklist item. */
	@Transactional
	public void answer(ProjectId project, int item, String answer) {
		access.require(project, ProjectRole.CODER);
		audit.record(project, "checklist", "COREQ item " + item + " answered");
		if (item < 1 || item > 32) {
			throw new IllegalArgumentException("COREQ has items 1 to 32, not " + item);
		}
		String a = answer.strip();
		if (a.length() > 4000) {
			throw new IllegalArgumentException("an answer must be at most 4000 characters");
		}
		jdbc.sql("delete from coreq_answer where project_id = ? and item = ?").params(project.value(), item).update();
		if (!a.isEmpty()) {
			jdbc.sql("insert into coreq_answer (project_id, item, answer) values (?, ?, ?)").params(project.value(), item, a).update();
		}
	}

	public Map<Integer, String> answers(ProjectId project) {
		Map<Integer, String> out = new TreeMap<>();
		jdbc.sql("select item, answer from coreq_answer where project_id = ?").param(project.value())
			.query((rs, n) -> out.put(rs.getInt(1), rs.getString(2))).list();
		return out;
	}

	/**
	 * The 32 items with status and answer; items filled from the data are computed over the
	 * qualitative strand and carry what they counted ({@link ChecklistEntry#evidence()}).
	 */
	public List<ChecklistEntry> checklist(ProjectId project) {
		return coreq.entries(project, answers(project));
	}

	/** New thematic codes per qualitative session in data-collection order: the code-saturation curve of item 22. */
	public List<Map.Entry<String, Integer>> saturation(ProjectId project) {
		return coreq.saturation(project);
	}

	/** The report as a document model. */
	public ReportDocument document(ProjectId projectId) {
		return document(projectId, Set.of());
	}

	/**
	 * The report as a document model without the sections whose headings are named in
	 * {@code leaveOut} (compared without case); tables and figures are numbered after they are left out.
	 */
	public ReportDocument document(ProjectId projectId, Set<String> leaveOut) {
		Project project = projects.find(projectId).orElseThrow(() -> new IllegalArgumentException("no project with id " + projectId.value()));
		return composer.compose(project, checklist(projectId), leaveOut);
	}

	/** The headings of the report's sections (levels 1 and 2), which a researcher may leave out. */
	public List<String> sections(ProjectId projectId) {
		return document(projectId).blocks().stream().filter(b -> b instanceof Heading h && h.level() <= 2).map(b -> ((Heading) b).text())
			.distinct().toList();
	}

	/** The report in a format. */
	public byte[] render(ProjectId project, Format format) {
		return render(project, format, Set.of());
	}

	/** The report in a format, without the sections named in {@code leaveOut}. */
	public byte[] render(ProjectId project, Format format, Set<String> leaveOut) {
		access.require(project, ProjectRole.VIEWER);
		audit.record(project, "export", "report (" + format.extension() + ")");
		ReportDocument d = document(project, leaveOut);
		return switch (format) {
			case PDF -> PdfRenderer.render(d);
			case DOCX -> DocxRenderer.render(d);
			case MARKDOWN -> MarkdownRenderer.render(d).getBytes(java.nio.charset.StandardCharsets.UTF_8);
		};
	}

}

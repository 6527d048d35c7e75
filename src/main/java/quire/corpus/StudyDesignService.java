package quire.corpus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import quire.project.AuditLog;
import quire.project.ProjectAccess;
import quire.project.ProjectId;
import quire.project.ProjectRole;

/**
 * The study design: each document group's kind and strand. What a researcher set is kept; the rest
 * is inferred each time the design is read, so it follows the data (a group whose documents are
 * scored with MITI is a counselling-session group in the fidelity strand; "Focus group …" is a focus
 * group; otherwise the number of people who speak decides between a focus group and an interview).
 */
@Service
@Transactional(readOnly = true)
public class StudyDesignService {

	private static final Pattern FOCUS = Pattern.compile("\\b(focus|fokus|fg\\d*)|fokusgruppe|gruppeintervju");

	private static final Pattern INTERVIEW = Pattern.compile("interview|intervju");

	private static final Pattern COUNSELLING = Pattern
		.compile("\\bmi\\b|\\bmi[- ]|session|samtale|counsel|veiledning|rådgiv|therapy|terapi|consultation");

	private static final Pattern NOTES = Pattern.compile("field|notes|notat|felt|observ|memo|dagbok|diary|log");

	private final JdbcClient jdbc;

	private final ProjectAccess access;

	private final AuditLog audit;

	private final List<CounsellingSessionDocuments> counselling;

	StudyDesignService(JdbcClient jdbc, ProjectAccess access, AuditLog audit,
			List<CounsellingSessionDocuments> counselling) {
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
		this.counselling = counselling;
	}

	private record GroupRow(long id, String name, @Nullable GroupKind kind, @Nullable Strand strand) {
	}

	private record DocumentRow(DocumentId id, @Nullable Long group, @Nullable Long derivedFrom) {
	}

	/** The project's design: every group (and the ungrouped documents) with kind, strand and documents. */
	public StudyDesign design(ProjectId project) {
		access.require(project, ProjectRole.VIEWER);
		List<GroupRow> groups = jdbc
			.sql("select id, name, kind, strand from document_group where project_id = ? order by lower(name)")
			.param(project.value())
			.query((rs, n) -> new GroupRow(rs.getLong(1), rs.getString(2),
					rs.getString(3) == null ? null : GroupKind.valueOf(rs.getString(3)),
					rs.getString(4) == null ? null : Strand.valueOf(rs.getString(4))))
			.list();
		List<DocumentRow> documents = jdbc
			.sql("select id, group_id, derived_from from document where project_id = ? order by imported_at, id")
			.param(project.value())
			.query((rs, n) -> new DocumentRow(new DocumentId(rs.getLong(1)), (Long) rs.getObject(2, Long.class),
					(Long) rs.getObject(3, Long.class)))
			.list();
		Map<DocumentId, Integer> speakers = new HashMap<>();
		jdbc.sql("""
				select t.document_id, count(distinct t.speaker) from speaker_turn t join document d on d.id = t.document_id
				where d.project_id = ? and t.speaker is not null group by t.document_id
				""").param(project.value()).query(rs -> {
			speakers.put(new DocumentId(rs.getLong(1)), rs.getInt(2));
		});
		Set<DocumentId> scored = new HashSet<>();
		counselling.forEach(c -> scored.addAll(c.documentsWithSessions(project)));

		Map<DocumentId, Strand> strands = new HashMap<>();
		Map<DocumentId, GroupKind> kinds = new HashMap<>();
		Map<DocumentId, DocumentId> originals = new HashMap<>();
		for (DocumentRow d : documents) {
			if (d.derivedFrom() != null) {
				originals.put(d.id(), new DocumentId(d.derivedFrom()));
			}
		}
		List<GroupDesign> out = new ArrayList<>();
		for (GroupRow g : groups) {
			List<DocumentId> docs = documents.stream()
				.filter(d -> d.group() != null && d.group() == g.id())
				.map(DocumentRow::id)
				.toList();
			Inferred inferred = infer(g.name(), docs, scored, speakers, originals);
			GroupKind kind = g.kind() != null ? g.kind() : inferred.kind();
			Strand strand = g.strand() != null ? g.strand() : kind.defaultStrand();
			for (DocumentId d : docs) {
				strands.put(d, strand);
				kinds.put(d, kind);
			}
			out.add(new GroupDesign(g.name(), kind, strand, g.kind() != null || g.strand() != null,
					g.kind() != null ? "set by a researcher" : inferred.reason(), docs));
		}
		List<DocumentId> ungrouped = documents.stream().filter(d -> d.group() == null).map(DocumentRow::id).toList();
		if (!ungrouped.isEmpty()) {
			for (DocumentId d : ungrouped) {
				Inferred inferred = infer("", List.of(d), scored, speakers, originals);
				strands.put(d, inferred.kind().defaultStrand());
				kinds.put(d, inferred.kind());
			}
			GroupKind common = kinds.get(ungrouped.getFirst());
			boolean same = ungrouped.stream().allMatch(d -> kinds.get(d) == common);
			out.add(new GroupDesign(null, common, common.defaultStrand(), false,
					same ? "inferred per document" : "inferred per document (mixed kinds)", ungrouped));
		}
		return new StudyDesign(project, out, strands, kinds, originals);
	}

	/** The documents of one strand of a project. */
	public List<DocumentId> documents(ProjectId project, Strand strand) {
		return design(project).documents(strand);
	}

	/**
	 * Sets a group's kind and strand; a null strand means "the kind's usual strand". Recorded in the
	 * audit log.
	 * @throws IllegalArgumentException if the project has no group of that name
	 */
	@Transactional
	public void setDesign(ProjectId project, String group, GroupKind kind, @Nullable Strand strand) {
		access.require(project, ProjectRole.CODER);
		int changed = jdbc.sql("update document_group set kind = ?, strand = ? where project_id = ? and name = ?")
			.params(kind.name(), strand == null ? null : strand.name(), project.value(), group.strip())
			.update();
		if (changed == 0) {
			throw new IllegalArgumentException("no document group named '" + group.strip() + "' in this project");
		}
		Strand effective = strand == null ? kind.defaultStrand() : strand;
		audit.record(project, "study design",
				"group '" + group.strip() + "' set to " + kind.label() + " in the " + effective.label());
	}

	/** Forgets what a researcher set for a group, so Quire infers its kind and strand again. */
	@Transactional
	public void resetDesign(ProjectId project, String group) {
		access.require(project, ProjectRole.CODER);
		int changed = jdbc.sql("update document_group set kind = null, strand = null where project_id = ? and name = ?")
			.params(project.value(), group.strip())
			.update();
		if (changed == 0) {
			throw new IllegalArgumentException("no document group named '" + group.strip() + "' in this project");
		}
		audit.record(project, "study design", "group '" + group.strip() + "' back to the inferred kind and strand");
	}

	private record Inferred(GroupKind kind, String reason) {
	}

	private static Inferred infer(String name, List<DocumentId> docs, Set<DocumentId> scored,
			Map<DocumentId, Integer> speakers, Map<DocumentId, DocumentId> originals) {
		long withSessions = docs.stream().filter(d -> scored.contains(d) || scored.contains(originals.getOrDefault(d, d))).count();
		if (!docs.isEmpty() && withSessions * 2 >= docs.size()) {
			return new Inferred(GroupKind.COUNSELLING_SESSION,
					"inferred: " + withSessions + " of " + docs.size() + " documents have a MITI session");
		}
		String n = name.toLowerCase(Locale.ROOT);
		if (FOCUS.matcher(n).find()) {
			return new Inferred(GroupKind.FOCUS_GROUP, "inferred from the group's name");
		}
		if (INTERVIEW.matcher(n).find()) {
			return new Inferred(GroupKind.INTERVIEW, "inferred from the group's name");
		}
		if (COUNSELLING.matcher(n).find()) {
			return new Inferred(GroupKind.COUNSELLING_SESSION, "inferred from the group's name");
		}
		if (NOTES.matcher(n).find()) {
			return new Inferred(GroupKind.FIELD_NOTES, "inferred from the group's name");
		}
		Map<Integer, Integer> bySpeakers = new LinkedHashMap<>();
		for (DocumentId d : docs) {
			bySpeakers.merge(speakers.getOrDefault(d, 0), 1, Integer::sum);
		}
		int typical = bySpeakers.entrySet()
			.stream()
			.max(Map.Entry.<Integer, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
			.map(Map.Entry::getKey)
			.orElse(0);
		if (typical >= 3) {
			return new Inferred(GroupKind.FOCUS_GROUP, "inferred: " + typical + " speakers per document");
		}
		if (typical == 2) {
			return new Inferred(GroupKind.INTERVIEW, "inferred: 2 speakers per document");
		}
		return new Inferred(GroupKind.FIELD_NOTES, "inferred: no dialogue between speakers");
	}

}

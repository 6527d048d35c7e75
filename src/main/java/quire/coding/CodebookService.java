package quire.coding;

import quire.security.Actors;
import quire.project.AuditLog;
import quire.project.ProjectRole;
import quire.project.ProjectAccess;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import quire.coding.internal.CodebookTransfer;
import quire.project.ProjectId;

/**
 * A project's codebook: a tree of codes. Creates, edits, moves, merges and deletes codes, and
 * imports and exports REFI-QDA {@code .qdc} codebooks (including the shipped RE-AIM codebook).
 */
@Service
@Transactional(readOnly = true)
public class CodebookService {

	/** Colours given to new codes in turn: distinct, readable as stripes on a light page. */
	static final List<String> PALETTE = List.of("#1F77B4", "#D62728", "#2CA02C", "#9467BD", "#FF7F0E", "#17BECF",
			"#8C564B", "#E377C2", "#7F7F7F", "#BCBD22", "#393B79", "#AD494A");

	/** The shipped RE-AIM codebook, on the class path. */
	public static final String RE_AIM_CODEBOOK = "quire/codebooks/re-aim.qdc";

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final ProjectAccess access;

	private final AuditLog audit;

	private final Actors actors;

	private final long maxFileSize;

	CodebookService(JdbcClient jdbc, ApplicationEventPublisher events, Actors actors, ProjectAccess access, AuditLog audit,
			@Value("${quire.import.max-file-size:52428800}") long maxFileSize) {
		this.maxFileSize = maxFileSize;
		this.access = access;
		this.actors = actors;
		this.audit = audit;
		this.jdbc = jdbc;
		this.events = events;
	}

	/** All codes of a project in tree order (each parent before its children, siblings by position). */
	public List<Code> codes(ProjectId project) {
		Map<Long, Set<ReAim>> dimensions = new HashMap<>();
		jdbc.sql("select cd.code_id, cd.dimension from code_dimension cd join code c on c.id = cd.code_id "
				+ "where c.project_id = ?")
			.param(project.value())
			.query((rs, n) -> dimensions.computeIfAbsent(rs.getLong(1), k -> EnumSet.noneOf(ReAim.class))
				.add(ReAim.valueOf(rs.getString(2))))
			.list();
		List<Row> rows = jdbc.sql("select * from code where project_id = ? order by position, id")
			.param(project.value())
			.query((rs, n) -> row(rs))
			.list();
		Map<@Nullable Long, List<Row>> children = new LinkedHashMap<>();
		for (Row r : rows) {
			children.computeIfAbsent(r.parentId, k -> new ArrayList<>()).add(r);
		}
		List<Code> ordered = new ArrayList<>(rows.size());
		walk(null, 0, "", children, dimensions, ordered);
		return ordered;
	}

	/** The codes of one code system of a project, in tree order. */
	public List<Code> codes(ProjectId project, CodeSystem system) {
		return codes(project).stream().filter(c -> c.system() == system).toList();
	}

	/** How many codings each code of a project has (codes without codings are left out). */
	public Map<CodeId, Integer> codingCounts(ProjectId project) {
		Map<CodeId, Integer> counts = new HashMap<>();
		jdbc.sql("select code_id, count(*) from coding where project_id = ? group by code_id")
			.param(project.value())
			.query((rs, n) -> counts.put(new CodeId(rs.getLong(1)), rs.getInt(2)))
			.list();
		return counts;
	}

	/** One code by id. */
	public Optional<Code> code(CodeId id) {
		Optional<ProjectId> project = jdbc.sql("select project_id from code where id = ?")
			.param(id.value())
			.query((rs, n) -> new ProjectId(rs.getLong(1)))
			.optional();
		return project.filter(p -> access.can(p, ProjectRole.VIEWER))
			.flatMap(p -> codes(p).stream().filter(c -> c.id().equals(id)).findFirst());
	}

	/** A code by its path of names from the root, e.g. {@code Adoption › MI seen as useful}, or by its name alone when unique. */
	public Optional<Code> findCode(ProjectId project, String pathOrName) {
		List<Code> all = codes(project);
		String wanted = pathOrName.strip();
		Optional<Code> byPath = all.stream().filter(c -> c.path().equalsIgnoreCase(wanted)).findFirst();
		if (byPath.isPresent()) {
			return byPath;
		}
		List<Code> byName = all.stream().filter(c -> c.name().equalsIgnoreCase(wanted)).toList();
		return byName.size() == 1 ? Optional.of(byName.get(0)) : Optional.empty();
	}

	/** Creates a code under {@code parent} (or at the top level), after its siblings. */
	@Transactional
	public Code create(ProjectId project, @Nullable CodeId parent, CodeDraft draft) {
		access.require(project, ProjectRole.CODER);
		audit.record(project, "codebook", "code '" + draft.name() + "' created");
		return code(insert(project, parent, UUID.randomUUID().toString(), draft)).orElseThrow();
	}

	/** Creates a code, or returns the existing sibling with the same name (used by in-vivo coding). */
	@Transactional
	public Code createOrFind(ProjectId project, @Nullable CodeId parent, CodeDraft draft) {
		access.require(project, ProjectRole.CODER);
		Optional<Code> existing = codes(project).stream()
			.filter(c -> Objects.equals(c.parentId(), parent) && c.name().equalsIgnoreCase(draft.name()))
			.findFirst();
		return existing.orElseGet(() -> create(project, parent, draft));
	}

	/** Saves a person's edits to a code; a sibling may not have the same name. */
	@Transactional
	public Code update(CodeId id, CodeDraft draft, int expectedVersion) {
		access.require(codeProject(id), ProjectRole.CODER);
		Code code = require(id);
		audit.record(codeProject(id), "codebook", "code '" + code.path() + "' edited"
				+ (code.name().equals(draft.name().strip()) ? "" : " (now '" + draft.name().strip() + "')"), "code=" + id.value());
		checkUniqueName(code.projectId(), code.parentId(), draft.name(), id);
		int changed = jdbc.sql("""
				update code set name = ?, definition = ?, inclusion = ?, exclusion = ?, example = ?, colour = ?,
				       stance = ?, origin = ?, version = version + 1, updated_by = ? where id = ? and version = ?""")
			.params(draft.name(), draft.definition(), draft.inclusion(), draft.exclusion(), draft.example(),
					draft.colour(), draft.stance() == null ? null : draft.stance().name(), draft.origin().name(),
					actors.current().name(), id.value(), expectedVersion)
			.update();
		if (changed == 0) {
			EditVersion now = version(id);
			throw new EditConflictException("'" + code.name() + "' was changed by " + now.changedBy()
					+ " while you were editing it. Reload to see their version, then make your change again.");
		}
		writeDimensions(id.value(), draft.dimensions());
		return require(id);
	}

	/** A code's edit version and who changed it last, for optimistic locking in {@link #update}. */
	public EditVersion version(CodeId id) {
		return jdbc.sql("select version, updated_by from code where id = ?")
			.param(id.value())
			.query((rs, n) -> new EditVersion(rs.getInt("version"),
					rs.getString("updated_by").isEmpty() ? "someone" : rs.getString("updated_by")))
			.optional()
			.orElseThrow(() -> new IllegalArgumentException("no code with id " + id.value()));
	}

	/**
	 * Moves a code (with its children) under a new parent, or to the top level when {@code newParent}
	 * is null, placing it before {@code before} or after the last sibling when that is null.
	 */
	@Transactional
	public Code move(CodeId id, @Nullable CodeId newParent, @Nullable CodeId before) {
		access.require(codeProject(id), ProjectRole.CODER);
		Code code = require(id);
		audit.record(codeProject(id), "codebook", "code '" + code.path() + "' moved" + (newParent == null ? ""
				: " under '" + require(newParent).name() + "'"), "code=" + id.value() + (newParent == null ? ""
						: " parent=" + newParent.value()));
		List<Code> all = codes(code.projectId());
		if (newParent != null) {
			Code parent = require(newParent);
			if (!parent.projectId().equals(code.projectId())) {
				throw new IllegalArgumentException("code '" + parent.name() + "' belongs to another project");
			}
			for (CodeId p = newParent; p != null; p = parentOf(all, p)) {
				if (p.equals(id)) {
					throw new IllegalArgumentException(
							"cannot move '" + code.name() + "' under itself or one of its own sub-codes");
				}
			}
		}
		checkUniqueName(code.projectId(), newParent, code.name(), id);
		List<Code> siblings = new ArrayList<>(all.stream()
			.filter(c -> Objects.equals(c.parentId(), newParent) && !c.id().equals(id))
			.toList());
		int at = before == null ? -1 : indexOf(siblings, before);
		if (at < 0) {
			siblings.add(code);
		}
		else {
			siblings.add(at, code);
		}
		jdbc.sql("update code set parent_id = ? where id = ?")
			.params(newParent == null ? null : newParent.value(), id.value())
			.update();
		for (int i = 0; i < siblings.size(); i++) {
			jdbc.sql("update code set position = ? where id = ?").params(i, siblings.get(i).id().value()).update();
		}
		if (newParent != null) {
			// a code tree is in one system: a code moved under another system's code joins that system
			CodeSystem system = require(newParent).system();
			for (Long c : subtree(code)) {
				jdbc.sql("update code set code_system = ? where id = ?").params(system.name(), c).update();
			}
		}
		return require(id);
	}

	/**
	 * Merges {@code source} into {@code target}: the source's codings and sub-codes move to the target
	 * and the source is deleted. Codings that would duplicate one of the target's (same document,
	 * coder and range) are dropped.
	 * @return how many codings moved to the target
	 */
	@Transactional
	public int merge(CodeId source, CodeId target) {
		access.require(codeProject(source), ProjectRole.CODER);
		Code from = require(source);
		Code into = require(target);
		audit.record(codeProject(source), "codebook", "code '" + from.path() + "' merged into '" + into.path() + "'",
				"code=" + source.value() + " into=" + target.value());
		if (source.equals(target)) {
			throw new IllegalArgumentException("cannot merge '" + from.name() + "' into itself");
		}
		if (!from.projectId().equals(into.projectId())) {
			throw new IllegalArgumentException("'" + from.name() + "' and '" + into.name() + "' are in different projects");
		}
		if (from.system() != into.system()) {
			throw new IllegalArgumentException("cannot merge '" + from.name() + "' (" + from.system().label()
					+ ") into '" + into.name() + "' (" + into.system().label() + "): the code systems are analysed apart");
		}
		List<Code> all = codes(from.projectId());
		for (CodeId p = target; p != null; p = parentOf(all, p)) {
			if (p.equals(source)) {
				throw new IllegalArgumentException("cannot merge '" + from.name() + "' into its own sub-code '"
						+ into.name() + "'");
			}
		}
		int moved = mergeInto(from, into, all);
		events.publishEvent(new CodebookChanged(from.projectId()));
		return moved;
	}

	/**
	 * Moves the source's codings, memos and sub-codes to the target and deletes the source. A coding
	 * that duplicates one of the target's (same document, coder and range) is dropped and its memos
	 * go to the twin; a sub-code whose name the target already has is merged into that sub-code.
	 */
	private int mergeInto(Code from, Code into, List<Code> all) {
		long source = from.id().value();
		long target = into.id().value();
		String twin = """
				select t.id from coding t where t.code_id = ? and t.document_id = s.document_id and t.coder = s.coder
				  and t.start_offset = s.start_offset and t.end_offset = s.end_offset""";
		jdbc.sql("update memo set target_id = (select t.id from coding s join coding t on t.code_id = ? "
				+ "and t.document_id = s.document_id and t.coder = s.coder and t.start_offset = s.start_offset "
				+ "and t.end_offset = s.end_offset where s.id = memo.target_id) "
				+ "where target_kind = 'CODING' and target_id in (select s.id from coding s where s.code_id = ? and exists ("
				+ twin + "))")
			.params(target, source, target)
			.update();
		jdbc.sql("delete from coding s where s.code_id = ? and exists (" + twin + ")").params(source, target).update();
		int moved = jdbc.sql("update coding set code_id = ? where code_id = ?").params(target, source).update();
		List<Code> targetChildren = new ArrayList<>(all.stream().filter(c -> Objects.equals(c.parentId(), into.id())).toList());
		int next = targetChildren.size();
		for (Code child : all.stream().filter(c -> Objects.equals(c.parentId(), from.id())).toList()) {
			Optional<Code> namesake = targetChildren.stream().filter(c -> c.name().equalsIgnoreCase(child.name())).findFirst();
			if (namesake.isPresent()) {
				moved += mergeInto(child, namesake.get(), all);
			}
			else {
				jdbc.sql("update code set parent_id = ?, position = ? where id = ?")
					.params(target, next++, child.id().value())
					.update();
				targetChildren.add(child);
			}
		}
		jdbc.sql("update memo set target_id = ? where target_kind = 'CODE' and target_id = ?").params(target, source).update();
		jdbc.sql("delete from code where id = ?").param(source).update();
		return moved;
	}

	/**
	 * Puts a code and all its sub-codes into a code system, e.g. a fidelity codebook imported under another
	 * name into {@link CodeSystem#MITI}. Returns how many codes changed system.
	 */
	@Transactional
	public int setSystem(CodeId id, CodeSystem system) {
		Code code = require(id);
		access.require(code.projectId(), ProjectRole.CODER);
		int changed = 0;
		for (Long c : subtree(code)) {
			changed += jdbc.sql("update code set code_system = ? where id = ? and code_system <> ?")
				.params(system.name(), c, system.name())
				.update();
		}
		if (changed > 0) {
			audit.record(code.projectId(), "codebook", "code '" + code.name() + "' and its sub-codes put into the "
					+ system.label().toLowerCase(java.util.Locale.ROOT) + " (" + changed + " changed)");
			events.publishEvent(new CodebookChanged(code.projectId()));
		}
		return changed;
	}

	/** What {@link #delete(CodeId)} would remove. */
	public DeleteImpact deleteImpact(CodeId id) {
		Code code = require(id);
		List<Long> ids = subtree(code);
		int codings = 0;
		for (Long c : ids) {
			codings += jdbc.sql("select count(*) from coding where code_id = ?").param(c).query(Integer.class).single();
		}
		return new DeleteImpact(code.name(), ids.size(), codings);
	}

	/** Deletes a code, its sub-codes and all their codings and memos. */
	@Transactional
	public DeleteImpact delete(CodeId id) {
		access.require(codeProject(id), ProjectRole.CODER);
		DeleteImpact impact = deleteImpact(id);
		audit.record(codeProject(id), "codebook", "code '" + require(id).path() + "' deleted", "code=" + id.value());
		Code code = require(id);
		List<Long> ids = subtree(code);
		for (int i = ids.size() - 1; i >= 0; i--) {
			long c = ids.get(i);
			jdbc.sql("delete from memo where target_kind = 'CODING' and target_id in (select id from coding where code_id = ?)")
				.param(c)
				.update();
			jdbc.sql("delete from memo where target_kind = 'CODE' and target_id = ?").param(c).update();
			jdbc.sql("delete from code where id = ?").param(c).update();
		}
		events.publishEvent(new CodebookChanged(code.projectId()));
		return impact;
	}

	/**
	 * Imports a REFI-QDA codebook into a project. Codes whose GUID the project already has are
	 * updated; new ones are added. Nothing changes when the file is rejected.
	 * @throws IllegalArgumentException naming the file, line and reason when the file is malformed
	 */
	@Transactional
	public CodebookImport importQdc(ProjectId project, String fileName, InputStream in) {
		access.require(project, ProjectRole.CODER);
		audit.record(project, "import", "codebook '" + fileName + "'");
		var imported = CodebookTransfer.read(fileName, in, maxFileSize);
		Map<String, Code> byGuid = new HashMap<>();
		for (Code c : codes(project)) {
			byGuid.put(c.guid(), c);
		}
		int added = 0;
		int updated = 0;
		Map<String, CodeId> ids = new HashMap<>();
		for (CodebookTransfer.ImportedCode c : imported.codes()) {
			@Nullable CodeId parent = c.parentGuid() == null ? null : ids.get(c.parentGuid());
			Code existing = byGuid.get(c.guid());
			if (existing == null) {
				ids.put(c.guid(), code(insert(project, parent, c.guid(), c.draft())).orElseThrow().id());
				added++;
			}
			else {
				update(existing.id(), c.draft(), version(existing.id()).version());
				if (!Objects.equals(existing.parentId(), parent)) {
					move(existing.id(), parent, null);
				}
				ids.put(c.guid(), existing.id());
				updated++;
			}
		}
		return new CodebookImport(fileName, added, updated, imported.notes());
	}

	/** Starts a project's codebook from the shipped RE-AIM codebook. */
	@Transactional
	public CodebookImport startFromReAim(ProjectId project) {
		access.require(project, ProjectRole.CODER);
		audit.record(project, "import", "RE-AIM codebook");
		try (InputStream in = CodebookService.class.getClassLoader().getResourceAsStream(RE_AIM_CODEBOOK)) {
			if (in == null) {
				throw new IllegalStateException("the shipped codebook " + RE_AIM_CODEBOOK + " is missing from the class path");
			}
			return importQdc(project, "re-aim.qdc", in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The project's codebook as a REFI-QDA {@code .qdc} file. */
	public byte[] exportQdc(ProjectId project) {
		return CodebookTransfer.write(codes(project));
	}

	/** The colour a new code gets: the palette colour used least so far. */
	public String nextColour(ProjectId project) {
		Map<String, Integer> used = new HashMap<>();
		for (Code c : codes(project)) {
			used.merge(c.colour(), 1, Integer::sum);
		}
		String best = PALETTE.get(0);
		for (String colour : PALETTE) {
			if (used.getOrDefault(colour, 0) < used.getOrDefault(best, 0)) {
				best = colour;
			}
		}
		return best;
	}

	private long insert(ProjectId project, @Nullable CodeId parent, String guid, CodeDraft draft) {
		if (parent != null && !require(parent).projectId().equals(project)) {
			throw new IllegalArgumentException("the parent code belongs to another project");
		}
		checkUniqueName(project, parent, draft.name(), null);
		int position = parent == null
				? jdbc.sql("select count(*) from code where project_id = ? and parent_id is null")
					.param(project.value())
					.query(Integer.class)
					.single()
				: jdbc.sql("select count(*) from code where parent_id = ?").param(parent.value()).query(Integer.class).single();
		CodeSystem system = parent == null ? CodeSystem.ofTopLevel(guid, draft.name()) : require(parent).system();
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into code (project_id, parent_id, guid, name, definition, inclusion, exclusion, example, colour,
				                  stance, origin, position, code_system)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(project.value(), parent == null ? null : parent.value(), guid, draft.name(), draft.definition(),
					draft.inclusion(), draft.exclusion(), draft.example(), draft.colour(),
					draft.stance() == null ? null : draft.stance().name(), draft.origin().name(), position, system.name())
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		writeDimensions(id, draft.dimensions());
		return id;
	}

	private Optional<Code> code(long id) {
		return code(new CodeId(id));
	}

	private void writeDimensions(long codeId, Set<ReAim> dimensions) {
		jdbc.sql("delete from code_dimension where code_id = ?").param(codeId).update();
		for (ReAim d : dimensions) {
			jdbc.sql("insert into code_dimension (code_id, dimension) values (?, ?)").params(codeId, d.name()).update();
		}
	}

	private void checkUniqueName(ProjectId project, @Nullable CodeId parent, String name, @Nullable CodeId self) {
		boolean clash = codes(project).stream()
			.anyMatch(c -> Objects.equals(c.parentId(), parent) && c.name().equalsIgnoreCase(name)
					&& !c.id().equals(self));
		if (clash) {
			throw new IllegalArgumentException("a code named '" + name + "' exists already at that level");
		}
	}

	private Code require(CodeId id) {
		return code(id).orElseThrow(() -> new IllegalArgumentException("no code with id " + id.value()));
	}

	private List<Long> subtree(Code root) {
		List<Code> all = codes(root.projectId());
		List<Long> ids = new ArrayList<>();
		ids.add(root.id().value());
		for (int i = 0; i < ids.size(); i++) {
			long parent = ids.get(i);
			for (Code c : all) {
				if (c.parentId() != null && c.parentId().value() == parent) {
					ids.add(c.id().value());
				}
			}
		}
		return ids;
	}

	private static @Nullable CodeId parentOf(List<Code> all, CodeId id) {
		return all.stream().filter(c -> c.id().equals(id)).findFirst().map(Code::parentId).orElse(null);
	}

	private static int indexOf(List<Code> codes, CodeId id) {
		for (int i = 0; i < codes.size(); i++) {
			if (codes.get(i).id().equals(id)) {
				return i;
			}
		}
		return -1;
	}

	private static void walk(@Nullable Long parent, int depth, String prefix, Map<@Nullable Long, List<Row>> children,
			Map<Long, Set<ReAim>> dimensions, List<Code> out) {
		for (Row r : children.getOrDefault(parent, List.of())) {
			String path = prefix.isEmpty() ? r.name : prefix + " › " + r.name;
			out.add(new Code(new CodeId(r.id), new ProjectId(r.projectId), r.parentId == null ? null : new CodeId(r.parentId),
					r.guid, r.name, r.definition, r.inclusion, r.exclusion, r.example, r.colour,
					dimensions.getOrDefault(r.id, Set.of()), r.stance == null ? null : Stance.valueOf(r.stance),
					Origin.valueOf(r.origin), r.position, depth, path, CodeSystem.valueOf(r.system)));
			walk(r.id, depth + 1, path, children, dimensions, out);
		}
	}

	private static Row row(ResultSet rs) throws SQLException {
		long parentValue = rs.getLong("parent_id");
		Long parent = rs.wasNull() ? null : parentValue;
		return new Row(rs.getLong("id"), rs.getLong("project_id"), parent, rs.getString("guid"),
				rs.getString("name"), rs.getString("definition"), rs.getString("inclusion"), rs.getString("exclusion"),
				rs.getString("example"), rs.getString("colour"), rs.getString("stance"), rs.getString("origin"),
				rs.getInt("position"), rs.getString("code_system"));
	}

	private record Row(long id, long projectId, @Nullable Long parentId, String guid, String name, String definition,
			String inclusion, String exclusion, String example, String colour, @Nullable String stance, String origin,
			int position, String system) {
	}


	/** The project a code belongs to, for the access check. */
	ProjectId codeProject(CodeId id) {
		return code(id).map(Code::projectId)
			.orElseThrow(() -> new IllegalArgumentException("no code with id " + id.value()));
	}

}

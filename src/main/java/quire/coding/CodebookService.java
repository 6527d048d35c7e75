package quire.coding;

import quire.security.Actors;
import quire.project.AuditLog;
import quire.project.ProjectRole;
import quire.project.ProjectAccess;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import quire.coding.internal.CodeStore;
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

	private final CodeStore store;

	private final ApplicationEventPublisher events;

	private final ProjectAccess access;

	private final AuditLog audit;

	private final Actors actors;

	private final long maxFileSize;

	CodebookService(CodeStore store, ApplicationEventPublisher events, Actors actors, ProjectAccess access, AuditLog audit,
			@Value("${quire.import.max-file-size:52428800}") long maxFileSize) {
		this.maxFileSize = maxFileSize;
		this.access = access;
		this.actors = actors;
		this.audit = audit;
		this.store = store;
		this.events = events;
	}

	/** All codes of a project in tree order (each parent before its children, siblings by position). */
	public List<Code> codes(ProjectId project) {
		return store.tree(project);
	}

	/** The codes of one code system of a project, in tree order. */
	public List<Code> codes(ProjectId project, CodeSystem system) {
		return codes(project).stream().filter(c -> c.system() == system).toList();
	}

	/** How many codings each code of a project has (codes without codings are left out). */
	public Map<CodeId, Integer> codingCounts(ProjectId project) {
		return store.codingCounts(project);
	}

	/** One code by id. */
	public Optional<Code> code(CodeId id) {
		Optional<ProjectId> project = store.projectOf(id);
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
		boolean saved = store.update(id, draft, actors.current().name(), expectedVersion);
		if (!saved) {
			EditVersion now = version(id);
			throw new EditConflictException("'" + code.name() + "' was changed by " + now.changedBy()
					+ " while you were editing it. Reload to see their version, then make your change again.");
		}
		return require(id);
	}

	/** A code's edit version and who changed it last, for optimistic locking in {@link #update}. */
	public EditVersion version(CodeId id) {
		return store.version(id)
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
		store.setParent(id, newParent);
		for (int i = 0; i < siblings.size(); i++) {
			store.setPosition(siblings.get(i).id(), i);
		}
		if (newParent != null) {
			// a code tree is in one system: a code moved under another system's code joins that system
			CodeSystem system = require(newParent).system();
			for (Long c : subtree(code)) {
				store.setSystem(c, system);
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
		int moved = store.moveCodings(source, target);
		List<Code> targetChildren = new ArrayList<>(all.stream().filter(c -> Objects.equals(c.parentId(), into.id())).toList());
		int next = targetChildren.size();
		for (Code child : all.stream().filter(c -> Objects.equals(c.parentId(), from.id())).toList()) {
			Optional<Code> namesake = targetChildren.stream().filter(c -> c.name().equalsIgnoreCase(child.name())).findFirst();
			if (namesake.isPresent()) {
				moved += mergeInto(child, namesake.get(), all);
			}
			else {
				store.reparent(child.id(), target, next++);
				targetChildren.add(child);
			}
		}
		store.replaceCode(source, target);
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
			changed += store.setSystem(c, system);
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
			codings += store.codingCount(c);
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
			store.delete(ids.get(i));
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
		int position = store.childCount(project, parent);
		CodeSystem system = parent == null ? CodeSystem.ofTopLevel(guid, draft.name()) : require(parent).system();
		return store.insert(project, parent, guid, draft, position, system);
	}

	private Optional<Code> code(long id) {
		return code(new CodeId(id));
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

	/** The project a code belongs to, for the access check. */
	ProjectId codeProject(CodeId id) {
		return code(id).map(Code::projectId)
			.orElseThrow(() -> new IllegalArgumentException("no code with id " + id.value()));
	}

}

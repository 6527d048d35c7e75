package quire.coding.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import quire.coding.Code;
import quire.coding.CodeDraft;
import quire.coding.CodeId;
import quire.coding.CodeSystem;
import quire.coding.EditVersion;
import quire.coding.Origin;
import quire.coding.ReAim;
import quire.coding.Stance;
import quire.project.ProjectId;

/**
 * The SQL of a project's codebook ({@code code}, {@code code_dimension}) and of what moves with a code
 * when codes are merged or deleted (its codings and memos). Checks, audit, events and transactions
 * are the caller's.
 */
@Component
public class CodeStore {

	private final JdbcClient jdbc;

	CodeStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** All codes of a project in tree order (each parent before its children, siblings by position). */
	public List<Code> tree(ProjectId project) {
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

	/** How many codings each code of a project has (codes without codings are left out). */
	public Map<CodeId, Integer> codingCounts(ProjectId project) {
		Map<CodeId, Integer> counts = new HashMap<>();
		jdbc.sql("select code_id, count(*) from coding where project_id = ? group by code_id")
			.param(project.value())
			.query((rs, n) -> counts.put(new CodeId(rs.getLong(1)), rs.getInt(2)))
			.list();
		return counts;
	}

	/** How many codings one code has (its sub-codes' not counted). */
	public int codingCount(long codeId) {
		return jdbc.sql("select count(*) from coding where code_id = ?").param(codeId).query(Integer.class).single();
	}

	/** The project a code belongs to, if the code exists. */
	public Optional<ProjectId> projectOf(CodeId id) {
		return jdbc.sql("select project_id from code where id = ?")
			.param(id.value())
			.query((rs, n) -> new ProjectId(rs.getLong(1)))
			.optional();
	}

	/** A code's edit version and who changed it last, if the code exists. */
	public Optional<EditVersion> version(CodeId id) {
		return jdbc.sql("select version, updated_by from code where id = ?")
			.param(id.value())
			.query((rs, n) -> new EditVersion(rs.getInt("version"),
					rs.getString("updated_by").isEmpty() ? "someone" : rs.getString("updated_by")))
			.optional();
	}

	/**
	 * Saves a code's fields when it still has {@code expectedVersion}, and its dimensions.
	 * @return false (and nothing changed) when someone else changed the code meanwhile
	 */
	public boolean update(CodeId id, CodeDraft draft, String updatedBy, int expectedVersion) {
		int changed = jdbc.sql("""
				update code set name = ?, definition = ?, inclusion = ?, exclusion = ?, example = ?, colour = ?,
				       stance = ?, origin = ?, version = version + 1, updated_by = ? where id = ? and version = ?""")
			.params(draft.name(), draft.definition(), draft.inclusion(), draft.exclusion(), draft.example(),
					draft.colour(), draft.stance() == null ? null : draft.stance().name(), draft.origin().name(),
					updatedBy, id.value(), expectedVersion)
			.update();
		if (changed == 0) {
			return false;
		}
		writeDimensions(id.value(), draft.dimensions());
		return true;
	}

	/** How many codes sit directly under {@code parent}, or at the top level when it is null. */
	public int childCount(ProjectId project, @Nullable CodeId parent) {
		return parent == null
				? jdbc.sql("select count(*) from code where project_id = ? and parent_id is null")
					.param(project.value())
					.query(Integer.class)
					.single()
				: jdbc.sql("select count(*) from code where parent_id = ?").param(parent.value()).query(Integer.class).single();
	}

	/** Inserts a code with its dimensions; returns its new id. */
	public long insert(ProjectId project, @Nullable CodeId parent, String guid, CodeDraft draft, int position,
			CodeSystem system) {
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

	/** Sets a code's parent ({@code null}: top level). */
	public void setParent(CodeId id, @Nullable CodeId parent) {
		jdbc.sql("update code set parent_id = ? where id = ?")
			.params(parent == null ? null : parent.value(), id.value())
			.update();
	}

	/** Sets a code's position among its siblings. */
	public void setPosition(CodeId id, int position) {
		jdbc.sql("update code set position = ? where id = ?").params(position, id.value()).update();
	}

	/** Puts one code into a code system; returns 1 if it was in another one, else 0. */
	public int setSystem(long codeId, CodeSystem system) {
		return jdbc.sql("update code set code_system = ? where id = ? and code_system <> ?")
			.params(system.name(), codeId, system.name())
			.update();
	}

	/**
	 * Moves the source code's codings to the target code. A coding that duplicates one of the
	 * target's (same document, coder and range) is dropped and its memos go to the twin.
	 * @return how many codings moved
	 */
	public int moveCodings(long source, long target) {
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
		return jdbc.sql("update coding set code_id = ? where code_id = ?").params(target, source).update();
	}

	/** Puts a code under {@code parent} at {@code position}. */
	public void reparent(CodeId id, long parent, int position) {
		jdbc.sql("update code set parent_id = ?, position = ? where id = ?")
			.params(parent, position, id.value())
			.update();
	}

	/** Moves the memos on the source code to the target code and deletes the source code. */
	public void replaceCode(long source, long target) {
		jdbc.sql("update memo set target_id = ? where target_kind = 'CODE' and target_id = ?").params(target, source).update();
		jdbc.sql("delete from code where id = ?").param(source).update();
	}

	/** Deletes one code with the memos on it and on its codings (the codings go by cascade). */
	public void delete(long codeId) {
		jdbc.sql("delete from memo where target_kind = 'CODING' and target_id in (select id from coding where code_id = ?)")
			.param(codeId)
			.update();
		jdbc.sql("delete from memo where target_kind = 'CODE' and target_id = ?").param(codeId).update();
		jdbc.sql("delete from code where id = ?").param(codeId).update();
	}

	private void writeDimensions(long codeId, Set<ReAim> dimensions) {
		jdbc.sql("delete from code_dimension where code_id = ?").param(codeId).update();
		for (ReAim d : dimensions) {
			jdbc.sql("insert into code_dimension (code_id, dimension) values (?, ?)").params(codeId, d.name()).update();
		}
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

}

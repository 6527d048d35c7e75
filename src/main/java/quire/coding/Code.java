package quire.coding;

import java.util.Set;

import org.jspecify.annotations.Nullable;

import quire.project.ProjectId;

/**
 * A code of a project's codebook. A code with children is a theme (or a RE-AIM dimension) that
 * groups them. {@code depth} is 0 for top-level codes; {@code path} joins the names from the root
 * with " › ". {@code system} says whether it is a thematic or a MITI behaviour code.
 */
public record Code(CodeId id, ProjectId projectId, @Nullable CodeId parentId, String guid, String name,
		String definition, String inclusion, String exclusion, String example, String colour, Set<ReAim> dimensions,
		@Nullable Stance stance, Origin origin, int position, int depth, String path,
		CodeSystem system) {

	public Code {
		dimensions = Set.copyOf(dimensions);
	}

	/** The fields a person edits. */
	public CodeDraft draft() {
		return new CodeDraft(name, definition, inclusion, exclusion, example, colour, dimensions, stance, origin);
	}

}

package quire.search.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import quire.coding.Code;
import quire.coding.CodeId;
import quire.search.CodeFilter;

/**
 * Code filters resolved to ids: each set of {@code codedWithAll} must meet a turn's codes, none of
 * {@code notCodedWith} may, and when {@code within} is given a hit must lie inside a coding of one of
 * those codes (read from the index, which stores each turn's coded ranges).
 */
public record CodeConstraints(List<Set<Long>> codedWithAll, Set<Long> notCodedWith, @Nullable Set<Long> within) {

	public static final CodeConstraints NONE = new CodeConstraints(List.of(), Set.of(), null);

	/**
	 * A filter resolved in a project's codebook: each code stands for itself and its sub-codes.
	 * @throws IllegalArgumentException if the filter names a code that is not in {@code codebook}
	 */
	public static CodeConstraints of(List<Code> codebook, CodeFilter filter) {
		List<Set<Long>> allOf = filter.codedWithAll().stream().map(id -> descendants(codebook, id)).toList();
		Set<Long> none = new HashSet<>();
		filter.notCodedWith().forEach(id -> none.addAll(descendants(codebook, id)));
		Set<Long> within = filter.within() == null ? null : descendants(codebook, filter.within());
		return new CodeConstraints(allOf, none, within);
	}

	private static Set<Long> descendants(List<Code> all, CodeId root) {
		if (all.stream().noneMatch(c -> c.id().equals(root))) {
			throw new IllegalArgumentException("no code with id " + root.value() + " in this project");
		}
		Set<Long> ids = new HashSet<>();
		ids.add(root.value());
		boolean grew = true;
		while (grew) {
			grew = false;
			for (Code c : all) {
				if (c.parentId() != null && ids.contains(c.parentId().value()) && ids.add(c.id().value())) {
					grew = true;
				}
			}
		}
		return ids;
	}

}

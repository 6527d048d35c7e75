package quire.search.internal;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Code filters resolved to ids: each set of {@code codedWithAll} must meet a turn's codes, none of
 * {@code notCodedWith} may, and when {@code within} is given a hit must lie inside a coding of one of
 * those codes (read from the index, which stores each turn's coded ranges).
 */
public record CodeConstraints(List<Set<Long>> codedWithAll, Set<Long> notCodedWith, @Nullable Set<Long> within) {

	public static final CodeConstraints NONE = new CodeConstraints(List.of(), Set.of(), null);

}

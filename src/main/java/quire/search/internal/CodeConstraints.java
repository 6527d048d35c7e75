package quire.search.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import quire.corpus.DocumentId;

/**
 * Code filters resolved to ids: each set of {@code codedWithAll} must meet a turn's codes, none of
 * {@code notCodedWith} may, and when {@code within} is given a hit must lie inside one of its
 * document's ranges.
 */
public record CodeConstraints(List<Set<Long>> codedWithAll, Set<Long> notCodedWith,
		@Nullable Map<DocumentId, List<int[]>> within) {

	public static final CodeConstraints NONE = new CodeConstraints(List.of(), Set.of(), null);

}

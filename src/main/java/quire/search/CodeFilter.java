package quire.search;

import java.util.List;

import org.jspecify.annotations.Nullable;

import quire.coding.CodeId;

/**
 * Code filters of a search: turns coded with every code of {@code codedWithAll}, turns coded with none
 * of {@code notCodedWith}, and hits that lie inside a coding of {@code within}. A code stands for
 * itself and its sub-codes (a theme for all its codes); codings of every coder count.
 */
public record CodeFilter(List<CodeId> codedWithAll, List<CodeId> notCodedWith, @Nullable CodeId within) {

	public static final CodeFilter NONE = new CodeFilter(List.of(), List.of(), null);

	public CodeFilter {
		codedWithAll = List.copyOf(codedWithAll);
		notCodedWith = List.copyOf(notCodedWith);
	}

	public boolean isEmpty() {
		return codedWithAll.isEmpty() && notCodedWith.isEmpty() && within == null;
	}

}

package quire.coding;

import java.util.Set;

import org.jspecify.annotations.Nullable;

import quire.corpus.DocumentId;

/**
 * Which codings of a project to read page by page: any of {@code codes} (empty: every code), one
 * coder, one document and/or one document group; {@code null} means no filter.
 */
public record CodingQuery(Set<CodeId> codes, @Nullable String coder, @Nullable DocumentId document,
		@Nullable String group) {

	/** Every coding of the project. */
	public static final CodingQuery ALL = new CodingQuery(Set.of(), null, null, null);

	public CodingQuery {
		codes = Set.copyOf(codes);
	}

}

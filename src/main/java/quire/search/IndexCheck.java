package quire.search;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * How far the check of the search index after an unclean stop has got: {@code checked} of
 * {@code total} documents compared with the database (and re-indexed where they differed). Until it
 * is done, searches may miss documents, and every search says so with {@link #message()}. A check
 * that failed names the reason; the index then stays marked and is checked again at the next start.
 */
public record IndexCheck(int checked, int total, @Nullable String failure) {

	/** What a search shows while the check runs (or after it failed). */
	public String message() {
		if (failure != null) {
			return "the search index could not be checked after an unclean stop (" + failure
					+ "); results may be incomplete until `quire index rebuild` or the next start";
		}
		return String.format(Locale.ROOT,
				"the search index is being checked after an unclean stop: %,d of %,d documents; results may be incomplete",
				checked, total);
	}

}

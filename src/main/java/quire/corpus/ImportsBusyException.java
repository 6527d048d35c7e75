package quire.corpus;

/**
 * A person already has as many imports running as Quire allows at once
 * ({@code quire.import.max-concurrent-per-user}); nothing was read or stored. Try again when one has
 * finished. The API answers it with 503 and {@code Retry-After}.
 */
public final class ImportsBusyException extends IllegalStateException {

	private final int limit;

	public ImportsBusyException(int limit) {
		super("you already have " + limit + (limit == 1 ? " import" : " imports")
				+ " running, as many as Quire runs at once for one person; try again when one has finished");
		this.limit = limit;
	}

	/** How many imports one person may run at once. */
	public int limit() {
		return limit;
	}

}

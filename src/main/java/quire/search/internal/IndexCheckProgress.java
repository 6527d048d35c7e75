package quire.search.internal;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import quire.search.IndexCheck;

/**
 * How far the check of the search index after an unclean stop has got: advanced by the
 * {@link IndexChecker}'s thread, read by every search (which then says its answer may be incomplete)
 * and by the pages and commands that must not act on an incomplete answer. One per application.
 */
@Component
public final class IndexCheckProgress {

	/** Whether the check is running. */
	private volatile boolean running;

	/** Documents compared so far, of {@link #total}. */
	private final AtomicInteger checked = new AtomicInteger();

	private volatile int total;

	/** Why the check failed, if it did; it stays so until the next start. */
	private volatile @Nullable String failure;

	/** The check starts, over about {@code total} documents; an earlier check's failure no longer stands. */
	public void started(int total) {
		this.total = total;
		checked.set(0);
		failure = null;
		running = true;
	}

	/** The check counted the documents it compares (there may be more or fewer than at the start). */
	public void total(int total) {
		this.total = total;
	}

	/** One more document is compared (and re-indexed if it differed). */
	public void documentChecked() {
		checked.incrementAndGet();
	}

	/** The check failed; searches say so until the next start. */
	public void failed(String reason) {
		failure = reason;
	}

	/** The check has ended: done, failed or stopped. */
	public void finished() {
		running = false;
	}

	/**
	 * How far the check has got, or empty when the index is trusted (no check was needed, or it is
	 * done). While it is present, searches may miss documents.
	 */
	public Optional<IndexCheck> current() {
		String why = failure;
		if (why != null) {
			return Optional.of(new IndexCheck(checked.get(), total, why));
		}
		return running ? Optional.of(new IndexCheck(checked.get(), total, null)) : Optional.empty();
	}

}

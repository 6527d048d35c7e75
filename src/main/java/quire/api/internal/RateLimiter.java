package quire.api.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per API token: each bucket holds at most {@code burst} requests and refills at
 * {@code perSecond}; a request takes one. A script that loops as fast as it can gets
 * {@code perSecond} calls a second after its burst, so it cannot starve the coders using the web app.
 */
final class RateLimiter {

	/** What a request gets: allowed, or refused with the seconds until one request is available again. */
	record Decision(boolean allowed, long retryAfterSeconds) {
	}

	private final double perSecond;

	private final double burst;

	private final LongSupplier nanoTime;

	private final Map<Long, Bucket> buckets = new ConcurrentHashMap<>();

	RateLimiter(double perSecond, int burst, LongSupplier nanoTime) {
		if (!(perSecond > 0)) {
			throw new IllegalArgumentException("quire.api.rate-limit.per-second must be positive, was " + perSecond);
		}
		if (burst < 1) {
			throw new IllegalArgumentException("quire.api.rate-limit.burst must be at least 1, was " + burst);
		}
		this.perSecond = perSecond;
		this.burst = burst;
		this.nanoTime = nanoTime;
	}

	Decision take(long tokenId) {
		return buckets.computeIfAbsent(tokenId, id -> new Bucket(burst, nanoTime.getAsLong())).take();
	}

	private final class Bucket {

		private double available;

		private long updated;

		Bucket(double available, long now) {
			this.available = available;
			this.updated = now;
		}

		synchronized Decision take() {
			long now = nanoTime.getAsLong();
			available = Math.min(burst, available + (now - updated) / 1e9 * perSecond);
			updated = now;
			if (available >= 1) {
				available -= 1;
				return new Decision(true, 0);
			}
			return new Decision(false, Math.max(1, (long) Math.ceil((1 - available) / perSecond)));
		}

	}

}

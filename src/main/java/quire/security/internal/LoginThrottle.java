package quire.security.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * Slows down password guessing, per account and per client address. Each failed sign-in counts
 * against both; after {@code accountLimit} failures in a row for one account (or
 * {@code addressLimit} from one address, higher because colleagues may share one) the key is locked
 * for one minute, and each further failure after a lock doubles it, up to {@code maxLock}. While a
 * key is locked every attempt is refused, the right password too, and does not count. A successful
 * sign-in clears its account's failures (not its address's, or one account known to an attacker
 * would reset the address's count). Failures older than {@link #FORGET_AFTER} are forgotten.
 * <p>
 * Time comes from the {@link Clock} given, so tests move it instead of sleeping.
 */
final class LoginThrottle {

	/** Failures are forgotten this long after the last one. */
	static final Duration FORGET_AFTER = Duration.ofHours(24);

	private static final Duration FIRST_LOCK = Duration.ofMinutes(1);

	private static final int MAX_KEYS = 100_000;

	private final Clock clock;

	private final int accountLimit;

	private final int addressLimit;

	private final Duration maxLock;

	private final Map<String, State> states = new ConcurrentHashMap<>();

	LoginThrottle(Clock clock, int accountLimit, int addressLimit, Duration maxLock) {
		if (accountLimit < 1 || addressLimit < 1) {
			throw new IllegalArgumentException("the failure limits are at least 1, were " + accountLimit + " and "
					+ addressLimit);
		}
		if (maxLock.compareTo(FIRST_LOCK) < 0) {
			throw new IllegalArgumentException("the longest lock is at least one minute, was " + maxLock);
		}
		this.clock = clock;
		this.accountLimit = accountLimit;
		this.addressLimit = addressLimit;
		this.maxLock = maxLock;
	}

	Clock clock() {
		return clock;
	}

	/** A lock in force: on what ("account 'anna'" or "address 192.0.2.7") and until when. */
	record Lock(String on, Instant until, int failures) {

		/** Whole minutes left, rounded up, at least 1. */
		long minutesLeft(Instant now) {
			long seconds = Math.max(1, Duration.between(now, until).toSeconds());
			return (seconds + 59) / 60;
		}

	}

	/** The lock that refuses an attempt for this account from this address now, if any. */
	Optional<Lock> check(String username, String address) {
		Instant now = clock.instant();
		Optional<Lock> account = locked(accountKey(username), now);
		return account.isPresent() ? account : locked(addressKey(address), now);
	}

	/**
	 * Counts a failed sign-in and returns the locks it started (none, or the account's and/or the
	 * address's), for the audit log.
	 */
	List<Lock> failed(String username, String address) {
		Instant now = clock.instant();
		if (states.size() > MAX_KEYS) {
			states.values().removeIf(s -> s.last.plus(FORGET_AFTER).isBefore(now));
		}
		List<Lock> started = new ArrayList<>(2);
		count(accountKey(username), accountLimit, now).ifPresent(started::add);
		count(addressKey(address), addressLimit, now).ifPresent(started::add);
		return started;
	}

	/** A successful sign-in: the account's failures are cleared. */
	void succeeded(String username) {
		states.remove(accountKey(username));
	}

	private Optional<Lock> locked(String key, Instant now) {
		State s = states.get(key);
		Instant until = s == null ? null : s.until;
		if (s == null || until == null || !now.isBefore(until)) {
			return Optional.empty();
		}
		return Optional.of(new Lock(key, until, s.failures));
	}

	private Optional<Lock> count(String key, int limit, Instant now) {
		State s = states.compute(key, (k, old) -> {
			State next = old == null || old.last.plus(FORGET_AFTER).isBefore(now) ? new State() : old;
			next.failures++;
			next.last = now;
			next.started = false;
			if (next.failures >= limit) {
				int doublings = Math.min(next.failures - limit, 20);
				Duration lock = FIRST_LOCK.multipliedBy(1L << doublings);
				next.until = now.plus(lock.compareTo(maxLock) > 0 ? maxLock : lock);
				next.started = true;
			}
			return next;
		});
		Instant until = s.until;
		return s.started && until != null ? Optional.of(new Lock(key, until, s.failures)) : Optional.empty();
	}

	private static String accountKey(String username) {
		return "account '" + username.strip().toLowerCase(Locale.ROOT) + "'";
	}

	private static String addressKey(String address) {
		return "address " + address;
	}

	private static final class State {

		int failures;

		Instant last = Instant.EPOCH;

		@Nullable Instant until;

		boolean started;

	}

}

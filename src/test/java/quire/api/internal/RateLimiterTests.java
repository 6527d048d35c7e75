package quire.api.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The token bucket with a hand-driven clock: a burst, then the rate; buckets are per token. */
final class RateLimiterTests {

	@Test
	void aBurstIsAllowedThenTheRateRefills() {
		AtomicLong now = new AtomicLong();
		RateLimiter limiter = new RateLimiter(20, 100, now::get);
		for (int i = 0; i < 100; i++) {
			assertThat(limiter.take(1).allowed()).as("request " + i).isTrue();
		}
		RateLimiter.Decision refused = limiter.take(1);
		assertThat(refused.allowed()).isFalse();
		assertThat(refused.retryAfterSeconds()).isEqualTo(1);
		assertThat(limiter.take(2).allowed()).as("another token has its own bucket").isTrue();
		now.addAndGet(50_000_000L); // 50 ms at 20 a second refills one request
		assertThat(limiter.take(1).allowed()).isTrue();
		assertThat(limiter.take(1).allowed()).isFalse();
		now.addAndGet(60_000_000_000L); // a minute later the bucket is full again, not fuller
		for (int i = 0; i < 100; i++) {
			assertThat(limiter.take(1).allowed()).isTrue();
		}
		assertThat(limiter.take(1).allowed()).isFalse();
	}

	@Test
	void aSlowRateAsksForALongerWait() {
		AtomicLong now = new AtomicLong();
		RateLimiter limiter = new RateLimiter(0.25, 1, now::get);
		assertThat(limiter.take(7).allowed()).isTrue();
		assertThat(limiter.take(7).retryAfterSeconds()).isEqualTo(4);
	}

	@Test
	void nonsenseSettingsAreRefusedWithTheirName() {
		assertThatThrownBy(() -> new RateLimiter(0, 10, System::nanoTime))
			.hasMessageContaining("quire.api.rate-limit.per-second");
		assertThatThrownBy(() -> new RateLimiter(5, 0, System::nanoTime)).hasMessageContaining("quire.api.rate-limit.burst");
	}

}

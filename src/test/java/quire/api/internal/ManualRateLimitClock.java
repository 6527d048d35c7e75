package quire.api.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * For an API test that must see the rate limiter refill: the limiter the application builds from
 * {@code quire.api.rate-limit.*}, but on a clock the test moves with {@link #advance(Duration)}
 * instead of sleeping. Import it with {@code @Import(ManualRateLimitClock.class)}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ManualRateLimitClock {

	private static final AtomicLong NANOS = new AtomicLong();

	/** Moves the limiter's clock on; nothing else in the application sees it. */
	public static void advance(Duration by) {
		NANOS.addAndGet(by.toNanos());
	}

	@Bean
	@Primary
	RateLimiter manualClockRateLimiter(@Value("${quire.api.rate-limit.per-second:20}") double perSecond,
			@Value("${quire.api.rate-limit.burst:100}") int burst) {
		return new RateLimiter(perSecond, burst, NANOS::get);
	}

}

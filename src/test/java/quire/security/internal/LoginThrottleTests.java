package quire.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** The throttle's rules, on a clock the test moves (no sleeping). */
final class LoginThrottleTests {

	/** A clock the test moves by hand. */
	static final class MovingClock extends Clock {

		Instant now = Instant.parse("2026-12-05T10:00:00Z");

		void advance(Duration d) {
			now = now.plus(d);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}

	}

	final MovingClock clock = new MovingClock();

	final LoginThrottle throttle = new LoginThrottle(clock, 5, 20, Duration.ofMinutes(15));

	@Test
	void fiveFailuresLockTheAccountForAMinuteThenEachFurtherFailureDoublesTheLock() {
		for (int i = 1; i <= 4; i++) {
			assertThat(throttle.failed("anna", "192.0.2.1")).isEmpty();
			assertThat(throttle.check("anna", "192.0.2.1")).isEmpty();
		}
		assertThat(throttle.failed("Anna ", "192.0.2.2")).singleElement()
			.satisfies(l -> assertThat(l.on()).isEqualTo("account 'anna'"))
			.satisfies(l -> assertThat(l.failures()).isEqualTo(5));
		var lock = throttle.check("anna", "198.51.100.9");
		assertThat(lock).isPresent();
		assertThat(lock.get().minutesLeft(clock.instant())).isEqualTo(1);
		assertThat(ThrottledSignIn.message(lock.get().minutesLeft(clock.instant())))
			.isEqualTo("Too many failed sign-ins; try again in 1 minute.");

		clock.advance(Duration.ofSeconds(59));
		assertThat(throttle.check("anna", "192.0.2.1")).as("still locked at 59 s").isPresent();
		clock.advance(Duration.ofSeconds(1));
		assertThat(throttle.check("anna", "192.0.2.1")).as("free after one minute").isEmpty();

		assertThat(throttle.failed("anna", "192.0.2.1")).singleElement()
			.satisfies(l -> assertThat(Duration.between(clock.instant(), l.until())).isEqualTo(Duration.ofMinutes(2)));
		clock.advance(Duration.ofMinutes(2));
		assertThat(throttle.failed("anna", "192.0.2.1")).singleElement()
			.satisfies(l -> assertThat(Duration.between(clock.instant(), l.until())).isEqualTo(Duration.ofMinutes(4)));
		assertThat(ThrottledSignIn.message(throttle.check("anna", "192.0.2.1").orElseThrow().minutesLeft(clock.instant())))
			.isEqualTo("Too many failed sign-ins; try again in 4 minutes.");
		for (int i = 0; i < 6; i++) {
			clock.advance(Duration.ofHours(1));
			throttle.failed("anna", "192.0.2.1");
		}
		assertThat(Duration.between(clock.instant(), throttle.check("anna", "192.0.2.1").orElseThrow().until()))
			.as("never longer than the longest lock").isEqualTo(Duration.ofMinutes(15));
	}

	@Test
	void otherAccountsAreNotLockedAndASuccessClearsTheAccountsFailures() {
		for (int i = 0; i < 4; i++) {
			throttle.failed("anna", "192.0.2.1");
		}
		throttle.succeeded("anna");
		assertThat(throttle.failed("anna", "192.0.2.1")).as("counting starts again").isEmpty();
		for (int i = 0; i < 5; i++) {
			throttle.failed("ben", "192.0.2.3");
		}
		assertThat(throttle.check("ben", "192.0.2.3")).isPresent();
		assertThat(throttle.check("anna", "192.0.2.3")).isEmpty();
	}

	@Test
	void oneAddressTryingManyAccountsIsLockedAfterTwentyFailures() {
		for (int i = 0; i < 19; i++) {
			assertThat(throttle.failed("user" + i, "203.0.113.5")).isEmpty();
		}
		assertThat(throttle.failed("user19", "203.0.113.5")).singleElement()
			.satisfies(l -> assertThat(l.on()).isEqualTo("address 203.0.113.5"));
		assertThat(throttle.check("someone-else", "203.0.113.5")).isPresent();
		assertThat(throttle.check("someone-else", "203.0.113.6")).isEmpty();
		throttle.succeeded("someone-else");
		assertThat(throttle.check("user3", "203.0.113.5")).as("a success elsewhere does not clear the address").isPresent();
	}

	@Test
	void failuresAreForgottenADayAfterTheLast() {
		for (int i = 0; i < 4; i++) {
			throttle.failed("anna", "192.0.2.1");
		}
		clock.advance(LoginThrottle.FORGET_AFTER.plusSeconds(1));
		assertThat(throttle.failed("anna", "192.0.2.1")).isEmpty();
	}

	@Test
	void refusesLimitsThatMakeNoSense() {
		assertThatThrownBy(() -> new LoginThrottle(clock, 0, 20, Duration.ofMinutes(15)))
			.hasMessage("the failure limits are at least 1, were 0 and 20");
		assertThatThrownBy(() -> new LoginThrottle(clock, 5, 20, Duration.ofSeconds(5)))
			.hasMessage("the longest lock is at least one minute, was PT5S");
	}

}

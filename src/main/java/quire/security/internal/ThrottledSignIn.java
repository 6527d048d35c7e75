package quire.security.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

import quire.security.SecurityLog;
import quire.security.UserService;

/**
 * The sign-in form's password check, behind a {@link LoginThrottle}: a locked account or address is
 * refused with "Too many failed sign-ins; try again in N minutes" before the password is looked at,
 * failures are counted, and every lock that starts is written to the {@link SecurityLog} with the
 * client address. Being the only {@link AuthenticationProvider} bean, it replaces the one Spring
 * Security would build from {@link UserService}.
 */
@Component
class ThrottledSignIn implements AuthenticationProvider {

	private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

	private final DaoAuthenticationProvider passwords;

	private final LoginThrottle throttle;

	private final SecurityLog log;

	ThrottledSignIn(UserService users, PasswordEncoder encoder, SecurityLog log, ObjectProvider<Clock> clock,
			@Value("${quire.login.max-failures-per-account:5}") int accountLimit,
			@Value("${quire.login.max-failures-per-address:20}") int addressLimit,
			@Value("${quire.login.max-lock:15m}") Duration maxLock) {
		this.passwords = new DaoAuthenticationProvider(users);
		this.passwords.setPasswordEncoder(encoder);
		this.throttle = new LoginThrottle(clock.getIfAvailable(Clock::systemUTC), accountLimit, addressLimit, maxLock);
		this.log = log;
	}

	@Override
	public Authentication authenticate(Authentication attempt) throws AuthenticationException {
		String username = attempt.getName() == null ? "" : attempt.getName();
		String address = attempt.getDetails() instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null
				? web.getRemoteAddress() : "unknown address";
		var lock = throttle.check(username, address);
		if (lock.isPresent()) {
			throw new LockedException(message(lock.get().minutesLeft(throttle.clock().instant())));
		}
		try {
			Authentication done = passwords.authenticate(attempt);
			throttle.succeeded(username);
			return done;
		}
		catch (BadCredentialsException ex) {
			List<LoginThrottle.Lock> started = throttle.failed(username, address);
			for (LoginThrottle.Lock l : started) {
				log.record(address, "sign-in locked", l.on() + " after " + l.failures() + " failed sign-ins; locked until "
						+ HH_MM.format(l.until()) + " UTC");
			}
			if (!started.isEmpty()) {
				throw new LockedException(message(started.getFirst().minutesLeft(throttle.clock().instant())),
						ex);
			}
			throw ex;
		}
	}

	/** The refusal shown on the sign-in page. */
	static String message(long minutes) {
		return "Too many failed sign-ins; try again in " + minutes + (minutes == 1 ? " minute." : " minutes.");
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}

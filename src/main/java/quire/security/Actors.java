package quire.security;

import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Says who is acting in the current thread (see {@link Actor}) and runs work as a given user. Reads
 * Spring Security's context, which Vaadin keeps per session, so views, services and the CLI agree.
 */
@Component
public class Actors {

	private final JdbcClient jdbc;

	Actors(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Actor current() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null) {
			return new Actor.Local();
		}
		if (auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) {
			return new Actor.Nobody();
		}
		if (auth.getPrincipal() instanceof QuireUserDetails details) {
			UserAccount a = details.account();
			return new Actor.User(a.id(), a.username(), a.admin());
		}
		// Another kind of principal (a test's mock user, a token): find the account by name.
		return jdbc.sql("select id, username, is_admin from app_user where lower(username) = lower(?) and enabled = true")
			.param(auth.getName())
			.query((rs, n) -> (Actor) new Actor.User(new UserId(rs.getLong("id")), rs.getString("username"),
					rs.getBoolean("is_admin")))
			.optional()
			.orElse(new Actor.Nobody());
	}

	/** True for an administrator or the local administrator of a command-line run. */
	public boolean isAdmin() {
		Actor actor = current();
		return actor instanceof Actor.Local || actor instanceof Actor.User u && u.admin();
	}

	/** @throws AccessRefusedException unless the actor is an administrator */
	public void requireAdmin(String toDoWhat) {
		if (!isAdmin()) {
			throw new AccessRefusedException("Only an administrator may " + toDoWhat + ".");
		}
	}

	/** Runs work as the given user (the CLI's {@code --user}, tests), restoring the previous context after. */
	public <T> T callAs(UserAccount user, Supplier<T> work) {
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication(user));
		SecurityContextHolder.setContext(context);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

	/**
	 * {@code work} wrapped to run on another thread as whoever acts in this one. A thread without a user
	 * acts as the local administrator (see {@link #current}), so a page's background task must carry the
	 * signed-in user along to read with their roles and no more.
	 */
	public static <T> Supplier<T> asCurrent(Supplier<T> work) {
		SecurityContext caller = SecurityContextHolder.getContext();
		return () -> {
			SecurityContext previous = SecurityContextHolder.getContext();
			SecurityContextHolder.setContext(caller);
			try {
				return work.get();
			}
			finally {
				SecurityContextHolder.setContext(previous);
			}
		};
	}

	public void runAs(UserAccount user, Runnable work) {
		callAs(user, () -> {
			work.run();
			return null;
		});
	}

	/** An authenticated token for a user, as a successful sign-in would produce. */
	public static Authentication authentication(UserAccount user) {
		QuireUserDetails details = new QuireUserDetails(user, "");
		return UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities());
	}

}

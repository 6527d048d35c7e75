package quire.api.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import quire.api.ApiScope;
import quire.api.ApiTokenService;
import quire.api.TokenOwner;
import quire.security.Actors;

/**
 * Reads {@code Authorization: Bearer qr_...}, and for a valid token signs the request in as the
 * token's user (exactly as a sign-in would, through {@link Actors#authentication}, so every service's
 * role checks apply) with the authority of its scope, then takes one request from the token's rate
 * bucket. A bad token gets a 401 problem at once; no token leaves the request anonymous, which the
 * chain refuses with a 401 problem too.
 */
final class TokenAuthenticationFilter extends OncePerRequestFilter {

	static final String READ = "API_READ";

	static final String WRITE = "API_WRITE";

	private final ApiTokenService tokens;

	private final RateLimiter limiter;

	TokenAuthenticationFilter(ApiTokenService tokens, RateLimiter limiter) {
		this.tokens = tokens;
		this.limiter = limiter;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || header.isBlank()) {
			chain.doFilter(request, response);
			return;
		}
		if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			Problems.write(response, HttpStatus.UNAUTHORIZED,
					"send the token as 'Authorization: Bearer qr_...'; create one on the API tokens page", request, null);
			return;
		}
		java.util.Optional<TokenOwner> owner;
		try {
			owner = tokens.authenticate(header.substring(7).strip());
		}
		catch (org.springframework.dao.DataAccessException ex) {
			// before any controller: an error here went to the servlet error page, which Vaadin answered
			// with HTML (issue 19); the API answers problem JSON whatever happens
			Problems.write(response, HttpStatus.SERVICE_UNAVAILABLE, "Quire is busy; try again in a few seconds",
					request, "5");
			return;
		}
		if (owner.isEmpty()) {
			Problems.write(response, HttpStatus.UNAUTHORIZED,
					"the token is not valid: unknown, revoked or expired, or its account is disabled", request, null);
			return;
		}
		RateLimiter.Decision decision = limiter.take(owner.get().token().id());
		if (!decision.allowed()) {
			Problems.write(response, HttpStatus.TOO_MANY_REQUESTS, "too many requests with this token; try again in "
					+ decision.retryAfterSeconds() + " s", request, Long.toString(decision.retryAfterSeconds()));
			return;
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication(owner.get()));
		SecurityContextHolder.setContext(context);
		chain.doFilter(request, response);
	}

	/** The user's sign-in authentication plus the token's scope as an authority. */
	static Authentication authentication(TokenOwner owner) {
		Authentication user = Actors.authentication(owner.user());
		List<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
		authorities.add(new SimpleGrantedAuthority(READ));
		if (owner.token().scope() == ApiScope.READ_WRITE) {
			authorities.add(new SimpleGrantedAuthority(WRITE));
		}
		return UsernamePasswordAuthenticationToken.authenticated(user.getPrincipal(), null, authorities);
	}

}

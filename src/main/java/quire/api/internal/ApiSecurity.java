package quire.api.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

import jakarta.servlet.DispatcherType;
import quire.api.ApiTokenService;

/**
 * The API's own filter chain for {@code /api/**}, ahead of the Vaadin chain: stateless (no session,
 * no cookie), bearer tokens instead of a login form, CSRF off (no cookie is ever sent, so there is
 * nothing to forge), and 401/403 as problem details. GET needs a token of any scope; every other
 * method needs a read-write token. The OpenAPI description and its browsable page are public: they
 * describe the API, not a project's data.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@Profile("!cli")
class ApiSecurity {

	@Bean
	RateLimiter apiRateLimiter(@Value("${quire.api.rate-limit.per-second:20}") double perSecond,
			@Value("${quire.api.rate-limit.burst:100}") int burst) {
		return new RateLimiter(perSecond, burst, System::nanoTime);
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiFilterChain(HttpSecurity http, ApiTokenService tokens, RateLimiter limiter) throws Exception {
		http.securityMatcher("/api/**")
			.csrf(csrf -> csrf.disable())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.formLogin(form -> form.disable())
			.httpBasic(basic -> basic.disable())
			.logout(logout -> logout.disable())
			.addFilterBefore(new TokenAuthenticationFilter(tokens, limiter), AuthorizationFilter.class)
			.exceptionHandling(e -> e
				.authenticationEntryPoint((request, response, ex) -> Problems.write(response, HttpStatus.UNAUTHORIZED,
						"this call needs a personal access token: 'Authorization: Bearer qr_...' (create one on the "
								+ "API tokens page)", request, null))
				.accessDeniedHandler((request, response, ex) -> Problems.write(response, HttpStatus.FORBIDDEN,
						readOnly() ? "this call changes data and needs a read-write token; this token is read-only"
								: "this token may not make this call", request, null)))
			.authorizeHttpRequests(auth -> auth
				.dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
				.requestMatchers("/api/v1/openapi.json", "/api/v1/openapi.json/**", "/api/v1/docs", "/api/v1/docs/**",
						"/api/v1/swagger-ui/**")
				.permitAll()
				.requestMatchers(HttpMethod.GET, "/api/**").hasAuthority(TokenAuthenticationFilter.READ)
				.requestMatchers(HttpMethod.HEAD, "/api/**").hasAuthority(TokenAuthenticationFilter.READ)
				.anyRequest().hasAuthority(TokenAuthenticationFilter.WRITE));
		return http.build();
	}

	private static boolean readOnly() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.getAuthorities().stream().anyMatch(a -> TokenAuthenticationFilter.READ.equals(a.getAuthority()))
				&& auth.getAuthorities().stream().noneMatch(a -> TokenAuthenticationFilter.WRITE.equals(a.getAuthority()));
	}

}

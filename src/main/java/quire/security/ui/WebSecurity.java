package quire.security.ui;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;

/**
 * The web app's filter chain: Vaadin's configurer (login view, logout, view access control by
 * {@code @PermitAll}/{@code @RolesAllowed}); Quire's static stylesheet stays public so the login page
 * is styled.
 * <p>
 * <b>CSRF.</b> Vaadin's configurer exempts the sign-in form's POST from Spring Security's CSRF check,
 * so another site could sign a visitor in as someone else. Quire configures CSRF itself: only
 * Vaadin's internal requests (which carry Vaadin's own per-UI security key) are exempt. The sign-in
 * page still works because Vaadin writes the token into the page ({@code <meta name="_csrf">}) and
 * its login form posts it.
 * <p>
 * <b>Headers.</b> Besides Spring Security's defaults ({@code X-Content-Type-Options: nosniff},
 * {@code X-Frame-Options: DENY}, no caching of pages) every page gets {@link #CONTENT_SECURITY_POLICY}
 * and {@code Referrer-Policy: same-origin}. Vaadin Flow needs {@code 'unsafe-inline'} and
 * {@code 'unsafe-eval'} for scripts (its bootstrap and {@code executeJs}) and inline styles; charts
 * are {@code data:} images; push uses a same-origin WebSocket.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@ConditionalOnWebApplication
@Profile("!cli")
class WebSecurity {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
			+ "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
			+ "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

	@Bean
	SecurityFilterChain quireFilterChain(HttpSecurity http, RequestUtil requests) throws Exception {
		http.authorizeHttpRequests(auth -> auth.requestMatchers("/frontend-static/**").permitAll()
			// recordings stream to signed-in users; quire.media checks the project role per request
			.requestMatchers("/recordings/**").authenticated());
		http.csrf(csrf -> csrf.ignoringRequestMatchers(requests::isFrameworkInternalRequest));
		// Eagerly: Vaadin's page responses are committed in a way that skips headers written at commit.
		http.headers(headers -> headers.withObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
			@Override
			public <O extends HeaderWriterFilter> O postProcess(O filter) {
				filter.setShouldWriteHeadersEagerly(true);
				return filter;
			}
		})
			.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
		return http
			.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView("/login").enableCsrfConfiguration(false))
			.build();
	}

}

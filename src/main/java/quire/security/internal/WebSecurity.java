package quire.security.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;

/**
 * The web app's filter chain: Vaadin's configurer (login view, CSRF as Vaadin needs it, logout,
 * view access control by {@code @PermitAll}/{@code @RolesAllowed}); Quire's static stylesheet stays
 * public so the login page is styled.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@ConditionalOnWebApplication
@Profile("!cli")
class WebSecurity {

	@Bean
	SecurityFilterChain quireFilterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(auth -> auth.requestMatchers("/frontend-static/**").permitAll()
			// recordings stream to signed-in users; quire.media checks the project role per request
			.requestMatchers("/recordings/**").authenticated());
		return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView("/login")).build();
	}

}

package io.returnsdesk.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who gets in where. The API takes HTTP Basic (clients) or the desk's login session
 * (pages); the desk has a login page; Camunda's webapps keep their own login; the API's
 * description is open to all. One identity behind all: the engine's users and groups.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/** The OpenAPI description and Swagger UI, readable without a login. */
	static final String[] API_DOCUMENTATION = { "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
			"/swagger-ui/**" };

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http) throws Exception {
		// only a login session rides along on a forged request: one that brings its own
		// credentials, or has no session at all (and so gets 401), needs no CSRF token
		RequestMatcher noSession = (request) -> request.getHeader("Authorization") != null
				|| request.getSession(false) == null;
		return http.securityMatcher("/api/**")
			.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.httpBasic(Customizer.withDefaults())
			.exceptionHandling((errors) -> errors.defaultAuthenticationEntryPointFor(
					new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
					(request) -> request.getHeader("Authorization") == null))
			// pages send the session's token (from a meta tag) in a header
			.csrf((csrf) -> csrf.ignoringRequestMatchers(noSession))
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain desk(HttpSecurity http) throws Exception {
		return http
			.securityMatcher("/", "/login", "/logout", "/returns", "/returns/**", "/reports", "/reports/**", "/desk/**")
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/login", "/desk/**")
				.permitAll()
				.anyRequest()
				.authenticated())
			.formLogin((form) -> form.loginPage("/login").defaultSuccessUrl("/returns"))
			.logout((logout) -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
			.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain webapps(HttpSecurity http) throws Exception {
		// Camunda's webapps authenticate and guard against CSRF themselves; the API's
		// description is public, named here so that it stays so when this chain gets a
		// login
		return http
			.authorizeHttpRequests(
					(requests) -> requests.requestMatchers(API_DOCUMENTATION).permitAll().anyRequest().permitAll())
			.csrf((csrf) -> csrf.disable())
			.headers((headers) -> headers.frameOptions((frame) -> frame.sameOrigin()))
			.build();
	}

}

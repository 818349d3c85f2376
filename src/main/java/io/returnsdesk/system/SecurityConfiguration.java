package io.returnsdesk.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The API needs a login (HTTP Basic); Camunda's webapps keep their own login; the API's
 * description is open to all.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/** The OpenAPI description and Swagger UI, readable without a login. */
	static final String[] API_DOCUMENTATION = { "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
			"/swagger-ui/**" };

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http) throws Exception {
		return http.securityMatcher("/api/**")
			.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.httpBasic(Customizer.withDefaults())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// stateless HTTP Basic: no session cookie a forged request could ride on
			.csrf((csrf) -> csrf.disable())
			.build();
	}

	@Bean
	@Order(2)
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

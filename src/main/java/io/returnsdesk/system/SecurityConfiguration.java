package io.returnsdesk.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who gets in where; nothing without a login. The API and its description take HTTP Basic
 * (clients) or the desk's login session (pages); the desk and Swagger UI have a login
 * page; Camunda's webapps keep their own login, and {@code /engine-rest} takes HTTP Basic
 * in Camunda's own filter (see {@code web.process}), so that the engine checks the user's
 * authorizations. One identity behind all: the engine's users and groups.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/** The OpenAPI description, for clients and for Swagger UI. */
	static final String[] API_DESCRIPTION = { "/v3/api-docs", "/v3/api-docs/**" };

	/** The desk's pages and Swagger UI. */
	static final String[] PAGES = { "/", "/login", "/logout", "/not-allowed", "/returns", "/returns/**", "/reports",
			"/reports/**", "/finance", "/desk/**", "/swagger-ui.html", "/swagger-ui/**" };

	/**
	 * Camunda's webapps and REST API, which authenticate themselves, and static files; by
	 * the start of the path, since {@code /engine-rest} is a servlet of its own.
	 */
	static final String[] CAMUNDA_AND_STATIC = { "/camunda/", "/engine-rest/", "/webjars/", "/error" };

	// scripts only from the application; no plug-ins, no framing, forms post home;
	// inline styles stay (Chart.js and Swagger UI set them)
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
			+ "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	/**
	 * The public door ({@link AccessRules#PUBLIC_DOORS}): customer self-service, the API
	 * under {@code /api/public} and its page. Anyone may call; no login is read (an
	 * Authorization header is ignored), no session is made or read, and so no CSRF token
	 * is needed: no cookie authenticates these calls.
	 */
	static final String[] PUBLIC = { "/api/public/**", "/my-return" };

	@Bean
	@Order(0)
	SecurityFilterChain selfService(HttpSecurity http) throws Exception {
		return http.securityMatcher(PUBLIC)
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.csrf((csrf) -> csrf.disable())
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
			.build();
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http) throws Exception {
		// only a login session rides along on a forged request: one that brings its own
		// credentials, or has no session at all (and so gets 401), needs no CSRF token
		RequestMatcher noSession = (request) -> request.getHeader("Authorization") != null
				|| request.getSession(false) == null;
		return http.securityMatcher(matchers("/api/**", API_DESCRIPTION))
			.authorizeHttpRequests((requests) -> requests.anyRequest().access(TableOfCalls.INSTANCE))
			.httpBasic(Customizer.withDefaults())
			// no credentials: a problem and no Basic challenge, so that a page's call
			// does
			// not make the browser ask for a password
			.exceptionHandling((errors) -> errors
				.defaultAuthenticationEntryPointFor(SecurityConfiguration::loginNeeded,
						(request) -> request.getHeader("Authorization") == null)
				.accessDeniedHandler(TableOfCalls::refuseCall))
			// pages send the session's token (from a meta tag) in a header
			.csrf((csrf) -> csrf.ignoringRequestMatchers(noSession))
			.headers((headers) -> headers.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain desk(HttpSecurity http) throws Exception {
		return http.securityMatcher(PAGES)
			// the page of a refusal shows to whoever was refused, a forged form's sender
			// too
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/login", "/desk/**", "/not-allowed")
				.permitAll()
				.anyRequest()
				.access(TableOfCalls.INSTANCE))
			// a page that says what the page is for, and who to ask
			.exceptionHandling((errors) -> errors.accessDeniedHandler(TableOfCalls::refusePage))
			.formLogin((form) -> form.loginPage("/login").defaultSuccessUrl("/returns"))
			.logout((logout) -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
			.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain camundaAndStaticFiles(HttpSecurity http) throws Exception {
		// Camunda's webapps authenticate and guard against CSRF themselves; Cockpit
		// frames
		// its own pages
		RequestMatcher camundaAndStatic = (request) -> {
			String path = request.getRequestURI().substring(request.getContextPath().length());
			for (String start : CAMUNDA_AND_STATIC) {
				if (path.startsWith(start) || path.equals(start)) {
					return true;
				}
			}
			return false;
		};
		return http.securityMatcher(camundaAndStatic)
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.csrf((csrf) -> csrf.disable())
			.headers((headers) -> headers.frameOptions((frame) -> frame.sameOrigin()))
			.build();
	}

	@Bean
	@Order(4)
	SecurityFilterChain operations(HttpSecurity http) throws Exception {
		// health for load balancers and probes; metrics and the rest for administrators
		// (a Prometheus scraper logs in with HTTP Basic as one)
		return http.securityMatcher("/actuator", "/actuator/**")
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/actuator/health", "/actuator/health/**")
				.permitAll()
				.anyRequest()
				.hasAuthority("GROUP_camunda-admin"))
			.httpBasic(Customizer.withDefaults())
			.exceptionHandling(
					(errors) -> errors.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
			.csrf((csrf) -> csrf.disable())
			.build();
	}

	@Bean
	@Order(5)
	SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
		return http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.httpBasic(Customizer.withDefaults())
			.exceptionHandling(
					(errors) -> errors.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
			.build();
	}

	/**
	 * Slows password guessing at every login door: after the request's characters are
	 * decoded, before Spring Security's filters and Camunda's (which check passwords).
	 */
	@Bean
	FilterRegistrationBean<LoginThrottleFilter> loginThrottle(Clock clock) {
		FilterRegistrationBean<LoginThrottleFilter> registration = new FilterRegistrationBean<>(
				new LoginThrottleFilter(new LoginThrottle(clock)));
		registration.setName("login-throttle");
		registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 50);
		return registration;
	}

	private static void loginNeeded(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException failure) throws IOException {
		response.setStatus(HttpStatus.UNAUTHORIZED.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,\"detail\":"
					+ "\"Log in first: send HTTP Basic credentials, or call from the desk after its login\"}");
	}

	private static String[] matchers(String first, String... more) {
		String[] all = new String[more.length + 1];
		all[0] = first;
		System.arraycopy(more, 0, all, 1, more.length);
		return all;
	}

}

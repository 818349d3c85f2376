package io.returnsdesk.system;

import java.io.IOException;

import javax.sql.DataSource;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.FlashMapManager;

/**
 * Logins live in the database (Spring Session JDBC; the tables of Flyway's V19), so that
 * any node serves any request: the desk's, the API's from the desk's pages, and those of
 * Tasklist, Cockpit and Admin, which keep theirs in the same HTTP session. Spring
 * Session's statements are changed where nodes share the tables, a logout of Camunda's
 * webapps ends the whole session, and requests that need no session do not read it.
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

	/**
	 * PostgreSQL: expired sessions deleted by the rows no other node is deleting, so that
	 * nodes that clean up at the same second (every minute, on the minute) neither wait
	 * for each other nor deadlock; a row skipped goes with the next cleanup.
	 */
	static final String DELETE_EXPIRED_SKIPPING_LOCKED = """
			DELETE FROM %TABLE_NAME%
			WHERE PRIMARY_ID IN (SELECT PRIMARY_ID FROM %TABLE_NAME% WHERE EXPIRY_TIME < ? FOR UPDATE SKIP LOCKED)
			""";

	/**
	 * H2: an attribute that a parallel request of the same session has just added is
	 * replaced, as PostgreSQL's upsert does, instead of failing the request.
	 */
	static final String MERGE_ATTRIBUTE = """
			MERGE INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
			KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME) VALUES (?, ?, ?)
			""";

	/** Where Camunda's webapps log in and out. */
	static final String WEBAPP_AUTHENTICATION = "/camunda/api/admin/auth/user/*";

	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sharedSessionStatements(DataSource dataSource) {
		String database = new JdbcTemplate(dataSource)
			.execute((ConnectionCallback<String>) (connection) -> connection.getMetaData().getDatabaseProductName());
		return (repository) -> {
			if ("PostgreSQL".equals(database)) {
				// two requests of one session adding the same attribute (Camunda's
				// webapps add theirs on a session's first requests, often in parallel):
				// the second replaces it instead of failing on the primary key
				new PostgreSqlJdbcIndexedSessionRepositoryCustomizer().customize(repository);
				repository.setDeleteSessionsByExpiryTimeQuery(DELETE_EXPIRED_SKIPPING_LOCKED);
			}
			else if ("H2".equals(database)) {
				repository.setCreateSessionAttributeQuery(MERGE_ATTRIBUTE);
			}
		};
	}

	/**
	 * After Camunda's logout (which takes the engine's login out of the session), the
	 * session itself is deleted. Otherwise a request of the same session in flight on
	 * another node, which read the login before the logout, would write it back when it
	 * ends (Camunda's filter stores its copy after every request): with the session gone,
	 * nothing is written back.
	 */
	@Bean
	FilterRegistrationBean<OncePerRequestFilter> webappLogoutEndsSession() {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				new WebappLogoutEndsSession());
		registration.setName("webapp-logout-ends-session");
		registration.addUrlPatterns(WEBAPP_AUTHENTICATION);
		return registration;
	}

	/**
	 * No flash attributes: nothing uses them, and Spring MVC's default keeps them in the
	 * session, so that it reads the session from the database for every request that
	 * brings the cookie, a static file's too. Flash attributes given to a redirect fail
	 * loudly rather than vanish.
	 */
	@Bean(DispatcherServlet.FLASH_MAP_MANAGER_BEAN_NAME)
	FlashMapManager flashMapManager() {
		return new FlashMapManager() {

			@Override
			public FlashMap retrieveAndUpdate(HttpServletRequest request, HttpServletResponse response) {
				return null;
			}

			@Override
			public void saveOutputFlashMap(FlashMap flashMap, HttpServletRequest request,
					HttpServletResponse response) {
				if (!flashMap.isEmpty()) {
					throw new IllegalStateException("Flash attributes are not kept (SessionStoreConfiguration): "
							+ "pass what the next page needs in its address");
				}
			}

		};
	}

	static final class WebappLogoutEndsSession extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			chain.doFilter(request, response);
			if ("POST".equals(request.getMethod()) && TableOfCalls.path(request).endsWith("/logout")
					&& response.getStatus() == HttpServletResponse.SC_OK) {
				HttpSession session = request.getSession(false);
				if (session != null) {
					session.invalidate();
				}
			}
		}

	}

}

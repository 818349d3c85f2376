package io.returnsdesk.system;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.csrf.CsrfException;

/**
 * {@link AccessRules} at the door: a logged-in user passes where the table gives one of
 * their groups the call; a refusal says, in the API, as a problem what the call is for
 * and who to ask, and on the desk, as a page.
 */
final class TableOfCalls implements AuthorizationManager<RequestAuthorizationContext> {

	static final TableOfCalls INSTANCE = new TableOfCalls();

	private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private TableOfCalls() {
	}

	@Override
	public AuthorizationResult authorize(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
		return decide(authentication.get(), context.getRequest());
	}

	@Override
	@Deprecated
	public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
		return decide(authentication.get(), context.getRequest());
	}

	private static AuthorizationDecision decide(Authentication user, HttpServletRequest request) {
		if (user == null || !TRUST.isAuthenticated(user)) {
			return new AuthorizationDecision(false);
		}
		return new AuthorizationDecision(AccessRules.allows(user, request.getMethod(), path(request)));
	}

	/** The API's refusal: 403 as a problem that says why. */
	static void refuseCall(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", "Forbidden");
		problem.put("status", HttpStatus.FORBIDDEN.value());
		problem.put("detail", refusal(request, denied));
		problem.put("instance", path(request));
		response.setStatus(HttpStatus.FORBIDDEN.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getOutputStream().write(JSON.writeValueAsBytes(problem));
	}

	/** The desk's refusal: 403 with the page that says what the page is for. */
	static void refusePage(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException, ServletException {
		if (!(denied instanceof CsrfException)) {
			AccessRules.ruleFor(request.getMethod(), path(request))
				.ifPresent((rule) -> request.setAttribute(AccessRules.REFUSED_RULE, rule));
		}
		response.setStatus(HttpStatus.FORBIDDEN.value());
		// the page (a GET), whatever the refused request's method
		request.getRequestDispatcher("/not-allowed").forward(asGet(request), response);
	}

	private static String refusal(HttpServletRequest request, AccessDeniedException denied) {
		if (denied instanceof CsrfException) {
			return "The request came without the login session's CSRF token (or with an old one): "
					+ "send it in the header the desk names, or reload the page and try again";
		}
		Authentication user = SecurityContextHolder.getContext().getAuthentication();
		return AccessRules.ruleFor(request.getMethod(), path(request))
			.map((rule) -> AccessRules.refusal(rule, user))
			.orElse("You may not make this call");
	}

	/** The request, read as a GET: to show a page in answer to a form's POST. */
	static HttpServletRequest asGet(HttpServletRequest request) {
		return new HttpServletRequestWrapper(request) {

			@Override
			public String getMethod() {
				return "GET";
			}

		};
	}

	static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

}

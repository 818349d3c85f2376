package io.returnsdesk.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every door where a password is tried, before it is checked: HTTP Basic (the API,
 * {@code /engine-rest}, the actuator), the desk's login form and the login of Camunda's
 * webapps. A user and address that must wait get 429 with {@code Retry-After} and their
 * password is not looked at; otherwise the outcome is counted (see
 * {@link LoginThrottle}).
 */
final class LoginThrottleFilter extends OncePerRequestFilter {

	/** The request attribute that tells the login page how many seconds to wait. */
	static final String RETRY_AFTER = "retryAfter";

	private static final String BASIC = "Basic ";

	private final LoginThrottle throttle;

	LoginThrottleFilter(LoginThrottle throttle) {
		this.throttle = throttle;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Door door = doorOf(request);
		String user = (door != null) ? userOf(request, door) : null;
		if (user == null) {
			chain.doFilter(request, response);
			return;
		}
		String address = request.getRemoteAddr();
		Duration wait = this.throttle.waitBeforeTrying(user, address);
		if (!wait.isZero()) {
			refuse(request, response, door, wait);
			return;
		}
		chain.doFilter(request, response);
		if (failed(door, response)) {
			this.throttle.failed(user, address);
		}
		else {
			this.throttle.succeeded(user, address);
		}
	}

	private enum Door {

		BASIC, DESK_FORM, CAMUNDA_LOGIN

	}

	private static Door doorOf(HttpServletRequest request) {
		// the public door reads no password: an Authorization header sent there is
		// neither
		// a failure nor a success (a success would clear the user's and address's
		// failures)
		if (AccessRules.isPublicPath(TableOfCalls.path(request))) {
			return null;
		}
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization != null && authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
			return Door.BASIC;
		}
		if (!"POST".equals(request.getMethod())) {
			return null;
		}
		String path = TableOfCalls.path(request);
		if (path.equals("/login")) {
			return Door.DESK_FORM;
		}
		if (path.startsWith("/camunda/api/admin/auth/user/") && path.contains("/login/")) {
			return Door.CAMUNDA_LOGIN;
		}
		return null;
	}

	private static String userOf(HttpServletRequest request, Door door) {
		String user;
		if (door == Door.BASIC) {
			try {
				String decoded = new String(
						Base64.getDecoder()
							.decode(request.getHeader(HttpHeaders.AUTHORIZATION).substring(BASIC.length()).strip()),
						StandardCharsets.UTF_8);
				int colon = decoded.indexOf(':');
				user = (colon >= 0) ? decoded.substring(0, colon) : null;
			}
			catch (IllegalArgumentException ex) {
				// not Base64: refused by the door itself, counted as nobody's
				return null;
			}
		}
		else {
			user = request.getParameter("username");
		}
		return (user == null || user.isBlank()) ? null : user.strip().toLowerCase(Locale.ROOT);
	}

	private static boolean failed(Door door, HttpServletResponse response) {
		if (door == Door.DESK_FORM) {
			String location = response.getHeader(HttpHeaders.LOCATION);
			return location == null || location.contains("/login?error");
		}
		return response.getStatus() == HttpStatus.UNAUTHORIZED.value();
	}

	private static void refuse(HttpServletRequest request, HttpServletResponse response, Door door, Duration wait)
			throws IOException, ServletException {
		long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		if (door == Door.DESK_FORM) {
			// the login page again (as its GET), saying how long to wait
			request.setAttribute(RETRY_AFTER, seconds);
			request.getRequestDispatcher("/login").forward(TableOfCalls.asGet(request), response);
			return;
		}
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter()
			.write(("{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,\"detail\":"
					+ "\"Too many failed logins for this user from this address (or from this address): "
					+ "try again in %d s\"}")
				.formatted(seconds));
	}

}

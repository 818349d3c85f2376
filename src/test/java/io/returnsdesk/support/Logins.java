package io.returnsdesk.support;

import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * Requests to the application in MockMvc as one of the {@link TestUsers} sends them:
 * logged in with HTTP Basic and the tests' password.
 */
public final class Logins {

	private Logins() {
	}

	/** The request, sent as the user; of its own type, so that a multipart stays one. */
	public static <T extends MockHttpServletRequestBuilder> T as(String user, T request) {
		request.with(httpBasic(user, TestUsers.PASSWORD));
		return request;
	}

}

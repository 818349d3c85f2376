package io.returnsdesk.support;

import jakarta.servlet.http.Cookie;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

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

	/**
	 * The session cookie of a login on the desk's form, to send with the next requests:
	 * the session lives in the database, not in the request's {@code MockHttpSession}.
	 */
	public static Cookie deskLogin(MockMvc mvc, String user, String password) throws Exception {
		Cookie session = mvc
			.perform(formLogin("/login").user(user).password(password).acceptMediaType(MediaType.TEXT_HTML))
			.andExpect(redirectedUrl("/returns"))
			.andReturn()
			.getResponse()
			.getCookie("JSESSIONID");
		assertThat(session).as("the session cookie of %s's login", user).isNotNull();
		return session;
	}

}

package io.returnsdesk.system;

import java.time.Instant;

import io.returnsdesk.engine.EngineTime;
import io.returnsdesk.support.IntegrationTest;
import io.returnsdesk.support.TestUsers;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Password guessing slowed at the doors: after a few failures of one user from one
 * address, the next try waits (429, {@code Retry-After}), a little longer after each
 * further failure, while the user's correct password from another address still works;
 * once the wait is over, the right password gets in. On the API's HTTP Basic and the
 * desk's form ({@code /engine-rest}: {@code EngineRestSecurityIntegrationTest}).
 */
@IntegrationTest
@AutoConfigureMockMvc
class LoginThrottleIntegrationTest {

	static final String USER = "throttleclerk";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	ProcessEngine engine;

	Instant now;

	@BeforeEach
	void aClerkAndTheClock() {
		this.users.ensure(USER, TestUsers.PASSWORD, "sales");
		this.now = Instant.parse("2026-12-07T02:00:00Z").plusSeconds(System.nanoTime() % 100_000);
		EngineTime.set(this.now);
	}

	@AfterEach
	void clockRunsOn() {
		EngineTime.reset();
	}

	@Test
	void theEnginesOwnLockHoldsNobodyUp() {
		IdentityService identity = this.engine.getIdentityService();
		this.users.ensure("lockclerk", TestUsers.PASSWORD, "sales");
		for (int i = 0; i < 12; i++) {
			assertThat(identity.checkPassword("lockclerk", "wrong" + i)).isFalse();
		}
		// not after a failure, nor after ten (the engine would lock for good)
		assertThat(identity.checkPassword("lockclerk", TestUsers.PASSWORD)).isTrue();
	}

	@Test
	void aGuesserWaitsLongerAfterEachFailureWhileTheUserGetsInFromElsewhere() throws Exception {
		String guesser = "203.0.113.7";
		for (int i = 0; i < LoginThrottle.FREE_PER_USER_AND_ADDRESS; i++) {
			basic(guesser, "guess" + i).andExpect(status().isUnauthorized());
		}
		// the next try waits a second, whatever the password
		basic(guesser, TestUsers.PASSWORD).andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", "1"))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail", containsString("Too many failed logins")));
		// the user, from their own address, is not held up
		basic("198.51.100.20", TestUsers.PASSWORD).andExpect(status().isOk());

		// a second later one more try; it fails, and the wait doubles
		at(1_100);
		basic(guesser, "guess5").andExpect(status().isUnauthorized());
		basic(guesser, TestUsers.PASSWORD).andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", "2"));
		at(1_100 + 2_100);
		basic(guesser, "guess6").andExpect(status().isUnauthorized());
		basic(guesser, TestUsers.PASSWORD).andExpect(header().string("Retry-After", "4"));

		// past the wait, the right password gets in, and the slate is clean
		at(1_100 + 2_100 + 4_100);
		basic(guesser, TestUsers.PASSWORD).andExpect(status().isOk());
		basic(guesser, "oops").andExpect(status().isUnauthorized());
		basic(guesser, TestUsers.PASSWORD).andExpect(status().isOk());
	}

	@Test
	void theDesksLoginPageSaysHowLongToWait() throws Exception {
		String guesser = "203.0.113.8";
		for (int i = 0; i < LoginThrottle.FREE_PER_USER_AND_ADDRESS; i++) {
			this.mvc.perform(login("guess" + i, guesser)).andExpect(redirectedUrl("/login?error"));
		}
		this.mvc.perform(login(TestUsers.PASSWORD, guesser).header("Accept-Language", "en"))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", "1"))
			.andExpect(forwardedUrl("/login"))
			.andExpect(request().attribute(LoginThrottleFilter.RETRY_AFTER, 1L));
		// the page it shows
		this.mvc.perform(get("/login").requestAttr(LoginThrottleFilter.RETRY_AFTER, 1L).header("Accept-Language", "en"))
			.andExpect(content().string(containsString("Too many failed logins for this user: try again in 1 s.")))
			.andExpect(content().string(containsString("name=\"username\"")));
		this.mvc.perform(login(TestUsers.PASSWORD, "198.51.100.21")).andExpect(redirectedUrl("/returns"));
	}

	/** The desk's login form, sent from the address. */
	private static MockHttpServletRequestBuilder login(String password, String address) {
		return post("/login").param("username", USER)
			.param("password", password)
			.accept(MediaType.TEXT_HTML)
			.with(csrf())
			.with(from(address));
	}

	private ResultActions basic(String address, String password) throws Exception {
		return this.mvc.perform(get("/api/products").with(httpBasic(USER, password)).with(from(address)));
	}

	private void at(long millisLater) {
		EngineTime.set(this.now.plusMillis(millisLater));
	}

	private static RequestPostProcessor from(String address) {
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

}

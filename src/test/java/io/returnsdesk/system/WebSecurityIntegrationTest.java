package io.returnsdesk.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import io.returnsdesk.support.ServerIntegrationTest;
import io.returnsdesk.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a browser gets over real HTTP: a session cookie no script can read and no other
 * site sends, pages that run only the application's own scripts and cannot be framed, and
 * a login form that needs its CSRF token.
 */
@ServerIntegrationTest
class WebSecurityIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	TestUsers users;

	final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@BeforeEach
	void user() {
		this.users.ensure("headerclerk", "secret", "sales");
	}

	@Test
	void pagesComeWithSecurityHeadersAndAStrictSessionCookie() throws Exception {
		HttpResponse<String> login = get("/login");
		assertThat(login.statusCode()).isEqualTo(200);
		assertThat(login.headers().firstValue("Content-Security-Policy")).hasValueSatisfying((csp) -> assertThat(csp)
			.contains("script-src 'self'", "object-src 'none'", "frame-ancestors 'none'", "form-action 'self'"));
		assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(login.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
		assertThat(login.headers().firstValue("Cache-Control"))
			.hasValueSatisfying((cache) -> assertThat(cache).contains("no-store"));
		List<String> cookies = login.headers().allValues("Set-Cookie");
		assertThat(cookies).filteredOn((cookie) -> cookie.startsWith("JSESSIONID="))
			.singleElement()
			.satisfies((cookie) -> assertThat(cookie).contains("HttpOnly", "SameSite=Lax"));
	}

	@Test
	void aLoginWithoutItsCsrfTokenIsRefused() throws Exception {
		HttpResponse<String> forged = this.http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("username=headerclerk&password=secret"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(forged.headers().allValues("Set-Cookie")).noneMatch((cookie) -> cookie.contains("remember"));
	}

	@Test
	void nothingOutsideTheDeskTheApiAndCamundaAnswersWithoutALogin() throws Exception {
		assertThat(get("/actuator").statusCode()).isEqualTo(401);
		assertThat(get("/h2-console").statusCode()).isEqualTo(401);
		assertThat(get("/returns").statusCode()).isEqualTo(302);
		assertThat(get("/api/returns").statusCode()).isEqualTo(401);
		// Camunda's webapps lead to their own login page
		assertThat(get("/camunda/app/tasklist/").statusCode()).isIn(200, 302);
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

}

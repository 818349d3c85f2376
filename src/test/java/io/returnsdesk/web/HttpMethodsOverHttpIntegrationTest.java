package io.returnsdesk.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

import io.returnsdesk.support.HttpApi;
import io.returnsdesk.support.ServerIntegrationTest;
import io.returnsdesk.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over real HTTP, through Tomcat and Spring Security's firewall: a method a path does not
 * take (TRACE, one HTTP does not know, one of another call) is a 405 problem with the
 * path's {@code Allow}, and {@code OPTIONS} lists exactly the methods the path answers.
 */
@ServerIntegrationTest
class HttpMethodsOverHttpIntegrationTest {

	static final String USER = "methodsclerk";

	@LocalServerPort
	int port;

	@Autowired
	TestUsers users;

	final HttpClient http = HttpClient.newHttpClient();

	@BeforeEach
	void clerk() {
		this.users.ensure(USER, TestUsers.PASSWORD, "sales");
	}

	@Test
	void traceIsAMethodNoCallTakes() throws Exception {
		HttpResponse<String> answer = send("TRACE", "/api/returns");

		assertThat(answer.statusCode()).isEqualTo(405);
		assertThat(allow(answer)).containsExactly("GET", "HEAD", "OPTIONS", "POST");
		assertThat(answer.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(HttpApi.JSON.readTree(answer.body()).path("detail").asText())
			.isEqualTo("TRACE /api/returns is not a call of the API; /api/returns takes GET, POST");
	}

	@Test
	void aMethodHttpDoesNotKnowIsA405Too() throws Exception {
		HttpResponse<String> answer = send("FROB", "/api/returns/RT-20260101-0001");

		assertThat(answer.statusCode()).isEqualTo(405);
		assertThat(allow(answer)).containsExactly("GET", "HEAD", "OPTIONS", "PUT");
		assertThat(answer.body()).contains("FROB /api/returns/RT-20260101-0001 is not a call of the API");
	}

	@Test
	void optionsOfTheExportListsOnlyWhatTheExportAnswers() throws Exception {
		HttpResponse<String> answer = send("OPTIONS", "/api/returns/export.csv");

		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(allow(answer)).containsExactly("GET", "HEAD", "OPTIONS");
		// and a method of the path's neighbour is refused as one it does not take
		HttpResponse<String> put = send("PUT", "/api/returns/export.csv");
		assertThat(put.statusCode()).isEqualTo(405);
		assertThat(allow(put)).isEqualTo(allow(answer));
	}

	@Test
	void optionsAndA405AgreeOnEveryKindOfPath() throws Exception {
		for (String path : new String[] { "/api/returns", "/api/returns/RT-20260101-0001",
				"/api/returns/RT-20260101-0001/withdraw", "/api/returns/RT-20260101-0001/attachments",
				"/api/returns/RT-20260101-0001/credit-note", "/api/notifications/mail", "/api/products" }) {
			HttpResponse<String> options = send("OPTIONS", path);
			HttpResponse<String> trace = send("TRACE", path);

			assertThat(options.statusCode()).as(path).isEqualTo(200);
			assertThat(trace.statusCode()).as(path).isEqualTo(405);
			assertThat(allow(trace)).as(path).isEqualTo(allow(options));
		}
		assertThat(allow(send("OPTIONS", "/api/notifications/mail"))).containsExactly("GET", "HEAD", "OPTIONS", "PUT");
	}

	@Test
	void aMethodNoCallTakesStillNeedsALogin() throws Exception {
		HttpResponse<String> answer = this.http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/returns"))
				.method("TRACE", HttpRequest.BodyPublishers.noBody())
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(answer.statusCode()).isEqualTo(401);
	}

	private HttpResponse<String> send(String method, String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Authorization", HttpApi.basic(USER, TestUsers.PASSWORD))
			.method(method, HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static Set<String> allow(HttpResponse<String> answer) {
		Set<String> methods = new TreeSet<>();
		answer.headers()
			.allValues("Allow")
			.forEach((value) -> Arrays.stream(value.split(","))
				.map(String::strip)
				.filter((method) -> !method.isEmpty())
				.forEach(methods::add));
		return methods;
	}

}

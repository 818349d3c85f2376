package io.returnsdesk.web;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import io.returnsdesk.catalog.Product;
import io.returnsdesk.sales.TradeOrder;
import io.returnsdesk.support.Footprint;
import io.returnsdesk.support.ReturnDriver;
import io.returnsdesk.support.ServerIntegrationTest;
import io.returnsdesk.support.TestFixtures;
import io.returnsdesk.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.returnsdesk.support.TestFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input that the servlet container sees before any call of the API does: a body over
 * the limit, with or without its length; a path, method or Accept header that no call
 * takes. Each gets an {@code application/problem+json} answer (not a 500, not a reset
 * connection, not Spring Boot's error JSON) and changes nothing.
 */
@ServerIntegrationTest
class BadInputOverHttpIntegrationTest {

	static final String USER = "httpclerk";

	static final int ONE_MB = 1024 * 1024;

	@LocalServerPort
	int port;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	ReturnDriver driver;

	@Autowired
	Footprint footprint;

	@Autowired
	TestUsers users;

	final HttpClient http = HttpClient.newHttpClient();

	Product lamp;

	TradeOrder order;

	@BeforeEach
	void shipTwoLamps() {
		this.users.ensure(USER, "secret", "sales");
		this.lamp = this.fixtures.product("159.00", 5);
		this.order = this.fixtures.shippedSale(4, line(this.lamp, 2));
	}

	@Test
	void refusesABodyOverOneMegabyteByItsLength() throws Exception {
		Map<String, Long> before = this.footprint.now();

		HttpResponse<String> response = send(
				json("/api/returns").POST(HttpRequest.BodyPublishers.ofByteArray(paddedTo(ONE_MB + 1))));

		assertProblem(response, 413, "The request body is larger than 1 MB, the most the API reads");
		assertThat(this.footprint.now()).isEqualTo(before);
	}

	@Test
	void refusesABodyOverOneMegabyteSentInChunksWithoutItsLength() throws Exception {
		Map<String, Long> before = this.footprint.now();
		byte[] body = paddedTo(ONE_MB + ONE_MB / 2);

		// a body of unknown length goes in chunks: the limit is found while it is read
		HttpResponse<String> response = send(json("/api/returns")
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

		assertProblem(response, 413, "The request body is larger than 1 MB, the most the API reads");
		assertThat(this.footprint.now()).isEqualTo(before);
	}

	@Test
	void readsABodyOfExactlyOneMegabyte() throws Exception {
		HttpResponse<String> response = send(
				json("/api/returns").POST(HttpRequest.BodyPublishers.ofByteArray(paddedTo(ONE_MB))));

		assertThat(response.statusCode()).isEqualTo(201);
		assertThat(response.body()).contains("\"status\":\"SUBMITTED\"");
	}

	@Test
	void answersAnUnknownPathWithAProblem() throws Exception {
		HttpResponse<String> response = send(request("/api/nope").GET());

		assertProblem(response, 404, "There is no /api/nope in the API; its calls are described at /v3/api-docs");
	}

	@Test
	void answersAProblemAlsoToABrowserThatAsksForHtml() throws Exception {
		HttpResponse<String> response = send(request("/api/nope").header("Accept", "text/html").GET());

		assertProblem(response, 404, "There is no /api/nope in the API");
	}

	@Test
	void answersAMethodThatNoCallTakesWithAProblemNamingThoseThatDo() throws Exception {
		String number = this.driver.request(this.order.getNumber(), "DAMAGED", "REFUND", this.lamp.getSku(), 1);
		Map<String, Long> before = this.footprint.now();

		HttpResponse<String> response = send(request("/api/returns/" + number).DELETE());

		assertProblem(response, 405, "DELETE /api/returns/%s is not a call of the API; /api/returns/%s takes GET, PUT"
			.formatted(number, number));
		assertThat(response.headers().firstValue("Allow")).isPresent();
		assertThat(this.footprint.now()).isEqualTo(before);
	}

	@Test
	void refusesAClientThatTakesNoJsonBeforeCreatingAnything() throws Exception {
		Map<String, Long> before = this.footprint.now();

		HttpResponse<String> response = send(json("/api/returns").header("Accept", "application/xml")
			.POST(HttpRequest.BodyPublishers.ofString(body(""))));

		assertProblem(response, 406, "The API answers application/json");
		assertThat(this.footprint.now()).isEqualTo(before);
	}

	@Test
	void refusesABodyThatIsNotJson() throws Exception {
		Map<String, Long> before = this.footprint.now();

		HttpResponse<String> response = send(request("/api/returns").header("Content-Type", "text/plain")
			.POST(HttpRequest.BodyPublishers.ofString(body(""))));

		assertProblem(response, 415, "This call does not take a body of type text/plain; send it as application/json");
		assertThat(this.footprint.now()).isEqualTo(before);
	}

	@Test
	void refusesANulCharacterInAParameter() throws Exception {
		HttpResponse<String> response = send(request("/api/returns?q=RT%00").GET());

		assertProblem(response, 400, "The parameter q contains a NUL character (%00), which no value can contain");
	}

	private void assertProblem(HttpResponse<String> response, int status, String detail) {
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains("\"status\":" + status).contains(detail);
	}

	/** A valid request, padded with spaces inside the JSON to exactly the given size. */
	private byte[] paddedTo(int size) {
		String unpadded = body("");
		return body(" ".repeat(size - unpadded.getBytes(StandardCharsets.UTF_8).length))
			.getBytes(StandardCharsets.UTF_8);
	}

	private String body(String padding) {
		return """
				{"orderNumber":"%s","reason":"DAMAGED","resolution":"REFUND",%s"lines":[{"sku":"%s","quantity":1}]}"""
			.formatted(this.order.getNumber(), padding, this.lamp.getSku());
	}

	private HttpRequest.Builder json(String path) {
		return request(path).header("Content-Type", "application/json");
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:%d%s".formatted(this.port, path)))
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString((USER + ":secret").getBytes(StandardCharsets.UTF_8)));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

}

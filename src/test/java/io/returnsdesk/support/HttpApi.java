package io.returnsdesk.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The clients' HTTP: HTTP Basic, JSON, each call to the next node in turn as a load
 * balancer would send it. One attempt per call; the clients decide what to do when it
 * fails. Every answer of {@code /api} is checked against the OpenAPI document that node
 * serves (see {@link ServedApiDocument}): a divergence is an {@link AssertionError}.
 */
public final class HttpApi {

	public static final ObjectMapper JSON = new ObjectMapper();

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	private final List<String> nodes;

	private final String password;

	private final AtomicInteger turn = new AtomicInteger();

	public final AtomicLong calls = new AtomicLong();

	public final AtomicLong unanswered = new AtomicLong();

	public final AtomicLong serverErrors = new AtomicLong();

	// per node: the document it serves, read once with the first user who may read it
	private final Map<String, ServedApiDocument> documents = new ConcurrentHashMap<>();

	public HttpApi(List<String> nodes, String password) {
		this.nodes = List.copyOf(nodes);
		this.password = password;
	}

	/** An answer: the status, the body, parsed when it is JSON. */
	public record Answer(int status, String body) {

		public JsonNode json() {
			try {
				return JSON.readTree(this.body);
			}
			catch (IOException ex) {
				throw new IllegalStateException("Not JSON: " + this.body, ex);
			}
		}

		public boolean serverError() {
			return this.status >= 500;
		}

	}

	public Answer get(String user, String path) throws IOException, InterruptedException {
		return send(user, "GET", path, null, Map.of());
	}

	public Answer post(String user, String path, Object body, Map<String, String> headers)
			throws IOException, InterruptedException {
		return send(user, "POST", path, body, headers);
	}

	public Answer put(String user, String path, Object body, Map<String, String> headers)
			throws IOException, InterruptedException {
		return send(user, "PUT", path, body, headers);
	}

	/**
	 * Sends one request to the next node. Throws IOException when no answer came:
	 * refused, reset or timed out, whether or not the server did the work.
	 */
	public Answer send(String user, String method, String path, Object body, Map<String, String> headers)
			throws IOException, InterruptedException {
		String node = this.nodes.get(Math.floorMod(this.turn.getAndIncrement(), this.nodes.size()));
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node + path))
			.timeout(Duration.ofSeconds(60))
			.header("Accept", "application/json")
			.header("Authorization", basic(user, this.password));
		if (body != null) {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		headers.forEach(request::header);
		this.calls.incrementAndGet();
		try {
			HttpResponse<String> response = this.http.send(request.build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			if (response.statusCode() >= 500) {
				this.serverErrors.incrementAndGet();
			}
			check(node, user, method, path, response);
			return new Answer(response.statusCode(), response.body());
		}
		catch (IOException ex) {
			this.unanswered.incrementAndGet();
			throw ex;
		}
	}

	private void check(String node, String user, String method, String path, HttpResponse<String> response)
			throws InterruptedException {
		String bare = URI.create(path).getRawPath();
		if (!bare.startsWith("/api/") || response.statusCode() >= 500) {
			// a failure is counted in serverErrors, for the caller to judge (a node
			// going down under the crash check answers so)
			return;
		}
		ServedApiDocument document = document(node, user);
		if (document == null) {
			// no document to be had from this node as this user (a node going down, a
			// wrong password): nothing to check against
			return;
		}
		byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
		List<String> divergences = document.divergences(method, bare,
				ServedApiDocument.answer(response.statusCode(), response.headers().map(), body));
		if (!divergences.isEmpty()) {
			throw new AssertionError(ServedApiDocument.describe(divergences, body));
		}
	}

	private ServedApiDocument document(String node, String user) throws InterruptedException {
		ServedApiDocument known = this.documents.get(node);
		if (known != null) {
			return known;
		}
		try {
			HttpResponse<String> served = this.http
				.send(HttpRequest.newBuilder(URI.create(node + ServedApiDocument.PATH))
					.timeout(Duration.ofSeconds(60))
					.header("Authorization", basic(user, this.password))
					.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			if (served.statusCode() != 200) {
				return null;
			}
			return this.documents.computeIfAbsent(node, (n) -> ServedApiDocument.of(served.body()));
		}
		catch (IOException ex) {
			return null;
		}
	}

	public static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	public static String query(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}

package io.returnsdesk.webhooks;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A subscriber's system on 127.0.0.1, as a merchant would write it: it records every
 * request, checks its signature with the secret it was given (its own HMAC code, not the
 * application's), and answers the statuses it is told to, in turn, then its default; or
 * holds every request without an answer.
 */
public final class TestReceiver implements AutoCloseable {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final HttpServer server;

	private final String secret;

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();

	private volatile int defaultStatus = 200;

	private volatile CountDownLatch hold;

	public TestReceiver(String secret) throws IOException {
		this(secret, 0);
	}

	public TestReceiver(String secret, int port) throws IOException {
		this.secret = secret;
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
		this.server.createContext("/", this::handle);
		this.server.setExecutor(Executors.newCachedThreadPool());
		this.server.start();
	}

	/** Where it listens. */
	public String url(String path) {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + path;
	}

	public int port() {
		return this.server.getAddress().getPort();
	}

	/** The next requests are answered these statuses, then the default. */
	public void answer(Integer... next) {
		this.statuses.addAll(List.of(next));
	}

	public void answerByDefault(int status) {
		this.defaultStatus = status;
	}

	/** Every request from now on is held, unanswered, until {@link #release()}. */
	public void holdRequests() {
		this.hold = new CountDownLatch(1);
	}

	public void release() {
		CountDownLatch held = this.hold;
		this.hold = null;
		if (held != null) {
			held.countDown();
		}
	}

	public List<Received> received() {
		return new ArrayList<>(this.received);
	}

	/** The requests about a return, in the order they came. */
	public List<Received> about(String returnNumber) {
		return this.received.stream()
			.filter((request) -> returnNumber.equals(request.json().path("data").path("returnNumber").asText()))
			.toList();
	}

	/** Waits until the received requests pass the check. */
	public void await(Predicate<List<Received>> check, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!check.test(received()) && System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
	}

	private void handle(HttpExchange exchange) throws IOException {
		byte[] body = exchange.getRequestBody().readAllBytes();
		Map<String, List<String>> headers = Map.copyOf(exchange.getRequestHeaders());
		String signature = exchange.getRequestHeaders().getFirst("X-Returns-Signature");
		this.received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
				exchange.getRequestHeaders().getFirst("X-Returns-Event"),
				exchange.getRequestHeaders().getFirst("X-Returns-Delivery"),
				exchange.getRequestHeaders().getFirst("Content-Type"), signature, validSignature(body, signature),
				new String(body, StandardCharsets.UTF_8), headers));
		CountDownLatch held = this.hold;
		if (held != null) {
			try {
				held.await(10, TimeUnit.MINUTES);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			exchange.close();
			return;
		}
		Integer next = this.statuses.poll();
		int status = (next != null) ? next : this.defaultStatus;
		byte[] answer = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(status, answer.length);
		exchange.getResponseBody().write(answer);
		exchange.close();
	}

	// as a receiver checks it: HMAC-SHA256 of the raw body, compared in constant time
	private boolean validSignature(byte[] body, String header) {
		if (header == null || !header.startsWith("sha256=")) {
			return false;
		}
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			byte[] expected = mac.doFinal(body);
			byte[] given = HexFormat.of().parseHex(header.substring("sha256=".length()));
			return MessageDigest.isEqual(expected, given);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			return false;
		}
	}

	@Override
	public void close() {
		release();
		this.server.stop(0);
		((java.util.concurrent.ExecutorService) this.server.getExecutor()).shutdownNow();
	}

	/** One request as it came. */
	public record Received(String method, String path, String event, String delivery, String contentType,
			String signature, boolean signatureValid, String body, Map<String, List<String>> headers) {

		public JsonNode json() {
			try {
				return JSON.readTree(this.body);
			}
			catch (IOException ex) {
				throw new IllegalStateException("Not JSON: " + this.body, ex);
			}
		}

	}

}

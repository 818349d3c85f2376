package io.returnsdesk.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.returnsdesk.support.MasterData;

/**
 * {@code POST /api/returns} as integrations call it: concurrent clients, each with HTTP
 * Basic credentials and a keep-alive connection, one return per original order.
 * <p>
 * Paced, each client sends a request every interval (staggered against the others), and a
 * request's latency counts from when it was due, so that a server falling behind shows in
 * the figures rather than slowing the clients down; at full speed (interval zero) each
 * client sends its next request as soon as it has the answer, which measures how many the
 * server takes per second.
 */
final class CreateLatency {

	/** What the clients measured. */
	record Figures(int requests, int clients, long intervalMs, long millis, double requestsPerSecond, double p50Ms,
			double p99Ms, double maxMs) {

	}

	private final String baseUrl;

	private final String authorization;

	CreateLatency(String baseUrl, String user, String password) {
		this.baseUrl = baseUrl;
		this.authorization = "Basic "
				+ Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	/** Creates a return for each order on the clients, all of which must answer 201. */
	Figures run(List<MasterData.Order> orders, int clients, long intervalMs) throws Exception {
		List<Long> nanos = java.util.Collections.synchronizedList(new ArrayList<>());
		long begin = System.nanoTime();
		long interval = TimeUnit.MILLISECONDS.toNanos(intervalMs);
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		List<Future<?>> work = new ArrayList<>();
		for (int c = 0; c < clients; c++) {
			int client = c;
			work.add(pool.submit(() -> {
				HttpClient http = HttpClient.newBuilder()
					.version(HttpClient.Version.HTTP_1_1)
					.connectTimeout(Duration.ofSeconds(5))
					.build();
				long due = begin + client * interval / clients;
				for (int i = client; i < orders.size(); i += clients) {
					long wait = due - System.nanoTime();
					if (wait > 0) {
						TimeUnit.NANOSECONDS.sleep(wait);
					}
					long start = (interval > 0) ? due : System.nanoTime();
					create(http, orders.get(i));
					nanos.add(System.nanoTime() - start);
					due += interval;
				}
				return null;
			}));
		}
		pool.shutdown();
		for (Future<?> done : work) {
			done.get();
		}
		long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin);
		return new Figures(orders.size(), clients, intervalMs, millis,
				Math.round(orders.size() * 10_000.0 / millis) / 10.0, Percentiles.millis(nanos, 50),
				Percentiles.millis(nanos, 99), Percentiles.millis(nanos, 100));
	}

	private void create(HttpClient http, MasterData.Order order) throws Exception {
		StringBuilder lines = new StringBuilder();
		for (MasterData.OrderLine line : order.lines()) {
			lines.append((lines.length() > 0) ? "," : "")
				.append("{\"sku\":\"%s\",\"lineNo\":%d,\"quantity\":1}".formatted(line.sku(), line.lineNo()));
		}
		String body = """
				{"orderNumber":"%s","reason":"DEFECTIVE","reasonDetail":"Benchmark: the seal was broken",\
				"resolution":"REFUND","lines":[%s]}""".formatted(order.number(), lines);
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.baseUrl + "/api/returns"))
			.header("Authorization", this.authorization)
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build();
		HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		if (answer.statusCode() != 201) {
			throw new IllegalStateException(
					"POST /api/returns for %s: %d %s".formatted(order.number(), answer.statusCode(), answer.body()));
		}
	}

}

package io.returnsdesk.support;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One instance of the application as its own operating-system process
 * ({@code java -jar}), started, killed with SIGKILL and started again on the same
 * database.
 */
public final class AppNode {

	private final String name;

	private final int port;

	private final Path jar;

	private final Path log;

	private final Map<String, String> environment;

	private final List<String> arguments;

	private Process process;

	private int starts;

	public AppNode(String name, int port, Path jar, Path log, Map<String, String> environment, List<String> arguments) {
		this.name = name;
		this.port = port;
		this.jar = jar;
		this.log = log;
		this.environment = environment;
		this.arguments = arguments;
	}

	public String name() {
		return this.name;
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + this.port;
	}

	public int starts() {
		return this.starts;
	}

	public long pid() {
		return this.process.pid();
	}

	public boolean isAlive() {
		return this.process != null && this.process.isAlive();
	}

	/** Starts the jar with the postgres profile (no demo data), appending to its log. */
	public void start() throws IOException {
		this.starts++;
		Files.writeString(this.log,
				"%n==== start %d of %s at %s ====%n".formatted(this.starts, this.name, Instant.now()),
				StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new ArrayList<>(List.of(java, "-Xmx768m", "-jar", this.jar.toString()));
		command.addAll(this.arguments);
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile()));
		builder.environment().keySet().removeIf((key) -> key.startsWith("SPRING_") || key.startsWith("RETURNS_"));
		builder.environment().putAll(this.environment);
		builder.environment().put("PORT", String.valueOf(this.port));
		this.process = builder.start();
	}

	/**
	 * Waits until the node answers an authenticated call of the engine's REST API: the
	 * engine, the deployments and the first administrator are then in place.
	 */
	public void awaitReady(String user, String password, Duration timeout) throws IOException, InterruptedException {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		String auth = HttpApi.basic(user, password);
		long deadline = System.nanoTime() + timeout.toNanos();
		String last = "no answer";
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("%s exited with %d while starting; see %s".formatted(this.name,
						this.process.exitValue(), this.log));
			}
			try {
				HttpResponse<String> answer = http.send(HttpRequest
					.newBuilder(URI.create(baseUrl() + "/engine-rest/process-definition/key/returnRequest"))
					.header("Authorization", auth)
					.timeout(Duration.ofSeconds(5))
					.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
				if (answer.statusCode() == 200) {
					return;
				}
				last = answer.statusCode() + " " + answer.body();
			}
			catch (ConnectException ex) {
				// not listening yet
			}
			catch (IOException ex) {
				// starting: the connection was dropped or timed out
			}
			Thread.sleep(500);
		}
		throw new IllegalStateException(
				"%s did not start within %s (last answer: %s); see %s".formatted(this.name, timeout, last, this.log));
	}

	/** SIGKILL: no shutdown hook, no graceful end of requests, jobs or transactions. */
	public void kill() throws InterruptedException {
		this.process.destroyForcibly();
		this.process.waitFor(30, TimeUnit.SECONDS);
	}

	/** SIGTERM, then SIGKILL after a grace period. */
	public void stop() throws InterruptedException {
		if (this.process == null || !this.process.isAlive()) {
			return;
		}
		this.process.destroy();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
			this.process.waitFor(10, TimeUnit.SECONDS);
		}
	}

	/** Lines of its log that contain the text. */
	public long logLines(String text) throws IOException {
		try (var lines = Files.lines(this.log, StandardCharsets.UTF_8)) {
			return lines.filter((line) -> line.contains(text)).count();
		}
		catch (java.io.UncheckedIOException ex) {
			return -1;
		}
	}

	public Path log() {
		return this.log;
	}

}

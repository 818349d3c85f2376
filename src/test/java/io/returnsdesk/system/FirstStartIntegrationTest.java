package io.returnsdesk.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.returnsdesk.support.AppNode;
import io.returnsdesk.support.FreePorts;
import io.returnsdesk.support.HttpApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A newcomer's first start: the packaged jar with no profile and no setting but an empty
 * data folder seeds the demo, says readiness UP only once the demo is in place, and then
 * logs where to open it and whom to log in as. (How long it takes is measured apart: see
 * the README.)
 */
class FirstStartIntegrationTest {

	private AppNode node;

	@AfterEach
	void stop() throws InterruptedException {
		if (this.node != null) {
			this.node.stop();
		}
	}

	@Test
	void theDemoIsInPlaceWhenReadinessSaysUpAndTheLogSaysWhereAndAsWhom() throws Exception {
		Path dir = Path.of("target", "first-start");
		FileSystemUtils.deleteRecursively(dir);
		Files.createDirectories(dir);
		int port = FreePorts.next();
		// the default run's database, in a folder of its own rather than ./data
		this.node = new AppNode("first-start", port, Path.of(System.getProperty("returns.jar")),
				dir.resolve("node.log"),
				Map.of("RETURNS_DB_URL",
						"jdbc:h2:file:" + dir.toAbsolutePath().resolve("data/returnsdesk") + ";AUTO_SERVER=TRUE"),
				List.of());
		this.node.start();
		awaitReadiness(Duration.ofMinutes(3));

		HttpApi api = new HttpApi(List.of(this.node.baseUrl()), "demo");
		HttpApi.Answer returns = api.get("sales", "/api/returns?size=1");
		assertThat(returns.status()).isEqualTo(200);
		assertThat(returns.json().get("totalElements").asInt()).as("the demo's returns").isGreaterThan(20);
		assertThat(this.node.logLines("Returns desk ready after")).isEqualTo(1);
		assertThat(this.node.logLines(
				"at http://localhost:%d/ (Tasklist http://localhost:%d/camunda/app/tasklist/".formatted(port, port)))
			.isEqualTo(1);
		assertThat(this.node.logLines("Demo users, each with the password 'demo': sales, approver, manager,"
				+ " warehouse, finance, analyst, admin, sales1, warehouse1"))
			.isEqualTo(1);
	}

	private void awaitReadiness(Duration timeout) throws IOException, InterruptedException {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			assertThat(this.node.isAlive()).as("the node runs; see %s", this.node.log()).isTrue();
			try {
				HttpResponse<String> answer = http
					.send(HttpRequest.newBuilder(URI.create(this.node.baseUrl() + "/actuator/health/readiness"))
						.timeout(Duration.ofSeconds(5))
						.build(), HttpResponse.BodyHandlers.ofString());
				if (answer.statusCode() == 200) {
					assertThat(answer.body()).contains("\"UP\"");
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(250);
		}
		throw new AssertionError("not ready within %s; see %s".formatted(timeout, this.node.log()));
	}

}

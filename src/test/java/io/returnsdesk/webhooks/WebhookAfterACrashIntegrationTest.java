package io.returnsdesk.webhooks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.returnsdesk.support.AppNode;
import io.returnsdesk.support.FreePorts;
import io.returnsdesk.support.HttpApi;
import io.returnsdesk.support.MasterData;
import io.returnsdesk.support.NodeCalls;
import io.returnsdesk.support.PostgresTestDatabase;
import io.returnsdesk.support.Sql;
import io.returnsdesk.webhooks.TestReceiver.Received;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A webhook's event is written in the transaction of the step that causes it, and a node
 * that dies after that commit loses nothing: the packaged application runs as a process
 * of its own on PostgreSQL (not the demo profile: the receiver's 127.0.0.1 is
 * allow-listed), its worker is caught in the middle of a delivery (the receiver takes the
 * request and never answers) while a second event waits behind it, committed and unsent,
 * and the node is killed with SIGKILL. Started again, once the first delivery's lease has
 * run out, it sends both: the receiver gets the second once and the first a second time,
 * with the same id and the same signed body, so that it can drop the repeat.
 */
class WebhookAfterACrashIntegrationTest {

	static final String ADMIN = "admin";

	static final String PASSWORD = "crash-check-1";

	static final String CLERK = "clerk1";

	static final String APPROVER = "approver1";

	static final String SECRET = "crash-secret-0123456789";

	Path dir;

	TestReceiver receiver;

	AppNode node;

	@BeforeEach
	void start() throws IOException {
		// the node's log stays for a look after a failure
		this.dir = Files.createDirectories(Path.of("target", "webhook-after-a-crash"));
		Files.deleteIfExists(this.dir.resolve("node.log"));
		this.receiver = new TestReceiver(SECRET);
	}

	@AfterEach
	void stop() throws Exception {
		if (this.node != null) {
			this.node.stop();
		}
		this.receiver.close();
	}

	@Test
	void eventsCommittedBeforeTheNodeDiedAreDeliveredAfterItsRestartWithTheirIds() throws Exception {
		String url = PostgresTestDatabase.url("webhook_after_a_crash");
		// a worker that waits long for an answer, holding its claim for 30 s
		this.node = node("before-the-crash", url, "--returns.webhooks.read-timeout=25s",
				"--returns.webhooks.lease=30s");
		this.node.start();
		this.node.awaitReady(ADMIN, PASSWORD, Duration.ofMinutes(2));
		HttpApi api = new HttpApi(List.of(this.node.baseUrl()), PASSWORD);
		NodeCalls.createUsers(api, ADMIN, PASSWORD, Map.of(CLERK, "sales", APPROVER, "approvers"));
		HttpApi.Answer subscribed = api.post(ADMIN, "/api/webhooks", Map.of("url", this.receiver.url("/hooks"),
				"events", List.of("return.submitted", "return.approved"), "secret", SECRET), Map.of());
		assertThat(subscribed.status()).as(subscribed.body()).isEqualTo(201);
		MasterData.Order order;
		try (Connection db = DriverManager.getConnection(url, "postgres", "")) {
			order = MasterData.seed(db, List.of(true), 2, false).get(0);
		}

		this.receiver.holdRequests();
		String number = NodeCalls.requestOneOfEachLine(api, CLERK, order);
		// the worker is inside the delivery of return.submitted, and holds it
		this.receiver.await((received) -> !received.isEmpty(), Duration.ofSeconds(30));
		assertThat(this.receiver.about(number)).extracting(Received::event).containsExactly("return.submitted");
		NodeCalls.approve(api, APPROVER, number);
		try (Connection db = DriverManager.getConnection(url, "postgres", "")) {
			// return.approved has committed with the step, and waits behind the held one
			Sql.await(db, "select count(*) from webhook_delivery where return_number = '%s' and state = 'PENDING'"
				.formatted(number), 2, Duration.ofSeconds(30));
			assertThat(Sql.number(db,
					"select count(*) from webhook_delivery where return_number = '%s' and claim_token is not null"
						.formatted(number)))
				.as("the delivery claimed when the node dies")
				.isEqualTo(1);
		}
		this.node.kill();
		this.receiver.release();
		assertThat(this.receiver.about(number)).as("nothing more went out before the kill").hasSize(1);

		this.node = node("after-the-restart", url);
		this.node.start();
		this.node.awaitReady(ADMIN, PASSWORD, Duration.ofMinutes(2));

		try (Connection db = DriverManager.getConnection(url, "postgres", "")) {
			Sql.await(db, "select count(*) from webhook_delivery where return_number = '%s' and state = 'DELIVERED'"
				.formatted(number), 2, Duration.ofMinutes(2));
			// a few more turns of the worker: nothing goes out again
			Thread.sleep(3_000);
			assertThat(Sql.rows(db,
					"select event_type, attempts from webhook_delivery where return_number = '%s' order by id"
						.formatted(number)))
				.extracting((row) -> row.get("event_type") + " " + row.get("attempts"))
				.as("the lease that ran out counts as an attempt")
				.containsExactly("return.submitted 2", "return.approved 1");
		}
		List<Received> received = this.receiver.about(number);
		assertThat(received).extracting(Received::event)
			.containsExactlyInAnyOrder("return.submitted", "return.submitted", "return.approved");
		assertThat(received).allMatch(Received::signatureValid);
		List<Received> submitted = received.stream().filter((r) -> r.event().equals("return.submitted")).toList();
		assertThat(submitted.get(1).delivery()).as("the repeat carries the first try's id")
			.isEqualTo(submitted.get(0).delivery());
		assertThat(submitted.get(1).body()).isEqualTo(submitted.get(0).body());
		assertThat(received.stream().map(Received::delivery).distinct()).as("one id per event").hasSize(2);
		assertThat(this.node.logLines("its lease ran out without an outcome")).isEqualTo(1);
	}

	private AppNode node(String name, String url, String... arguments) {
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("SPRING_PROFILES_ACTIVE", "postgres");
		environment.put("POSTGRES_URL", url);
		environment.put("POSTGRES_USER", "postgres");
		environment.put("POSTGRES_PASSWORD", "postgres");
		environment.put("RETURNS_ADMIN_USER", ADMIN);
		environment.put("RETURNS_ADMIN_PASSWORD", PASSWORD);
		environment.put("RETURNS_WEBHOOKS_ALLOWED_HOSTS", "127.0.0.1");
		List<String> args = new ArrayList<>(List.of("--returns.webhooks.poll-interval=1s"));
		args.addAll(List.of(arguments));
		return new AppNode(name, FreePorts.next(), Path.of(System.getProperty("returns.jar")),
				this.dir.resolve("node.log"), environment, args);
	}

}

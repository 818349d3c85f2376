package io.returnsdesk.notification;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.returnsdesk.support.AppNode;
import io.returnsdesk.support.FreePorts;
import io.returnsdesk.support.HttpApi;
import io.returnsdesk.support.MasterData;
import io.returnsdesk.support.NodeCalls;
import io.returnsdesk.support.PostgresTestDatabase;
import io.returnsdesk.support.Sql;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A notification's mails are queued in the transaction of the step that publishes what
 * happened, and a node that dies after that commit, before the mail went out, loses
 * nothing and sends nothing twice: the packaged application runs as a process of its own,
 * its relay is caught inside the SMTP conversation (a server that accepts and never
 * answers) with the mails claimed, and is killed with SIGKILL; started again with a real
 * SMTP server, it sends each mail once.
 */
class MailAfterACrashIntegrationTest {

	static final String ADMIN = "admin";

	static final String PASSWORD = "crash-check-1";

	static final String CLERK = "clerk1";

	static final String APPROVER = "approver1";

	static final String WAREHOUSE = "warehouse1";

	Path dir;

	Tarpit tarpit;

	GreenMail smtp;

	AppNode node;

	@BeforeEach
	void start() throws IOException {
		// the node's log stays for a look after a failure
		this.dir = Files.createDirectories(Path.of("target", "mail-after-a-crash"));
		Files.deleteIfExists(this.dir.resolve("node.log"));
		this.tarpit = new Tarpit();
	}

	@AfterEach
	void stop() throws Exception {
		if (this.node != null) {
			this.node.stop();
		}
		this.tarpit.close();
		if (this.smtp != null) {
			this.smtp.stop();
		}
	}

	@Test
	void mailsQueuedBeforeTheNodeDiedGoOutOnceAfterItsRestart() throws Exception {
		String url = PostgresTestDatabase.url("mail_after_a_crash");
		this.node = node("before-the-crash", url, this.tarpit.port());
		this.node.start();
		this.node.awaitReady(ADMIN, PASSWORD, Duration.ofMinutes(2));
		HttpApi api = new HttpApi(List.of(this.node.baseUrl()), PASSWORD);
		NodeCalls.createUsers(new HttpApi(List.of(this.node.baseUrl()), PASSWORD), ADMIN, PASSWORD,
				Map.of(CLERK, "sales", APPROVER, "approvers", WAREHOUSE, "warehouse"));
		MasterData.Order order;
		try (Connection db = DriverManager.getConnection(url, "postgres", "")) {
			order = MasterData.seed(db, List.of(true), 2, false).get(0);
		}

		String number = NodeCalls.requestOneOfEachLine(api, CLERK, order);
		NodeCalls.approve(api, APPROVER, number);

		// the step has committed: its notification's mails wait in the outbox, and the
		// relay holds them in the middle of the SMTP conversation
		try (Connection db = DriverManager.getConnection(url, "postgres", "")) {
			Sql.await(db,
					"select count(*) from mail_outbox where reference = '%s' and status = 'PENDING'".formatted(number),
					2, Duration.ofSeconds(30));
		}
		assertThat(this.tarpit.awaitCaller(Duration.ofSeconds(30))).as("the relay called the SMTP server").isTrue();
		this.node.kill();

		this.smtp = new GreenMail(new ServerSetup(FreePorts.next(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		this.smtp.start();
		this.node = node("after-the-restart", url, this.smtp.getSmtp().getPort());
		this.node.start();
		this.node.awaitReady(ADMIN, PASSWORD, Duration.ofMinutes(2));

		try (Connection db = DriverManager.getConnection(url, "postgres", "")) {
			Sql.await(db,
					"select count(*) from mail_outbox where reference = '%s' and status = 'SENT'".formatted(number), 2,
					Duration.ofMinutes(1));
			// a few more turns of the relay: nothing goes out again
			Thread.sleep(3_000);
			assertThat(Sql.rows(db,
					"select to_address, status from mail_outbox where reference = '%s' order by id".formatted(number)))
				.extracting((row) -> row.get("to_address") + " " + row.get("status"))
				.containsExactly(CLERK + "@example.com SENT", WAREHOUSE + "@example.com SENT");
		}
		Map<String, Integer> received = new LinkedHashMap<>();
		for (MimeMessage mail : this.smtp.getReceivedMessages()) {
			assertThat(mail.getSubject()).contains(number);
			for (var to : mail.getRecipients(Message.RecipientType.TO)) {
				received.merge(((InternetAddress) to).getAddress(), 1, Integer::sum);
			}
		}
		assertThat(received)
			.containsExactlyInAnyOrderEntriesOf(Map.of(CLERK + "@example.com", 1, WAREHOUSE + "@example.com", 1));
	}

	private AppNode node(String name, String url, int smtpPort) {
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("SPRING_PROFILES_ACTIVE", "postgres");
		environment.put("POSTGRES_URL", url);
		environment.put("POSTGRES_USER", "postgres");
		environment.put("POSTGRES_PASSWORD", "postgres");
		environment.put("RETURNS_ADMIN_USER", ADMIN);
		environment.put("RETURNS_ADMIN_PASSWORD", PASSWORD);
		environment.put("RETURNS_MAIL_ENABLED", "true");
		environment.put("RETURNS_MAIL_HOST", "127.0.0.1");
		environment.put("RETURNS_MAIL_PORT", String.valueOf(smtpPort));
		return new AppNode(name, FreePorts.next(), Path.of(System.getProperty("returns.jar")),
				this.dir.resolve("node.log"), environment, List.of("--returns.mail.poll-interval=1s"));
	}

	/**
	 * An SMTP server that takes connections and never says a word: a relay that calls it
	 * waits inside the conversation, holding the mails it claimed.
	 */
	static final class Tarpit implements AutoCloseable {

		private final ServerSocket server;

		private final List<Socket> callers = new CopyOnWriteArrayList<>();

		private final CountDownLatch called = new CountDownLatch(1);

		Tarpit() throws IOException {
			this.server = new ServerSocket(0);
			Thread accepting = new Thread(() -> {
				while (!this.server.isClosed()) {
					try {
						this.callers.add(this.server.accept());
						this.called.countDown();
					}
					catch (IOException ex) {
						// closed
					}
				}
			}, "smtp-tarpit");
			accepting.setDaemon(true);
			accepting.start();
		}

		int port() {
			return this.server.getLocalPort();
		}

		boolean awaitCaller(Duration timeout) throws InterruptedException {
			return this.called.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}

		@Override
		public void close() throws IOException {
			this.server.close();
			for (Socket caller : this.callers) {
				caller.close();
			}
		}

	}

}

package io.returnsdesk.notification;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import io.returnsdesk.support.Ledgers;
import io.returnsdesk.support.ReturnDriver;
import io.returnsdesk.support.TestUsers;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The zero-setup default database with mail turned on, as a merchant runs it: the relay
 * sends by itself after the commit and on its poll, claims with H2's locking, and sends
 * each mail once also when more relays run at the same time.
 */
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:mail;DB_CLOSE_DELAY=-1", "returns.mail.enabled=true",
		"returns.mail.poll-interval=1s", "returns.mail.batch-size=5" })
@ActiveProfiles("test")
class MailInTheBackgroundOnH2IntegrationTest {

	@RegisterExtension
	static final TestMailServer smtp = new TestMailServer();

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry properties) {
		smtp.pointTheApplicationHere(properties);
	}

	static final String TEAM = "h2team";

	@Autowired
	MailRelay relay;

	@Autowired
	Notifier notifier;

	@Autowired
	ReturnDriver returns;

	@Autowired
	Ledgers ledgers;

	@Autowired
	IdentityService identity;

	@Autowired
	TestUsers users;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void people() {
		this.users.withEmail(ReturnDriver.CLERK, "clerk@shop.example", "secret");
		this.users.withEmail(ReturnDriver.WAREHOUSE_CLERK, "wh1@shop.example", "secret", "warehouse");
		// a team of 24, made once (its first member makes the group)
		if (this.identity.createGroupQuery().groupId(TEAM).count() == 0) {
			for (int i = 1; i <= 24; i++) {
				this.users.withEmail("h2t%02d".formatted(i), "h2t%02d@team.example".formatted(i), "secret", TEAM);
			}
		}
	}

	@AfterEach
	void serverUp() {
		if (!smtp.isRunning()) {
			smtp.start();
		}
	}

	@Test
	void aConfirmedReturnsMailsGoOutByThemselves() throws Exception {
		String number = this.returns.confirmedReturnOfTwoLamps();

		waitFor(() -> smtp.received(number).size() == 4);
		assertThat(smtp.received(number)).containsExactlyInAnyOrder("clerk@shop.example 退货单 " + number + " 已批准",
				"wh1@shop.example 退货单 " + number + " 已批准", "clerk@shop.example 退货单 " + number + " 已确认",
				"wh1@shop.example 退货单 " + number + " 已确认");
		waitFor(() -> this.ledgers.mails(number).stream().allMatch((mail) -> mail.endsWith(" SENT")));
	}

	@Test
	void mailQueuedWhileTheServerIsDownGoesOutByItselfOnceItIsBack() throws Exception {
		smtp.stop();
		String number = this.returns.confirmedReturnOfTwoLamps();
		assertThat(this.ledgers.mails(number)).hasSize(4);
		// the relay has tried, and tells why they wait
		waitFor(() -> this.jdbc.queryForObject("""
				select count(*) from mail_outbox where reference = ? and status = 'PENDING' and attempts = 0
				and last_error like 'The mail server could not be reached%'""", Integer.class, number) == 4);

		smtp.start();

		waitFor(() -> smtp.received(number).size() == 4);
		waitFor(() -> this.ledgers.mails(number).stream().allMatch((mail) -> mail.endsWith(" SENT")));
		Thread.sleep(1500);
		assertThat(smtp.received(number)).hasSize(4).doesNotHaveDuplicates();
	}

	@Test
	void moreRelaysAtOnceOnH2SendEachMailOnce() throws Exception {
		String reference = "RT-H2-" + System.nanoTime();
		this.transaction.executeWithoutResult((status) -> this.notifier.notify(List.of(Recipient.group(TEAM)),
				NotificationKind.RETURN_REJECTED, reference, Map.of("number", reference, "reason", "Not ours")));

		// two more besides the one in the background
		CyclicBarrier start = new CyclicBarrier(2);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			List<Future<Integer>> relays = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				relays.add(threads.submit(() -> {
					start.await(10, TimeUnit.SECONDS);
					return this.relay.sendDue();
				}));
			}
			for (Future<Integer> relay : relays) {
				relay.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			threads.shutdownNow();
		}

		waitFor(() -> this.ledgers.mails(reference).stream().allMatch((mail) -> mail.endsWith(" SENT")));
		Thread.sleep(1500);
		assertThat(smtp.received(reference)).hasSize(24).doesNotHaveDuplicates();
	}

	private static void waitFor(BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("waited 20 s for the relay").isLessThan(deadline);
			Thread.sleep(100);
		}
	}

}

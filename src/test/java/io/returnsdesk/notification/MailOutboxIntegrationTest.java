package io.returnsdesk.notification;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.returnsdesk.catalog.Product;
import io.returnsdesk.engine.EngineTime;
import io.returnsdesk.sales.OriginalOrders;
import io.returnsdesk.sales.TradeOrder;
import io.returnsdesk.support.Ledgers;
import io.returnsdesk.support.PostgresInitializer;
import io.returnsdesk.support.ReturnDriver;
import io.returnsdesk.support.TestFixtures;
import io.returnsdesk.support.TestUsers;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.Pageable;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.transaction.support.TransactionTemplate;

import static io.returnsdesk.support.TestFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;

/**
 * Notifications go out as e-mail through a real SMTP server (GreenMail, in this JVM):
 * each mail is written with its notification, in the step's transaction, and sent after
 * the commit by the relay, which the tests run themselves. Nothing rolled back is sent,
 * nothing is lost while the server is away, nothing is sent twice.
 */
@SpringBootTest(properties = { "returns.mail.batch-size=5", "returns.mail.max-attempts=3",
		"returns.mail.from=退货管理 Returns desk <desk@shop.example>", "returns.mail.desk-url=https://desk.shop.example/" })
@ActiveProfiles("test")
@ContextConfiguration(initializers = MailOutboxIntegrationTest.MailDatabase.class)
class MailOutboxIntegrationTest {

	/** A database of its own: the relay sends every mail that is due. */
	static class MailDatabase extends PostgresInitializer {

		MailDatabase() {
			super("mail");
		}

	}

	@RegisterExtension
	static final TestMailServer smtp = new TestMailServer();

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry properties) {
		smtp.pointTheApplicationHere(properties);
	}

	static final String CLERK_MAIL = "clerk@shop.example";

	static final String WAREHOUSE_MAIL = "wh1@shop.example";

	static final String TEAM = "mailteam";

	@Autowired
	MailRelay relay;

	@Autowired
	Notifier notifier;

	@Autowired
	MailOutbox outbox;

	@Autowired
	OutboxMails mails;

	@Autowired
	TestFixtures fixtures;

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
	Clock clock;

	@MockitoSpyBean
	OriginalOrders orders;

	/**
	 * The clerk reads English; the warehouse clerk has chosen no language and reads the
	 * default, Chinese; a user whose address is no address; a team of many.
	 */
	@BeforeEach
	void people() throws Exception {
		this.users.withEmail(ReturnDriver.CLERK, CLERK_MAIL, "secret");
		this.identity.setUserInfo(ReturnDriver.CLERK, "language", "en");
		this.users.withEmail(ReturnDriver.WAREHOUSE_CLERK, WAREHOUSE_MAIL, "secret", "warehouse");
		this.users.withEmail("broken", "broken at shop", "secret");
		// a team of 24, made once (its first member makes the group)
		if (this.identity.createGroupQuery().groupId(TEAM).count() == 0) {
			for (int i = 1; i <= 24; i++) {
				this.users.withEmail("mt%02d".formatted(i), "mt%02d@team.example".formatted(i), "secret", TEAM);
			}
		}
		// what earlier tests left due is sent now, so that each test counts its own
		this.relay.sendDue();
		smtp.purgeEmailFromAllMailboxes();
	}

	@AfterEach
	void serverUpAndClockBack() {
		if (!smtp.isRunning()) {
			smtp.start();
		}
		EngineTime.reset();
	}

	@Test
	void aConfirmedReturnReachesTheRequesterAndTheWarehouseByMailEachInTheirLanguage() throws Exception {
		String number = this.returns.confirmedReturnOfTwoLamps();
		assertThat(this.ledgers.mails(number)).containsExactly("RETURN_APPROVED clerk@shop.example en PENDING",
				"RETURN_APPROVED wh1@shop.example zh PENDING", "RETURN_CONFIRMED clerk@shop.example en PENDING",
				"RETURN_CONFIRMED wh1@shop.example zh PENDING");
		assertThat(smtp.received(number)).isEmpty();

		assertThat(this.relay.sendDue()).isEqualTo(4);

		assertThat(smtp.received(number)).containsExactlyInAnyOrder(CLERK_MAIL + " Return " + number + " approved",
				WAREHOUSE_MAIL + " 退货单 " + number + " 已批准", CLERK_MAIL + " Return " + number + " confirmed",
				WAREHOUSE_MAIL + " 退货单 " + number + " 已确认");
		MimeMessage confirmed = message(CLERK_MAIL, "Return " + number + " confirmed");
		assertThat(body(confirmed)).contains(
				"Return " + number + " was confirmed by " + ReturnDriver.ACCOUNTANT
						+ ": 19.80 by Cash; stock and finance are posted.",
				"https://desk.shop.example/returns/" + number);
		assertThat(confirmed.getHeader("Content-Language", null)).isEqualTo("en");
		assertThat(confirmed.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
		InternetAddress from = (InternetAddress) confirmed.getFrom()[0];
		assertThat(from.getAddress()).isEqualTo("desk@shop.example");
		assertThat(from.getPersonal()).isEqualTo("退货管理 Returns desk");
		assertThat(body(message(WAREHOUSE_MAIL, "退货单 " + number + " 已确认")))
			.contains("已由 " + ReturnDriver.ACCOUNTANT + " 确认：以现金退款 19.80");
		// the Message-ID comes from the outbox row: a mail sent again after a crash has
		// the
		// same one
		OutboxMail row = this.mails.findByReferenceOrderById(number).get(2);
		assertThat(confirmed.getMessageID()).isEqualTo(this.relay.messageId(row))
			.matches("<returns-desk\\.mail-\\d+\\.notification-\\d+@shop\\.example>");
		assertThat(this.ledgers.mails(number)).allMatch((mail) -> mail.endsWith(" SENT"));
		assertThat(this.mails.findByReferenceOrderById(number)).allSatisfy((mail) -> {
			assertThat(mail.getSentAt()).isNotNull();
			assertThat(mail.getAttempts()).isZero();
			assertThat(mail.getLastError()).isNull();
		});

		// sent is sent: another run sends none of them again
		assertThat(this.relay.sendDue()).isZero();
		assertThat(smtp.received(number)).hasSize(4);
	}

	@Test
	void theMailsOfAPartlyReceivedReturnSayWhatCameBackAndOnWhichDayInEachLanguage() throws Exception {
		Product mug = this.fixtures.product("25.50", 10);
		TradeOrder order = this.fixtures.shippedSale(5, line(mug, 3));
		Instant requested = this.clock.instant().minus(Duration.ofDays(3));
		EngineTime.set(requested);
		String number = this.returns.request(order.getNumber(), "DAMAGED", "REFUND", mug.getSku(), 3);
		this.returns.approve(number, ReturnDriver.APPROVER);
		EngineTime.reset();
		String cameBack = LocalDate.ofInstant(requested, this.clock.getZone()).plusDays(1).toString();
		// three asked, two came back, one of them broken
		Map<String, Object> receipt = ReturnDriver.receipt("{\"1\": 2}", "{\"1\": 1}", cameBack);
		this.returns.process(number, TestFixtures.WAREHOUSE, "ORIGINAL_PAYMENT", "51.00", receipt);
		this.returns.sendBack(number, "The voucher says 45.00");
		this.returns.process(number, TestFixtures.WAREHOUSE, "ORIGINAL_PAYMENT", "45.00", receipt);
		this.returns.confirm(number);
		this.returns.runPostingJob(number);

		this.relay.sendDue();

		assertThat(body(message(CLERK_MAIL, "Return " + number + " confirmed"))).contains("confirmed by "
				+ ReturnDriver.ACCOUNTANT + ": 45.00 by Original payment; stock and finance are posted.\n"
				+ "\nReceived: 2 of 3 unit(s), 1 written off; the goods came back on " + cameBack + ".\n");
		assertThat(body(message(WAREHOUSE_MAIL, "退货单 " + number + " 已确认")))
			.contains("库存和财务已过账。\n\n实收 2/3 件，其中报废 1 件；退货日期 " + cameBack + "。\n");
		// sent back, the warehouse is told what it recorded: in its mail (Chinese), and
		// on the desk in English to a reader who asks for it
		assertThat(body(message(WAREHOUSE_MAIL, "退货单 " + number + " 需重新处理")))
			.contains("The voucher says 45.00\n\n原处理记录：实收 2/3 件，其中报废 1 件；退货日期 " + cameBack + "。\n");
		assertThat(this.notifier.inbox(ReturnDriver.WAREHOUSE_CLERK, List.of("warehouse"), "en", Pageable.unpaged())
			.filter((news) -> news.reference().equals(number) && news.kind() == NotificationKind.PROCESSING_REOPENED))
			.singleElement()
			.satisfies((news) -> assertThat(news.body()).contains("The voucher says 45.00\n\nAs processed: received 2 "
					+ "of 3 unit(s), 1 written off; the goods came back on " + cameBack + ".\n"));
	}

	@Test
	void theConfirmationOfASupplierReturnSaysWhatWasHandedToTheSupplier() throws Exception {
		Product kettle = this.fixtures.product("40.00", 0);
		TradeOrder purchase = this.fixtures.receivedPurchase(3, line(kettle, 20, "24.00"));
		String number = this.returns.request(purchase.getNumber(), "DEFECTIVE", "REFUND", kettle.getSku(), 5);
		this.returns.approveProcessAndConfirm(number, "BANK_TRANSFER", "96.00",
				ReturnDriver.receipt("{\"1\": 4}", null, null));
		String today = LocalDate.now(this.clock).toString();

		this.relay.sendDue();

		assertThat(body(message(CLERK_MAIL, "Return " + number + " confirmed")))
			.contains("\nHanded to the supplier: 4 of 5 unit(s) on " + today + ".\n")
			.doesNotContain("Received:", "came back");
		assertThat(body(message(WAREHOUSE_MAIL, "退货单 " + number + " 已确认")))
			.contains("\n退回供应商 4/5 件，日期 " + today + "。\n")
			.doesNotContain("实收");
	}

	@Test
	void aStepThatRollsBackAfterNotifyingQueuesAndSendsNothing() throws Exception {
		Product kettle = this.fixtures.product("40.00", 5);
		TradeOrder order = this.fixtures.shippedSale(2, line(kettle, 2));
		String number = this.returns.request(order.getNumber(), "DEFECTIVE", "EXCHANGE", kettle.getSku(), 1);
		this.returns.approve(number, ReturnDriver.APPROVER);
		this.returns.process(number, TestFixtures.WAREHOUSE, "STORE_CREDIT", 0, null);
		this.returns.confirm(number);
		// the confirmation has notified (and queued its mails) when the replacement fails
		doThrow(new IllegalStateException("warehouse system is down")).when(this.orders)
			.shipReplacement(eq(order.getNumber()), eq(number), anyString(), anyList());

		assertThatThrownBy(() -> this.returns.runPostingJob(number)).hasMessageContaining("warehouse system is down");

		assertThat(this.ledgers.notifications(number)).doesNotContain("RETURN_CONFIRMED clerk");
		assertThat(this.ledgers.mails(number)).containsExactly("RETURN_APPROVED clerk@shop.example en PENDING",
				"RETURN_APPROVED wh1@shop.example zh PENDING");
		this.relay.sendDue();
		assertThat(smtp.received(number)).containsExactlyInAnyOrder(CLERK_MAIL + " Return " + number + " approved",
				WAREHOUSE_MAIL + " 退货单 " + number + " 已批准");

		// the retried job notifies once, and each of its mails goes out once
		doCallRealMethod().when(this.orders).shipReplacement(any(), any(), any(), any());
		this.returns.runPostingJob(number);
		assertThat(this.relay.sendDue()).isEqualTo(3);
		assertThat(smtp.received(number)).containsExactlyInAnyOrder(CLERK_MAIL + " Return " + number + " approved",
				WAREHOUSE_MAIL + " 退货单 " + number + " 已批准", CLERK_MAIL + " Return " + number + " confirmed",
				WAREHOUSE_MAIL + " 退货单 " + number + " 已确认",
				CLERK_MAIL + " Replacement for return " + number + " raised");
	}

	@Test
	void anUnreachableServerLosesNothingAndEveryMailArrivesOnceWhenItIsBack() throws Exception {
		smtp.stop();
		String number = this.returns.confirmedReturnOfTwoLamps();

		assertThat(this.relay.sendDue()).isZero();
		EngineTime.set(Instant.now().plus(Duration.ofHours(5)));
		assertThat(this.relay.sendDue()).isZero();

		// not the mails' fault: none is charged an attempt, all wait, the reason kept
		assertThat(this.ledgers.mails(number)).hasSize(4).allMatch((mail) -> mail.endsWith(" PENDING"));
		assertThat(this.mails.findByReferenceOrderById(number)).allSatisfy((mail) -> {
			assertThat(mail.getAttempts()).isZero();
			assertThat(mail.getLastError()).startsWith("The mail server could not be reached");
		});

		smtp.start();
		assertThat(this.relay.sendDue()).isEqualTo(4);
		assertThat(this.relay.sendDue()).isZero();

		assertThat(smtp.received(number)).containsExactlyInAnyOrder(CLERK_MAIL + " Return " + number + " approved",
				WAREHOUSE_MAIL + " 退货单 " + number + " 已批准", CLERK_MAIL + " Return " + number + " confirmed",
				WAREHOUSE_MAIL + " 退货单 " + number + " 已确认");
		assertThat(this.ledgers.mails(number)).allMatch((mail) -> mail.endsWith(" SENT"));
	}

	@Test
	void aMailThatKeepsFailingIsFailedAfterTheMostAttemptsWithItsErrorAndCanBeQueuedAgain() throws Exception {
		Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		EngineTime.set(start);
		String reference = "RT-MAIL-" + System.nanoTime();
		notify(reference, List.of(Recipient.user("broken"), Recipient.user(ReturnDriver.CLERK)));

		// the clerk's mail is not held up by the broken one
		assertThat(this.relay.sendDue()).isEqualTo(1);
		assertThat(smtp.received(reference)).containsExactly(CLERK_MAIL + " Return " + reference + " rejected");
		OutboxMail broken = brokenMail(reference);
		assertThat(broken.getStatus()).isEqualTo(MailStatus.PENDING);
		assertThat(broken.getAttempts()).isEqualTo(1);
		assertThat(broken.getNextAttemptAt()).isEqualTo(start.plusSeconds(30));
		assertThat(broken.getLastError()).isNotBlank();

		// not due before its time
		EngineTime.set(start.plusSeconds(29));
		this.relay.sendDue();
		assertThat(brokenMail(reference).getAttempts()).isEqualTo(1);

		// 30 s, then twice as long
		EngineTime.set(start.plusSeconds(31));
		this.relay.sendDue();
		assertThat(brokenMail(reference).getAttempts()).isEqualTo(2);
		assertThat(brokenMail(reference).getNextAttemptAt()).isEqualTo(start.plusSeconds(31 + 60));

		EngineTime.set(start.plusSeconds(31 + 61));
		this.relay.sendDue();
		broken = brokenMail(reference);
		assertThat(broken.getStatus()).isEqualTo(MailStatus.FAILED);
		assertThat(broken.getAttempts()).isEqualTo(3);
		assertThat(broken.getLastError()).isNotBlank();
		String error = broken.getLastError();

		// failed stays failed, visible, not tried again
		EngineTime.set(start.plus(Duration.ofDays(1)));
		this.relay.sendDue();
		assertThat(brokenMail(reference).getStatus()).isEqualTo(MailStatus.FAILED);
		assertThat(brokenMail(reference).getLastError()).isEqualTo(error);
		assertThat(this.outbox.mails(MailStatus.FAILED, Pageable.unpaged())).extracting(OutboxMail::getId)
			.contains(broken.getId());

		// an administrator queues it again: tried at once, attempts counted afresh
		this.outbox.requeue(broken.getId());
		assertThat(brokenMail(reference).getStatus()).isEqualTo(MailStatus.PENDING);
		this.relay.sendDue();
		assertThat(brokenMail(reference).getAttempts()).isEqualTo(1);
		assertThat(smtp.received(reference)).hasSize(1);
	}

	@Test
	void twoRelaysAtOnceSendEachMailOnce() throws Exception {
		String reference = "RT-MAIL-" + System.nanoTime();
		notify(reference, List.of(Recipient.group(TEAM)));
		assertThat(this.ledgers.mails(reference)).hasSize(24);

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
			int sent = 0;
			for (Future<Integer> relay : relays) {
				sent += relay.get(60, TimeUnit.SECONDS);
			}
			assertThat(sent).isEqualTo(24);
		}
		finally {
			threads.shutdownNow();
		}

		List<String> received = smtp.received(reference);
		assertThat(received).hasSize(24).doesNotHaveDuplicates();
		assertThat(received).contains("mt01@team.example 退货单 " + reference + " 被驳回",
				"mt24@team.example 退货单 " + reference + " 被驳回");
		assertThat(this.ledgers.mails(reference)).allMatch((mail) -> mail.endsWith(" SENT"));
	}

	@Test
	void typedTextGoesIntoTheMailAsTyped() throws Exception {
		String reference = "RT-MAIL-" + System.nanoTime();
		String reason = "<script>alert(1)</script> [(${deskUrl})] 50% off & \"more\"\nsecond line";
		this.transaction
			.executeWithoutResult((status) -> this.notifier.notify(List.of(Recipient.user(ReturnDriver.CLERK)),
					NotificationKind.RETURN_REJECTED, reference,
					Notifier.facts("number", reference, "approver", "approver1", "reason", reason)));

		this.relay.sendDue();

		assertThat(body(message(CLERK_MAIL, "Return " + reference + " rejected"))).contains(reason);
	}

	private void notify(String reference, List<Recipient> recipients) {
		this.transaction
			.executeWithoutResult((status) -> this.notifier.notify(recipients, NotificationKind.RETURN_REJECTED,
					reference, Map.of("number", reference, "approver", "approver1", "reason", "Not ours")));
	}

	private OutboxMail brokenMail(String reference) {
		return this.mails.findByReferenceOrderById(reference)
			.stream()
			.filter((mail) -> mail.getRecipientUser().equals("broken"))
			.findFirst()
			.orElseThrow();
	}

	private static MimeMessage message(String to, String subject) throws MessagingException {
		for (MimeMessage message : smtp.getReceivedMessages()) {
			if (message.getSubject().equals(subject) && message.getAllRecipients()[0].toString().equals(to)) {
				return message;
			}
		}
		throw new AssertionError("No mail to " + to + " with subject " + subject);
	}

	private static String body(MimeMessage message) throws MessagingException, IOException {
		return ((String) message.getContent()).replace("\r\n", "\n");
	}

}

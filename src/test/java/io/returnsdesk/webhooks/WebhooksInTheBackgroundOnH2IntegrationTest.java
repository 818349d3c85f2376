package io.returnsdesk.webhooks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import io.returnsdesk.catalog.Product;
import io.returnsdesk.sales.TradeOrder;
import io.returnsdesk.support.ReturnDriver;
import io.returnsdesk.support.TestFixtures;
import io.returnsdesk.webhooks.TestReceiver.Received;
import io.returnsdesk.webhooks.internal.WebhookRelay;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import static io.returnsdesk.support.TestFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The zero-setup default database with the worker on, as a merchant runs it: the events
 * go out by themselves after the commit and on the worker's poll, each once and signed; a
 * receiver that fails gets the same event again until it answers 2xx, or the delivery is
 * DEAD and redelivered on request with the same id; more workers at once, claiming with
 * H2's locking, send each delivery once.
 */
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:webhooks;DB_CLOSE_DELAY=-1",
		"returns.webhooks.enabled=true", "returns.webhooks.poll-interval=300ms" })
@ActiveProfiles("test")
class WebhooksInTheBackgroundOnH2IntegrationTest {

	static final String SECRET = "h2-secret-abcdefghijkl";

	@Autowired
	Webhooks webhooks;

	@Autowired
	WebhookRelay relay;

	@Autowired
	ReturnDriver returns;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	TestReceiver receiver;

	@BeforeEach
	void start() throws Exception {
		this.webhooks.subscriptions().forEach((subscription) -> this.webhooks.unsubscribe(subscription.id()));
		this.receiver = new TestReceiver(SECRET);
	}

	@AfterEach
	void stop() {
		this.receiver.close();
	}

	@Test
	void aConfirmedReturnsEventsGoOutByThemselvesOnceEach() throws Exception {
		subscribe(WebhookEvent.codes());
		String number = this.returns.confirmedReturnOfTwoLamps();

		this.receiver.await((received) -> this.receiver.about(number).size() >= 4, Duration.ofSeconds(20));
		waitFor(() -> states(number).equals(List.of("DELIVERED", "DELIVERED", "DELIVERED", "DELIVERED")));
		Thread.sleep(1000);
		List<Received> received = this.receiver.about(number);
		assertThat(received).extracting(Received::event)
			.containsExactly("return.submitted", "return.approved", "return.processed", "return.confirmed");
		assertThat(received).allMatch(Received::signatureValid);
		assertThat(received).extracting(Received::delivery).doesNotHaveDuplicates();
	}

	@Test
	void aFailingReceiverGetsTheSameEventAgainUntilItTakesIt() throws Exception {
		subscribe(List.of("return.submitted"));
		this.receiver.answer(500, 503);
		String number = requestedReturn();

		waitFor(() -> states(number).equals(List.of("DELIVERED")));
		List<Received> received = this.receiver.about(number);
		assertThat(received).hasSize(3).allMatch(Received::signatureValid);
		assertThat(received).extracting(Received::delivery).containsOnly(received.get(0).delivery());
	}

	@Test
	void aDeadLetterIsRedeliveredWithTheSameId() throws Exception {
		subscribe(List.of("return.submitted"));
		this.receiver.answerByDefault(500);
		String number = requestedReturn();

		waitFor(() -> states(number).equals(List.of("DEAD")));
		WebhookDeliveryView letter = this.webhooks.deliveries(DeliveryState.DEAD, PageRequest.of(0, 200))
			.stream()
			.filter((delivery) -> delivery.returnNumber().equals(number))
			.findFirst()
			.orElseThrow();
		assertThat(letter.attempts()).isEqualTo(3);
		this.receiver.answerByDefault(204);
		this.webhooks.redeliver(letter.id());

		waitFor(() -> states(number).equals(List.of("DELIVERED")));
		assertThat(this.receiver.about(number)).hasSize(4)
			.extracting(Received::delivery)
			.containsOnly(letter.eventId().toString());
	}

	@Test
	void moreWorkersAtOnceOnH2SendEachDeliveryOnce() throws Exception {
		subscribe(List.of("return.submitted"));
		subscribe(List.of("return.submitted"));
		List<String> numbers = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			numbers.add(requestedReturn());
		}

		// two more besides the one in the background
		CyclicBarrier start = new CyclicBarrier(2);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			List<Future<Integer>> workers = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				workers.add(threads.submit(() -> {
					start.await(10, TimeUnit.SECONDS);
					return this.relay.deliverDue();
				}));
			}
			for (Future<Integer> worker : workers) {
				worker.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			threads.shutdownNow();
		}

		for (String number : numbers) {
			waitFor(() -> states(number).equals(List.of("DELIVERED", "DELIVERED")));
		}
		Thread.sleep(1000);
		for (String number : numbers) {
			// one event, two subscribers: the same id twice, each sent once
			List<Received> received = this.receiver.about(number);
			assertThat(received).hasSize(2);
			assertThat(received).extracting(Received::delivery).containsOnly(received.get(0).delivery());
		}
	}

	private void subscribe(List<String> events) {
		this.webhooks.subscribe(this.receiver.url("/hooks"), events, SECRET, "h2admin");
	}

	private String requestedReturn() {
		Product lamp = this.fixtures.product("12.00", 10);
		TradeOrder order = this.fixtures.shippedSale(1, line(lamp, 2));
		return this.returns.request(order.getNumber(), "DEFECTIVE", "REFUND", lamp.getSku(), 1);
	}

	private List<String> states(String number) {
		return this.jdbc.queryForList("select state from webhook_delivery where return_number = ? order by id",
				String.class, number);
	}

	private static void waitFor(BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("waited 20 s for the worker").isLessThan(deadline);
			Thread.sleep(100);
		}
	}

}

package io.returnsdesk.webhooks;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.returnsdesk.catalog.Product;
import io.returnsdesk.sales.TradeOrder;
import io.returnsdesk.support.IntegrationTest;
import io.returnsdesk.support.ReturnDriver;
import io.returnsdesk.support.TestFixtures;
import io.returnsdesk.support.TestUsers;
import io.returnsdesk.webhooks.TestReceiver.Received;
import io.returnsdesk.webhooks.internal.WebhookRelay;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;

import static io.returnsdesk.support.Logins.as;
import static io.returnsdesk.support.TestFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An administrator subscribes a receiver on this machine to events of returns; real
 * returns go through the process; the worker (run by the test) POSTs each event once,
 * signed, after the commit, retries what the receiver refuses with backoff, keeps a dead
 * letter that the administrator redelivers with the same id, and a deleted webhook gets
 * nothing more. Secrets are never answered, and targets on the machine or a private
 * network are refused. On the embedded PostgreSQL; the test profile allows 127.0.0.1 by
 * name, tries 3 times, 200 ms apart at first.
 */
@IntegrationTest
@AutoConfigureMockMvc
class WebhookDeliveryIntegrationTest {

	static final String ADMIN = "hookadmin";

	static final String SECRET = "whsec-" + "k7Qx9vLm2PzR4tYb";

	static final AtomicInteger RUNS = new AtomicInteger();

	static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	MockMvc mvc;

	@Autowired
	WebhookRelay relay;

	@Autowired
	Webhooks webhooks;

	@Autowired
	ReturnDriver returns;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transaction;

	TestReceiver receiver;

	@BeforeEach
	void start() throws Exception {
		this.users.ensure(ADMIN, TestUsers.PASSWORD, "camunda-admin");
		this.users.ensure("hooksales", TestUsers.PASSWORD, "sales");
		// other tests' webhooks on this database receive nothing of this one's returns
		this.webhooks.subscriptions().forEach((subscription) -> this.webhooks.unsubscribe(subscription.id()));
		this.receiver = new TestReceiver(SECRET);
	}

	@AfterEach
	void stop() {
		this.receiver.close();
	}

	@Test
	void eachSubscribedEventArrivesOnceSignedAndTellsTheReturnAsItStands() throws Exception {
		long id = subscribe(this.receiver.url("/hooks/returns"), "return.submitted", "return.approved",
				"return.processed", "return.confirmed");
		String number = this.returns.confirmedReturnOfTwoLamps();
		String rejected = rejectedReturn();

		assertThat(this.receiver.received()).as("nothing is sent inside the transaction of the change").isEmpty();
		this.relay.deliverDue();
		this.relay.deliverDue();

		List<Received> received = this.receiver.about(number);
		assertThat(received).extracting(Received::event)
			.containsExactly("return.submitted", "return.approved", "return.processed", "return.confirmed");
		assertThat(this.receiver.about(rejected)).as("return.rejected is not subscribed")
			.extracting(Received::event)
			.containsExactly("return.submitted");
		for (Received request : received) {
			assertThat(request.method()).isEqualTo("POST");
			assertThat(request.path()).isEqualTo("/hooks/returns");
			assertThat(request.contentType()).isEqualTo("application/json");
			assertThat(request.signatureValid()).as("the signature of %s", request.body()).isTrue();
			JsonNode body = request.json();
			assertThat(body.path("id").asText()).isEqualTo(request.delivery());
			assertThat(body.path("type").asText()).isEqualTo(request.event());
			assertThat(body.path("occurredAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
			JsonNode data = body.path("data");
			assertThat(data.path("returnNumber").asText()).isEqualTo(number);
			assertThat(data.path("type").asText()).isEqualTo("CUSTOMER");
			assertThat(data.path("storeCode").asText()).isEqualTo(TestFixtures.STORE);
			assertThat(data.path("orderNumber").asText()).startsWith("SO-");
			assertThat(data.path("totalAmount").decimalValue()).isEqualByComparingTo("19.80");
			assertThat(data.has("rejectionReason") && data.path("rejectionReason").isNull()).isTrue();
			assertThat(request.body()).doesNotContain(SECRET).doesNotContain(ReturnDriver.CLERK + "\"");
		}
		assertThat(received).extracting((request) -> request.json().path("data").path("status").asText())
			.containsExactly("SUBMITTED", "APPROVED", "PROCESSED", "CONFIRMED");
		assertThat(received).extracting((request) -> request.json().path("data").path("refundMethod").asText())
			.containsExactly("null", "null", "CASH", "CASH");
		assertThat(received.get(3).json().path("data").path("refundAmount").decimalValue())
			.isEqualByComparingTo("19.80");
		assertThat(received).extracting(Received::delivery).doesNotHaveDuplicates();
		assertThat(this.jdbc.queryForList(
				"select state, attempts, last_status from webhook_delivery where subscription_id = ? order by id", id))
			.hasSize(5)
			.allSatisfy((row) -> assertThat(row).containsEntry("state", "DELIVERED")
				.containsEntry("attempts", 1)
				.containsEntry("last_status", 200));
	}

	@Test
	void aRejectionTellsItsReason() throws Exception {
		subscribe(this.receiver.url("/hooks"), "return.rejected");
		String rejected = rejectedReturn();

		this.relay.deliverDue();

		List<Received> received = this.receiver.about(rejected);
		assertThat(received).hasSize(1);
		assertThat(received.get(0).signatureValid()).isTrue();
		JsonNode data = received.get(0).json().path("data");
		assertThat(data.path("status").asText()).isEqualTo("REJECTED");
		assertThat(data.path("rejectionReason").asText()).isEqualTo("No photo of the dent");
		assertThat(data.path("refundAmount").isNull()).isTrue();
	}

	@Test
	void aReceiverThatFailsTwiceGetsTheSameEventAThirdTimeAndItIsDelivered() throws Exception {
		long id = subscribe(this.receiver.url("/hooks"), "return.submitted");
		this.receiver.answer(500, 500);
		String number = requestedReturn();

		deliverUntil(() -> state(id).equals("DELIVERED"));

		List<Received> received = this.receiver.about(number);
		assertThat(received).hasSize(3);
		assertThat(received).extracting(Received::delivery).containsOnly(received.get(0).delivery());
		assertThat(received).extracting(Received::body).containsOnly(received.get(0).body());
		assertThat(received).allMatch(Received::signatureValid);
		assertThat(this.jdbc.queryForMap(
				"select state, attempts, last_status, last_error from webhook_delivery where subscription_id = ?", id))
			.containsEntry("attempts", 3)
			.containsEntry("last_status", 200)
			.containsEntry("last_error", null);
	}

	@Test
	void aReceiverThatAlwaysFailsLeavesADeadLetterThatIsRedeliveredWithTheSameId() throws Exception {
		long subscription = subscribe(this.receiver.url("/hooks"), "return.submitted");
		this.receiver.answerByDefault(500);
		String number = requestedReturn();

		deliverUntil(() -> state(subscription).equals("DEAD"));
		Thread.sleep(1200);
		this.relay.deliverDue();
		assertThat(this.receiver.about(number)).as("max-attempts 3").hasSize(3);

		MvcResult dead = this.mvc.perform(as(ADMIN, get("/api/webhooks/deliveries?state=DEAD&size=200")))
			.andExpect(status().isOk())
			.andReturn();
		JsonNode letter = null;
		for (JsonNode row : JSON.readTree(dead.getResponse().getContentAsString()).path("content")) {
			if (row.path("returnNumber").asText().equals(number)) {
				letter = row;
			}
		}
		assertThat(letter).as("the dead letter in the API").isNotNull();
		assertThat(letter.path("attempts").asInt()).isEqualTo(3);
		assertThat(letter.path("lastStatus").asInt()).isEqualTo(500);
		assertThat(letter.path("lastError").asText()).isEqualTo("The subscriber answered HTTP 500");
		assertThat(letter.path("eventId").asText()).isEqualTo(this.receiver.about(number).get(0).delivery());

		this.receiver.answerByDefault(200);
		this.mvc.perform(as(ADMIN, post("/api/webhooks/deliveries/{id}/redeliver", letter.path("id").asLong())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("PENDING"))
			.andExpect(jsonPath("$.eventId").value(letter.path("eventId").asText()));
		this.relay.deliverDue();

		List<Received> received = this.receiver.about(number);
		assertThat(received).hasSize(4);
		assertThat(received).extracting(Received::delivery).containsOnly(letter.path("eventId").asText());
		assertThat(received.get(3).body()).isEqualTo(received.get(0).body());
		assertThat(state(subscription)).isEqualTo("DELIVERED");
		// delivered once more, on request: still the same id
		this.mvc.perform(as(ADMIN, post("/api/webhooks/deliveries/{id}/redeliver", letter.path("id").asLong())))
			.andExpect(status().isOk());
		this.mvc.perform(as(ADMIN, post("/api/webhooks/deliveries/{id}/redeliver", letter.path("id").asLong())))
			.andExpect(status().isConflict());
		this.relay.deliverDue();
		assertThat(this.receiver.about(number)).hasSize(5)
			.extracting(Received::delivery)
			.containsOnly(letter.path("eventId").asText());
	}

	@Test
	void aDeletedWebhookGetsNothingMoreAndItsPendingDeliveriesStop() throws Exception {
		long id = subscribe(this.receiver.url("/hooks"), "return.submitted", "return.approved");
		String number = requestedReturn();

		this.mvc.perform(as(ADMIN, delete("/api/webhooks/{id}", id))).andExpect(status().isNoContent());
		this.returns.approve(number, ReturnDriver.APPROVER);
		this.relay.deliverDue();

		assertThat(this.receiver.received()).isEmpty();
		assertThat(
				this.jdbc.queryForList("select state, last_error from webhook_delivery where subscription_id = ?", id))
			.containsExactly(Map.of("state", "DEAD", "last_error", "The subscription was deleted"));
		long delivery = this.jdbc.queryForObject("select id from webhook_delivery where subscription_id = ?",
				Long.class, id);
		this.mvc.perform(as(ADMIN, post("/api/webhooks/deliveries/{id}/redeliver", delivery)))
			.andExpect(status().isConflict());
		this.mvc.perform(as(ADMIN, delete("/api/webhooks/{id}", id))).andExpect(status().isNotFound());
		this.mvc.perform(as(ADMIN, get("/api/webhooks/{id}", id))).andExpect(status().isNotFound());
		this.mvc.perform(as(ADMIN, get("/api/webhooks")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.id == %d)]", id).doesNotExist());
	}

	@Test
	void aChangeThatRollsBackQueuesNothing() throws Exception {
		long id = subscribe(this.receiver.url("/hooks"), "return.submitted");
		Product lamp = this.fixtures.product("12.00", 10);
		TradeOrder order = this.fixtures.shippedSale(1, line(lamp, 2));
		this.transaction.executeWithoutResult((status) -> {
			this.returns.request(order.getNumber(), "DEFECTIVE", "REFUND", lamp.getSku(), 1);
			status.setRollbackOnly();
		});

		this.relay.deliverDue();

		assertThat(this.jdbc.queryForObject("select count(*) from webhook_delivery where subscription_id = ?",
				Long.class, id))
			.isZero();
		assertThat(this.receiver.received()).isEmpty();
	}

	@Test
	void theSecretIsNeverAnswered() throws Exception {
		String secret = "never-answered-" + RUNS.incrementAndGet() + "-x9Lq";
		MvcResult created = this.mvc
			.perform(as(ADMIN, post("/api/webhooks")).contentType(MediaType.APPLICATION_JSON)
				.content(JSON.writeValueAsString(Map.of("url", this.receiver.url("/hooks"), "events",
						List.of("return.approved"), "secret", secret))))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/webhooks/")))
			.andExpect(jsonPath("$.secret").doesNotExist())
			.andExpect(jsonPath("$.events[0]").value("return.approved"))
			.andExpect(jsonPath("$.createdBy").value(ADMIN))
			.andReturn();
		String location = created.getResponse().getHeader("Location");
		requestedReturn();
		List<String> answers = List.of(created.getResponse().getContentAsString(),
				this.mvc.perform(as(ADMIN, get(location)))
					.andExpect(status().isOk())
					.andReturn()
					.getResponse()
					.getContentAsString(),
				this.mvc.perform(as(ADMIN, get("/api/webhooks"))).andReturn().getResponse().getContentAsString(),
				this.mvc.perform(as(ADMIN, get("/api/webhooks/deliveries?size=200")))
					.andReturn()
					.getResponse()
					.getContentAsString());
		assertThat(answers).noneMatch((answer) -> answer.contains(secret) || answer.contains("secret"));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					localhost, the machine itself     | http://localhost:8080/hooks | return.approved | url | loopback
					a private address                 | http://10.0.0.1/hooks | return.approved | url | private address
					a private address of 192.168      | https://192.168.1.20/hooks | return.approved | url | private address
					IPv6 loopback                     | http://[::1]:8080/hooks | return.approved | url | loopback
					the cloud's metadata              | http://169.254.169.254/latest | return.approved | url | link-local
					not http                          | ftp://files.example.com/x | return.approved | url | absolute http or https
					a relative URL                    | /hooks | return.approved | url | absolute http or https
					no URL                            | '' | return.approved | url | Give the URL
					an unknown event                  | http://127.0.0.1:9/hooks | return.deleted | events | 'return.deleted' is not an event
					""")
	void refusesWhatWillNotDoAndWritesNothing(String what, String url, String event, String field, String detail)
			throws Exception {
		assertRefused(Map.of("url", url, "events", List.of(event), "secret", SECRET), field, detail);
	}

	@Test
	void refusesNoEventsAndSecretsTooShortOrTooLong() throws Exception {
		String url = this.receiver.url("/hooks");
		assertRefused(Map.of("url", url, "events", List.of(), "secret", SECRET), "events", "at least one event");
		assertRefused(Map.of("url", url, "events", List.of("return.approved"), "secret", "x".repeat(15)), "secret",
				"16 to 200 characters");
		assertRefused(Map.of("url", url, "events", List.of("return.approved"), "secret", "x".repeat(201)), "secret",
				"16 to 200 characters");
		assertRefused(Map.of("url", url, "events", List.of("return.approved")), "secret", "16 to 200 characters");
	}

	@Test
	void onlyAdministratorsKeepWebhooks() throws Exception {
		String body = JSON.writeValueAsString(
				Map.of("url", this.receiver.url("/hooks"), "events", List.of("return.approved"), "secret", SECRET));
		long before = subscriptions();
		this.mvc.perform(as("hooksales", post("/api/webhooks")).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("Only camunda-admin may keep")));
		this.mvc.perform(as("hooksales", get("/api/webhooks"))).andExpect(status().isForbidden());
		this.mvc.perform(as("hooksales", get("/api/webhooks/deliveries"))).andExpect(status().isForbidden());
		this.mvc.perform(as("hooksales", delete("/api/webhooks/1"))).andExpect(status().isForbidden());
		this.mvc.perform(as("hooksales", post("/api/webhooks/deliveries/1/redeliver")))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/api/webhooks").contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/webhooks")).andExpect(status().isUnauthorized());
		assertThat(subscriptions()).isEqualTo(before);
	}

	private void assertRefused(Map<String, Object> request, String field, String detail) throws Exception {
		long before = subscriptions();
		this.mvc
			.perform(as(ADMIN, post("/api/webhooks")).contentType(MediaType.APPLICATION_JSON)
				.content(JSON.writeValueAsString(request)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value(field))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(detail)));
		assertThat(subscriptions()).as("nothing written").isEqualTo(before);
	}

	private long subscriptions() {
		return this.jdbc.queryForObject("select count(*) from webhook_subscription", Long.class);
	}

	private long subscribe(String url, String... events) throws Exception {
		MvcResult created = this.mvc
			.perform(as(ADMIN, post("/api/webhooks")).contentType(MediaType.APPLICATION_JSON)
				.content(JSON.writeValueAsString(Map.of("url", url, "events", List.of(events), "secret", SECRET))))
			.andExpect(status().isCreated())
			.andReturn();
		return JSON.readTree(created.getResponse().getContentAsString()).path("id").asLong();
	}

	private String requestedReturn() {
		Product lamp = this.fixtures.product("12.00", 10);
		TradeOrder order = this.fixtures.shippedSale(1, line(lamp, 2));
		return this.returns.request(order.getNumber(), "DEFECTIVE", "REFUND", lamp.getSku(), 1);
	}

	private String rejectedReturn() {
		Product kettle = this.fixtures.product("89.00", 10);
		TradeOrder order = this.fixtures.shippedSale(2, line(kettle, 2));
		String number = this.returns.request(order.getNumber(), "DAMAGED", "REFUND", kettle.getSku(), 1);
		this.returns.reject(number, "No photo of the dent");
		return number;
	}

	private String state(long subscription) {
		return this.jdbc.queryForObject("select state from webhook_delivery where subscription_id = ?", String.class,
				subscription);
	}

	private void deliverUntil(java.util.function.BooleanSupplier done) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (!done.getAsBoolean()) {
			assertThat(System.nanoTime()).as("waited 20 s for the deliveries").isLessThan(deadline);
			this.relay.deliverDue();
			Thread.sleep(100);
		}
	}

}

package io.returnsdesk.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.returnsdesk.catalog.Party;
import io.returnsdesk.catalog.PartyKind;
import io.returnsdesk.catalog.Product;
import io.returnsdesk.returns.process.ReturnProcess;
import io.returnsdesk.sales.TradeOrder;
import io.returnsdesk.support.Logins;
import io.returnsdesk.support.ReturnDriver;
import io.returnsdesk.support.TestFixtures;
import io.returnsdesk.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static io.returnsdesk.support.TestFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Customer self-service through its API, on each database (the subclasses): a customer's
 * return enters the same process as a clerk's, is followed without a word of the staff,
 * every "who are you" failure gets the same bytes, bad input changes nothing, and the
 * rate limit holds per address and per number. Each test calls from an address of its
 * own, so that the limit of one test's address is not spent by another's calls.
 */
abstract class PublicReturnsChecks {

	static final String PHONE = "13912345678";

	static final String OTHER_PHONE = "13887654321";

	private static final AtomicInteger ADDRESSES = new AtomicInteger();

	private static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	MockMvc mvc;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	ReturnDriver driver;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PublicDoorSettings limits;

	Product kettle;

	Party customer;

	TradeOrder order;

	String address;

	@BeforeEach
	void aCustomerWithAShippedOrder() {
		this.users.ensure("pubapprover", TestUsers.PASSWORD, "approvers");
		this.users.ensure("pubsales", TestUsers.PASSWORD, "sales");
		this.kettle = this.fixtures.product("Kettle", "89.00", 10);
		this.customer = this.fixtures.customer(PHONE);
		this.order = this.fixtures.shippedSale(this.fixtures.store(), this.customer, 3, line(this.kettle, 3));
		this.address = "10.77.%d.%d".formatted(ADDRESSES.get() / 250, 1 + ADDRESSES.getAndIncrement() % 250);
	}

	@Test
	void aCustomersReturnEntersTheProcessAsTheCustomersAndAnyApproverMayApproveIt() throws Exception {
		MockHttpServletResponse created = call(post("/api/public/returns").contentType(MediaType.APPLICATION_JSON)
			.content(body(this.order.getNumber(), "5678", "DAMAGED", "The lid is dented", this.kettle.getSku(), 2)));

		assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
		JsonNode answer = JSON.readTree(created.getContentAsString());
		String number = answer.path("number").asText();
		assertThat(created.getHeader(HttpHeaders.LOCATION)).isEqualTo("/api/public/returns/" + number);
		assertThat(created.getHeader(HttpHeaders.SET_COOKIE)).as("no session for the public door").isNull();
		assertThat(answer.path("status").asText()).isEqualTo("SUBMITTED");
		assertThat(answer.path("totalAmount").decimalValue()).isEqualByComparingTo("178.00");
		assertThat(this.driver.instance(number)).as("the return's process").isNotNull();

		JsonNode desk = JSON.readTree(this.mvc.perform(Logins.as("pubsales", get("/api/returns/" + number)))
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(desk.path("channel").asText()).isEqualTo("CUSTOMER");
		assertThat(desk.path("requestedBy").asText()).isEqualTo("customer:" + this.customer.getCode());
		assertThat(desk.path("resolution").asText()).isEqualTo("REFUND");
		assertThat(desk.path("lines").get(0).path("unitPrice").decimalValue()).isEqualByComparingTo("89.00");

		this.driver.approve(number, "pubapprover");
		assertThat(follow(number, "5678").path("status").asText()).isEqualTo("APPROVED");
	}

	@Test
	void theCustomerFollowsTheTimelineWithTheRejectionsReasonAndNoNameOfTheStaff() throws Exception {
		String number = JSON
			.readTree(call(post("/api/public/returns").contentType(MediaType.APPLICATION_JSON)
				.content(body(this.order.getNumber(), "5678", "NO_LONGER_NEEDED", null, this.kettle.getSku(), 1)))
				.getContentAsString())
			.path("number")
			.asText();
		this.driver.reject(number, "pubapprover", "Opened goods of this kind are not taken back");

		MockHttpServletResponse followed = call(
				get("/api/public/returns/" + number).param("phoneLast4", "5678").header("Accept-Language", "en"));

		assertThat(followed.getStatus()).isEqualTo(200);
		String text = followed.getContentAsString();
		JsonNode answer = JSON.readTree(text);
		assertThat(answer.path("status").asText()).isEqualTo("REJECTED");
		List<String> steps = new ArrayList<>();
		answer.path("timeline").forEach((step) -> steps.add(step.path("status").asText()));
		assertThat(steps).containsExactly("SUBMITTED", "REJECTED");
		JsonNode rejected = answer.path("timeline").get(1);
		assertThat(rejected.path("reason").asText()).isEqualTo("Opened goods of this kind are not taken back");
		assertThat(rejected.path("text").asText()).isEqualTo("Your request was not approved.");
		assertThat(text).doesNotContain("pubapprover")
			.doesNotContain("customer:")
			.doesNotContain(this.customer.getName())
			.doesNotContain(PHONE);
		// the customer cannot revise on the desk: a clerk of sales does it for them
		assertThat(this.driver.task(number, ReturnProcess.TASK_REVISE)).isNotNull();
		this.mvc.perform(Logins.as("pubsales", post("/api/returns/" + number + "/withdraw")))
			.andExpect((result) -> assertThat(result.getResponse().getStatus()).isEqualTo(200));
		assertThat(follow(number, "5678").path("status").asText()).isEqualTo("WITHDRAWN");
	}

	@Test
	void everyWhoAreYouFailureGetsTheSameBytes() throws Exception {
		Party other = this.fixtures.customer(OTHER_PHONE);
		TradeOrder othersOrder = this.fixtures.shippedSale(this.fixtures.store(), other, 2, line(this.kettle, 1));
		TradeOrder purchase = this.fixtures.receivedPurchase(2, line(this.kettle, 1));
		TradeOrder withoutPhone = this.fixtures.shippedSale(3, line(this.kettle, 1));
		String clerksReturn = this.driver.request(othersOrder.getNumber(), "DAMAGED", "REFUND", this.kettle.getSku(),
				1);
		String supplierReturn = this.driver.request(purchase.getNumber(), "DAMAGED", "REFUND", this.kettle.getSku(), 1);
		long returnsBefore = returns();

		Map<String, MockHttpServletRequestBuilder> refused = new java.util.LinkedHashMap<>();
		refused.put("wrong phone", order(this.order.getNumber(), "1234"));
		refused.put("unknown order", order("SO-NOSUCH-0001", "5678"));
		refused.put("another customer's order", order(othersOrder.getNumber(), "5678"));
		refused.put("a purchase order", order(purchase.getNumber(), "0000"));
		refused.put("an order without a phone", order(withoutPhone.getNumber(), "0000"));
		refused.put("ask: wrong phone", ask(this.order.getNumber(), "1234"));
		refused.put("ask: unknown order", ask("SO-NOSUCH-0002", "5678"));
		refused.put("ask: another customer's order", ask(othersOrder.getNumber(), "5678"));
		refused.put("ask: a purchase order", ask(purchase.getNumber(), "0000"));
		refused.put("follow: unknown return", get("/api/public/returns/RT-19990101-0001").param("phoneLast4", "5678"));
		refused.put("follow: another's return", get("/api/public/returns/" + clerksReturn).param("phoneLast4", "5678"));
		refused.put("follow: wrong phone", get("/api/public/returns/" + clerksReturn).param("phoneLast4", "5679"));
		refused.put("follow: a supplier return",
				get("/api/public/returns/" + supplierReturn).param("phoneLast4", "0000"));

		Set<String> bodies = new HashSet<>();
		for (Map.Entry<String, MockHttpServletRequestBuilder> each : refused.entrySet()) {
			MockHttpServletResponse answer = call(each.getValue());
			assertThat(answer.getStatus()).as(each.getKey()).isEqualTo(404);
			assertThat(answer.getContentType()).as(each.getKey()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			bodies.add(java.util.HexFormat.of().formatHex(answer.getContentAsByteArray()));
		}
		assertThat(bodies).as("the bodies of every refusal, byte by byte").hasSize(1);
		assertThat(returns()).isEqualTo(returnsBefore);
		// the customer's own digits open the other customer's order: the refusal was the
		// phone's
		assertThat(call(order(othersOrder.getNumber(), "4321")).getStatus()).isEqualTo(200);
	}

	@Test
	void badInputIsAProblemAndChangesNothing() throws Exception {
		long returnsBefore = returns();
		Map<String, String> bodies = new java.util.LinkedHashMap<>();
		bodies.put("phoneLast4", body(this.order.getNumber(), "56a8", "DAMAGED", "Dented", this.kettle.getSku(), 1));
		bodies.put("lines", body(this.order.getNumber(), "5678", "DAMAGED", "Dented", this.kettle.getSku(), 4));
		bodies.put("reasonDetail", body(this.order.getNumber(), "5678", "OTHER", null, this.kettle.getSku(), 1));
		bodies.put("reason", body(this.order.getNumber(), "5678", "BORED", "x", this.kettle.getSku(), 1));
		for (Map.Entry<String, String> each : bodies.entrySet()) {
			MockHttpServletResponse answer = call(
					post("/api/public/returns").contentType(MediaType.APPLICATION_JSON).content(each.getValue()));
			assertThat(answer.getStatus()).as(answer.getContentAsString()).isEqualTo(422);
			JsonNode problem = JSON.readTree(answer.getContentAsString());
			assertThat(problem.path("detail").asText()).as(each.getKey()).isNotBlank();
			assertThat(problem.path("field").asText()).as(problem.toString()).startsWith(each.getKey());
		}
		MockHttpServletResponse malformed = call(
				post("/api/public/returns").contentType(MediaType.APPLICATION_JSON).content("{\"orderNumber\":"));
		assertThat(malformed.getStatus()).isEqualTo(400);
		assertThat(call(order(this.order.getNumber(), "12345")).getStatus()).isEqualTo(422);
		assertThat(returns()).isEqualTo(returnsBefore);
	}

	@Test
	void oneAddressIsLimitedWhateverTheNumbers() throws Exception {
		int calls = this.limits.perAddress().calls();
		for (int i = 0; i < calls; i++) {
			assertThat(call(order("SO-LIMIT-" + this.address + "-" + i, "5678")).getStatus()).isEqualTo(404);
		}
		MockHttpServletResponse refused = call(order(this.order.getNumber(), "5678"));

		assertTooMany(refused);
		// another address is not held up
		this.address = this.address + "9";
		assertThat(call(order(this.order.getNumber(), "5678")).getStatus()).isEqualTo(200);
	}

	@Test
	void oneNumberIsLimitedWhateverTheAddresses() throws Exception {
		int calls = this.limits.perNumber().calls();
		String base = this.address;
		for (int i = 0; i < calls; i++) {
			this.address = base + ".n" + i;
			assertThat(call(order(this.order.getNumber(), "0000")).getStatus()).isEqualTo(404);
		}
		this.address = base + ".other";
		MockHttpServletResponse refused = call(order(this.order.getNumber(), "5678"));

		assertTooMany(refused);
		// the asking door counts the same number
		MockHttpServletResponse asked = call(ask(this.order.getNumber(), "5678"));
		assertTooMany(asked);
	}

	private static void assertTooMany(MockHttpServletResponse refused) throws Exception {
		assertThat(refused.getStatus()).isEqualTo(429);
		assertThat(Long.parseLong(refused.getHeader(HttpHeaders.RETRY_AFTER))).isPositive();
		assertThat(refused.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		assertThat(JSON.readTree(refused.getContentAsString()).path("detail").asText()).contains("try again in");
	}

	private MockHttpServletRequestBuilder order(String number, String phoneLast4) {
		return get("/api/public/orders/" + number).param("phoneLast4", phoneLast4);
	}

	private MockHttpServletRequestBuilder ask(String number, String phoneLast4) throws Exception {
		return post("/api/public/returns").contentType(MediaType.APPLICATION_JSON)
			.content(body(number, phoneLast4, "DAMAGED", "Dented", this.kettle.getSku(), 1));
	}

	private JsonNode follow(String number, String phoneLast4) throws Exception {
		return JSON
			.readTree(call(get("/api/public/returns/" + number).param("phoneLast4", phoneLast4)).getContentAsString());
	}

	private MockHttpServletResponse call(MockHttpServletRequestBuilder request) throws Exception {
		String from = this.address;
		RequestPostProcessor address = (r) -> {
			r.setRemoteAddr(from);
			return r;
		};
		return this.mvc.perform(request.with(address)).andReturn().getResponse();
	}

	private long returns() {
		return this.jdbc.queryForObject("select count(*) from return_order", Long.class);
	}

	private static String body(String orderNumber, String phoneLast4, String reason, String detail, String sku,
			int quantity) throws Exception {
		Map<String, Object> body = new java.util.LinkedHashMap<>();
		body.put("orderNumber", orderNumber);
		body.put("phoneLast4", phoneLast4);
		body.put("reason", reason);
		body.put("reasonDetail", detail);
		body.put("lines", List.of(Map.of("sku", sku, "quantity", quantity)));
		return JSON.writeValueAsString(body);
	}

}

package io.returnsdesk.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.returnsdesk.catalog.Product;
import io.returnsdesk.returns.process.ReturnProcess;
import io.returnsdesk.sales.TradeOrder;
import io.returnsdesk.support.Footprint;
import io.returnsdesk.support.IntegrationTest;
import io.returnsdesk.support.Ledgers;
import io.returnsdesk.support.ReturnDriver;
import io.returnsdesk.support.TestFixtures;
import io.returnsdesk.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static io.returnsdesk.support.Logins.as;
import static io.returnsdesk.support.TestFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The Idempotency-Key of the writing calls: a client that sends a request again gets the
 * first answer and nothing happens twice, also when both copies arrive at once.
 */
@IntegrationTest
@AutoConfigureMockMvc
class IdempotencyApiIntegrationTest {

	static final String CLERK = "idemclerk";

	static final String OTHER_CLERK = "idemclerk2";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	ReturnDriver driver;

	@Autowired
	Ledgers ledgers;

	@Autowired
	Footprint footprint;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcTemplate jdbc;

	Product lamp;

	TradeOrder order;

	String key;

	@BeforeEach
	void shipFourLamps() {
		this.users.ensure(CLERK, TestUsers.PASSWORD, "sales");
		this.users.ensure(OTHER_CLERK, TestUsers.PASSWORD, "sales");
		this.lamp = this.fixtures.product("159.00", 5);
		this.order = this.fixtures.shippedSale(4, line(this.lamp, 4));
		this.key = UUID.randomUUID().toString();
	}

	@Test
	void theSameKeyWithTheSameRequestAnswersTheFirstAnswerAgainAndCreatesNothing() throws Exception {
		MockHttpServletResponse first = this.mvc.perform(create(CLERK, this.key, body(1)))
			.andExpect(status().isCreated())
			.andExpect(header().doesNotExist(Idempotency.REPLAYED))
			.andReturn()
			.getResponse();
		Map<String, Long> afterFirst = this.footprint.now();

		// the same request, written differently: the key stands for what the API read
		MockHttpServletResponse again = this.mvc
			.perform(create(CLERK, this.key, body(1).replace(",", " , ").replace("\"quantity\":1", "\"quantity\": 1")))
			.andExpect(status().isCreated())
			.andExpect(content().contentType(MediaType.APPLICATION_JSON))
			.andExpect(header().string(Idempotency.REPLAYED, "true"))
			.andReturn()
			.getResponse();

		assertThat(again.getHeader("Location")).isEqualTo(first.getHeader("Location")).startsWith("/api/returns/RT-");
		assertThat(again.getContentAsString()).isEqualTo(first.getContentAsString())
			.contains("\"status\":\"SUBMITTED\"");
		assertThat(this.footprint.now()).isEqualTo(afterFirst);
		assertThat(keys(CLERK, this.key)).isEqualTo(1);
	}

	@Test
	void theSameKeyWithAnotherRequestIsRefusedAndChangesNothing() throws Exception {
		this.mvc.perform(create(CLERK, this.key, body(1))).andExpect(status().isCreated());
		Map<String, Long> before = this.footprint.now();

		this.mvc.perform(create(CLERK, this.key, body(2)))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.field").value("Idempotency-Key"))
			.andExpect(jsonPath("$.detail")
				.value("This Idempotency-Key was used for a different request; send a new key with a new request"));

		assertThat(this.footprint.now()).isEqualTo(before);
	}

	@Test
	void keysArePerUser() throws Exception {
		String mine = location(this.mvc.perform(create(CLERK, this.key, body(1)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse());

		String theirs = location(this.mvc.perform(create(OTHER_CLERK, this.key, body(1)))
			.andExpect(status().isCreated())
			.andExpect(header().doesNotExist(Idempotency.REPLAYED))
			.andExpect(jsonPath("$.requestedBy").value(OTHER_CLERK))
			.andReturn()
			.getResponse());

		assertThat(theirs).isNotEqualTo(mine);
	}

	@Test
	void aRefusedRequestKeepsNoKeySoTheCorrectedRequestMayUseIt() throws Exception {
		Map<String, Long> before = this.footprint.now();

		this.mvc.perform(create(CLERK, this.key, body(5)))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.detail").value("Only 4 unit(s) of %s were shipped on order %s; 5 asked"
				.formatted(this.lamp.getSku(), this.order.getNumber())));
		assertThat(this.footprint.now()).isEqualTo(before);

		this.mvc.perform(create(CLERK, this.key, body(4)))
			.andExpect(status().isCreated())
			.andExpect(header().doesNotExist(Idempotency.REPLAYED));
	}

	@ParameterizedTest(name = "[{0}]")
	@ValueSource(strings = { "", "with space", "tab\tinside", "ключ", "é" })
	void refusesAKeyThatIsNotVisibleAscii(String badKey) throws Exception {
		assertKeyRefused(badKey);
	}

	@Test
	void refusesAKeyOfMoreThanAHundredCharacters() throws Exception {
		this.mvc.perform(create(CLERK, "k".repeat(100), body(1))).andExpect(status().isCreated());
		assertKeyRefused("k".repeat(101));
	}

	@Test
	void twoRequestsWithOneKeyAtOnceCreateExactlyOneReturn() throws Exception {
		Map<String, Long> before = this.footprint.now();
		CountDownLatch start = new CountDownLatch(1);
		Callable<MockHttpServletResponse> send = () -> {
			start.await();
			return this.mvc.perform(create(CLERK, this.key, body(1))).andReturn().getResponse();
		};
		ExecutorService clients = Executors.newFixedThreadPool(2);
		List<MockHttpServletResponse> answers = new ArrayList<>();
		try {
			Future<MockHttpServletResponse> first = clients.submit(send);
			Future<MockHttpServletResponse> second = clients.submit(send);
			start.countDown();
			answers.add(first.get());
			answers.add(second.get());
		}
		finally {
			clients.shutdown();
		}

		assertThat(answers).extracting(MockHttpServletResponse::getStatus).containsExactly(201, 201);
		assertThat(answers.get(0).getHeader("Location")).isEqualTo(answers.get(1).getHeader("Location"));
		assertThat(answers.get(0).getContentAsString()).isEqualTo(answers.get(1).getContentAsString());
		assertThat(answers).filteredOn((answer) -> answer.getHeader(Idempotency.REPLAYED) != null).hasSize(1);
		Map<String, Long> after = this.footprint.now();
		assertThat(after.get("returns")).isEqualTo(before.get("returns") + 1);
		assertThat(after.get("process instances")).isEqualTo(before.get("process instances") + 1);
		assertThat(after.get("idempotency keys")).isEqualTo(before.get("idempotency keys") + 1);
	}

	@Test
	void aKeyExpiresAfterADayAndExpiredKeysAreDeleted() throws Exception {
		String first = location(this.mvc.perform(create(CLERK, this.key, body(1))).andReturn().getResponse());
		this.jdbc.update("update idempotency_key set created_at = created_at - interval '25' hour "
				+ "where user_id = ? and idempotency_key = ?", CLERK, this.key);
		this.jdbc.update(
				"insert into idempotency_key (user_id, idempotency_key, request_hash, response_status, "
						+ "created_at) values (?, ?, ?, 201, current_timestamp - interval '3' day)",
				OTHER_CLERK, "forgotten", "0".repeat(64));

		String second = location(this.mvc.perform(create(CLERK, this.key, body(1)))
			.andExpect(status().isCreated())
			.andExpect(header().doesNotExist(Idempotency.REPLAYED))
			.andReturn()
			.getResponse());

		assertThat(second).isNotEqualTo(first);
		assertThat(keys(CLERK, this.key)).isEqualTo(1);
		assertThat(keys(OTHER_CLERK, "forgotten")).isZero();
	}

	@Test
	void revisingAgainWithTheSameKeyAnswersTheRevisionAgainInsteadOfAConflict() throws Exception {
		String number = rejectedReturn();
		String revised = this.mvc.perform(revise(number, this.key, body(2)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("SUBMITTED"))
			.andExpect(jsonPath("$.lines[0].quantity").value(2))
			.andReturn()
			.getResponse()
			.getContentAsString();
		Map<String, Long> afterFirst = this.footprint.now();

		this.mvc.perform(revise(number, this.key, body(2)))
			.andExpect(status().isOk())
			.andExpect(header().string(Idempotency.REPLAYED, "true"))
			.andExpect(content().string(revised));
		// without the key it is what it is: a second revision of a submitted return
		this.mvc.perform(revise(number, null, body(2))).andExpect(status().isConflict());

		assertThat(this.footprint.now()).isEqualTo(afterFirst);
		assertThat(this.driver.task(number, ReturnProcess.TASK_APPROVE)).isNotNull();
	}

	@Test
	void withdrawingAgainWithTheSameKeyAnswersTheWithdrawalAgain() throws Exception {
		String number = rejectedReturn();
		String withdrawn = this.mvc.perform(withdraw(number, this.key))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("WITHDRAWN"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		Map<String, Long> afterFirst = this.footprint.now();

		this.mvc.perform(withdraw(number, this.key))
			.andExpect(status().isOk())
			.andExpect(header().string(Idempotency.REPLAYED, "true"))
			.andExpect(content().string(withdrawn));
		// the key stands for this call on this return: on another it is another request
		this.mvc.perform(withdraw(rejectedReturn(), this.key)).andExpect(status().isUnprocessableEntity());

		assertThat(this.ledgers.status(number)).isEqualTo("WITHDRAWN");
	}

	@Test
	void aRefusedWithdrawalKeepsNoKey() throws Exception {
		String number = location(this.mvc.perform(create(CLERK, null, body(1)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()).substring("/api/returns/".length());
		Map<String, Long> before = this.footprint.now();

		this.mvc.perform(withdraw(number, this.key))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value("Return %s is SUBMITTED and cannot be withdrawn".formatted(number)));

		assertThat(this.footprint.now()).isEqualTo(before);
	}

	private void assertKeyRefused(String badKey) throws Exception {
		Map<String, Long> before = this.footprint.now();

		this.mvc.perform(create(CLERK, badKey, body(1)))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.field").value("Idempotency-Key"))
			.andExpect(jsonPath("$.detail").value("The Idempotency-Key must be 1 to 100 visible ASCII characters "
					+ "(letters, digits, punctuation; no spaces), such as a UUID"));

		assertThat(this.footprint.now()).isEqualTo(before);
	}

	private String rejectedReturn() throws Exception {
		String number = location(this.mvc.perform(create(CLERK, null, body(1)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()).substring("/api/returns/".length());
		this.driver.reject(number, "Which lamp?");
		return number;
	}

	private int keys(String user, String key) {
		return this.jdbc.queryForObject(
				"select count(*) from idempotency_key where user_id = ? and idempotency_key = ?", Integer.class, user,
				key);
	}

	private static String location(MockHttpServletResponse response) {
		return response.getHeader("Location");
	}

	private MockHttpServletRequestBuilder create(String user, String key, String body) {
		return keyed(post("/api/returns"), user, key).contentType(MediaType.APPLICATION_JSON).content(body);
	}

	private MockHttpServletRequestBuilder revise(String number, String key, String body) {
		return keyed(put("/api/returns/" + number), CLERK, key).contentType(MediaType.APPLICATION_JSON).content(body);
	}

	private MockHttpServletRequestBuilder withdraw(String number, String key) {
		return keyed(post("/api/returns/%s/withdraw".formatted(number)), CLERK, key);
	}

	private static MockHttpServletRequestBuilder keyed(MockHttpServletRequestBuilder request, String user, String key) {
		as(user, request);
		return (key != null) ? request.header(Idempotency.HEADER, key) : request;
	}

	private String body(int quantity) {
		return """
				{"orderNumber":"%s","reason":"DAMAGED","reasonDetail":"Cracked","resolution":"REFUND",
				 "lines":[{"sku":"%s","quantity":%d}]}""".formatted(this.order.getNumber(), this.lamp.getSku(),
				quantity);
	}

}

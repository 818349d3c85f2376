package io.returnsdesk.web;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.returnsdesk.catalog.Product;
import io.returnsdesk.sales.TradeOrder;
import io.returnsdesk.support.IntegrationTest;
import io.returnsdesk.support.Ledgers;
import io.returnsdesk.support.ReturnDriver;
import io.returnsdesk.support.TestFixtures;
import io.returnsdesk.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static io.returnsdesk.support.Logins.as;
import static io.returnsdesk.support.TestFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The API as a client uses it: what it answers, and that a refused request changes
 * nothing.
 */
@IntegrationTest
@AutoConfigureMockMvc
class ReturnApiIntegrationTest {

	static final String USER = "apiclerk";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	ReturnDriver driver;

	@Autowired
	Ledgers ledgers;

	@Autowired
	TestUsers users;

	Product lamp;

	TradeOrder order;

	@BeforeEach
	void shipTwoLamps() {
		this.users.ensure(USER, TestUsers.PASSWORD, "sales");
		this.lamp = this.fixtures.product("159.00", 5);
		this.order = this.fixtures.shippedSale(4, line(this.lamp, 2));
	}

	@Test
	void createsReturnWithNumberPricesFromTheOrderAndStatusSubmitted() throws Exception {
		String body = """
				{"orderNumber":"%s","reason":"DAMAGED","reasonDetail":"Cracked glass","resolution":"REFUND",
				 "lines":[{"sku":"%s","quantity":1}]}""".formatted(this.order.getNumber(), this.lamp.getSku());
		String location = this.mvc
			.perform(as(USER, post("/api/returns")).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", matchesPattern("/api/returns/RT-\\d{8}-\\d{4}")))
			.andExpect(jsonPath("$.status").value("SUBMITTED"))
			.andExpect(jsonPath("$.type").value("CUSTOMER"))
			.andExpect(jsonPath("$.channel").value("DESK"))
			.andExpect(jsonPath("$.requestedBy").value(USER))
			.andExpect(jsonPath("$.lines[0].unitPrice").value(159.00))
			.andExpect(jsonPath("$.lines[0].amount").value(159.00))
			.andExpect(jsonPath("$.totalAmount").value(159.00))
			.andReturn()
			.getResponse()
			.getHeader("Location");

		this.mvc.perform(as(USER, get(location)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.reasonDetail").value("Cracked glass"))
			.andExpect(jsonPath("$.history[0].status").value("SUBMITTED"));
		this.mvc.perform(as(USER, get("/api/orders/" + this.order.getNumber())))
			.andExpect(jsonPath("$.lines[0].returnableQuantity").value(1))
			.andExpect(jsonPath("$.lines[0].shippedQuantity").value(2));
		String number = location.substring(location.lastIndexOf('/') + 1);
		this.mvc.perform(as(USER, get("/api/returns")).param("q", number))
			.andExpect(jsonPath("$.totalElements").value(1))
			.andExpect(jsonPath("$.content[0].number").value(number));
		this.mvc.perform(as(USER, get("/api/returns")).param("q", number).param("status", "CONFIRMED"))
			.andExpect(jsonPath("$.totalElements").value(0));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			value = { "zero quantity|0|must be more than zero", "negative quantity|-1|must be more than zero",
					"fractional quantity|1.5|must be a whole number", "more than shipped|3|were shipped",
					"absurd quantity|99999999999999999999|were shipped" })
	void refusesBadQuantitiesAndChangesNothing(String name, String quantity, String message) throws Exception {
		int before = this.ledgers.count("return_order");
		postReturn(this.order.getNumber(), "DAMAGED", "REFUND", this.lamp.getSku(), quantity)
			.andExpect(status().isUnprocessableEntity())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail", containsString(message)))
			.andExpect(jsonPath("$.field").value("lines"));
		assertThat(this.ledgers.count("return_order")).isEqualTo(before);
	}

	@Test
	void refusesUnknownOrderSkuReasonAndResolution() throws Exception {
		postReturn("SO-NOPE", "DAMAGED", "REFUND", this.lamp.getSku(), "1").andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.detail").value("There is no order SO-NOPE"));
		postReturn(this.order.getNumber(), "DAMAGED", "REFUND", "NO-SUCH-SKU", "1")
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.detail").value("NO-SUCH-SKU is not on order " + this.order.getNumber()));
		postReturn(this.order.getNumber(), "BORED", "REFUND", this.lamp.getSku(), "1")
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.field").value("reason"))
			.andExpect(jsonPath("$.detail", containsString("'BORED' is not a reason")));
		postReturn(this.order.getNumber(), "DAMAGED", "SWAP", this.lamp.getSku(), "1")
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.field").value("resolution"));
	}

	@Test
	void refusesOrderNotShippedYet() throws Exception {
		TradeOrder open = this.fixtures.openSale(line(this.lamp, 1));
		postReturn(open.getNumber(), "DAMAGED", "REFUND", this.lamp.getSku(), "1")
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.detail", containsString("has not been shipped yet")));
	}

	@Test
	void countsOtherPendingReturnsAgainstTheShippedQuantity() throws Exception {
		postReturn(this.order.getNumber(), "DAMAGED", "REFUND", this.lamp.getSku(), "2")
			.andExpect(status().isCreated());
		postReturn(this.order.getNumber(), "DAMAGED", "REFUND", this.lamp.getSku(), "1")
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.detail", startsWith("Only 0 unit(s) of " + this.lamp.getSku())));
	}

	@Test
	void twoClerksAskingForTheLastUnitAtOnceOnlyOneWins() throws Exception {
		TradeOrder single = this.fixtures.shippedSale(1, line(this.lamp, 1));
		CountDownLatch start = new CountDownLatch(1);
		Callable<Integer> ask = () -> {
			start.await();
			return postReturn(single.getNumber(), "DAMAGED", "REFUND", this.lamp.getSku(), "1").andReturn()
				.getResponse()
				.getStatus();
		};
		ExecutorService clerks = Executors.newFixedThreadPool(2);
		try {
			Future<Integer> first = clerks.submit(ask);
			Future<Integer> second = clerks.submit(ask);
			start.countDown();
			assertThat(java.util.List.of(first.get(), second.get())).containsExactlyInAnyOrder(201, 422);
		}
		finally {
			clerks.shutdown();
		}
	}

	@Test
	void answersProblemsForMalformedJsonUnknownReturnAndBadParameters() throws Exception {
		this.mvc
			.perform(
					as(USER, post("/api/returns")).contentType(MediaType.APPLICATION_JSON).content("{\"orderNumber\":"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail", startsWith("The request body is not the JSON")));
		this.mvc.perform(as(USER, get("/api/returns/RT-19990101-0001")))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("There is no return RT-19990101-0001"));
		this.mvc.perform(as(USER, get("/api/returns")).param("status", "LOST"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("status"))
			.andExpect(jsonPath("$.detail").value("'LOST' is not a valid value for status; "
					+ "choose one of SUBMITTED, APPROVED, PROCESSED, CONFIRMED, REJECTED, WITHDRAWN"));
		this.mvc.perform(as(USER, get("/api/orders")).param("size", "100000"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("size"));
	}

	@Test
	void refusesRequestsWithoutValidLogin() throws Exception {
		this.mvc.perform(get("/api/returns"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail")
				.value("Log in first: send HTTP Basic credentials, or call from the desk after its login"))
			.andExpect(header().doesNotExist("WWW-Authenticate"));
		this.mvc.perform(get("/api/returns").with(httpBasic(USER, "wrong"))).andExpect(status().isUnauthorized());
	}

	@Test
	void showsStockLedgerAndPostingsOfAConfirmedReturn() throws Exception {
		String number = this.driver.confirmedReturn(this.order.getNumber(), "BANK_TRANSFER", "300.00",
				this.lamp.getSku(), 2);
		this.mvc.perform(as(USER, get("/api/stock")).param("sku", this.lamp.getSku()))
			.andExpect(jsonPath("$[0].warehouseCode").value(TestFixtures.WAREHOUSE))
			.andExpect(jsonPath("$[0].onHand").value(5));
		this.mvc.perform(as(USER, get("/api/stock/movements")).param("returnNumber", number))
			.andExpect(jsonPath("$[0].kind").value("CUSTOMER_RETURN"))
			.andExpect(jsonPath("$[0].quantity").value(2))
			.andExpect(jsonPath("$[0].returnNumber").value(number));
		// the books are finance's: a clerk is refused them
		this.mvc.perform(as(USER, get("/api/finance/postings")).param("returnNumber", number))
			.andExpect(status().isForbidden());
		this.users.ensure("apifinance", TestUsers.PASSWORD, "finance");
		// 300.00 refunded: 265.49 net and 34.51 VAT at 13 %; two lamps back at 79.50 each
		this.mvc.perform(as("apifinance", get("/api/finance/postings")).param("returnNumber", number))
			.andExpect(jsonPath("$[*].account").value(contains("6001", "2221.01", "1002", "1405", "6401")))
			.andExpect(jsonPath("$[0].debit").value(265.49))
			.andExpect(jsonPath("$[1].debit").value(34.51))
			.andExpect(jsonPath("$[2].credit").value(300.00))
			.andExpect(jsonPath("$[3].debit").value(159.00))
			.andExpect(jsonPath("$[4].credit").value(159.00));
		this.mvc.perform(as(USER, get("/api/returns")).param("status", "CONFIRMED"))
			.andExpect(jsonPath("$.content[*].number", hasItem(number)));
	}

	private ResultActions postReturn(String orderNumber, String reason, String resolution, String sku, String quantity)
			throws Exception {
		String body = """
				{"orderNumber":"%s","reason":"%s","resolution":"%s","lines":[{"sku":"%s","quantity":%s}]}"""
			.formatted(orderNumber, reason, resolution, sku, quantity);
		return this.mvc.perform(as(USER, post("/api/returns")).contentType(MediaType.APPLICATION_JSON).content(body));
	}

}

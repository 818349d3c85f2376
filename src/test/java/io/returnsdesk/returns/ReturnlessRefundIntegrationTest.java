package io.returnsdesk.returns;

import io.returnsdesk.catalog.Product;
import io.returnsdesk.sales.TradeOrder;
import io.returnsdesk.support.IntegrationTest;
import io.returnsdesk.support.Ledgers;
import io.returnsdesk.support.ReturnDriver;
import io.returnsdesk.support.TestFixtures;
import io.returnsdesk.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static io.returnsdesk.support.Logins.as;
import static io.returnsdesk.support.TestFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A returnless refund as the API shows it: the quote says the customer keeps the goods
 * below 30.00 a unit and not at 30.00; once refunded, the return holds its units (none
 * returnable on the order), received none, its books move no stock, and the return-rate
 * report counts its units as returned and apart, as kept by the customer.
 */
@IntegrationTest
@AutoConfigureMockMvc
class ReturnlessRefundIntegrationTest {

	static final String CLERK = "keepclerk";

	static final String ANALYST = "keepanalyst";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	TestUsers users;

	@Autowired
	ReturnDriver returns;

	@Autowired
	Ledgers ledgers;

	Product cheap;

	Product dear;

	TradeOrder order;

	@BeforeEach
	void shipTwoOfEach() {
		this.users.ensure(CLERK, TestUsers.PASSWORD, "sales");
		this.users.ensure(ANALYST, TestUsers.PASSWORD, "analysts");
		this.cheap = this.fixtures.product("29.99", 10);
		this.dear = this.fixtures.product("30.00", 10);
		this.order = this.fixtures.shippedSale(3, line(this.cheap, 2), line(this.dear, 2));
	}

	@Test
	void quoteSaysWhenTheCustomerKeepsTheGoods() throws Exception {
		int saved = this.ledgers.count("return_order");

		quote("WRONG_ITEM", "REFUND", this.cheap).andExpect(status().isOk())
			.andExpect(jsonPath("$.returnless").value(true))
			.andExpect(jsonPath("$.refundAmount").value(59.98));
		quote("WRONG_ITEM", "REFUND", this.dear).andExpect(status().isOk())
			.andExpect(jsonPath("$.returnless").value(false));
		quote("DEFECTIVE", "REFUND", this.cheap).andExpect(status().isOk())
			.andExpect(jsonPath("$.returnless").value(false));
		quote("WRONG_ITEM", "EXCHANGE", this.cheap).andExpect(status().isOk())
			.andExpect(jsonPath("$.returnless").value(false));

		assertThat(this.ledgers.count("return_order")).isEqualTo(saved);
	}

	@Test
	void refundedReturnlessReturnHoldsItsUnitsAndMovesNoStock() throws Exception {
		String number = this.returns.request(this.order.getNumber(), "WRONG_ITEM", "REFUND", this.cheap.getSku(), 2);
		this.returns.approve(number, ReturnDriver.APPROVER);
		this.returns.confirm(number);
		this.returns.runPostingJob(number);

		this.mvc.perform(as(CLERK, get("/api/returns/" + number)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.returnless").value(true))
			.andExpect(jsonPath("$.status").value("CONFIRMED"))
			.andExpect(jsonPath("$.refundAmount").value(59.98))
			.andExpect(jsonPath("$.lines[0].receivedQuantity").value(0))
			.andExpect(jsonPath("$.lines[0].heldQuantity").value(2))
			.andExpect(jsonPath("$.lines[0].amount").value(59.98));
		this.mvc.perform(as(CLERK, get("/api/orders/" + this.order.getNumber())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.lines[0].returnableQuantity").value(0))
			.andExpect(jsonPath("$.lines[1].returnableQuantity").value(2));
		assertThat(this.ledgers.movements(number)).isEmpty();
		assertThat(this.ledgers.postings(number)).containsExactly("6001 53.08 0.00", "2221.01 6.90 0.00",
				"1122 0.00 59.98");
		assertThat(this.ledgers.note(number)).singleElement().asString().endsWith(" 53.08 6.90 59.98");
		// the history's row and its export say the customer kept the goods
		this.mvc.perform(as(CLERK, get("/api/returns")).param("q", number))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content[0].number").value(number))
			.andExpect(jsonPath("$.content[0].returnless").value(true))
			.andExpect(jsonPath("$.content[0].unitsReceived").value(0));
		assertThat(this.mvc.perform(as(CLERK, get("/api/returns/export.csv")).param("q", number))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)
			.lines()
			.skip(1)).singleElement().asString().startsWith(number + ",").endsWith(",59.98,true");
	}

	@Test
	void reportCountsTheKeptUnitsAsReturnedAndApart() throws Exception {
		String number = this.returns.request(this.order.getNumber(), "WRONG_ITEM", "REFUND", this.cheap.getSku(), 2);
		this.returns.approveAndConfirmReturnless(number);

		this.mvc.perform(as(ANALYST, get("/api/reports/returns")).param("groupBy", "product"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.key == '%s')].returnedQuantity".formatted(this.cheap.getSku())).value(2))
			.andExpect(jsonPath("$[?(@.key == '%s')].returnlessQuantity".formatted(this.cheap.getSku())).value(2))
			.andExpect(jsonPath("$[?(@.key == '%s')].returnAmount".formatted(this.cheap.getSku())).value(59.98))
			.andExpect(jsonPath("$[?(@.key == '%s')].returnlessAmount".formatted(this.cheap.getSku())).value(59.98))
			.andExpect(jsonPath("$[?(@.key == '%s')].returnRate".formatted(this.cheap.getSku())).value(1.0));
	}

	private ResultActions quote(String reason, String resolution, Product product) throws Exception {
		String body = """
				{"orderNumber":"%s","reason":"%s","resolution":"%s","lines":[{"sku":"%s","quantity":2}]}"""
			.formatted(this.order.getNumber(), reason, resolution, product.getSku());
		return this.mvc
			.perform(as(CLERK, post("/api/returns/quote")).contentType(MediaType.APPLICATION_JSON).content(body));
	}

}

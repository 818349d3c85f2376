package io.returnsdesk.web;

import io.returnsdesk.catalog.Product;
import io.returnsdesk.sales.TradeOrder;
import io.returnsdesk.support.IntegrationTest;
import io.returnsdesk.support.Ledgers;
import io.returnsdesk.support.TestFixtures;
import io.returnsdesk.support.TestUsers;
import org.camunda.bpm.engine.HistoryService;
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
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The quote a clerk sees before saving a return: the amounts under the policy, the same
 * refusals as saving, and nothing written.
 */
@IntegrationTest
@AutoConfigureMockMvc
class ReturnQuoteApiIntegrationTest {

	static final String CLERK = "quoteclerk";

	static final String WORKER = "quoteworker";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	Ledgers ledgers;

	@Autowired
	TestUsers users;

	@Autowired
	HistoryService history;

	Product kettle;

	TradeOrder order;

	@BeforeEach
	void shipTwoKettlesFifteenDaysAgo() {
		this.users.ensure(CLERK, TestUsers.PASSWORD, "sales");
		this.users.ensure(WORKER, TestUsers.PASSWORD, "warehouse");
		this.kettle = this.fixtures.product("Kettle 电水壶", "226.00", "0.13", 10, "120.00");
		this.order = this.fixtures.shippedSale(15, line(this.kettle, 2));
	}

	@Test
	void quotesTheRestockingFeeAndTheRefundWithoutSavingAnything() throws Exception {
		int returns = this.ledgers.count("return_order");
		long decisions = this.history.createHistoricDecisionInstanceQuery().count();

		quote(CLERK, "NO_LONGER_NEEDED", "REFUND", "2").andExpect(status().isOk())
			.andExpect(jsonPath("$.totalAmount").value(452.00))
			.andExpect(jsonPath("$.restockingFee").value(45.20))
			.andExpect(jsonPath("$.refundAmount").value(406.80))
			.andExpect(jsonPath("$.lines[0].sku").value(this.kettle.getSku()))
			.andExpect(jsonPath("$.lines[0].quantity").value(2))
			.andExpect(jsonPath("$.lines[0].amount").value(452.00));
		quote(CLERK, "DEFECTIVE", "REFUND", "1").andExpect(status().isOk())
			.andExpect(jsonPath("$.restockingFee").value(0.00))
			.andExpect(jsonPath("$.refundAmount").value(226.00));
		quote(CLERK, "NO_LONGER_NEEDED", "EXCHANGE", "1").andExpect(status().isOk())
			.andExpect(jsonPath("$.restockingFee").value(0.00))
			.andExpect(jsonPath("$.refundAmount").value(0.00));

		assertThat(this.ledgers.count("return_order")).isEqualTo(returns);
		// nor in the engine: the decision is evaluated in memory, without its history
		assertThat(this.history.createHistoricDecisionInstanceQuery().count()).isEqualTo(decisions);
	}

	@Test
	void refusesWhatSavingWouldRefuseAndWhoMayNotAsk() throws Exception {
		int returns = this.ledgers.count("return_order");

		quote(CLERK, "NO_LONGER_NEEDED", "REFUND", "3").andExpect(status().isUnprocessableEntity())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail", containsString("were shipped")))
			.andExpect(jsonPath("$.field").value("lines"));
		quote(WORKER, "NO_LONGER_NEEDED", "REFUND", "1").andExpect(status().isForbidden());

		assertThat(this.ledgers.count("return_order")).isEqualTo(returns);
	}

	private ResultActions quote(String user, String reason, String resolution, String quantity) throws Exception {
		String body = """
				{"orderNumber":"%s","reason":"%s","resolution":"%s","lines":[{"sku":"%s","quantity":%s}]}"""
			.formatted(this.order.getNumber(), reason, resolution, this.kettle.getSku(), quantity);
		return this.mvc
			.perform(as(user, post("/api/returns/quote")).contentType(MediaType.APPLICATION_JSON).content(body));
	}

}

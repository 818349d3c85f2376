package io.returnsdesk.returns;

import io.returnsdesk.catalog.Product;
import io.returnsdesk.catalog.Products;
import io.returnsdesk.returns.process.ReturnProcess;
import io.returnsdesk.sales.TradeOrder;
import io.returnsdesk.support.Ledgers;
import io.returnsdesk.support.ReturnDriver;
import io.returnsdesk.support.TestFixtures;
import io.returnsdesk.support.TestUsers;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static io.returnsdesk.support.Logins.as;
import static io.returnsdesk.support.TestFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An exchange for another variant or product, as a clerk asks for it and finance confirms
 * it: the replacement is checked against the stock free in the order's warehouse and held
 * there; the price difference is charged or refunded in the return's own entry, each
 * article at its VAT rate; the replacement of the other article ships and the hold is
 * released.
 */
abstract class ExchangeChecks {

	static final String CLERK = "swapclerk";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	Products products;

	@Autowired
	TestUsers users;

	@Autowired
	ReturnDriver returns;

	@Autowired
	ReturnRequests requests;

	@Autowired
	Ledgers ledgers;

	@Autowired
	TaskService tasks;

	Product blue;

	Product red;

	@BeforeEach
	void aMugInTwoColours() {
		this.users.ensure(CLERK, TestUsers.PASSWORD, "sales");
		this.blue = variant(this.fixtures.product("Mug Blue 蓝色马克杯", "39.00", "0.13", 10, "15.00"), "Blue");
		this.red = variant(this.fixtures.product("Mug Red 红色马克杯", "39.00", "0.13", 3, "15.00"), "Red");
	}

	@Test
	void anotherColourIsHeldThenShippedWithoutAPriceDifference() throws Exception {
		TradeOrder order = this.fixtures.shippedSale(3, line(this.blue, 2));
		String number = created(request(order, "EXCHANGE", this.blue, 2, this.red));

		this.mvc.perform(as(CLERK, get("/api/returns/" + number)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.lines[0].sku").value(this.blue.getSku()))
			.andExpect(jsonPath("$.lines[0].exchangeSku").value(this.red.getSku()))
			.andExpect(jsonPath("$.lines[0].exchangeUnitPrice").value(39.00))
			.andExpect(jsonPath("$.priceDifference").value(0));
		stockOf(this.red).andExpect(jsonPath("$[0].onHand").value(3))
			.andExpect(jsonPath("$[0].held").value(2))
			.andExpect(jsonPath("$[0].available").value(1));
		this.mvc.perform(as(CLERK, get("/api/products/" + this.blue.getSku() + "/variants")))
			.andExpect(status().isOk())
			.andExpect(
					jsonPath("$[*].sku").value(org.hamcrest.Matchers.hasItems(this.blue.getSku(), this.red.getSku())));

		this.returns.approveProcessAndConfirm(number, "ORIGINAL_PAYMENT", null, null);

		assertThat(this.ledgers.movements(number)).containsExactly(
				"CUSTOMER_RETURN %s %s 2".formatted(this.blue.getSku(), TestFixtures.WAREHOUSE),
				"REPLACEMENT_SHIPMENT %s %s -2".formatted(this.red.getSku(), TestFixtures.WAREHOUSE));
		assertThat(this.ledgers.onHand(this.red.getSku(), TestFixtures.WAREHOUSE)).isEqualTo(1);
		stockOf(this.red).andExpect(jsonPath("$[0].held").value(0)).andExpect(jsonPath("$[0].available").value(1));
		// the same price: no revenue moves, only the goods at cost
		assertThat(this.ledgers.postings(number)).containsExactly("1405 30.00 0.00", "6401 0.00 30.00",
				"6401 30.00 0.00", "1405 0.00 30.00");
		assertThat(this.ledgers.unbalancedEntries()).isEmpty();
		assertThat(this.ledgers.inventoryDifference()).isZero();
	}

	@Test
	void aDearerProductIsChargedWithItsVatInTheReturnsEntry() throws Exception {
		Product earbuds = this.fixtures.product("Earbuds 蓝牙耳机", "299.00", "0.13", 5, "120.00");
		TradeOrder order = this.fixtures.shippedSale(3, line(this.blue, 1));

		quote(order, this.blue, 1, earbuds).andExpect(status().isOk())
			.andExpect(jsonPath("$.priceDifference").value(260.00))
			.andExpect(jsonPath("$.exchangeCharge").value(260.00))
			.andExpect(jsonPath("$.refundAmount").value(0));
		String number = created(request(order, "EXCHANGE", this.blue, 1, earbuds));
		// the approver reads it on the form
		assertThat(String.valueOf(
				this.tasks.getVariableLocal(this.returns.task(number, ReturnProcess.TASK_APPROVE).getId(), "view")))
			.contains("The replacements cost 260.00 more: the customer pays it");
		this.returns.approveProcessAndConfirm(number, "ORIGINAL_PAYMENT", null, null);

		// 299.00 = 264.60 + 34.40 sold, 39.00 = 34.51 + 4.49 taken back: the customer
		// owes
		// 260.00
		assertThat(this.ledgers.postings(number)).containsExactly("6001 0.00 230.09", "2221.01 0.00 29.91",
				"1122 260.00 0.00", "1405 15.00 0.00", "6401 0.00 15.00", "6401 120.00 0.00", "1405 0.00 120.00");
		assertThat(this.ledgers.movements(number))
			.contains("REPLACEMENT_SHIPMENT %s %s -1".formatted(earbuds.getSku(), TestFixtures.WAREHOUSE));
		this.mvc.perform(as(CLERK, get("/api/returns/" + number)))
			.andExpect(jsonPath("$.priceDifference").value(260.00))
			.andExpect(jsonPath("$.refundAmount").value(0));
		assertThat(this.ledgers.unbalancedEntries()).isEmpty();
	}

	@Test
	void aCheaperProductAtAnotherVatRateIsRefundedAndCredited() throws Exception {
		Product notebook = this.fixtures.product("Notebook 笔记本", "12.50", "0.09", 5, "5.00");
		TradeOrder order = this.fixtures.shippedSale(3, line(this.blue, 1));
		String number = created(request(order, "EXCHANGE", this.blue, 1, notebook));
		this.returns.approveProcessAndConfirm(number, "ORIGINAL_PAYMENT", null, null);

		// 12.50 = 11.47 + 1.03 at 9 % sold, 39.00 = 34.51 + 4.49 at 13 % taken back
		assertThat(this.ledgers.postings(number)).startsWith("6001 23.04 0.00", "2221.01 3.46 0.00", "1122 0.00 26.50");
		assertThat(this.ledgers.note(number)).singleElement().asString().endsWith(" 23.04 3.46 26.50");
		this.mvc.perform(as(CLERK, get("/api/returns/" + number)))
			.andExpect(jsonPath("$.priceDifference").value(-26.50))
			.andExpect(jsonPath("$.refundAmount").value(26.50));
		assertThat(this.ledgers.unbalancedEntries()).isEmpty();
	}

	@Test
	void tooFewFreeUnitsRefuseTheExchangeAndChangeNothing() throws Exception {
		TradeOrder first = this.fixtures.shippedSale(3, line(this.blue, 2));
		TradeOrder second = this.fixtures.shippedSale(3, line(this.blue, 2));
		created(request(first, "EXCHANGE", this.blue, 2, this.red));
		int saved = this.ledgers.count("return_order");

		request(second, "EXCHANGE", this.blue, 2, this.red).andExpect(status().isUnprocessableEntity())
			.andExpect(
					jsonPath("$.detail").value("Only 1 unit(s) of %s are free in warehouse %s for the exchange; 2 asked"
						.formatted(this.red.getSku(), TestFixtures.WAREHOUSE)));
		quote(second, this.blue, 2, this.red).andExpect(status().isUnprocessableEntity());

		assertThat(this.ledgers.count("return_order")).isEqualTo(saved);
		stockOf(this.red).andExpect(jsonPath("$[0].held").value(2));
	}

	@Test
	void aReplacementOnlyForAnExchangeAndOnlyOfAnArticleThereIs() throws Exception {
		TradeOrder order = this.fixtures.shippedSale(3, line(this.blue, 2));
		int saved = this.ledgers.count("return_order");

		request(order, "REFUND", this.blue, 1, this.red).andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.detail").value(containsString("Only an exchange ships a replacement")));
		request(order, "EXCHANGE", this.blue, 1, "NO-SUCH-SKU").andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.detail")
				.value("There is no article NO-SUCH-SKU to replace %s with".formatted(this.blue.getSku())));

		assertThat(this.ledgers.count("return_order")).isEqualTo(saved);
	}

	@Test
	void aWithdrawnExchangeReleasesItsReplacement() throws Exception {
		TradeOrder order = this.fixtures.shippedSale(3, line(this.blue, 2));
		String number = created(request(order, "EXCHANGE", this.blue, 2, this.red));
		this.returns.reject(number, "Photos missing");
		this.requests.withdraw(number, CLERK);

		assertThat(this.ledgers.status(number)).isEqualTo("WITHDRAWN");
		stockOf(this.red).andExpect(jsonPath("$[0].held").value(0)).andExpect(jsonPath("$[0].available").value(3));
	}

	private Product variant(Product product, String colour) {
		// a model of this test instance's own: variants of other tests' mugs stay apart
		return this.products.save(product.variantOf("Test mug " + System.identityHashCode(this), colour));
	}

	private ResultActions stockOf(Product product) throws Exception {
		return this.mvc
			.perform(as(CLERK,
					get("/api/stock").param("sku", product.getSku()).param("warehouse", TestFixtures.WAREHOUSE)))
			.andExpect(status().isOk());
	}

	private ResultActions request(TradeOrder order, String resolution, Product product, int quantity,
			Object replacement) throws Exception {
		return this.mvc.perform(as(CLERK, post("/api/returns")).contentType(MediaType.APPLICATION_JSON)
			.content(body(order, resolution, product, quantity, replacement)));
	}

	private ResultActions quote(TradeOrder order, Product product, int quantity, Product replacement) throws Exception {
		return this.mvc.perform(as(CLERK, post("/api/returns/quote")).contentType(MediaType.APPLICATION_JSON)
			.content(body(order, "EXCHANGE", product, quantity, replacement)));
	}

	private static String body(TradeOrder order, String resolution, Product product, int quantity, Object replacement) {
		String sku = (replacement instanceof Product other) ? other.getSku() : replacement.toString();
		return """
				{"orderNumber":"%s","reason":"DEFECTIVE","reasonDetail":"Handle cracked","resolution":"%s",
				 "lines":[{"sku":"%s","quantity":%d,"exchangeSku":"%s"}]}""".formatted(order.getNumber(), resolution,
				product.getSku(), quantity, sku);
	}

	private String created(ResultActions result) throws Exception {
		String body = result.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		return com.jayway.jsonpath.JsonPath.read(body, "$.number");
	}

}

package io.returnsdesk.web.process;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.returnsdesk.catalog.Product;
import io.returnsdesk.returns.process.ReturnProcess;
import io.returnsdesk.sales.TradeOrder;
import io.returnsdesk.support.EngineRestCalls;
import io.returnsdesk.support.Ledgers;
import io.returnsdesk.support.ReturnDriver;
import io.returnsdesk.support.ServerIntegrationTest;
import io.returnsdesk.support.TestFixtures;
import io.returnsdesk.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static io.returnsdesk.support.TestFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The warehouse records what came back through {@code /engine-rest}, as a client of the
 * merchant's own system does: the process contract's Json variables, and every broken
 * rule answered 400 with a problem that says what to change, the task left open and
 * nothing changed.
 */
@ServerIntegrationTest
class ReceivingOverEngineRestIntegrationTest {

	static final String PASSWORD = "secret";

	@Autowired
	TestFixtures fixtures;

	@Autowired
	ReturnDriver driver;

	@Autowired
	TestUsers users;

	@Autowired
	Ledgers ledgers;

	@Autowired
	ObjectMapper json;

	@Autowired
	Clock clock;

	@Autowired
	EngineRestCalls calls;

	Product mug;

	TradeOrder order;

	@BeforeEach
	void peopleAndThreeMugsShipped() {
		this.users.ensure("rcvsales", PASSWORD, "sales");
		this.users.ensure("rcvwarehouse", PASSWORD, "warehouse");
		this.users.ensure("rcvfinance", PASSWORD, "finance");
		this.mug = this.fixtures.product("25.50", 10);
		this.order = this.fixtures.shippedSale(5, line(this.mug, 3));
	}

	@Test
	void twoOfThreeUnitsCameBackOnADayAndOneIsWrittenOff() throws Exception {
		String number = approvedReturnOfThreeMugs();
		String today = LocalDate.now(this.clock).toString();

		HttpResponse<String> processed = complete("rcvwarehouse", ReturnProcess.TASK_PROCESS, number, """
				{"warehouseCode": {"value": "WT-A"}, "refundMethod": {"value": "CASH"},
				 "refundAmount": {"value": 51.00},
				 "receivedQuantities": {"type": "Json", "value": "{\\"1\\": 2}"},
				 "scrappedQuantities": {"type": "Json", "value": "{\\"1\\": 1}"},
				 "returnedOn": {"value": "%s"}}""".formatted(today));
		assertThat(processed.statusCode()).as(processed.body()).isEqualTo(204);

		JsonNode view = get("/api/returns/" + number);
		assertThat(view.path("status").asText()).isEqualTo("PROCESSED");
		assertThat(view.path("returnedOn").asText()).isEqualTo(today);
		JsonNode line = view.path("lines").get(0);
		assertThat(List.of(line.path("quantity").asInt(), line.path("receivedQuantity").asInt(),
				line.path("scrappedQuantity").asInt()))
			.containsExactly(3, 2, 1);
		assertThat(line.path("amount").decimalValue()).isEqualByComparingTo("51.00");
		assertThat(view.path("totalAmount").decimalValue()).isEqualByComparingTo("51.00");
		// the unit that did not come back can be returned again
		assertThat(get("/api/orders/" + this.order.getNumber()).path("lines").get(0).path("returnableQuantity").asInt())
			.isEqualTo(1);
		// nothing moves before finance confirms
		assertThat(get("/api/stock/movements?returnNumber=" + number)).isEmpty();

		HttpResponse<String> confirmed = complete("rcvfinance", ReturnProcess.TASK_CONFIRM, number,
				"{\"confirmed\": {\"value\": true}}");
		assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(204);
		this.driver.runPostingJob(number);

		assertThat(get("/api/stock/movements?returnNumber=" + number))
			.extracting((movement) -> movement.path("kind").asText() + " " + movement.path("quantity").asInt())
			.containsExactlyInAnyOrder("CUSTOMER_RETURN 2", "SCRAP -1");
		// 10 - 3 shipped + 2 back - 1 written off
		assertThat(get("/api/stock?sku=" + this.mug.getSku() + "&warehouse=WT-A").get(0).path("onHand").asInt())
			.isEqualTo(8);
		assertThat(get("/api/returns/" + number).path("status").asText()).isEqualTo("CONFIRMED");
		assertThat(this.ledgers.postings(number)).containsExactly("6001 45.13 0.00", "2221.01 5.87 0.00",
				"1001 0.00 51.00", "1405 12.75 0.00", "6711 12.75 0.00", "6401 0.00 25.50");
	}

	@Test
	void everyBrokenRuleOfAReceiptIsRefusedWith400AndChangesNothing() throws Exception {
		String number = approvedReturnOfThreeMugs();
		LocalDate today = LocalDate.now(this.clock);
		String sku = this.mug.getSku();

		refused(number, "{\"1\": 2.5}", null, null, "25.50", "receivedQuantities",
				"Line 1 (%s): the units received must be a whole number of zero or more, not 2.5".formatted(sku));
		refused(number, "{\"1\": -1}", null, null, "0", "receivedQuantities",
				"Line 1 (%s): the units received must be a whole number of zero or more, not -1".formatted(sku));
		refused(number, "{\"1\": \"two\"}", null, null, "0", "receivedQuantities",
				"'receivedQuantities' gives line 1 \"two\"; give a whole number of units");
		refused(number, "[2]", null, null, "0", "receivedQuantities",
				"'receivedQuantities' must be a JSON object of line numbers and units, such as {\"1\": 2}");
		refused(number, "{\"1\": 4}", null, null, "0", "receivedQuantities",
				"Line 1 (%s): 4 unit(s) received, but 3 were asked back".formatted(sku));
		refused(number, "{\"1\": 2}", "{\"1\": 3}", null, "0", "scrappedQuantities",
				"Line 1 (%s): 3 unit(s) written off, but only 2 received".formatted(sku));
		refused(number, "{\"7\": 1}", null, null, "0", "receivedQuantities",
				"Return %s has no line 7".formatted(number));
		refused(number, null, "{\"2\": 1}", null, "0", "scrappedQuantities",
				"Return %s has no line 2".formatted(number));
		refused(number, "{\"1\": 0}", null, null, "0", "receivedQuantities",
				"Nothing of return %s came back: record the units when they arrive".formatted(number));
		refused(number, null, null, today.plusDays(1).toString(), "0", "returnedOn",
				"The goods cannot have come back on %s, a day still to come".formatted(today.plusDays(1)));
		refused(number, null, null, today.minusDays(1).toString(), "0", "returnedOn",
				"The goods cannot have come back on %s, before the return was requested on %s"
					.formatted(today.minusDays(1), today));
		refused(number, null, null, "07/12/2026", "0", "returnedOn",
				"'returnedOn' must be a day written yyyy-MM-dd, not 07/12/2026");
		refused(number, "{\"1\": 1}", null, null, "25.51", "refundAmount",
				"The refund of 25.51 exceeds the value of the units received, 25.50");
	}

	@Test
	void aSupplierReturnWritesNothingOff() throws Exception {
		Product kettle = this.fixtures.product("40.00", 0);
		TradeOrder purchase = this.fixtures.receivedPurchase(3, line(kettle, 5, "24.00"));
		String number = this.driver.request(purchase.getNumber(), "DEFECTIVE", "REFUND", kettle.getSku(), 2);
		this.driver.approve(number, ReturnDriver.APPROVER);

		HttpResponse<String> refused = complete("rcvwarehouse", ReturnProcess.TASK_PROCESS, number, """
				{"warehouseCode": {"value": "WT-A"}, "refundMethod": {"value": "BANK_TRANSFER"},
				 "refundAmount": {"value": 48}, "scrappedQuantities": {"type": "Json", "value": "{\\"1\\": 1}"}}""");

		assertProblem(refused, "scrappedQuantities",
				"Goods of a supplier return are handed to the supplier; none can be written off");
		assertThat(this.ledgers.status(number)).isEqualTo("APPROVED");
		assertThat(this.ledgers.onHand(kettle.getSku(), TestFixtures.WAREHOUSE)).isEqualTo(5);
	}

	/** A return of the three mugs, requested through the API and approved. */
	private String approvedReturnOfThreeMugs() throws Exception {
		String number = this.calls.requestReturn("rcvsales", PASSWORD, """
				{"orderNumber": "%s", "reason": "DAMAGED", "reasonDetail": "Cracked in transit", "resolution": "REFUND",
				 "lines": [{"sku": "%s", "quantity": 3}]}""".formatted(this.order.getNumber(), this.mug.getSku()));
		this.driver.approve(number, ReturnDriver.APPROVER);
		return number;
	}

	/**
	 * Completes the processing task with the receipt's variables (each left out where
	 * null) and checks that the refusal names the field, says what is wrong, and changed
	 * nothing.
	 */
	private void refused(String number, String received, String scrapped, String returnedOn, String refund,
			String field, String detail) throws Exception {
		StringBuilder variables = new StringBuilder(
				"{\"warehouseCode\": {\"value\": \"WT-A\"}, \"refundMethod\": {\"value\": \"CASH\"}, "
						+ "\"refundAmount\": {\"value\": " + refund + "}");
		if (received != null) {
			variables.append(", \"receivedQuantities\": ").append(jsonVariable(received));
		}
		if (scrapped != null) {
			variables.append(", \"scrappedQuantities\": ").append(jsonVariable(scrapped));
		}
		if (returnedOn != null) {
			variables.append(", \"returnedOn\": {\"value\": \"").append(returnedOn).append("\"}");
		}
		HttpResponse<String> refusal = complete("rcvwarehouse", ReturnProcess.TASK_PROCESS, number,
				variables.append('}').toString());

		assertProblem(refusal, field, detail);
		assertThat(this.ledgers.status(number)).as(detail).isEqualTo("APPROVED");
		assertThat(this.driver.task(number, ReturnProcess.TASK_PROCESS)).as("still open").isNotNull();
		JsonNode line = get("/api/returns/" + number).path("lines").get(0);
		assertThat(line.path("receivedQuantity").isNull()).as("nothing received").isTrue();
		assertThat(get("/api/orders/" + this.order.getNumber()).path("lines").get(0).path("returnableQuantity").asInt())
			.as("all three units still held")
			.isZero();
		assertThat(this.ledgers.movements(number)).isEmpty();
	}

	private void assertProblem(HttpResponse<String> refusal, String field, String detail) throws Exception {
		assertThat(refusal.statusCode()).as(refusal.body()).isEqualTo(400);
		assertThat(refusal.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = this.calls.json(refusal);
		assertThat(problem.path("status").asInt()).isEqualTo(400);
		assertThat(problem.path("detail").asText()).contains(detail);
		assertThat(problem.path("message").asText()).as("as Camunda's clients read it").contains(detail);
		assertThat(problem.path("field").asText()).isEqualTo(field);
	}

	private String jsonVariable(String value) throws Exception {
		return "{\"type\": \"Json\", \"value\": " + this.json.writeValueAsString(value) + "}";
	}

	private HttpResponse<String> complete(String user, String taskKey, String number, String variables)
			throws Exception {
		HttpResponse<String> found = this.calls.call("GET",
				"/engine-rest/task?processInstanceBusinessKey=" + number + "&taskDefinitionKey=" + taskKey, user,
				PASSWORD, null);
		String task = this.calls.json(found).get(0).path("id").asText();
		return this.calls.complete(user, PASSWORD, task, variables);
	}

	private JsonNode get(String path) throws Exception {
		HttpResponse<String> response = this.calls.call("GET", path, "rcvfinance", PASSWORD, null);
		assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
		return this.calls.json(response);
	}

}

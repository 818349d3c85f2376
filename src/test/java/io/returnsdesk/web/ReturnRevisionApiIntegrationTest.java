package io.returnsdesk.web;

import io.returnsdesk.catalog.Product;
import io.returnsdesk.returns.process.ReturnProcess;
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
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The requester's answers to a rejection through the API: revise and resubmit, or
 * withdraw; each completes the return's revision task in the engine.
 */
@IntegrationTest
@AutoConfigureMockMvc
class ReturnRevisionApiIntegrationTest {

	static final String REQUESTER = "reviseclerk";

	static final String OTHER = "otherclerk";

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

	String number;

	@BeforeEach
	void requestOneOfTwoLampsAndHaveItRejected() throws Exception {
		this.users.ensure(REQUESTER, TestUsers.PASSWORD, "sales");
		this.users.ensure(OTHER, TestUsers.PASSWORD, "sales");
		this.lamp = this.fixtures.product("159.00", 5);
		this.order = this.fixtures.shippedSale(4, line(this.lamp, 2));
		String location = this.mvc
			.perform(as(REQUESTER, post("/api/returns")).contentType(MediaType.APPLICATION_JSON)
				.content(body(this.order.getNumber(), "DAMAGED", "1")))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getHeader("Location");
		this.number = location.substring(location.lastIndexOf('/') + 1);
		this.driver.reject(this.number, "Which lamp? Add the photo");
	}

	@Test
	void revisingARejectedReturnReplacesItsLinesAndPutsItBackIntoApproval() throws Exception {
		revise(REQUESTER, body(this.order.getNumber(), "WRONG_ITEM", "2")).andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.status").value("SUBMITTED"))
			.andExpect(jsonPath("$.reason").value("WRONG_ITEM"))
			.andExpect(jsonPath("$.reasonDetail").value("Photo attached"))
			.andExpect(jsonPath("$.lines.length()").value(1))
			.andExpect(jsonPath("$.lines[0].quantity").value(2))
			.andExpect(jsonPath("$.totalAmount").value(318.00))
			.andExpect(jsonPath("$.rejectionReason").value("Which lamp? Add the photo"))
			.andExpect(jsonPath("$.history[*].status", contains("SUBMITTED", "REJECTED", "SUBMITTED")))
			.andExpect(jsonPath("$.history[2].actor").value(REQUESTER));
		assertThat(this.driver.task(this.number, ReturnProcess.TASK_REVISE)).isNull();
		assertThat(this.driver.task(this.number, ReturnProcess.TASK_APPROVE)).isNotNull();
		assertThat(this.ledgers.returnTotalsNotEqualToTheirLines()).isEmpty();

		this.driver.approve(this.number, ReturnDriver.APPROVER);
		this.mvc.perform(as(REQUESTER, get("/api/returns/" + this.number)))
			.andExpect(jsonPath("$.status").value("APPROVED"));
	}

	@Test
	void revisingAReturnThatIsNotRejectedIsAConflict() throws Exception {
		revise(REQUESTER, body(this.order.getNumber(), "DAMAGED", "1")).andExpect(status().isOk());
		revise(REQUESTER, body(this.order.getNumber(), "DAMAGED", "1")).andExpect(status().isConflict())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(
					jsonPath("$.detail").value("Return %s is SUBMITTED and cannot be revised".formatted(this.number)));
	}

	@Test
	void onlyTheRequesterMayReviseAndAnotherUsersAttemptChangesNothing() throws Exception {
		revise(OTHER, body(this.order.getNumber(), "DAMAGED", "2")).andExpect(status().isForbidden())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail")
				.value("Only %s, who requested return %s, can revise it".formatted(REQUESTER, this.number)));
		assertUnchangedAndStillRejected();
	}

	@Test
	void aRevisionWithBadLinesIsRefusedAndChangesNothing() throws Exception {
		revise(REQUESTER, body(this.order.getNumber(), "DAMAGED", "3")).andExpect(status().isUnprocessableEntity())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.field").value("lines"))
			.andExpect(jsonPath("$.detail", startsWith("Only 2 unit(s) of " + this.lamp.getSku())));
		revise(REQUESTER, """
				{"reason":"DAMAGED","resolution":"REFUND","lines":[]}""").andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.field").value("lines"))
			.andExpect(jsonPath("$.detail").value("A return needs at least one line"));
		revise(REQUESTER, body("SO-SOMEWHERE-ELSE", "DAMAGED", "1")).andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.field").value("orderNumber"));
		assertUnchangedAndStillRejected();
	}

	@Test
	void withdrawingARejectedReturnEndsItsProcessAndReleasesItsUnits() throws Exception {
		this.mvc.perform(as(REQUESTER, post("/api/returns/%s/withdraw".formatted(this.number))))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.number").value(this.number))
			.andExpect(jsonPath("$.status").value("WITHDRAWN"))
			.andExpect(jsonPath("$.history[*].status", contains("SUBMITTED", "REJECTED", "WITHDRAWN")))
			.andExpect(jsonPath("$.history[2].actor").value(REQUESTER));
		assertThat(this.driver.instance(this.number)).isNull();
		this.mvc.perform(as(REQUESTER, get("/api/orders/" + this.order.getNumber())))
			.andExpect(jsonPath("$.lines[0].returnableQuantity").value(2));
	}

	@Test
	void withdrawingAReturnThatIsNotRejectedIsAConflict() throws Exception {
		this.mvc.perform(as(REQUESTER, post("/api/returns/%s/withdraw".formatted(this.number))))
			.andExpect(status().isOk());
		this.mvc.perform(as(REQUESTER, post("/api/returns/%s/withdraw".formatted(this.number))))
			.andExpect(status().isConflict())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail")
				.value("Return %s is WITHDRAWN and cannot be withdrawn".formatted(this.number)));
	}

	@Test
	void onlyTheRequesterMayWithdraw() throws Exception {
		this.mvc.perform(as(OTHER, post("/api/returns/%s/withdraw".formatted(this.number))))
			.andExpect(status().isForbidden())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail")
				.value("Only %s, who requested return %s, can withdraw it".formatted(REQUESTER, this.number)));
		assertUnchangedAndStillRejected();
	}

	@Test
	void withdrawingOrRevisingAnUnknownReturnIsNotFound() throws Exception {
		this.mvc.perform(as(REQUESTER, post("/api/returns/RT-19990101-0001/withdraw")))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("There is no return RT-19990101-0001"));
		this.mvc
			.perform(as(REQUESTER, put("/api/returns/RT-19990101-0001")).contentType(MediaType.APPLICATION_JSON)
				.content(body(this.order.getNumber(), "DAMAGED", "1")))
			.andExpect(status().isNotFound());
	}

	@Test
	void withdrawingNeedsALogin() throws Exception {
		this.mvc.perform(post("/api/returns/%s/withdraw".formatted(this.number))).andExpect(status().isUnauthorized());
		assertThat(this.ledgers.status(this.number)).isEqualTo("REJECTED");
	}

	private void assertUnchangedAndStillRejected() throws Exception {
		this.mvc.perform(as(REQUESTER, get("/api/returns/" + this.number)))
			.andExpect(jsonPath("$.status").value("REJECTED"))
			.andExpect(jsonPath("$.reason").value("DAMAGED"))
			.andExpect(jsonPath("$.lines[0].quantity").value(1))
			.andExpect(jsonPath("$.totalAmount").value(159.00));
		assertThat(this.driver.task(this.number, ReturnProcess.TASK_REVISE)).isNotNull();
	}

	private ResultActions revise(String user, String body) throws Exception {
		return this.mvc.perform(
				as(user, put("/api/returns/" + this.number)).contentType(MediaType.APPLICATION_JSON).content(body));
	}

	private String body(String orderNumber, String reason, String quantity) {
		return """
				{"orderNumber":"%s","reason":"%s","reasonDetail":"Photo attached","resolution":"REFUND",
				 "lines":[{"sku":"%s","quantity":%s}]}""".formatted(orderNumber, reason, this.lamp.getSku(), quantity);
	}

}

package io.returnsdesk.web.process;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
 * Camunda's REST API as each group's clients meet it over real HTTP: a login for every
 * call, each group's own tasks only, four eyes, analysts who read but change nothing, and
 * 4xx answers to a wrong completion that leave the return as it was.
 */
@ServerIntegrationTest
class EngineRestSecurityIntegrationTest {

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
	EngineRestCalls calls;

	TradeOrder order;

	Product product;

	@BeforeEach
	void peopleAndAnOrder() {
		this.users.ensure("restsales", PASSWORD, "sales");
		this.users.ensure("restapprover", PASSWORD, "approvers");
		this.users.ensure("restwarehouse", PASSWORD, "warehouse");
		this.users.ensure("restanalyst", PASSWORD, "analysts");
		this.users.ensure("restself", PASSWORD, "sales", "approvers");
		this.users.ensure("restboss", PASSWORD, "sales", "managers");
		this.users.ensure("restmanager", PASSWORD, "managers");
		this.users.ensure("restadmin", PASSWORD, "camunda-admin");
		this.users.ensure("restwrongpw", PASSWORD, "sales");
		this.product = this.fixtures.product("12.00", 50);
		this.order = this.fixtures.shippedSale(4, line(this.product, 10));
	}

	@Test
	void answersEveryCallWithoutAValidLoginWith401() throws Exception {
		assertThat(call("GET", "/engine-rest/task", null, null).statusCode()).isEqualTo(401);
		assertThat(call("GET", "/engine-rest/process-definition", null, null).statusCode()).isEqualTo(401);
		assertThat(call("GET", "/engine-rest/task", "restwrongpw", "wrong").statusCode()).isEqualTo(401);
		HttpResponse<String> start = call("POST", "/engine-rest/process-definition/key/returnRequest/start", null,
				"{}");
		assertThat(start.statusCode()).as(start.body()).isEqualTo(401);
		// and nothing else of the application answers without one
		assertThat(call("GET", "/anything-else", null, null).statusCode()).isEqualTo(401);
	}

	@Test
	void aGuessedPasswordIsAnswered429AfterAFewTries() throws Exception {
		this.users.ensure("restguessed", PASSWORD, "approvers");
		for (int i = 0; i < 5; i++) {
			assertThat(this.calls.call("GET", "/engine-rest/task", "restguessed", "guess" + i, null).statusCode())
				.isEqualTo(401);
		}
		HttpResponse<String> waiting = this.calls.call("GET", "/engine-rest/task", "restguessed", PASSWORD, null);
		assertThat(waiting.statusCode()).isEqualTo(429);
		assertThat(waiting.headers().firstValue("Retry-After")).contains("1");
		assertThat(this.calls.json(waiting).path("detail").asText()).contains("Too many failed logins");
	}

	@Test
	void eachGroupSeesAndWorksOnlyItsOwnTasks() throws Exception {
		String number = request("restsales");
		String task = this.driver.task(number, ReturnProcess.TASK_APPROVE).getId();

		assertThat(tasks("restapprover", number)).containsExactly(ReturnProcess.TASK_APPROVE);
		assertThat(tasks("restwarehouse", number)).isEmpty();
		assertThat(tasks("restsales", number)).isEmpty();
		for (String user : List.of("restwarehouse", "restsales")) {
			HttpResponse<String> refused = complete(user, task, "{\"approved\":{\"value\":true}}");
			assertThat(refused.statusCode()).as(user).isEqualTo(403);
			assertThat(this.calls.json(refused).path("type").asText()).isEqualTo("AuthorizationException");
		}
		unchanged(number, "SUBMITTED", ReturnProcess.TASK_APPROVE);
		// nor may sales start the process past the desk's rules
		assertThat(
				call("POST", "/engine-rest/process-definition/key/returnRequest/start", "restsales", "{}").statusCode())
			.isEqualTo(403);

		assertThat(complete("restapprover", task, "{\"approved\":{\"value\":true}}").statusCode()).isEqualTo(204);
		assertThat(this.ledgers.status(number)).isEqualTo("APPROVED");
		assertThat(tasks("restwarehouse", number)).containsExactly(ReturnProcess.TASK_PROCESS);
		assertThat(tasks("restapprover", number)).isEmpty();
	}

	@Test
	void theRequesterCannotApproveTheirOwnReturnEvenAsAnApprover() throws Exception {
		String number = request("restself");
		String task = this.driver.task(number, ReturnProcess.TASK_APPROVE).getId();

		assertThat(tasks("restself", number)).as("not shown to the requester").isEmpty();
		HttpResponse<String> refused = complete("restself", task, "{\"approved\":{\"value\":true}}");
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(this.calls.json(refused).path("message").asText()).contains("restself", "TASK_WORK");
		assertThat(call("POST", "/engine-rest/task/" + task + "/claim", "restself", "{\"userId\":\"rest-self\"}")
			.statusCode()).isEqualTo(403);
		unchanged(number, "SUBMITTED", ReturnProcess.TASK_APPROVE);

		assertThat(tasks("restapprover", number)).containsExactly(ReturnProcess.TASK_APPROVE);
		assertThat(complete("restapprover", task, "{\"approved\":{\"value\":true}}").statusCode()).isEqualTo(204);
		assertThat(this.ledgers.status(number)).isEqualTo("APPROVED");
	}

	@Test
	void aManagerWhoRequestedALargeReturnCannotApproveItEither() throws Exception {
		Product piano = this.fixtures.product("6800.00", 3);
		TradeOrder sold = this.fixtures.shippedSale(2, line(piano, 1));
		String number = this.calls.requestReturn("restboss", PASSWORD,
				"{\"orderNumber\":\"%s\",\"reason\":\"DEFECTIVE\",\"reasonDetail\":\"Out of tune\",\"resolution\":\"REFUND\","
					.formatted(sold.getNumber())
						+ "\"lines\":[{\"sku\":\"%s\",\"quantity\":1}]}".formatted(piano.getSku()));
		String task = this.driver.task(number, ReturnProcess.TASK_APPROVE).getId();

		assertThat(tasks("restapprover", number)).as("above 5,000: for the managers").isEmpty();
		assertThat(tasks("restboss", number)).isEmpty();
		assertThat(complete("restboss", task, "{\"approved\":{\"value\":true}}").statusCode()).isEqualTo(403);
		unchanged(number, "SUBMITTED", ReturnProcess.TASK_APPROVE);
		assertThat(tasks("restmanager", number)).containsExactly(ReturnProcess.TASK_APPROVE);
		assertThat(complete("restmanager", task, "{\"approved\":{\"value\":true}}").statusCode()).isEqualTo(204);
		assertThat(this.ledgers.status(number)).isEqualTo("APPROVED");
	}

	@Test
	void twoApproversCompletingOneTaskAtOnceOneWinsTheOtherHearsWhy() throws Exception {
		this.users.ensure("restapprover2", PASSWORD, "approvers");
		String number = request("restsales");
		String task = this.driver.task(number, ReturnProcess.TASK_APPROVE).getId();

		ExecutorService pool = Executors.newFixedThreadPool(2);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<HttpResponse<String>>> answers = new ArrayList<>();
		for (String approver : List.of("restapprover", "restapprover2")) {
			answers.add(pool.submit(() -> {
				start.await();
				return complete(approver, task, "{\"approved\":{\"value\":true}}");
			}));
		}
		start.countDown();
		List<HttpResponse<String>> responses = new ArrayList<>();
		for (Future<HttpResponse<String>> answer : answers) {
			responses.add(answer.get());
		}
		pool.shutdown();

		assertThat(responses).extracting(HttpResponse::statusCode).containsOnlyOnce(204);
		// whichever of the engine's checks the loser failed on (the task's
		// authorizations, its variables, its row), the answer is the same
		HttpResponse<String> loser = responses.stream()
			.filter((response) -> response.statusCode() != 204)
			.findFirst()
			.orElseThrow();
		assertThat(loser.statusCode()).as(loser.body()).isEqualTo(404);
		assertThat(this.calls.json(loser).path("message").asText()).containsPattern("The task 'Approve return 退货审批 · "
				+ number + " · [^']+' \\(.+\\) is no longer open: " + "user 'restapprover2?' completed it\\. "
				+ "Your decision changed nothing; reload the task list\\.");
		assertThat(this.ledgers.status(number)).isEqualTo("APPROVED");
	}

	@Test
	void analystsReadHistoryButChangeNothing() throws Exception {
		String number = request("restsales");
		String task = this.driver.task(number, ReturnProcess.TASK_APPROVE).getId();
		String instance = this.driver.instance(number).getId();

		HttpResponse<String> history = call("GET", "/engine-rest/history/task?processInstanceBusinessKey=" + number,
				"restanalyst", null);
		assertThat(history.statusCode()).isEqualTo(200);
		assertThat(this.calls.json(history).findValuesAsText("taskDefinitionKey"))
			.containsExactly(ReturnProcess.TASK_APPROVE);
		assertThat(call("GET", "/engine-rest/process-instance/" + instance, "restanalyst", null).statusCode())
			.isEqualTo(200);

		assertThat(complete("restanalyst", task, "{\"approved\":{\"value\":true}}").statusCode()).isEqualTo(403);
		assertThat(call("PUT", "/engine-rest/process-instance/" + instance + "/variables/approved", "restanalyst",
				"{\"value\":true,\"type\":\"Boolean\"}")
			.statusCode()).isEqualTo(403);
		assertThat(call("DELETE", "/engine-rest/process-instance/" + instance, "restanalyst", null).statusCode())
			.isEqualTo(403);
		assertThat(call("POST", "/engine-rest/process-definition/key/returnRequest/start", "restanalyst", "{}")
			.statusCode()).isEqualTo(403);
		unchanged(number, "SUBMITTED", ReturnProcess.TASK_APPROVE);
		assertThat(
				call("GET", "/engine-rest/variable-instance?processInstanceIdIn=" + instance + "&variableName=approved",
						"restadmin", null)
					.body())
			.isEqualTo("[]");
	}

	@Test
	void administratorsSeeTheProcessesAndCreateUsersAndMemberships() throws Exception {
		assertThat(call("GET", "/engine-rest/process-definition/key/returnRequest", "restadmin", null).statusCode())
			.isEqualTo(200);
		assertThat(call("GET", "/engine-rest/deployment/count", "restadmin", null).body())
			.doesNotContain("\"count\":0");
		HttpResponse<String> created = call("POST", "/engine-rest/user/create", "restadmin",
				"{\"profile\":{\"id\":\"restnewclerk\",\"firstName\":\"New\",\"lastName\":\"Clerk\"},"
						+ "\"credentials\":{\"password\":\"%s\"}}".formatted(PASSWORD));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(204);
		HttpResponse<String> member = call("PUT", "/engine-rest/group/sales/members/restnewclerk", "restadmin", null);
		assertThat(member.statusCode()).as(member.body()).isEqualTo(204);

		request("restnewclerk");
		assertThat(call("POST", "/engine-rest/user/create", "restsales",
				"{\"profile\":{\"id\":\"restintruder\"},\"credentials\":{\"password\":\"x\"}}")
			.statusCode()).as("only administrators create users").isEqualTo(403);
	}

	@Test
	void aCompletionWithoutItsDecisionIsRefusedWith400AndChangesNothing() throws Exception {
		String number = request("restsales");
		String task = this.driver.task(number, ReturnProcess.TASK_APPROVE).getId();

		HttpResponse<String> nothing = complete("restapprover", task, "{}");
		assertThat(nothing.statusCode()).isEqualTo(400);
		assertThat(this.calls.json(nothing).path("message").asText())
			.contains("'approved' must be true or false, not null");
		HttpResponse<String> noReason = complete("restapprover", task, "{\"approved\":{\"value\":false}}");
		assertThat(noReason.statusCode()).isEqualTo(400);
		assertThat(this.calls.json(noReason).path("message").asText())
			.contains("'rejectionReason' is missing: say why the return is rejected");
		HttpResponse<String> notABoolean = complete("restapprover", task, "{\"approved\":{\"value\":\"maybe\"}}");
		assertThat(notABoolean.statusCode()).isEqualTo(400);
		unchanged(number, "SUBMITTED", ReturnProcess.TASK_APPROVE);
		assertThat(this.ledgers.notifications(number)).isEmpty();

		assertThat(complete("restapprover", task, "{\"approved\":{\"value\":true}}").statusCode()).isEqualTo(204);
		HttpResponse<String> twice = complete("restapprover", task, "{\"approved\":{\"value\":true}}");
		assertThat(twice.statusCode()).as("completed twice").isEqualTo(404);
		assertThat(this.calls.json(twice).path("message").asText())
			.contains("is no longer open: user 'restapprover' completed it");
		assertThat(this.ledgers.status(number)).isEqualTo("APPROVED");

		String processing = this.driver.task(number, ReturnProcess.TASK_PROCESS).getId();
		HttpResponse<String> unknownWarehouse = complete("restwarehouse", processing,
				"{\"warehouseCode\":{\"value\":\"NOPE\"},\"refundMethod\":{\"value\":\"CASH\"},"
						+ "\"refundAmount\":{\"value\":12}}");
		assertThat(unknownWarehouse.statusCode()).isEqualTo(400);
		assertThat(this.calls.json(unknownWarehouse).path("message").asText()).contains("'NOPE' is not a warehouse");
		HttpResponse<String> tooMuch = complete("restwarehouse", processing,
				"{\"warehouseCode\":{\"value\":\"" + TestFixtures.WAREHOUSE
						+ "\"},\"refundMethod\":{\"value\":\"CASH\"},\"refundAmount\":{\"value\":13}}");
		assertThat(tooMuch.statusCode()).isEqualTo(400);
		HttpResponse<String> negative = complete("restwarehouse", processing,
				"{\"warehouseCode\":{\"value\":\"" + TestFixtures.WAREHOUSE
						+ "\"},\"refundMethod\":{\"value\":\"CASH\"},\"refundAmount\":{\"value\":-1}}");
		assertThat(negative.statusCode()).isEqualTo(400);
		unchanged(number, "APPROVED", ReturnProcess.TASK_PROCESS);
		assertThat(this.ledgers.movements(number)).isEmpty();
	}

	private void unchanged(String number, String status, String waitingAt) {
		assertThat(this.ledgers.status(number)).isEqualTo(status);
		assertThat(this.driver.task(number, waitingAt)).as("still waiting at " + waitingAt).isNotNull();
	}

	/** Requests a return of one unit through the desk's API, as the given clerk. */
	private String request(String clerk) throws Exception {
		return this.calls.requestReturn(clerk, PASSWORD,
				"{\"orderNumber\":\"%s\",\"reason\":\"DAMAGED\",\"reasonDetail\":\"Cracked\",\"resolution\":\"REFUND\","
					.formatted(this.order.getNumber())
						+ "\"lines\":[{\"sku\":\"%s\",\"quantity\":1}]}".formatted(this.product.getSku()));
	}

	/** The definition keys of the return's tasks that the user sees. */
	private List<String> tasks(String user, String number) throws Exception {
		HttpResponse<String> found = call("GET", "/engine-rest/task?processInstanceBusinessKey=" + number, user, null);
		assertThat(found.statusCode()).isEqualTo(200);
		return this.calls.json(found).findValuesAsText("taskDefinitionKey");
	}

	private HttpResponse<String> complete(String user, String task, String variables) throws Exception {
		return this.calls.complete(user, PASSWORD, task, variables);
	}

	private HttpResponse<String> call(String method, String path, String user, String body) {
		return this.calls.call(method, path, user, user != null && user.equals("restwrongpw") ? "wrong" : PASSWORD,
				body);
	}

}

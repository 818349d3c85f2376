package io.returnsdesk.web.process;

import java.net.http.HttpResponse;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.returnsdesk.catalog.Product;
import io.returnsdesk.catalog.process.StoreGroups;
import io.returnsdesk.returns.process.ReturnProcess;
import io.returnsdesk.sales.TradeOrder;
import io.returnsdesk.support.EngineRestCalls;
import io.returnsdesk.support.Ledgers;
import io.returnsdesk.support.ReturnDriver;
import io.returnsdesk.support.ServerIntegrationTest;
import io.returnsdesk.support.TestFixtures;
import io.returnsdesk.support.TestUsers;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static io.returnsdesk.support.TestFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stores through Camunda's REST API over real HTTP: a warehouse clerk of store S01 sees
 * and works S01's tasks only; another store's task, its variables and its instance are
 * not there for them (404, as for a task that never was), completing it changes nothing;
 * an analyst of S01 reads S01's history only. The head office sees both stores.
 */
@ServerIntegrationTest
class StoresInTheEngineIntegrationTest {

	static final String PASSWORD = TestUsers.PASSWORD;

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

	@Autowired
	StoreGroups storeGroups;

	@Autowired
	HistoryService history;

	String ours;

	String theirs;

	TradeOrder inS02;

	Product product;

	@BeforeEach
	void twoStoresEachWithAnApprovedReturn() {
		Product product = this.fixtures.product("12.00", 50);
		TradeOrder inS01 = this.fixtures.shippedSale("S01", 4, line(product, 10));
		TradeOrder inS02 = this.fixtures.shippedSale("S02", 4, line(product, 10));
		this.storeGroups.ensureAll();
		this.users.ensure("tensales", PASSWORD, "sales");
		this.users.ensure("tenapprover", PASSWORD, "approvers");
		this.users.ensure("tenwarehouse", PASSWORD, "warehouse");
		this.users.ensure("tenwarehouse1", PASSWORD, "warehouse", "storeS01");
		this.users.ensure("tenanalyst", PASSWORD, "analysts");
		this.users.ensure("tenanalyst1", PASSWORD, "analysts", "storeS01");
		this.users.ensure("tensales1", PASSWORD, "sales", "storeS01");
		this.inS02 = inS02;
		this.product = product;
		this.ours = this.driver.requestAs("tensales", inS01, "DAMAGED", "Cracked", product, 1);
		this.theirs = this.driver.requestAs("tensales", inS02, "DAMAGED", "Cracked", product, 1);
		this.driver.approve(this.ours, "tenapprover");
		this.driver.approve(this.theirs, "tenapprover");
	}

	@Test
	void theInstancesBelongToTheirStores() {
		assertThat(this.history.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(this.ours)
			.singleResult()
			.getTenantId()).isEqualTo("S01");
		assertThat(this.driver.task(this.theirs, ReturnProcess.TASK_PROCESS).getTenantId()).isEqualTo("S02");
	}

	@Test
	void aStoresClerkSeesAndWorksOnlyTheirStoresTasks() throws Exception {
		assertThat(tasks("tenwarehouse1", this.ours)).containsExactly(ReturnProcess.TASK_PROCESS);
		assertThat(tasks("tenwarehouse1", this.theirs)).isEmpty();
		assertThat(tasks("tenwarehouse", this.ours)).containsExactly(ReturnProcess.TASK_PROCESS);
		assertThat(tasks("tenwarehouse", this.theirs)).containsExactly(ReturnProcess.TASK_PROCESS);
		// the group's whole list and its count: nothing of another store
		HttpResponse<String> all = call("GET", "/engine-rest/task?candidateGroup=warehouse", "tenwarehouse1");
		assertThat(this.calls.json(all).findValuesAsText("tenantId")).isNotEmpty().containsOnly("S01");
		HttpResponse<String> count = call("GET", "/engine-rest/task/count?candidateGroup=warehouse", "tenwarehouse1");
		assertThat(this.calls.json(count).path("count").asInt()).isEqualTo(this.calls.json(all).size());

		String task = this.driver.task(this.theirs, ReturnProcess.TASK_PROCESS).getId();
		String instance = this.driver.instance(this.theirs).getId();
		HttpResponse<String> never = call("GET", "/engine-rest/task/no-such-task", "tenwarehouse1");
		for (String path : List.of("/engine-rest/task/" + task, "/engine-rest/task/" + task + "/variables",
				"/engine-rest/task/" + task + "/form-variables", "/engine-rest/process-instance/" + instance)) {
			HttpResponse<String> refused = call("GET", path, "tenwarehouse1");
			assertThat(refused.statusCode()).as(path + ": " + refused.body())
				.isEqualTo(never.statusCode())
				.isEqualTo(404);
		}
		HttpResponse<String> completed = this.calls.complete("tenwarehouse1", PASSWORD, task,
				"{\"warehouseCode\":{\"value\":\"" + TestFixtures.WAREHOUSE + "\"},"
						+ "\"refundMethod\":{\"value\":\"CASH\"},\"refundAmount\":{\"value\":12.00}}");
		assertThat(completed.statusCode()).as(completed.body()).isEqualTo(404);
		assertThat(this.calls.json(completed).path("detail").asText()).doesNotContain("tenant", "S02");
		assertThat(this.ledgers.status(this.theirs)).isEqualTo("APPROVED");
		assertThat(this.driver.task(this.theirs, ReturnProcess.TASK_PROCESS)).isNotNull();
		assertThat(
				call("POST", "/engine-rest/task/" + task + "/claim", "tenwarehouse1", "{\"userId\":\"tenwarehouse1\"}")
					.statusCode())
			.isEqualTo(404);
		assertThat(this.driver.task(this.theirs, ReturnProcess.TASK_PROCESS).getAssignee()).isNull();
	}

	@Test
	void aStoresSalesClerkCannotReachAnotherStoresRevision() throws Exception {
		String rejected = this.driver.requestAs("tensales", this.inS02, "DAMAGED", "Cracked", this.product, 1);
		this.driver.reject(rejected, "tenapprover", "No photo of the crack");
		String revision = this.driver.task(rejected, ReturnProcess.TASK_REVISE).getId();

		assertThat(tasks("tensales1", rejected)).isEmpty();
		assertThat(call("GET", "/engine-rest/task/" + revision, "tensales1").statusCode()).isEqualTo(404);
		HttpResponse<String> withdrawn = this.calls.complete("tensales1", PASSWORD, revision,
				"{\"resubmit\":{\"value\":false}}");
		assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(404);
		assertThat(this.ledgers.status(rejected)).isEqualTo("REJECTED");
		// the requester, head office, still has it
		assertThat(tasks("tensales", rejected)).containsExactly(ReturnProcess.TASK_REVISE);
	}

	@Test
	void aStoresAnalystReadsTheirStoresHistoryOnly() throws Exception {
		assertThat(historicTasks("tenanalyst1", this.ours)).contains(ReturnProcess.TASK_APPROVE);
		assertThat(historicTasks("tenanalyst1", this.theirs)).isEmpty();
		assertThat(historicTasks("tenanalyst", this.theirs)).contains(ReturnProcess.TASK_APPROVE);
		HttpResponse<String> instances = call("GET",
				"/engine-rest/history/process-instance?processInstanceBusinessKey=" + this.theirs, "tenanalyst1");
		assertThat(this.calls.json(instances).size()).isZero();
		String instance = this.driver.instance(this.theirs).getId();
		assertThat(call("GET", "/engine-rest/history/variable-instance?processInstanceId=" + instance, "tenanalyst1")
			.body()).isEqualTo("[]");
		assertThat(call("GET", "/engine-rest/process-instance/" + instance, "tenanalyst1").statusCode()).isEqualTo(404);
		assertThat(
				call("GET", "/engine-rest/process-instance/" + this.driver.instance(this.ours).getId(), "tenanalyst1")
					.statusCode())
			.isEqualTo(200);
	}

	private List<String> tasks(String user, String number) throws Exception {
		HttpResponse<String> answer = call("GET", "/engine-rest/task?processInstanceBusinessKey=" + number, user);
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		return this.calls.json(answer).findValuesAsText("taskDefinitionKey");
	}

	private List<String> historicTasks(String user, String number) throws Exception {
		HttpResponse<String> answer = call("GET", "/engine-rest/history/task?processInstanceBusinessKey=" + number,
				user);
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		JsonNode tasks = this.calls.json(answer);
		return tasks.findValuesAsText("taskDefinitionKey");
	}

	private HttpResponse<String> call(String method, String path, String user) {
		return this.calls.call(method, path, user, PASSWORD, null);
	}

	private HttpResponse<String> call(String method, String path, String user, String body) {
		return this.calls.call(method, path, user, PASSWORD, body);
	}

}

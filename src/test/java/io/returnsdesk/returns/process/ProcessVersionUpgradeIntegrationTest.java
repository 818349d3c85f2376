package io.returnsdesk.returns.process;

import java.io.IOException;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Set;

import io.returnsdesk.catalog.Product;
import io.returnsdesk.returns.ReturnQueries;
import io.returnsdesk.sales.TradeOrder;
import io.returnsdesk.support.IntegrationTest;
import io.returnsdesk.support.Ledgers;
import io.returnsdesk.support.ReturnDriver;
import io.returnsdesk.support.TestFixtures;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

import static io.returnsdesk.support.TestFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Returns that were running when the application was upgraded: started on the model of
 * the day before receiving (kept in
 * {@code src/test/resources/processes-before-receiving/}, its processing form a list of
 * lines to scrap), they move onto today's model when it is deployed, and the warehouse
 * records what came back of them as of any other.
 */
@IntegrationTest
class ProcessVersionUpgradeIntegrationTest {

	@Autowired
	ProcessEngine engine;

	@Autowired
	ProcessVersionUpgrade upgrade;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	ReturnDriver driver;

	@Autowired
	ReturnQueries queries;

	@Autowired
	Ledgers ledgers;

	@Test
	void returnsRunningOnTheModelBeforeReceivingMoveOntoTodaysAndRecordWhatCameBack() throws IOException {
		Product mug = this.fixtures.product("25.50", 10);
		Product plate = this.fixtures.product("18.00", 10);
		TradeOrder order = this.fixtures.shippedSale(5, line(mug, 3), line(plate, 2));
		ProcessDefinition before = deploy("processes-before-receiving/", "Before receiving");
		String atProcessing = this.driver.request(order.getNumber(), "DAMAGED", "REFUND", mug.getSku(), 3);
		this.driver.approve(atProcessing, ReturnDriver.APPROVER);
		String atApproval = this.driver.request(order.getNumber(), "DEFECTIVE", "REFUND", plate.getSku(), 2);
		assertThat(definitionOf(atProcessing)).isEqualTo(before.getId());
		// the form of the day before: lines to scrap, no list of what came back
		assertThat(localVariables(atProcessing, ReturnProcess.TASK_PROCESS)).doesNotContain("receipt");
		assertThat(this.driver.task(atProcessing, ReturnProcess.TASK_PROCESS).getDueDate()).isNull();

		ProcessDefinition today = deploy("processes/", "Today");
		int moved = this.upgrade.upgradeRunningReturns();

		assertThat(moved).isGreaterThanOrEqualTo(2);
		assertThat(definitionOf(atProcessing)).isEqualTo(today.getId());
		assertThat(definitionOf(atApproval)).isEqualTo(today.getId());
		// the open task keeps its place and gets the data of today's form
		assertThat(this.driver.task(atProcessing, ReturnProcess.TASK_PROCESS)).isNotNull();
		assertThat(localVariables(atProcessing, ReturnProcess.TASK_PROCESS)).contains("receipt");
		// and the due date today's model gives its step
		Task processing = this.driver.task(atProcessing, ReturnProcess.TASK_PROCESS);
		assertThat(processing.getName()).startsWith("Process return 退货处理 · " + atProcessing + " · ");
		assertThat(processing.getDueDate())
			.isEqualTo(Date.from(processing.getCreateTime().toInstant().plus(Duration.ofDays(3))));
		assertThat(this.engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processDefinitionId(before.getId())
			.count()).isZero();
		assertThat(this.upgrade.upgradeRunningReturns()).as("nothing left to move").isZero();

		this.driver.process(atProcessing, TestFixtures.WAREHOUSE, "CASH", "51.00",
				ReturnDriver.receipt("{\"1\": 2}", "{\"1\": 1}", null));
		assertThat(this.ledgers.status(atProcessing)).isEqualTo("PROCESSED");
		assertThat(this.queries.get(atProcessing).lines().get(0).receivedQuantity()).isEqualTo(2);
		this.driver.confirm(atProcessing);
		this.driver.runPostingJob(atProcessing);
		assertThat(this.ledgers.movements(atProcessing)).containsExactly("CUSTOMER_RETURN " + mug.getSku() + " WT-A 2",
				"SCRAP " + mug.getSku() + " WT-A -1");

		// the one still waiting for approval reaches today's processing form
		this.driver.approve(atApproval, ReturnDriver.APPROVER);
		assertThat(localVariables(atApproval, ReturnProcess.TASK_PROCESS)).contains("receipt");
	}

	/**
	 * Deploys the models of a folder of the class path together (each task's form with
	 * its process), as the latest versions, under the names the application gives them.
	 */
	private ProcessDefinition deploy(String folder, String name) throws IOException {
		DeploymentBuilder deployment = this.engine.getRepositoryService().createDeployment().name(name);
		for (String model : List.of("returnRequest.bpmn", "returnPolicy.dmn", "forms/approveReturn.form",
				"forms/reviseReturn.form", "forms/processReturn.form", "forms/confirmReturn.form")) {
			deployment.addInputStream(model, new ClassPathResource(folder + model).getInputStream());
		}
		String id = deployment.deploy().getId();
		return this.engine.getRepositoryService()
			.createProcessDefinitionQuery()
			.deploymentId(id)
			.processDefinitionKey(ReturnProcess.PROCESS_KEY)
			.singleResult();
	}

	private String definitionOf(String number) {
		return this.driver.instance(number).getProcessDefinitionId();
	}

	private Set<String> localVariables(String number, String taskKey) {
		return this.engine.getTaskService().getVariablesLocal(this.driver.task(number, taskKey).getId()).keySet();
	}

}

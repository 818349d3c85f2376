package io.returnsdesk.returns.process;

import java.util.List;
import java.util.Map;

import io.returnsdesk.catalog.Product;
import io.returnsdesk.catalog.process.StoreGroups;
import io.returnsdesk.engine.StoreTenancy;
import io.returnsdesk.sales.TradeOrder;
import io.returnsdesk.support.Ledgers;
import io.returnsdesk.support.ReturnDriver;
import io.returnsdesk.support.TestFixtures;
import io.returnsdesk.support.TestUsers;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static io.returnsdesk.support.TestFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Stores as the engine's tenants, through its Java API as Tasklist and Cockpit call it: a
 * user of store S01 gets S01's tasks and history only and cannot work another store's
 * task; the head office gets both; returns of the time before the stores were tenants are
 * given their store's. On PostgreSQL and on H2 (the subclasses).
 */
abstract class StoreTenantsChecks {

	@Autowired
	TestFixtures fixtures;

	@Autowired
	ReturnDriver driver;

	@Autowired
	StoreGroups storeGroups;

	@Autowired
	TestUsers users;

	@Autowired
	TaskService tasks;

	@Autowired
	HistoryService history;

	@Autowired
	IdentityService identity;

	@Autowired
	Ledgers ledgers;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ReturnStoresInTheEngine earlierReturns;

	Product product;

	String ours;

	String theirs;

	@BeforeEach
	void twoStoresEachWithAnApprovedReturn() {
		this.product = this.fixtures.product("21.00", 30);
		TradeOrder inS01 = this.fixtures.shippedSale("S01", 3, line(this.product, 4));
		TradeOrder inS02 = this.fixtures.shippedSale("S02", 3, line(this.product, 4));
		this.storeGroups.ensureAll();
		this.ours = this.driver.request(inS01.getNumber(), "DAMAGED", "REFUND", this.product.getSku(), 1);
		this.theirs = this.driver.request(inS02.getNumber(), "DAMAGED", "REFUND", this.product.getSku(), 1);
		this.driver.approve(this.ours, ReturnDriver.APPROVER);
		this.driver.approve(this.theirs, ReturnDriver.APPROVER);
	}

	@AfterEach
	void loggedOut() {
		this.identity.clearAuthentication();
	}

	@Test
	void aStoresUserGetsTheirStoresTasksAndHistoryOnly() {
		String theirTask = this.driver.task(this.theirs, ReturnProcess.TASK_PROCESS).getId();
		this.identity.setAuthentication("tenantclerk", List.of("warehouse", "analysts", "storeS01"), List.of("S01"));
		assertThat(openTasks()).containsExactly(this.ours);
		assertThat(historicTasks()).containsOnly(this.ours);
		assertThat(this.tasks.createTaskQuery().taskId(theirTask).count()).isZero();
		assertThatThrownBy(() -> this.tasks.complete(theirTask,
				Map.of(ReturnProcess.VAR_WAREHOUSE_CODE, TestFixtures.WAREHOUSE, "refundMethod", "CASH", "refundAmount",
						21.00)))
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining(StoreTenancy.REFUSED_TENANT);
		this.identity.clearAuthentication();
		assertThat(this.ledgers.status(this.theirs)).isEqualTo("APPROVED");

		this.identity.setAuthentication("headclerk", List.of("warehouse", "analysts"));
		assertThat(openTasks()).containsExactlyInAnyOrder(this.ours, this.theirs);
		assertThat(historicTasks()).contains(this.ours, this.theirs);
	}

	@Test
	void returnsOfTheTimeBeforeTheStoresWereTenantsAreGivenTheirStores() {
		String instance = this.driver.instance(this.ours).getId();
		for (String table : List.of("ACT_RU_EXECUTION", "ACT_RU_TASK", "ACT_RU_VARIABLE", "ACT_HI_PROCINST",
				"ACT_HI_TASKINST", "ACT_HI_ACTINST", "ACT_HI_VARINST")) {
			this.jdbc.update("update " + table + " set TENANT_ID_ = null where PROC_INST_ID_ = ?", instance);
		}
		assertThat(this.driver.task(this.ours, ReturnProcess.TASK_PROCESS).getTenantId()).isNull();

		assertThat(this.earlierReturns.giveStores()).isGreaterThanOrEqualTo(1);

		assertThat(this.driver.task(this.ours, ReturnProcess.TASK_PROCESS).getTenantId()).isEqualTo("S01");
		assertThat(this.history.createHistoricProcessInstanceQuery()
			.processInstanceId(instance)
			.singleResult()
			.getTenantId()).isEqualTo("S01");
		assertThat(this.history.createHistoricTaskInstanceQuery().processInstanceId(instance).list())
			.extracting(HistoricTaskInstance::getTenantId)
			.containsOnly("S01");
		assertThat(this.jdbc.queryForObject(
				"select count(*) from ACT_RU_VARIABLE where PROC_INST_ID_ = ? and TENANT_ID_ is null", Integer.class,
				instance))
			.isZero();
		// and the next start finds nothing left to do
		assertThat(this.earlierReturns.giveStores()).isZero();
	}

	private List<String> openTasks() {
		return this.tasks.createTaskQuery()
			.processInstanceBusinessKeyIn(this.ours, this.theirs)
			.taskDefinitionKey(ReturnProcess.TASK_PROCESS)
			.list()
			.stream()
			.map(Task::getProcessInstanceId)
			.map((id) -> this.history.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult())
			.map((instance) -> instance.getBusinessKey())
			.toList();
	}

	private List<String> historicTasks() {
		return this.history.createHistoricTaskInstanceQuery()
			.processDefinitionKey(ReturnProcess.PROCESS_KEY)
			.list()
			.stream()
			.map(HistoricTaskInstance::getProcessInstanceId)
			.map((id) -> this.history.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult())
			.filter((instance) -> instance != null)
			.map((instance) -> instance.getBusinessKey())
			.filter((key) -> key.equals(this.ours) || key.equals(this.theirs))
			.toList();
	}

}

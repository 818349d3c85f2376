package io.returnsdesk.web.browser;

import io.returnsdesk.catalog.Product;
import io.returnsdesk.catalog.process.StoreGroups;
import io.returnsdesk.returns.process.ReturnProcess;
import io.returnsdesk.sales.TradeOrder;
import io.returnsdesk.support.ReturnDriver;
import io.returnsdesk.support.TestFixtures;
import io.returnsdesk.support.TestUsers;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;

import static io.returnsdesk.support.TestFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A warehouse clerk of store S01 in Tasklist, in a real Chromium: the warehouse's filter
 * lists S01's return to process and not S02's, its count says one, and S02's task, opened
 * by its address, is not there; the head office's clerk sees both, in the warehouse's
 * shared filter (made at start by the application).
 */
@DeskInChromium
class StoreClerkInTasklistIntegrationTest {

	static final String PASSWORD = DeskInChromiumIntegrationTest.PASSWORD;

	static final String FILTER = "Returns to process 退货处理";

	@Autowired
	TestFixtures fixtures;

	@Autowired
	ReturnDriver driver;

	@Autowired
	TestUsers users;

	@Autowired
	StoreGroups storeGroups;

	@Autowired
	ProcessEngine engine;

	@RegisterExtension
	final Browsers browsers = new Browsers();

	String ours;

	String theirs;

	@BeforeEach
	void twoStoresEachWithAReturnToProcess() {
		Product product = this.fixtures.product("Tea set 茶具", "68.00", 20);
		TradeOrder inS01 = this.fixtures.shippedSale("S01", 2, line(product, 2));
		TradeOrder inS02 = this.fixtures.shippedSale("S02", 2, line(product, 2));
		this.storeGroups.ensureAll();
		this.users.named("admin", "Admin", "Istrator", PASSWORD, "camunda-admin");
		this.users.named("tlsales", "Li", "Na", PASSWORD, "sales");
		this.users.named("tlapprover", "Wang", "Fang", PASSWORD, "approvers");
		this.users.named("tlwarehouse1", "Zhou", "Qiang", PASSWORD, "warehouse", "storeS01");
		this.users.named("tlwarehouse", "Chen", "Jie", PASSWORD, "warehouse");
		this.ours = this.driver.requestAs("tlsales", inS01, "DAMAGED", "Chipped cup", product, 1);
		this.theirs = this.driver.requestAs("tlsales", inS02, "DAMAGED", "Chipped cup", product, 1);
		this.driver.approve(this.ours, "tlapprover");
		this.driver.approve(this.theirs, "tlapprover");
	}

	@Test
	void aStoresWarehouseClerkSeesOnlyTheirStoresTasks() {
		Chromium browser = this.browsers.english();
		Tasklist tasklist = new Tasklist(browser, this.engine.getName());

		String ourTask = this.driver.task(this.ours, ReturnProcess.TASK_PROCESS).getId();
		String theirTask = this.driver.task(this.theirs, ReturnProcess.TASK_PROCESS).getId();

		tasklist.logIn("tlwarehouse1", PASSWORD);
		// S01's return to process, and nothing of another store (S02's, nor the other
		// tests' store)
		assertThat(tasklist.tasksOf(FILTER, 1)).containsExactly(ourTask);
		browser.screenshot("tasklist-store-clerk");
		assertThat(tasklist.open(ourTask)).contains(this.ours);
		assertThat(tasklist.isMissing(theirTask)).isTrue();

		browser.forgetLogins();
		tasklist.logIn("tlwarehouse", PASSWORD);
		assertThat(tasklist.tasksOf(FILTER, 2)).contains(ourTask, theirTask);
	}

}

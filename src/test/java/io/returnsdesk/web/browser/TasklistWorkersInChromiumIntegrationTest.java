package io.returnsdesk.web.browser;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.returnsdesk.catalog.PartyKind;
import io.returnsdesk.catalog.Product;
import io.returnsdesk.catalog.Store;
import io.returnsdesk.engine.EngineTime;
import io.returnsdesk.returns.process.ReturnProcess;
import io.returnsdesk.sales.TradeOrder;
import io.returnsdesk.support.Ledgers;
import io.returnsdesk.support.PostgresInitializer;
import io.returnsdesk.support.ReturnDriver;
import io.returnsdesk.support.TestFixtures;
import io.returnsdesk.support.TestUsers;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

import static io.returnsdesk.support.TestFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Tasklist as the approver and the warehouse meet it, in a real Chromium: each sees their
 * own role's filter and no other's, the cards soonest due first, each card saying which
 * return it is (number, customer as typed, amount, due date); the approver approves, the
 * warehouse processes, and the return moves on. Tasklist (and Cockpit and Admin) speak
 * Chinese to a Chinese browser and English to the others, and show no end-of-life banner.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ContextConfiguration(initializers = TasklistWorkersInChromiumIntegrationTest.WorkersDatabase.class)
class TasklistWorkersInChromiumIntegrationTest {

	/** A database of its own: the filters list only these tasks. */
	static class WorkersDatabase extends PostgresInitializer {

		WorkersDatabase() {
			super("tasklist");
		}

	}

	static final String PASSWORD = "secret";

	static final String APPROVALS = "Approvals 退货审批";

	static final String TO_PROCESS = "Returns to process 退货处理";

	/** Typed with a full stop and brackets, which Markdown would have escaped. */
	static final String CUSTOMER = "Yang 杨 P. [VIP]";

	@Autowired
	TestFixtures fixtures;

	@Autowired
	ReturnDriver driver;

	@Autowired
	Ledgers ledgers;

	@Autowired
	TestUsers users;

	@Autowired
	ProcessEngine engine;

	@Autowired
	Clock clock;

	@RegisterExtension
	final Browsers browsers = new Browsers();

	@BeforeEach
	void people() {
		// without an administrator, Camunda's webapps send everyone to their setup page
		this.users.named("admin", "Admin", "Istrator", PASSWORD, "camunda-admin");
		this.users.named("tlsales", "Li", "Na", PASSWORD, "sales");
		this.users.named("tlapprover", "Wang", "Fang", PASSWORD, "approvers");
		this.users.named("tlwarehouse", "Chen", "Jie", PASSWORD, "warehouse");
	}

	@Test
	void theApproverApprovesFromTheCardInTheirFilterAndTheWarehouseProcessesIt() {
		Product lamp = this.fixtures.product("Reading lamp 阅读灯", "159.00", 10);
		Store store = this.fixtures.store();
		TradeOrder order = this.fixtures.shippedSale(store, this.fixtures.party(PartyKind.CUSTOMER, CUSTOMER), 5,
				line(lamp, 2));
		TradeOrder earlierOrder = this.fixtures.shippedSale(store,
				this.fixtures.party(PartyKind.CUSTOMER, "Early Bird 早鸟"), 5, line(lamp, 1));
		// asked for yesterday: due a day sooner than today's request, so listed first
		EngineTime.set(this.clock.instant().minus(Duration.ofDays(1)));
		String earlier;
		try {
			earlier = this.driver.requestAs("tlsales", earlierOrder, "DEFECTIVE", "Flickers", lamp, 1);
		}
		finally {
			EngineTime.reset();
		}
		String number = this.driver.requestAs("tlsales", order, "DAMAGED", "Shade *cracked* at the rim_", lamp, 1);
		Task approval = this.driver.task(number, ReturnProcess.TASK_APPROVE);
		// the task's name says which return; the model's step keeps its plain name
		assertThat(approval.getName()).isEqualTo("Approve return 退货审批 · %s · %s · CNY 159.00", number, CUSTOMER);
		assertThat(approval.getDueDate().toInstant())
			.isCloseTo(approval.getCreateTime().toInstant().plus(Duration.ofDays(2)), within(1, ChronoUnit.SECONDS));
		String earlierApproval = this.driver.task(earlier, ReturnProcess.TASK_APPROVE).getId();

		Chromium browser = this.browsers.english();
		Tasklist tasklist = new Tasklist(browser, this.engine.getName());
		tasklist.logIn("tlapprover", PASSWORD);
		assertThat(tasklist.filters()).containsExactly(APPROVALS);
		assertThat(tasklist.tasksOf(APPROVALS, 2)).containsExactly(earlierApproval, approval.getId());
		// the card: its name, when it is due, and the filter's variables with their
		// labels
		assertThat(tasklist.card(approval.getId()))
			.contains("Approve return 退货审批 · %s · %s · CNY 159.00".formatted(number, CUSTOMER), "Due in 2 days",
					"Return 退货单:", "Party 客户/供应商:", "Amount (CNY) 金额（元）:")
			.doesNotContain("\\");
		assertThat(tasklist.card(earlierApproval)).contains("Due in a day", "Early Bird 早鸟");
		browser.screenshot("tasklist-approvals");

		assertThat(tasklist.open(approval.getId())).contains(number);
		assertThat(tasklist.formText()).contains("Customer 客户: " + CUSTOMER, "Shade *cracked* at the rim_")
			.doesNotContain("\\", "view.lines");
		tasklist.claim();
		tasklist.choose("Approve 批准");
		tasklist.complete();
		browser.waitFor((page) -> "APPROVED".equals(this.ledgers.status(number)));

		browser.forgetLogins();
		tasklist.logIn("tlwarehouse", PASSWORD);
		// the warehouse's own filter only: no approvals to land on
		assertThat(tasklist.filters()).containsExactly(TO_PROCESS);
		Task processing = this.driver.task(number, ReturnProcess.TASK_PROCESS);
		assertThat(processing.getName()).isEqualTo("Process return 退货处理 · %s · %s · CNY 159.00", number, CUSTOMER);
		assertThat(tasklist.tasksOf(TO_PROCESS, 1)).containsExactly(processing.getId());
		assertThat(tasklist.card(processing.getId())).contains(number, CUSTOMER, "159.00").doesNotContain("\\");
		assertThat(tasklist.open(processing.getId())).contains(number);
		tasklist.claim();
		tasklist.select("Select_WarehouseCode", TestFixtures.WAREHOUSE + " · Test warehouse A");
		tasklist.select("Select_RefundMethod", "Original payment 原路退回");
		tasklist.complete();
		browser.waitFor((page) -> "PROCESSED".equals(this.ledgers.status(number)));
		assertThat(this.ledgers.status(earlier)).isEqualTo("SUBMITTED");
	}

	@Test
	void tasklistSpeaksChineseToAChineseBrowserAndEnglishToAnEnglishOneWithoutTheEndOfLifeBanner() {
		Chromium chinese = this.browsers.chinese();
		Tasklist inChinese = new Tasklist(chinese, this.engine.getName());
		chinese.go("/camunda/app/tasklist/" + this.engine.getName() + "/");
		chinese.waitForText("form [type=submit]", "登录");
		inChinese.logIn("tlapprover", PASSWORD);
		chinese.waitForText("body", "启动流程");
		assertThat(bannerHidden(chinese)).isTrue();
		// Cockpit and Admin too: their login pages
		for (String app : List.of("cockpit", "admin")) {
			chinese.forgetLogins();
			chinese.go("/camunda/app/%s/%s/".formatted(app, this.engine.getName()));
			chinese.waitForText("form [type=submit]", "登录");
		}

		Chromium english = this.browsers.english();
		Tasklist inEnglish = new Tasklist(english, this.engine.getName());
		english.go("/camunda/app/tasklist/" + this.engine.getName() + "/");
		english.waitForText("form [type=submit]", "Log in");
		inEnglish.logIn("tlapprover", PASSWORD);
		english.waitForText("body", "Start process");
		assertThat(english.text("body")).doesNotContain("启动流程");
		assertThat(bannerHidden(english)).isTrue();
	}

	/**
	 * Whether Camunda's "time to migrate to Camunda 8" banner is on the page (so that the
	 * check means something) and not shown.
	 */
	private static boolean bannerHidden(Chromium browser) {
		List<WebElement> banners = browser
			.waitFor((driver) -> driver.findElements(By.cssSelector("[cam-widget-header] .ce-eol-banner")).isEmpty()
					? null : driver.findElements(By.cssSelector("[cam-widget-header] .ce-eol-banner")));
		return banners.stream().noneMatch(WebElement::isDisplayed)
				&& !browser.text("body").contains("time to migrate to Camunda 8");
	}

}

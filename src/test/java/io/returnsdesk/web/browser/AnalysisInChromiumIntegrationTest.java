package io.returnsdesk.web.browser;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.returnsdesk.catalog.Product;
import io.returnsdesk.engine.EngineTime;
import io.returnsdesk.reporting.process.ReturnRateReviewProcess;
import io.returnsdesk.sales.TradeOrder;
import io.returnsdesk.support.Ledgers;
import io.returnsdesk.support.PostgresInitializer;
import io.returnsdesk.support.ReturnDriver;
import io.returnsdesk.support.TestFixtures;
import io.returnsdesk.support.TestUsers;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

import static io.returnsdesk.support.TestFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analysis in a real Chromium: the analyst finds the product whose return rate is too
 * high on the reports page, sees where returns wait on the process page, and reviews the
 * product in Tasklist after starting the review by hand.
 *
 * <pre>
 * Hair dryer  20 shipped (store TS)   2 returned  10 %  flagged
 * Phone case 100 shipped (store TS2)  1 returned   1 %
 * approvals waited 1 h, 2 h and 3 h: median 2 h, 90 % within 2 h 48 min;
 * a fourth request has waited four days for approval, past its two-day reminder
 * </pre>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ContextConfiguration(initializers = AnalysisInChromiumIntegrationTest.AnalysisDatabase.class)
class AnalysisInChromiumIntegrationTest {

	/** A database of its own: the reports show only these returns. */
	static class AnalysisDatabase extends PostgresInitializer {

		AnalysisDatabase() {
			super("analysis");
		}

	}

	static final String PASSWORD = "secret";

	static final String ANALYST = "analyst";

	@Autowired
	TestFixtures fixtures;

	@Autowired
	ReturnDriver driver;

	@Autowired
	TaskService tasks;

	@Autowired
	TestUsers users;

	@Autowired
	ProcessEngine engine;

	@Autowired
	Ledgers ledgers;

	@Autowired
	JdbcTemplate jdbc;

	@RegisterExtension
	final Browsers browsers = new Browsers();

	Product dryer;

	Product phoneCase;

	@BeforeEach
	void returnsOfTheLastDays() {
		this.users.named(ANALYST, "Zhao", "Min", PASSWORD, "analysts");
		this.users.named("admin", "Admin", "Istrator", PASSWORD, "camunda-admin");
		Instant start = Instant.now().minus(Duration.ofDays(4));
		try {
			at(start, 0);
			this.dryer = this.fixtures.product("Hair dryer 吹风机", "199.00", 40);
			this.phoneCase = this.fixtures.product("Phone case 手机壳", "39.00", 200);
			TradeOrder dryers = this.fixtures.shippedSale("TS", 2, line(this.dryer, 20));
			TradeOrder cases = this.fixtures.shippedSale("TS2", 2, line(this.phoneCase, 100));
			String waiting = this.driver.request(cases.getNumber(), "DAMAGED", "REFUND", this.phoneCase.getSku(), 1);
			confirmed(start, 0, 1, dryers, this.dryer, "199.00");
			confirmed(start, 24, 2, dryers, this.dryer, "199.00");
			confirmed(start, 30, 3, cases, this.phoneCase, "39.00");
			assertThat(this.driver.task(waiting, "approveReturn")).isNotNull();
		}
		finally {
			EngineTime.reset();
		}
	}

	@AfterEach
	void realTime() {
		EngineTime.reset();
	}

	@Test
	void theAnalystFindsTheFlaggedProductSeesWhereReturnsWaitAndReviewsItInTasklist() {
		Chromium browser = this.browsers.english();
		Desk desk = new Desk(browser);
		desk.openAndLogIn(ANALYST, PASSWORD);

		browser.click("#nav-reports");
		List<List<String>> products = browser.rows("#table-product", 2);
		assertThat(products.get(0).get(0)).contains(this.dryer.getSku(), "Hair dryer", "Above threshold");
		// none kept by the customer (no returnless refund)
		assertThat(products.get(0).subList(1, 6)).containsExactly("20", "2", "10.00 %", "398.00", "0");
		assertThat(products.get(1).get(0)).contains(this.phoneCase.getSku()).doesNotContain("Above threshold");
		assertThat(products.get(1).subList(1, 4)).containsExactly("100", "1", "1.00 %");
		assertThat(browser.text("#table-product tbody tr.flagged")).contains(this.dryer.getSku());
		assertThat(browser.text("#threshold-note")).contains("5.00 %");
		// the charts are drawn: the products' bars, the threshold line beside them
		assertThat(chartLabels(browser, "chart-products")).containsExactly(this.dryer.getSku(),
				this.phoneCase.getSku());
		assertThat(chartLabels(browser, "chart-reasons")).containsExactly("Defective");
		browser.screenshot("reports");

		new Select(browser.shown("#report-filters select[name=store]")).selectByValue("TS2");
		browser.click("#report-filters button[type=submit]");
		browser.waitFor((page) -> browser.rows("#table-product", 1).size() == 1
				&& browser.rows("#table-product", 1).get(0).get(0).contains(this.phoneCase.getSku()));
		assertThat(browser.driver().getCurrentUrl()).contains("store=TS2");

		browser.click("#nav-kpis");
		List<List<String>> steps = browser.rows("#kpi-steps", 4);
		assertThat(steps.get(0).subList(0, 5)).containsExactly("Approve return 退货审批", "3", "2 h", "2 h 48 min", "1");
		assertThat(steps.get(2).subList(0, 2)).containsExactly("Process return 退货处理", "3");
		assertThat(browser.text("#tile-started")).isEqualTo("4");
		assertThat(browser.text("#tile-overdue")).isEqualTo("1");
		assertThat(browser.shown("#tile-overdue-box").getAttribute("class")).contains("alarm");
		assertThat(chartLabels(browser, "chart-waiting")).hasSize(4).first().isEqualTo("Approve return 退货审批");
		browser.screenshot("process-kpis");

		Tasklist tasklist = new Tasklist(browser, this.engine.getName());
		tasklist.logIn(ANALYST, PASSWORD);
		tasklist.startProcess(ReturnRateReviewProcess.PROCESS_KEY);
		// the product and its store, both above the threshold
		List<Task> reviews = browser.waitFor((page) -> {
			List<Task> found = this.tasks.createTaskQuery()
				.taskDefinitionKey(ReturnRateReviewProcess.TASK_REVIEW)
				.taskCandidateGroup("analysts")
				.orderByTaskName()
				.asc()
				.list();
			return (found.size() == 2) ? found : null;
		});
		// each named after what it reviews and its rate
		assertThat(reviews).extracting(Task::getName)
			.satisfiesExactly(
					(name) -> assertThat(name).isEqualTo("Review return rate 复核退货率 · Product 商品 " + this.dryer.getSku()
							+ " · Hair dryer 吹风机 · 10.00 %"),
					(name) -> assertThat(name).startsWith("Review return rate 复核退货率 · Store 门店 TS · ").endsWith(" %"));
		assertThat(tasklist.open(reviews.get(0).getId())).isEqualTo("Review return rate 复核退货率");
		assertThat(browser.text("[cam-tasklist-form] .fjs-form")).contains(this.dryer.getSku(), "Hair dryer");
		tasklist.claim();
		tasklist.select("Select_Action", "Check quality 检查质量");
		tasklist.write("Textarea_Note", "Two of twenty came back defective: ask the supplier for the batch report");
		browser.screenshot("review-return-rate");
		tasklist.complete();

		browser.waitFor((page) -> this.tasks.createTaskQuery()
			.taskDefinitionKey(ReturnRateReviewProcess.TASK_REVIEW)
			.count() == 1);
		assertThat(this.jdbc.queryForMap("""
				select status, action, note, reviewed_by from return_rate_review
				where subject_kind = 'PRODUCT' and subject_key = ?""", this.dryer.getSku()))
			.containsEntry("status", "DONE")
			.containsEntry("action", "CHECK_QUALITY")
			.containsEntry("reviewed_by", ANALYST)
			.containsEntry("note", "Two of twenty came back defective: ask the supplier for the batch report");
		// the managers hear of the run once its last review is decided
		assertThat(managersNotified()).isZero();
		this.users.actingAs(ANALYST, List.of("analysts"), () -> {
			this.tasks.claim(reviews.get(1).getId(), ANALYST);
			this.tasks.complete(reviews.get(1).getId(), Map.of(ReturnRateReviewProcess.VAR_ACTION, "NO_ACTION",
					ReturnRateReviewProcess.VAR_NOTE, "The dryer explains it"));
		});
		assertThat(managersNotified()).isEqualTo(1);
	}

	private int managersNotified() {
		return this.jdbc.queryForObject(
				"select count(*) from notification where kind = 'RETURN_RATE_REVIEWED' and recipient_group = 'managers'",
				Integer.class);
	}

	@SuppressWarnings("unchecked")
	private static List<String> chartLabels(Chromium browser, String canvasId) {
		return browser.waitFor((page) -> (List<String>) browser.script("""
				const chart = window.Chart && window.Chart.getChart(arguments[0]);
				return chart && chart.data.labels.length > 0 ? chart.data.labels : null;""", canvasId));
	}

	/**
	 * Requests, approves, processes and confirms one unit; the approval waits the given
	 * hours, processing two more, confirmation one more.
	 */
	private void confirmed(Instant start, int requestedAfterHours, int approvalWait, TradeOrder order, Product product,
			String refund) {
		at(start, requestedAfterHours);
		String number = this.driver.request(order.getNumber(), "DEFECTIVE", "REFUND", product.getSku(), 1);
		at(start, requestedAfterHours + approvalWait);
		this.driver.approve(number, ReturnDriver.APPROVER);
		at(start, requestedAfterHours + approvalWait + 2);
		this.driver.process(number, TestFixtures.WAREHOUSE, "CASH", refund, null);
		at(start, requestedAfterHours + approvalWait + 3);
		this.driver.confirm(number);
		this.driver.runPostingJob(number);
	}

	private static void at(Instant start, int hours) {
		EngineTime.set(start.plus(Duration.ofHours(hours)));
	}

}

package io.returnsdesk.web.browser;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

import io.returnsdesk.catalog.Product;
import io.returnsdesk.catalog.Products;
import io.returnsdesk.engine.EngineTime;
import io.returnsdesk.returns.ReturnQueries;
import io.returnsdesk.returns.ReturnView;
import io.returnsdesk.returns.process.ReturnProcess;
import io.returnsdesk.sales.TradeOrder;
import io.returnsdesk.support.Ledgers;
import io.returnsdesk.support.ReturnDriver;
import io.returnsdesk.support.TestFixtures;
import io.returnsdesk.support.TestUsers;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;

import static io.returnsdesk.support.TestFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The desk and Tasklist in a real Chromium: what each person does and sees, from the
 * clerk's scan to the postings on the return's page. Run with {@code -Dscreenshots=true}
 * to refresh the README's pictures of the desk.
 */
@DeskInChromium
class DeskInChromiumIntegrationTest {

	static final String PASSWORD = "secret";

	static final String CLERK = "sales";

	static final String APPROVER = "approver";

	static final String WAREHOUSE_CLERK = "warehouse";

	static final String ACCOUNTANT = "finance";

	@Autowired
	TestFixtures fixtures;

	@Autowired
	ReturnDriver driver;

	@Autowired
	ReturnQueries queries;

	@Autowired
	Ledgers ledgers;

	@Autowired
	TestUsers users;

	@Autowired
	ProcessEngine engine;

	@Autowired
	Clock clock;

	@Autowired
	Products products;

	@TempDir
	Path files;

	@RegisterExtension
	final Browsers browsers = new Browsers();

	@BeforeEach
	void people() {
		this.users.named(CLERK, "Li", "Na", PASSWORD, "sales");
		this.users.named(APPROVER, "Wang", "Fang", PASSWORD, "approvers");
		this.users.named(WAREHOUSE_CLERK, "Chen", "Jie", PASSWORD, "warehouse");
		this.users.named(ACCOUNTANT, "Liu", "Yang", PASSWORD, "finance");
		// without an administrator, Camunda's webapps send everyone to their setup page
		this.users.named("admin", "Admin", "Istrator", PASSWORD, "camunda-admin");
	}

	@Test
	void aReturnScannedAtTheDeskIsApprovedProcessedAndConfirmedInTasklistAndPostedOnItsPage() throws IOException {
		Product lamp = this.fixtures.product("Desk lamp 台灯", "159.00", 10);
		Product bulb = this.fixtures.product("LED bulb E27 灯泡", "12.50", 50);
		TradeOrder order = this.fixtures.shippedSale(6, line(lamp, 2), line(bulb, 4));
		earlierReturns();
		Chromium browser = this.browsers.english();
		Desk desk = new Desk(browser);
		// the tests' engines have names of their own (see application-test.yaml)
		Tasklist tasklist = new Tasklist(browser, this.engine.getName());

		String number = clerkScansTheReturnedLamp(browser, desk, order, lamp);
		approverApproves(browser, tasklist, number);
		warehouseUploadsAPhotoAndProcesses(browser, desk, tasklist, number);
		financeConfirms(browser, tasklist, number);

		browser.forgetLogins();
		desk.openAndLogIn(CLERK, PASSWORD);
		desk.openReturn(number);
		assertThat(browser.text("#d-status")).isEqualTo("Confirmed");
		assertThat(browser.text("#d-refund")).contains("Original payment", "159.00", TestFixtures.WAREHOUSE);
		// the timeline from the engine's history, with the waits between the steps
		assertThat(timeline(browser, 8)).containsSubsequence("Requested", "Approved", "Processed", "Confirmed",
				"Stock and finance posted");
		assertThat(browser.rows("#d-movements", 1)).singleElement()
			.satisfies((row) -> assertThat(row).endsWith("Customer return in", lamp.getSku(), TestFixtures.WAREHOUSE,
					"+1"));
		// the books are finance's: no postings card for the clerk, and nothing asked of
		// them
		assertThat(browser.driver().findElements(By.id("postings-card"))).isEmpty();
		assertThat(browser.driver().findElement(By.tagName("main")).getText()).doesNotContain("Finance postings");
		assertThat(desk.previewShown("flickering-lamp.png")).isTrue();
		assertThat(booksAsked(browser)).isEmpty();
		// what the page shows is what was booked
		assertThat(this.ledgers.movements(number))
			.containsExactly("CUSTOMER_RETURN " + lamp.getSku() + " " + TestFixtures.WAREHOUSE + " 1");

		desk.openHistory();
		List<String> newest = browser.rows("#history-table", 3).get(0);
		assertThat(newest.get(0)).isEqualTo(number);
		assertThat(newest.get(1)).matches(today());
		assertThat(newest.get(2)).isEqualTo("Confirmed");
		browser.screenshot("history");

		// finance reads the entry: the refund split into net and output VAT, back to the
		// original payment; the lamp back in stock at its cost (half the price)
		browser.forgetLogins();
		desk.openAndLogIn(ACCOUNTANT, PASSWORD);
		desk.openReturn(number);
		List<List<String>> postings = browser.rows("#d-postings", 5);
		assertThat(postings.get(0).get(0)).matches("JE-\\d{8}-\\d{4}");
		assertThat(postings).containsExactly(
				List.of(postings.get(0).get(0), "6001", "Sales revenue 主营业务收入", "140.71", ""),
				List.of("", "2221.01", "Output VAT 应交税费-应交增值税(销项税额)", "18.29", ""),
				List.of("", "1122", "Receivable from customers 应收账款", "", "159.00"),
				List.of("", "1405", "Merchandise inventory 库存商品", "79.50", ""),
				List.of("", "6401", "Cost of goods sold 主营业务成本", "", "79.50"));
		assertThat(browser.text("#d-note")).matches("Credit note CN-\\d{8}-\\d{4} · 159.00 · Print");
		assertThat(browser.shown("#d-note-print").getDomAttribute("href"))
			.isEqualTo("/api/returns/" + number + "/credit-note.pdf");
		assertThat(desk.previewShown("flickering-lamp.png")).isTrue();
		browser.screenshot("return-detail");
		assertThat(this.ledgers.postings(number)).containsExactly("6001 140.71 0.00", "2221.01 18.29 0.00",
				"1122 0.00 159.00", "1405 79.50 0.00", "6401 0.00 79.50");
		assertThat(this.ledgers.note(number)).singleElement()
			.isEqualTo(browser.text("#d-note-number") + " 140.71 18.29 159.00");
	}

	@Test
	void aLateChangeOfMindShowsItsRestockingFeeBeforeSavingAndOnTheReturnsPage() {
		Product kettle = this.fixtures.product("Kettle 电水壶", "226.00", 10);
		TradeOrder order = this.fixtures.shippedSale(20, line(kettle, 2));
		Chromium browser = this.browsers.english();
		Desk desk = new Desk(browser);
		desk.openAndLogIn(CLERK, PASSWORD);
		desk.startNewReturn();
		desk.pickOrder(order.getNumber());
		desk.scan(kettle.getBarcode());

		desk.chooseReason("Defective");
		browser.waitForText("#quote", "Refund 226.00, no restocking fee");
		desk.chooseReason("No longer needed");
		browser.waitForText("#quote",
				"Refund 203.40: the value 226.00 less a restocking fee of 22.60 (10 % of the value)");
		browser.screenshot("new-return-quote");
		String number = desk.save();
		browser.click("#created-link");

		browser.waitForText("#d-number", number);
		assertThat(browser.text("#d-fee")).isEqualTo("22.60");
		assertThat(this.queries.get(number).restockingFee()).isEqualByComparingTo("22.60");
	}

	@Test
	void anExchangeForADearerColourShowsWhatTheCustomerPaysBeforeSavingAndOnTheReturnsPage() {
		String model = "Mug " + System.nanoTime();
		Product blue = this.products
			.save(this.fixtures.product("Mug Blue 蓝色马克杯", "39.00", 10).variantOf(model, "Blue · 蓝色"));
		Product red = this.products
			.save(this.fixtures.product("Mug Red 红色马克杯", "45.00", 10).variantOf(model, "Red · 红色"));
		TradeOrder order = this.fixtures.shippedSale(3, line(blue, 2));
		Chromium browser = this.browsers.english();
		Desk desk = new Desk(browser);
		desk.openAndLogIn(CLERK, PASSWORD);
		desk.startNewReturn();
		desk.pickOrder(order.getNumber());
		desk.scan(blue.getBarcode());
		desk.chooseReason("Defective");
		browser.click("input[name=resolution][value=EXCHANGE]");
		browser.waitForText("#quote", "An exchange: no refund and no restocking fee");

		new Select(browser.shown("#lines-table select.replacement-sku")).selectByValue(red.getSku());
		browser.waitForText("#quote", "An exchange: the replacements cost 6.00 more; the customer pays 6.00");
		String number = desk.save();
		browser.click("#created-link");

		browser.waitForText("#d-number", number);
		assertThat(browser.text("#d-lines .replacement"))
			.isEqualTo("exchanged for Mug Red 红色马克杯 (%s) at 45.00".formatted(red.getSku()));
		assertThat(browser.text("#d-difference")).isEqualTo("The replacements cost 6.00 more: the customer pays it");
		assertThat(this.queries.get(number).lines().get(0).exchangeSku()).isEqualTo(red.getSku());
	}

	@Test
	void theRequesterRevisesARejectedReturnOnItsPageAndResubmitsIt() {
		Product chair = this.fixtures.product("Office chair 办公椅", "420.00", 5);
		TradeOrder order = this.fixtures.shippedSale(4, line(chair, 3));
		String number = request(order, chair, 3, "NOT_AS_DESCRIBED", "The seat is grey, not black as pictured");
		reject(number, "Only two chairs came back; return those");

		Chromium browser = this.browsers.english();
		Desk desk = new Desk(browser);
		desk.openAndLogIn(CLERK, PASSWORD);
		desk.openReturn(number);

		assertThat(browser.text("#d-status")).isEqualTo("Rejected");
		assertThat(browser.text("#d-rejection")).isEqualTo("Rejected: Only two chairs came back; return those");
		browser.shown("#revise-card");
		browser.type("#d-lines input.qty[data-sku='" + chair.getSku() + "']", "2");
		browser.waitForText("#d-total", "840.00");
		browser.screenshot("return-rejected");
		browser.click("#resubmit");

		browser.waitForText("#d-status", "Submitted");
		assertThat(browser.driver().findElement(By.id("revise-card")).isDisplayed()).isFalse();
		assertThat(browser.rows("#d-lines", 1)).singleElement()
			.satisfies(
					(row) -> assertThat(row).startsWith(chair.getSku(), "Office chair 办公椅", "2", "420.00", "840.00"));
		assertThat(timeline(browser, 6)).containsSubsequence("Requested", "Rejected", "Resubmitted", "Waiting");
		assertThat(this.ledgers.status(number)).isEqualTo("SUBMITTED");
		assertThat(this.driver.task(number, ReturnProcess.TASK_APPROVE)).isNotNull();
		assertThat(this.driver.task(number, ReturnProcess.TASK_REVISE)).isNull();
	}

	@Test
	void theWarehouseRecordsInTasklistThatTwoOfThreeCameBackYesterdayAndOneIsWrittenOff() {
		Product chair = this.fixtures.product("Folding chair 折叠椅", "65.00", 10);
		TradeOrder order = this.fixtures.shippedSale(8, line(chair, 3));
		// asked for and approved three days ago; the parcel came yesterday
		EngineTime.set(this.clock.instant().minus(Duration.ofDays(3)));
		String number;
		try {
			number = request(order, chair, 3, "DAMAGED", "Two chairs wobble, one seat is cracked");
			this.driver.complete(number, ReturnProcess.TASK_APPROVE, APPROVER,
					Map.of(ReturnProcess.VAR_APPROVED, true));
		}
		finally {
			EngineTime.reset();
		}
		Chromium browser = this.browsers.english();
		Tasklist tasklist = new Tasklist(browser, this.engine.getName());
		tasklist.logIn(WAREHOUSE_CLERK, PASSWORD);
		String task = task(number, ReturnProcess.TASK_PROCESS);
		assertThat(tasklist.open(task)).contains(number);
		tasklist.claim();
		// each line with the units asked; prefilled: all received, none written off,
		// today
		assertThat(tasklist.formText()).contains("1 · " + chair.getSku() + " Folding chair 折叠椅",
				"Asked 申请退货: 3 × 65.00", "Value of the units received 实收货值: 195");
		assertThat(tasklist.value("Number_Received", 0)).isEqualTo("3");
		assertThat(tasklist.value("Number_Scrapped", 0)).isEqualTo("0");
		assertThat(tasklist.checked("Radio_ReceiptDay")).startsWith("Today 今天");
		browser.screenshot("tasklist-process");
		tasklist.select("Select_WarehouseCode", TestFixtures.WAREHOUSE + " · Test warehouse A");
		tasklist.select("Select_RefundMethod", "Original payment 原路退回");

		// more received than asked: refused with the reason, the task stays open
		tasklist.type("Number_Received", 0, "4");
		browser.waitForText(Tasklist.FORM, "Value of the units received 实收货值: 260");
		tasklist.complete();
		assertThat(tasklist.refusal())
			.contains("Line 1 (%s): 4 unit(s) received, but 3 were asked back".formatted(chair.getSku()));
		assertThat(this.ledgers.status(number)).isEqualTo("APPROVED");
		assertThat(this.driver.task(number, ReturnProcess.TASK_PROCESS)).isNotNull();

		tasklist.type("Number_Received", 0, "2");
		tasklist.type("Number_Scrapped", 0, "1");
		tasklist.choose(tasklist.label("Radio_ReceiptDay", "Yesterday"));
		browser.waitForText(Tasklist.FORM, "Value of the units received 实收货值: 130");
		tasklist.complete();
		browser.waitFor((page) -> "PROCESSED".equals(this.ledgers.status(number)));

		// the day as the browser counts it: yesterday where the warehouse works
		String yesterday = (String) browser.script("""
				const day = new Date(); day.setDate(day.getDate() - 1);
				return day.getFullYear() + '-' + String(day.getMonth() + 1).padStart(2, '0') + '-'
				    + String(day.getDate()).padStart(2, '0');""");
		ReturnView processed = this.queries.get(number);
		assertThat(processed.returnedOn()).hasToString(yesterday);
		assertThat(processed.refundAmount()).isEqualByComparingTo("130.00");
		assertThat(processed.lines()).singleElement()
			.satisfies((line) -> assertThat(List.of(line.quantity(), line.receivedQuantity(), line.scrappedQuantity()))
				.containsExactly(3, 2, 1));
		// the third chair is returnable again
		assertThat(this.queries.returnable(order.getNumber())).containsEntry(1, 1);

		// finance sees what came back on the confirmation's card
		browser.forgetLogins();
		tasklist.logIn(ACCOUNTANT, PASSWORD);
		assertThat(tasklist.open(task(number, ReturnProcess.TASK_CONFIRM))).contains(number);
		assertThat(tasklist.formText()).contains("2 of 3 received, 1 written off · 实收 2/3，报废 1",
				"Came back on 退货日期: " + yesterday, "130.00");
		browser.screenshot("tasklist-confirm");
		tasklist.claim();
		tasklist.choose("Confirm 确认");
		tasklist.complete();
		browser.waitFor((page) -> this.driver.postingJob(number) != null);
		this.driver.runPostingJob(number);

		// two chairs in, the cracked one out again
		assertThat(this.ledgers.movements(number)).containsExactly(
				"CUSTOMER_RETURN " + chair.getSku() + " " + TestFixtures.WAREHOUSE + " 2",
				"SCRAP " + chair.getSku() + " " + TestFixtures.WAREHOUSE + " -1");
		assertThat(this.ledgers.onHand(chair.getSku(), TestFixtures.WAREHOUSE)).isEqualTo(8);

		// and the return's page on the desk says the same
		browser.forgetLogins();
		Desk desk = new Desk(browser);
		desk.openAndLogIn(CLERK, PASSWORD);
		desk.openReturn(number);
		assertThat(browser.text("#d-status")).isEqualTo("Confirmed");
		assertThat(browser.rows("#d-lines", 1)).singleElement()
			.satisfies((row) -> assertThat(row).containsExactly(chair.getSku(), "Folding chair 折叠椅", "3", "65.00",
					"130.00", "2", "1"));
		assertThat(browser.text("#d-total")).isEqualTo("130.00");
		LocalDate day = LocalDate.parse(yesterday);
		assertThat(browser.text("#d-returned-on")).matches(Desk.day(day));
		assertThat(browser.text("#d-lines-received"))
			.isEqualTo("Amounts and the total are the value of the units received.");
		assertThat(browser.rows("#d-movements", 2)).extracting((row) -> row.get(row.size() - 1))
			.containsExactlyInAnyOrder("+2", "-1");
		browser.screenshot("return-detail-received");
	}

	@Test
	void speaksChineseToAChineseBrowserUntilSwitchedToEnglish() {
		Product kettle = this.fixtures.product("Electric kettle 1.7 L 电热水壶", "89.00", 10);
		TradeOrder order = this.fixtures.shippedSale(3, line(kettle, 2));
		String number = request(order, kettle, 1, "DEFECTIVE", "Does not switch off when the water boils");
		this.driver.complete(number, ReturnProcess.TASK_APPROVE, APPROVER, Map.of(ReturnProcess.VAR_APPROVED, true));
		this.driver.complete(number, ReturnProcess.TASK_PROCESS, WAREHOUSE_CLERK,
				Map.of(ReturnProcess.VAR_WAREHOUSE_CODE, TestFixtures.WAREHOUSE, ReturnProcess.VAR_REFUND_METHOD,
						"CASH", ReturnProcess.VAR_REFUND_AMOUNT, new BigDecimal("89.00")));
		this.driver.complete(number, ReturnProcess.TASK_CONFIRM, ACCOUNTANT, Map.of(ReturnProcess.VAR_CONFIRMED, true));
		this.driver.runPostingJob(number);

		Chromium browser = this.browsers.chinese();
		Desk desk = new Desk(browser);
		desk.openLogin();
		assertThat(browser.text(".login-card h1")).isEqualTo("登录");
		assertThat(browser.text(".login-card .muted")).isEqualTo("使用与任务列表（Tasklist）相同的用户。");
		browser.screenshot("login-zh");
		desk.logIn(CLERK, PASSWORD);

		assertThat(browser.text("main h1")).isEqualTo("历史退货记录");
		assertThat(browser.text("#nav-new")).isEqualTo("新建退货");
		assertThat(browser.text("#lang-zh.active")).isEqualTo("中文");

		desk.openReturn(number);
		assertThat(browser.text("#d-status")).isEqualTo("已确认");
		assertThat(browser.text("#timeline-card h2")).isEqualTo("处理记录");
		assertThat(timeline(browser, 8)).containsSubsequence("提交申请", "审批通过", "仓库已处理", "财务已确认");
		assertThat(browser.rows("#d-movements", 1)).singleElement()
			.satisfies((row) -> assertThat(row).contains("客户退货入库", "+1"));
		assertThat(browser.driver().findElements(By.id("postings-card"))).isEmpty();
		assertThat(browser.driver().findElements(By.id("nav-finance"))).isEmpty();

		// finance reads the postings and the note in Chinese: 89.00 in cash is 78.76 net
		// and 10.24 VAT; the kettle back at 44.50
		browser.forgetLogins();
		desk.openAndLogIn(ACCOUNTANT, PASSWORD);
		assertThat(browser.text("#nav-finance")).isEqualTo("财务");
		desk.openReturn(number);
		assertThat(browser.text("#postings-card h2")).isEqualTo("财务分录");
		assertThat(browser.driver().findElements(By.cssSelector("#d-postings thead th")))
			.extracting(WebElement::getText)
			.containsExactly("凭证号", "科目代码", "科目", "借方", "贷方");
		assertThat(browser.rows("#d-postings", 5)).extracting((row) -> row.subList(1, row.size()))
			.containsExactly(List.of("6001", "Sales revenue 主营业务收入", "78.76", ""),
					List.of("2221.01", "Output VAT 应交税费-应交增值税(销项税额)", "10.24", ""),
					List.of("1001", "Cash 库存现金", "", "89.00"),
					List.of("1405", "Merchandise inventory 库存商品", "44.50", ""),
					List.of("6401", "Cost of goods sold 主营业务成本", "", "44.50"));
		assertThat(browser.text("#d-note")).matches("贷项通知单（红字） CN-\\d{8}-\\d{4} · 89.00 · 打印");
		browser.screenshot("return-detail-zh");

		browser.click("#lang-en");
		browser.waitForText("#timeline-card h2", "Timeline");
		assertThat(browser.text("#d-status")).isEqualTo("Confirmed");
		assertThat(browser.text("#lang-en.active")).isEqualTo("EN");
		desk.openHistory();
		assertThat(browser.text("main h1")).isEqualTo("Returns");

		browser.click("#lang-zh");
		browser.waitForText("main h1", "历史退货记录");
	}

	/** Logs in as the clerk, scans the lamp into a new return and saves it. */
	private String clerkScansTheReturnedLamp(Chromium browser, Desk desk, TradeOrder order, Product lamp) {
		desk.openLogin();
		browser.screenshot("login");
		desk.logIn(CLERK, PASSWORD);
		desk.startNewReturn();
		desk.pickOrder(order.getNumber());
		desk.scan(lamp.getBarcode());
		assertThat(desk.lineQuantity(lamp.getSku()).getDomProperty("value")).isEqualTo("1");
		assertThat(browser.text("#lines-total")).isEqualTo("159.00");
		desk.chooseReason("Defective");
		desk.describe("Flickers after ten minutes");
		browser.screenshot("new-return");

		String number = desk.save();

		assertThat(number).matches("RT-\\d{8}-\\d{4}");
		assertThat(browser.text("#created-date")).matches(today());
		assertThat(browser.text("#created-status")).isEqualTo("Submitted");
		browser.screenshot("new-return-saved");
		assertThat(this.ledgers.status(number)).isEqualTo("SUBMITTED");
		browser.click("#created-link");
		browser.waitForText("#d-number", number);
		assertThat(browser.text("#d-status")).isEqualTo("Submitted");
		assertThat(browser.rows("#d-lines", 1)).singleElement()
			.satisfies((row) -> assertThat(row).startsWith(lamp.getSku(), "Desk lamp 台灯", "1", "159.00"));
		return number;
	}

	private void approverApproves(Chromium browser, Tasklist tasklist, String number) {
		browser.forgetLogins();
		tasklist.logIn(APPROVER, PASSWORD);
		assertThat(tasklist.open(task(number, ReturnProcess.TASK_APPROVE))).contains(number);
		// the return as the form's view shows it: reason, amount, the lines' table
		assertThat(tasklist.formText()).contains("Flickers after ten minutes", "159.00", "Desk lamp 台灯");
		tasklist.claim();
		tasklist.choose("Approve 批准");
		tasklist.complete();
		browser.waitFor((page) -> "APPROVED".equals(this.ledgers.status(number)));
	}

	/**
	 * Claims the task, follows its link to the return's page (Tasklist's forms have no
	 * file picker), uploads the photo there and completes the task back in Tasklist.
	 */
	private void warehouseUploadsAPhotoAndProcesses(Chromium browser, Desk desk, Tasklist tasklist, String number)
			throws IOException {
		browser.forgetLogins();
		tasklist.logIn(WAREHOUSE_CLERK, PASSWORD);
		String task = task(number, ReturnProcess.TASK_PROCESS);
		assertThat(tasklist.open(task)).contains(number);
		tasklist.claim();
		tasklist.follow("Upload proof");
		desk.logIn(WAREHOUSE_CLERK, PASSWORD);
		browser.waitForText("#d-number", number);
		desk.upload(photo("flickering-lamp.png"));
		tasklist.open(task);
		tasklist.select("Select_WarehouseCode", TestFixtures.WAREHOUSE + " · Test warehouse A");
		tasklist.select("Select_RefundMethod", "Original payment 原路退回");
		// the lamp came back today, the refund is its value: as the form suggests
		assertThat(tasklist.formText()).contains("Value of the units received 实收货值: 159");
		tasklist.complete();
		browser.waitFor((page) -> "PROCESSED".equals(this.ledgers.status(number)));
	}

	private void financeConfirms(Chromium browser, Tasklist tasklist, String number) {
		browser.forgetLogins();
		tasklist.logIn(ACCOUNTANT, PASSWORD);
		assertThat(tasklist.open(task(number, ReturnProcess.TASK_CONFIRM))).contains(number);
		tasklist.claim();
		tasklist.choose("Confirm 确认");
		tasklist.complete();
		// confirmed: the posting waits as a job, run here as the job executor would
		browser.waitFor((page) -> this.driver.postingJob(number) != null);
		this.driver.runPostingJob(number);
		assertThat(this.ledgers.status(number)).isEqualTo("CONFIRMED");
	}

	/** What the page that is open asked of the books' API (finance, credit notes). */
	@SuppressWarnings("unchecked")
	private List<String> booksAsked(Chromium browser) {
		return (List<String>) browser.script("""
				return performance.getEntriesByType('resource').map((entry) => entry.name)
				    .filter((url) => url.includes('/api/finance/') || url.includes('/credit-note'));""");
	}

	private List<String> timeline(Chromium browser, int atLeast) {
		return browser.waitFor((page) -> {
			List<String> kinds = page.findElements(By.cssSelector("#timeline li strong"))
				.stream()
				.map((kind) -> kind.getText().strip())
				.toList();
			return (kinds.size() >= atLeast) ? kinds : null;
		});
	}

	@Test
	void aScriptTypedIntoAReasonIsShownAsTextOnTheDeskAndNeverRunsInTasklist() {
		Product kettle = this.fixtures.product("Travel kettle 旅行水壶", "59.00", 5);
		TradeOrder order = this.fixtures.shippedSale(3, line(kettle, 1));
		String script = "<script>window.hacked = 1</script><img src=x onerror=\"window.hacked = 2\">";
		String number = request(order, kettle, 1, "OTHER", script);
		Chromium browser = this.browsers.english();
		Desk desk = new Desk(browser);
		desk.openAndLogIn(CLERK, PASSWORD);
		desk.openReturn(number);
		assertThat(browser.text("#d-detail")).isEqualTo(script);
		assertThat(browser.script("return typeof window.hacked")).isEqualTo("undefined");

		Tasklist tasklist = new Tasklist(browser, this.engine.getName());
		tasklist.logIn(APPROVER, PASSWORD);
		tasklist.open(task(number, ReturnProcess.TASK_APPROVE));
		browser.waitForText("[cam-tasklist-form] .fjs-form", "Detail 说明");
		assertThat(browser.text("[cam-tasklist-form] .fjs-form")).contains("Detail 说明: " + script);
		assertThat(browser.driver()
			.findElements(By.cssSelector("[cam-tasklist-form] .fjs-form script, [cam-tasklist-form] .fjs-form img")))
			.isEmpty();
		assertThat(browser.script("return typeof window.hacked")).isEqualTo("undefined");
	}

	@Test
	void theHistoryTellsAtLeastHowManyReturnsManyMatchesAreAndPagesOnWhileRowsCome() {
		Product strap = this.fixtures.product("Watch strap 表带", "19.00", 30);
		List<String> numbers = new ArrayList<>();
		for (int i = 0; i < 21; i++) {
			numbers.add(request(this.fixtures.shippedSale(2, line(strap, 1)), strap, 1, "DEFECTIVE", "Buckle bent"));
		}
		Chromium browser = this.browsers.english();
		Desk desk = new Desk(browser);
		desk.openAndLogIn(CLERK, PASSWORD);

		// more than the cap: counted no further than the first page and one more row
		browser.go("/returns?q=buckle+bent");
		browser.waitForText("#page-info", "Page 1 · 21+ returns");
		List<List<String>> first = browser.rows("#history-table", 20);
		assertThat(first).hasSize(20);
		assertThat(first.get(0).get(0)).isEqualTo(numbers.get(20));
		assertThat(browser.shown("#page-next").isEnabled()).isTrue();

		// the last page: every match passed, so the total is known
		browser.click("#page-next");
		browser.waitForText("#page-info", "Page 2 of 2 · 21 returns");
		assertThat(browser.rows("#history-table", 1)).extracting((row) -> row.get(0)).containsExactly(numbers.get(0));
		assertThat(browser.shown("#page-next").isEnabled()).isFalse();
	}

	/** Returns that the clerk asked for before, so that the history has some to show. */
	private void earlierReturns() {
		Product kettle = this.fixtures.product("Electric kettle 1.7 L 电热水壶", "89.00", 10);
		Product mug = this.fixtures.product("Ceramic mug 陶瓷杯", "24.00", 40);
		request(this.fixtures.shippedSale(12, line(kettle, 1), line(mug, 6)), mug, 2, "DAMAGED",
				"Two mugs arrived chipped");
		reject(request(this.fixtures.shippedSale(9, line(kettle, 2)), kettle, 2, "NO_LONGER_NEEDED",
				"Bought a second one by mistake"), "Opened and used: not returnable as unwanted");
	}

	/** The clerk asks for a refund of units of a product of the order. */
	private String request(TradeOrder order, Product product, int quantity, String reason, String detail) {
		return this.driver.requestAs(CLERK, order, reason, detail, product, quantity);
	}

	private void reject(String number, String reason) {
		this.driver.reject(number, APPROVER, reason);
	}

	/**
	 * A time today as the desk writes it, on the merchant's clock: "26 Nov 2026, 12:30".
	 */
	private String today() {
		return Desk.day(LocalDate.now(this.clock)) + ", \\d{2}:\\d{2}";
	}

	private String task(String number, String taskKey) {
		return this.driver.task(number, taskKey).getId();
	}

	/** A photo of the returned goods, as a phone would take it. */
	private Path photo(String name) throws IOException {
		BufferedImage image = new BufferedImage(480, 360, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setColor(new Color(0xE8E4DC));
		g.fillRect(0, 0, 480, 360);
		// a lamp: base, arm and shade
		g.setColor(new Color(0x334E68));
		g.fillRoundRect(150, 300, 180, 24, 12, 12);
		g.setStroke(new BasicStroke(12, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
		g.drawLine(240, 305, 200, 180);
		g.drawLine(200, 180, 290, 110);
		g.fillPolygon(new int[] { 260, 350, 380, 290 }, new int[] { 80, 60, 140, 150 }, 4);
		g.setColor(new Color(0xF0B429));
		g.fillOval(310, 130, 40, 40);
		g.dispose();
		Path file = this.files.resolve(name);
		ImageIO.write(image, "png", file.toFile());
		return file;
	}

}

package io.returnsdesk.web.browser;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import io.returnsdesk.catalog.Product;
import io.returnsdesk.sales.TradeOrder;
import io.returnsdesk.support.Ledgers;
import io.returnsdesk.support.ReturnDriver;
import io.returnsdesk.support.TestFixtures;
import io.returnsdesk.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;

import static io.returnsdesk.support.TestFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The books on the desk in a real Chromium: finance reads the journal, the trial balance,
 * inventory at cost against 1405 and the notes of a period, in English and in Chinese; a
 * clerk is offered none of it.
 *
 * <pre>
 * lamp    159.00 refunded in full to the original payment: net 140.71, VAT 18.29;
 *         back in stock at its cost, 79.50
 * kettles 4 of 5 bought at 113.00 (100.00 at cost) back to the supplier for 400.00:
 *         VAT transferred out 46.02, the loss 46.02
 * </pre>
 */
@DeskInChromium
class FinanceInChromiumIntegrationTest {

	static final String PASSWORD = DeskInChromiumIntegrationTest.PASSWORD;

	static final String CLERK = DeskInChromiumIntegrationTest.CLERK;

	static final String ACCOUNTANT = DeskInChromiumIntegrationTest.ACCOUNTANT;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	ReturnDriver driver;

	@Autowired
	TestUsers users;

	@Autowired
	Ledgers ledgers;

	@Autowired
	Clock clock;

	@RegisterExtension
	final Browsers browsers = new Browsers();

	@BeforeEach
	void people() {
		this.users.named(CLERK, "Li", "Na", PASSWORD, "sales");
		this.users.named(ACCOUNTANT, "Liu", "Yang", PASSWORD, "finance");
	}

	@Test
	void financeReadsTheJournalTrialBalanceInventoryAtCostAndNotesOfThePeriod() {
		Product lamp = this.fixtures.product("Desk lamp 台灯", "159.00", 10);
		TradeOrder sale = this.fixtures.shippedSale(6, line(lamp, 2));
		String refund = this.driver.confirmedReturn(sale.getNumber(), "ORIGINAL_PAYMENT", "159.00", lamp.getSku(), 1);
		Product kettle = this.fixtures.product("Kettle 电水壶", "226.00", "0.13", 0, null);
		TradeOrder purchase = this.fixtures.receivedPurchase(3, line(kettle, 5, "113.00"));
		String supplierReturn = this.driver.confirmedReturn(purchase.getNumber(), "BANK_TRANSFER", "400.00",
				kettle.getSku(), 4);

		Chromium browser = this.browsers.english();
		Desk desk = new Desk(browser);
		Books books = new Books(browser);
		desk.openAndLogIn(ACCOUNTANT, PASSWORD);
		assertThat(browser.text("#nav-finance")).isEqualTo("Finance");
		books.open();
		assertThat(browser.text("main h1")).isEqualTo("Books");

		// this month to date, on the merchant's clock
		LocalDate today = LocalDate.now(this.clock);
		assertThat(browser.driver().getCurrentUrl())
			.endsWith("/finance?from=" + today.withDayOfMonth(1) + "&to=" + today);

		// the trial balance: debits total what credits do, and the page says so
		String debits = browser.text("#tb-debit");
		assertThat(browser.text("#tb-credit")).isEqualTo(debits);
		assertThat(browser.text("#tb-check")).isEqualTo("Debits equal credits: " + debits);
		assertThat(browser.shown("#tb-check").getDomAttribute("class")).contains("success");
		assertThat(browser.rows("#trial-balance", 8)).extracting((row) -> row.get(0))
			.contains("1122", "1221", "1405", "2221.01", "2221.03", "6001", "6401", "6711");

		// what returns moved at cost is what 1405 holds
		assertThat(browser.text("#rec-difference")).isEqualTo("0.00");
		assertThat(browser.text("#rec-verdict")).isEqualTo("Reconciled");
		assertThat(books.differenceHighlighted()).isFalse();
		assertThat(browser.text("#rec-inventory")).isEqualTo(browser.text("#rec-moved"));
		assertThat(browser.rows("#reconciliation", 5)).extracting((row) -> row.get(0))
			.containsExactly("Customer return in", "Scrapped", "Back to supplier", "Replacement shipped",
					"Replacement received");
		assertThat(this.ledgers.inventoryDifference()).isZero();

		// the journal: each return's entry with its number, date, return, memo and lines
		assertThat(books.entry(refund)).matches("JE-\\d{8}-\\d{4} · %s · %s · \\S+ · Customer return %s of %s · .*"
			.formatted(Desk.day(today), refund, refund, sale.getNumber()));
		assertThat(books.entryLink(refund)).isEqualTo("/returns/" + refund);
		assertThat(books.entryLines(refund, 5)).containsExactly(List.of("6001", "Sales revenue 主营业务收入", "140.71", ""),
				List.of("2221.01", "Output VAT 应交税费-应交增值税(销项税额)", "18.29", ""),
				List.of("1122", "Receivable from customers 应收账款", "", "159.00"),
				List.of("1405", "Merchandise inventory 库存商品", "79.50", ""),
				List.of("6401", "Cost of goods sold 主营业务成本", "", "79.50"));
		assertThat(books.entryLines(supplierReturn, 4)).containsExactly(
				List.of("1221", "Receivable from suppliers for returns 其他应收款-供应商退货", "400.00", ""),
				List.of("1405", "Merchandise inventory 库存商品", "", "400.00"),
				List.of("2221.03", "Input VAT transferred out 应交税费-应交增值税(进项税额转出)", "", "46.02"),
				List.of("6711", "Losses on returns 营业外支出-退货损失", "46.02", ""));

		// the notes, each with its print link
		List<String> creditNote = books.note(refund);
		assertThat(creditNote.get(0)).matches("CN-\\d{8}-\\d{4}");
		assertThat(creditNote.get(1)).isEqualTo("Credit note");
		assertThat(creditNote.get(2)).matches(Desk.day(today));
		assertThat(creditNote.subList(3, 5)).containsExactly(refund, sale.getNumber());
		assertThat(creditNote.get(5)).isNotBlank();
		assertThat(creditNote.subList(6, 10)).containsExactly("140.71", "18.29", "159.00", "Print");
		assertThat(books.printLink(refund)).isEqualTo("/api/returns/" + refund + "/credit-note.pdf");
		assertThat(this.ledgers.note(refund)).containsExactly(creditNote.get(0) + " 140.71 18.29 159.00");
		List<String> debitNote = books.note(supplierReturn);
		assertThat(debitNote.get(0)).matches("DN-\\d{8}-\\d{4}");
		assertThat(debitNote.get(1)).isEqualTo("Debit note");
		assertThat(debitNote.subList(6, 10)).containsExactly("353.98", "46.02", "400.00", "Print");
		assertThat(books.printLink(supplierReturn)).isEqualTo("/api/returns/" + supplierReturn + "/credit-note.pdf");
		browser.screenshot("finance");

		// a period without returns
		books.period("2020-01-01", "2020-01-31");
		assertThat(browser.text("#journal-empty")).isEqualTo("No entries in this period.");
		assertThat(browser.text("#notes-empty")).isEqualTo("No notes issued in this period.");
		assertThat(browser.text("#tb-check")).isEqualTo("Debits equal credits: 0.00");
		assertThat(browser.driver().findElements(By.cssSelector("#journal tbody"))).isEmpty();

		// from the journal to the return
		books.period(today.withDayOfMonth(1).toString(), today.toString());
		browser.click("#journal tbody[data-reference='" + refund + "'] a.entry-return");
		browser.waitForText("#d-number", refund);
		assertThat(browser.text("#d-note")).startsWith("Credit note " + creditNote.get(0));

		// a Chinese browser reads the same books in Chinese
		Chromium chinese = this.browsers.chinese();
		Desk deskInChinese = new Desk(chinese);
		deskInChinese.openAndLogIn(ACCOUNTANT, PASSWORD);
		Books booksInChinese = new Books(chinese);
		booksInChinese.open();
		assertThat(chinese.text("main h1")).isEqualTo("财务账簿");
		assertThat(chinese.text("#nav-finance.active")).isEqualTo("财务");
		assertThat(chinese.text("#trial-balance-card h2")).isEqualTo("试算平衡表");
		assertThat(chinese.text("#tb-check")).startsWith("借贷平衡：");
		assertThat(chinese.text("#reconciliation-card h2")).isEqualTo("库存成本对账");
		assertThat(chinese.text("#rec-verdict")).isEqualTo("已核平");
		assertThat(chinese.text("#journal-card h2")).isEqualTo("序时账");
		assertThat(chinese.text("#notes-card h2")).isEqualTo("贷项与借项通知单");
		assertThat(booksInChinese.note(refund).get(1)).isEqualTo("贷项通知单（红字）");
		assertThat(booksInChinese.note(supplierReturn).get(1)).isEqualTo("借项通知单");
		assertThat(booksInChinese.note(refund).get(9)).isEqualTo("打印");
	}

	@Test
	void aClerkIsNotOfferedTheBooksAndIsToldSoAtTheirAddress() {
		Chromium browser = this.browsers.english();
		Desk desk = new Desk(browser);
		desk.openAndLogIn(CLERK, PASSWORD);
		browser.shown("#nav-new");
		assertThat(browser.driver().findElements(By.id("nav-finance"))).isEmpty();
		assertThat(browser.driver().findElements(By.id("nav-reports"))).isEmpty();

		browser.go("/finance");
		assertThat(browser.text("main h1")).isEqualTo("Not allowed");
		assertThat(browser.text("#not-allowed")).startsWith("Only the groups finance, analysts may read the books")
			.contains("ask an administrator");
		assertThat(browser.driver().findElements(By.id("trial-balance"))).isEmpty();
		assertThat(browser.text("#current-user")).isEqualTo(CLERK);
		browser.click("#not-allowed-back");
		browser.text("#page-info");
		assertThat(browser.driver().getCurrentUrl()).contains("/returns?");
	}

}

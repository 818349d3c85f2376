package io.returnsdesk.returns;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import io.returnsdesk.catalog.Product;
import io.returnsdesk.finance.AccountBalance;
import io.returnsdesk.finance.CreditNote;
import io.returnsdesk.finance.GeneralLedger;
import io.returnsdesk.finance.InventoryReconciliation;
import io.returnsdesk.finance.Notes;
import io.returnsdesk.inventory.StockLedger;
import io.returnsdesk.sales.TradeOrder;
import io.returnsdesk.support.Ledgers;
import io.returnsdesk.support.PostgresInitializer;
import io.returnsdesk.support.ReturnDriver;
import io.returnsdesk.support.TestFixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

import static io.returnsdesk.support.TestFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What confirmed returns write into the books, with the figures worked out by hand: the
 * refund split into revenue and VAT, the goods at the cost they were shipped with back in
 * inventory or written off, a supplier's receivable with the input VAT transferred out
 * and the loss, an exchange's replacement at cost, the notes, and books that balance and
 * agree with the stock ledger.
 */
@SpringBootTest
@ActiveProfiles("test")
@ContextConfiguration(initializers = ReturnBooksIntegrationTest.BooksDatabase.class)
class ReturnBooksIntegrationTest {

	/**
	 * A database of its own: the books and the stock ledger hold only these returns, so
	 * that their totals are this class's.
	 */
	static class BooksDatabase extends PostgresInitializer {

		BooksDatabase() {
			super("books");
		}

	}

	@Autowired
	TestFixtures fixtures;

	@Autowired
	ReturnDriver driver;

	@Autowired
	Ledgers ledgers;

	@Autowired
	Notes notes;

	@Autowired
	GeneralLedger ledger;

	@Autowired
	InventoryReconciliation reconciliation;

	@Autowired
	StockLedger stock;

	@Autowired
	Clock clock;

	@Test
	void aCustomerReturnRefundsNetAndTaxRestocksOneUnitAndWritesOffTheOtherAtTheCostShipped() {
		// 10 units at 120.00; 2 sold at 226.00 (200.00 + 26.00 VAT each) leave at 120.00
		Product kettle = this.fixtures.product("Kettle 电水壶", "226.00", "0.13", 10, "120.00");
		TradeOrder sale = this.fixtures.shippedSale(4, line(kettle, 2));
		// then 8 bought at 113.00 (100.00 net): 16 units worth 960.00 + 800.00, 110.00
		// each
		this.fixtures.receivedPurchase(2, line(kettle, 8, "113.00"));
		assertThat(this.stock.averageCost(kettle.getId())).isEqualByComparingTo("110.00");
		String number = this.driver.request(sale.getNumber(), "DAMAGED", "REFUND", kettle.getSku(), 2);
		this.driver.approveProcessAndConfirm(number, "ORIGINAL_PAYMENT", "452.00",
				ReturnDriver.receipt(null, "{\"1\": 1}", null));

		// the refund: 452.00 gross, 400.00 net, 52.00 output VAT, back to the customer's
		// payment (1122); both units back at 120.00, one restocked, one written off
		assertThat(this.ledgers.postings(number)).containsExactly("6001 400.00 0.00", "2221.01 52.00 0.00",
				"1122 0.00 452.00", "1405 120.00 0.00", "6711 120.00 0.00", "6401 0.00 240.00");
		assertThat(this.ledgers.entries(number)).singleElement().asString().startsWith(number + ":RETURN JE-");
		// 16 units worth 1,760.00, 2 in at 120.00, 1 out at 120.00: 17 worth 1,880.00
		assertThat(this.stock.averageCost(kettle.getId())).isEqualByComparingTo("110.59");
		CreditNote note = this.notes.of(number).orElseThrow();
		assertThat(note.getNumber()).matches("CN-%s-\\d{4}".formatted(today()));
		assertThat(note.getKind()).isEqualTo(CreditNote.Kind.CREDIT);
		assertThat(note.getOrderNumber()).isEqualTo(sale.getNumber());
		assertThat(note.getPartyName()).isEqualTo(sale.getParty().getName());
		assertThat(note.getRefundMethod()).isEqualTo("ORIGINAL_PAYMENT");
		assertThat(note.getLines()).singleElement()
			.satisfies(
					(noteLine) -> assertThat(List.of(noteLine.getSku(), noteLine.getQuantity(), noteLine.getUnitPrice(),
							noteLine.getVatRate(), noteLine.getNet(), noteLine.getTax(), noteLine.getGross()))
						.containsExactly(kettle.getSku(), 2, new BigDecimal("226.00"), new BigDecimal("0.1300"),
								new BigDecimal("400.00"), new BigDecimal("52.00"), new BigDecimal("452.00")));
		assertThat(List.of(note.getNet(), note.getTax(), note.getGross())).containsExactly(new BigDecimal("400.00"),
				new BigDecimal("52.00"), new BigDecimal("452.00"));
		assertThat(this.ledgers.inventoryDifference()).isZero();
	}

	@Test
	void aRefundBelowTheValueIsSharedAmongItsLinesAtTheirRatesEachRoundedToTheCent() {
		Product notebook = this.fixtures.product("Notebook 笔记本", "10.90", "0.09", 10, "5.00");
		Product pen = this.fixtures.product("Pen 笔", "1.13", "0.13", 10, "0.40");
		TradeOrder sale = this.fixtures.shippedSale(3, line(notebook, 1), line(pen, 3));
		String number = this.driver.request(sale.getNumber(), "NO_LONGER_NEEDED", "REFUND", notebook.getSku(), 1,
				pen.getSku(), 3);
		this.driver.approve(number, ReturnDriver.APPROVER);

		// 14.29 of goods back, 10.00 refunded: 10.90 × 10.00 / 14.29 = 7.6277… → 7.63 for
		// the
		// notebook, the rest, 2.37, for the pens
		this.driver.process(number, TestFixtures.WAREHOUSE, "CASH", "10.00", null);
		this.driver.confirm(number);
		this.driver.runPostingJob(number);

		// 7.63 / 1.09 = 7.0 → 7.00 + 0.63; 2.37 / 1.13 = 2.0973… → 2.10 + 0.27
		assertThat(this.notes.of(number).orElseThrow().getLines())
			.extracting((noteLine) -> noteLine.getSku() + " " + noteLine.getGross() + " " + noteLine.getNet() + " "
					+ noteLine.getTax())
			.containsExactly(notebook.getSku() + " 7.63 7.00 0.63", pen.getSku() + " 2.37 2.10 0.27");
		assertThat(this.ledgers.note(number)).singleElement().asString().endsWith(" 9.10 0.90 10.00");
		// the goods back at cost: 5.00 + 3 × 0.40
		assertThat(this.ledgers.postings(number)).containsExactly("6001 9.10 0.00", "2221.01 0.90 0.00",
				"1001 0.00 10.00", "1405 6.20 0.00", "6401 0.00 6.20");
	}

	@Test
	void aSupplierReturnOwesTheRefundAgainstTheGoodsAtCostTheInputVatAndTheLoss() {
		Product kettle = this.fixtures.product("Kettle 电水壶", "226.00", "0.13", 0, null);
		TradeOrder purchase = this.fixtures.receivedPurchase(3, line(kettle, 5, "113.00"));
		String number = this.driver.request(purchase.getNumber(), "DEFECTIVE", "REFUND", kettle.getSku(), 4);
		this.driver.approveProcessAndConfirm(number, "BANK_TRANSFER", "400.00", null);

		// 4 units out at 100.00; 400.00 refunded of which 46.02 is VAT transferred out;
		// 452.00 paid for them: the loss is 400.00 + 46.02 − 400.00
		assertThat(this.ledgers.postings(number)).containsExactly("1221 400.00 0.00", "1405 0.00 400.00",
				"2221.03 0.00 46.02", "6711 46.02 0.00");
		CreditNote note = this.notes.of(number).orElseThrow();
		assertThat(note.getNumber()).matches("DN-%s-\\d{4}".formatted(today()));
		assertThat(note.getKind()).isEqualTo(CreditNote.Kind.DEBIT);
		assertThat(List.of(note.getNet(), note.getTax(), note.getGross())).containsExactly(new BigDecimal("353.98"),
				new BigDecimal("46.02"), new BigDecimal("400.00"));
		assertThat(this.stock.averageCost(kettle.getId())).isEqualByComparingTo("100.00");
		assertThat(this.ledgers.inventoryDifference()).isZero();
	}

	@Test
	void anExchangeRestocksTheUnitAtItsCostAndShipsTheReplacementAtTheAverageWithoutRevenue() {
		Product lamp = this.fixtures.product("Lamp 台灯", "159.00", "0.13", 4, "60.00");
		TradeOrder sale = this.fixtures.shippedSale(5, line(lamp, 1));
		this.fixtures.receivedPurchase(2, line(lamp, 3, "90.40"));
		// 3 left at 60.00 and 3 bought at 80.00: 70.00 each
		String number = this.driver.request(sale.getNumber(), "DEFECTIVE", "EXCHANGE", lamp.getSku(), 1);
		this.driver.approveProcessAndConfirm(number, "STORE_CREDIT", 0, null);

		// back at 60.00 (7 worth 480.00, 68.57 each); the replacement out at that average
		assertThat(this.ledgers.postings(number)).containsExactly("1405 60.00 0.00", "6401 0.00 60.00",
				"6401 68.57 0.00", "1405 0.00 68.57");
		assertThat(this.ledgers.entries(number)).extracting((entry) -> entry.substring(0, entry.indexOf(' ')))
			.containsExactly(number + ":RETURN", number + ":REPLACEMENT");
		assertThat(this.ledgers.note(number)).singleElement().asString().endsWith(" 0.00 0.00 0.00");
		assertThat(this.ledgers.inventoryDifference()).isZero();
	}

	@Test
	void afterAMixOfReturnsTheTrialBalanceBalancesAndInventoryAtCostEquals1405() {
		Product mug = this.fixtures.product("Mug 马克杯", "33.90", "0.13", 30, "12.00");
		Product tea = this.fixtures.product("Tea 茶叶", "109.00", "0.09", 30, "55.00");
		TradeOrder sale = this.fixtures.shippedSale(6, line(mug, 6), line(tea, 4));
		this.driver.confirmedReturn(sale.getNumber(), "CASH", "33.90", mug.getSku(), 1);
		String scrapped = this.driver.request(sale.getNumber(), "DAMAGED", "REFUND", tea.getSku(), 2);
		this.driver.approveProcessAndConfirm(scrapped, "STORE_CREDIT", "109.00",
				ReturnDriver.receipt("{\"1\": 1}", "{\"1\": 1}", null));
		String exchange = this.driver.request(sale.getNumber(), "DEFECTIVE", "EXCHANGE", mug.getSku(), 2);
		this.driver.approveProcessAndConfirm(exchange, "STORE_CREDIT", 0, null);
		TradeOrder purchase = this.fixtures.receivedPurchase(1, line(mug, 10, "22.60"));
		this.driver.confirmedReturn(purchase.getNumber(), "BANK_TRANSFER", "20.00", mug.getSku(), 1);

		assertThat(this.ledgers.unbalancedEntries()).isEmpty();
		LocalDate today = LocalDate.now(this.clock);
		List<AccountBalance> balances = this.ledger.trialBalance(GeneralLedger.FIRST, today);
		assertThat(balances.stream().map(AccountBalance::debit).reduce(BigDecimal.ZERO, BigDecimal::add))
			.isEqualByComparingTo(
					balances.stream().map(AccountBalance::credit).reduce(BigDecimal.ZERO, BigDecimal::add));
		InventoryReconciliation.Reconciliation books = this.reconciliation.asOf(today);
		assertThat(books.difference()).isZero();
		assertThat(books.movedByReturns()).isEqualByComparingTo(books.inventoryAccountBalance());
		assertThat(this.ledgers.inventoryDifference()).isZero();
		assertThat(this.ledgers.valuationsNotEqualToMovements()).isEmpty();
	}

	private String today() {
		return DateTimeFormatter.BASIC_ISO_DATE.format(LocalDate.now(this.clock));
	}

}

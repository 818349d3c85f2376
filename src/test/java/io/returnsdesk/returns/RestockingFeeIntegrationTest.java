package io.returnsdesk.returns;

import java.math.BigDecimal;
import java.util.List;

import io.returnsdesk.catalog.Product;
import io.returnsdesk.finance.CreditNote;
import io.returnsdesk.finance.Notes;
import io.returnsdesk.sales.TradeOrder;
import io.returnsdesk.support.IntegrationTest;
import io.returnsdesk.support.Ledgers;
import io.returnsdesk.support.ReturnDriver;
import io.returnsdesk.support.TestFixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static io.returnsdesk.support.TestFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The restocking fee of the demo policy ({@code processes/restockingFee.dmn}) through the
 * process: priced when a return is asked for, again on what the warehouse received, kept
 * out of the refund, posted to 6051 and shown on the credit note.
 */
@IntegrationTest
class RestockingFeeIntegrationTest {

	@Autowired
	TestFixtures fixtures;

	@Autowired
	ReturnDriver driver;

	@Autowired
	ReturnQueries queries;

	@Autowired
	Ledgers ledgers;

	@Autowired
	Notes notes;

	@Test
	void aChangeOfMindFifteenDaysAfterShipmentKeepsTenPercentOfTheRefund() {
		Product kettle = this.fixtures.product("Kettle 电水壶", "226.00", "0.13", 10, "120.00");
		TradeOrder sale = this.fixtures.shippedSale(15, line(kettle, 2));

		String number = this.driver.request(sale.getNumber(), "NO_LONGER_NEEDED", "REFUND", kettle.getSku(), 2);
		assertThat(this.queries.get(number).restockingFee()).isEqualByComparingTo("45.20");
		this.driver.approve(number, ReturnDriver.APPROVER);
		// "refund in full": no amount, the value received less the fee
		this.driver.process(number, TestFixtures.WAREHOUSE, "ORIGINAL_PAYMENT", null, null);
		ReturnView processed = this.queries.get(number);
		assertThat(processed.refundAmount()).isEqualByComparingTo("406.80");
		assertThat(processed.restockingFee()).isEqualByComparingTo("45.20");
		this.driver.confirm(number);
		this.driver.runPostingJob(number);

		// the sales of 452.00 taken back (400.00 net, 52.00 VAT): 406.80 to the
		// customer's
		// payment, 45.20 kept as other income; both units back in at 120.00
		assertThat(this.ledgers.postings(number)).containsExactly("6001 400.00 0.00", "2221.01 52.00 0.00",
				"1122 0.00 406.80", "6051 0.00 45.20", "1405 240.00 0.00", "6401 0.00 240.00");
		assertThat(this.ledgers.postingTotals(number)).containsEntry("debits", new BigDecimal("692.00"))
			.containsEntry("credits", new BigDecimal("692.00"));
		CreditNote note = this.notes.of(number).orElseThrow();
		assertThat(List.of(note.getGross(), note.getRestockingFee(), note.getPaid()))
			.containsExactly(new BigDecimal("452.00"), new BigDecimal("45.20"), new BigDecimal("406.80"));
		assertThat(this.ledgers.inventoryDifference()).isZero();
	}

	@Test
	void aChangeOfMindFourteenDaysAfterShipmentIsRefundedInFull() {
		Product kettle = this.fixtures.product("Kettle 电水壶", "226.00", "0.13", 10, "120.00");
		TradeOrder sale = this.fixtures.shippedSale(14, line(kettle, 2));

		String number = this.driver.request(sale.getNumber(), "NO_LONGER_NEEDED", "REFUND", kettle.getSku(), 2);
		this.driver.approveProcessAndConfirm(number, "ORIGINAL_PAYMENT", null, null);

		ReturnView confirmed = this.queries.get(number);
		assertThat(confirmed.restockingFee()).isEqualByComparingTo("0.00");
		assertThat(confirmed.refundAmount()).isEqualByComparingTo("452.00");
		assertThat(this.ledgers.postings(number)).contains("1122 0.00 452.00")
			.noneMatch((posting) -> posting.startsWith("6051"));
		assertThat(this.notes.of(number).orElseThrow().getRestockingFee()).isEqualByComparingTo("0.00");
	}

	@Test
	void theFeeIsPricedAgainOnTheUnitsThatCameBack() {
		Product kettle = this.fixtures.product("Kettle 电水壶", "226.00", "0.13", 10, "120.00");
		TradeOrder sale = this.fixtures.shippedSale(20, line(kettle, 2));
		String number = this.driver.request(sale.getNumber(), "NO_LONGER_NEEDED", "REFUND", kettle.getSku(), 2);
		this.driver.approve(number, ReturnDriver.APPROVER);

		this.driver.process(number, TestFixtures.WAREHOUSE, "CASH", null,
				ReturnDriver.receipt("{\"1\": 1}", null, null));

		ReturnView processed = this.queries.get(number);
		assertThat(processed.restockingFee()).isEqualByComparingTo("22.60");
		assertThat(processed.refundAmount()).isEqualByComparingTo("203.40");
	}

	@Test
	void aRefundAboveTheValueLessTheFeeIsRefusedAndChangesNothing() {
		Product kettle = this.fixtures.product("Kettle 电水壶", "226.00", "0.13", 10, "120.00");
		TradeOrder sale = this.fixtures.shippedSale(15, line(kettle, 2));
		String number = this.driver.request(sale.getNumber(), "NO_LONGER_NEEDED", "REFUND", kettle.getSku(), 2);
		this.driver.approve(number, ReturnDriver.APPROVER);

		assertThatThrownBy(() -> this.driver.process(number, TestFixtures.WAREHOUSE, "CASH", "452.00", null))
			.hasMessageContaining("less the restocking fee of 45.20: 406.80 at most");

		ReturnView unchanged = this.queries.get(number);
		assertThat(unchanged.status()).isEqualTo(ReturnStatus.APPROVED);
		assertThat(unchanged.refundAmount()).isNull();
		assertThat(unchanged.lines()).allSatisfy((line) -> assertThat(line.receivedQuantity()).isNull());
		// a refund within it is taken
		this.driver.process(number, TestFixtures.WAREHOUSE, "CASH", "406.80", null);
		assertThat(this.queries.get(number).status()).isEqualTo(ReturnStatus.PROCESSED);
	}

	@Test
	void aSupplierReturnCarriesNoFee() {
		Product kettle = this.fixtures.product("Kettle 电水壶", "226.00", "0.13", 10, "120.00");
		TradeOrder purchase = this.fixtures.receivedPurchase(30, line(kettle, 5, "113.00"));

		String number = this.driver.request(purchase.getNumber(), "NO_LONGER_NEEDED", "REFUND", kettle.getSku(), 2);

		assertThat(this.queries.get(number).restockingFee()).isEqualByComparingTo("0.00");
	}

}

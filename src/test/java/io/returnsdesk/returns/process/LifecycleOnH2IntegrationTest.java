package io.returnsdesk.returns.process;

import java.util.List;

import io.returnsdesk.catalog.Product;
import io.returnsdesk.returns.ReturnHistory;
import io.returnsdesk.returns.ReturnQueries;
import io.returnsdesk.returns.ReturnSearch;
import io.returnsdesk.returns.ReturnSummary;
import io.returnsdesk.sales.TradeOrder;
import io.returnsdesk.support.Ledgers;
import io.returnsdesk.support.ReturnDriver;
import io.returnsdesk.support.TestFixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.context.ActiveProfiles;

import static io.returnsdesk.support.TestFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The zero-setup default database: migrations, the whole lifecycle and the history search
 * run on H2 too.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:lifecycle;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
class LifecycleOnH2IntegrationTest {

	@Autowired
	TestFixtures fixtures;

	@Autowired
	ReturnDriver returns;

	@Autowired
	Ledgers ledgers;

	@Autowired
	ReturnQueries queries;

	@Autowired
	ReturnHistory history;

	@Test
	void customerReturnIsConfirmedOnH2() {
		Product pen = this.fixtures.product("9.90", 10);
		TradeOrder order = this.fixtures.shippedSale(1, line(pen, 5));

		String number = this.returns.confirmedReturn(order.getNumber(), "CASH", "19.80", pen.getSku(), 2);

		assertThat(this.ledgers.status(number)).isEqualTo("CONFIRMED");
		assertThat(this.ledgers.onHand(pen.getSku(), TestFixtures.WAREHOUSE)).isEqualTo(7);
		assertThat(this.ledgers.postings(number)).containsExactly("6001 17.52 0.00", "2221.01 2.28 0.00",
				"1001 0.00 19.80", "1405 9.90 0.00", "6401 0.00 9.90");
		assertThat(this.ledgers.note(number)).singleElement().asString().endsWith(" 17.52 2.28 19.80");
		assertThat(this.ledgers.inventoryDifference()).isZero();
		assertThat(this.ledgers.levelsNotEqualToMovements()).isEmpty();
	}

	@Test
	void partialReceiptReleasesWhatDidNotComeBackAndScrapsOnH2() {
		Product cup = this.fixtures.product("4.50", 10);
		TradeOrder order = this.fixtures.shippedSale(2, line(cup, 4));
		String number = this.returns.request(order.getNumber(), "DAMAGED", "REFUND", cup.getSku(), 4);
		this.returns.approve(number, ReturnDriver.APPROVER);

		this.returns.process(number, TestFixtures.WAREHOUSE, "CASH", "13.50",
				ReturnDriver.receipt("{\"1\": 3}", "{\"1\": 2}", null));
		assertThat(this.queries.returnable(order.getNumber())).containsEntry(1, 1);
		this.returns.confirm(number);
		this.returns.runPostingJob(number);

		assertThat(this.ledgers.movements(number)).containsExactly("CUSTOMER_RETURN " + cup.getSku() + " WT-A 3",
				"SCRAP " + cup.getSku() + " WT-A -2");
		// 10 - 4 shipped + 3 back - 2 written off
		assertThat(this.ledgers.onHand(cup.getSku(), TestFixtures.WAREHOUSE)).isEqualTo(7);
		assertThat(this.queries.get(number).lines()).singleElement()
			.satisfies((line) -> assertThat(line.receivedQuantity()).isEqualTo(3));
		assertThat(this.ledgers.returnTotalsNotEqualToTheirLines()).isEmpty();
	}

	@Test
	void findsReturnsByFreeTextOnH2() {
		Product lamp = this.fixtures.product("Lamp 台灯 " + System.nanoTime(), "30.00", 10);
		TradeOrder order = this.fixtures.shippedSale(1, line(lamp, 2));
		String number = this.returns.request(order.getNumber(), "DAMAGED", "REFUND", lamp.getSku(), 1);

		assertThat(numbers("test: damaged")).contains(number);
		assertThat(numbers(order.getNumber().substring(3).toLowerCase())).containsExactly(number);
		assertThat(numbers(order.getParty().getName().toUpperCase())).containsExactly(number);
		assertThat(numbers(number.substring(0, 11))).contains(number);
		assertThat(numbers("damaged%")).isEmpty();
	}

	private List<String> numbers(String text) {
		return this.history
			.page(new ReturnSearch(null, null, null, null, text, null, null, null, null), PageRequest.of(0, 100))
			.page()
			.map(ReturnSummary::number)
			.getContent();
	}

}

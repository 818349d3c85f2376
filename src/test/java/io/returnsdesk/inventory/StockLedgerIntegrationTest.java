package io.returnsdesk.inventory;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.returnsdesk.catalog.Product;
import io.returnsdesk.support.IntegrationTest;
import io.returnsdesk.support.Ledgers;
import io.returnsdesk.support.TestFixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The stock ledger's own guarantees: stock never below zero, each document line posted
 * once, and a moving average at cost that every movement follows.
 */
@IntegrationTest
class StockLedgerIntegrationTest {

	@Autowired
	StockLedger stock;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	Ledgers ledgers;

	@Test
	void refusesToTakeMoreThanIsOnHandAndWritesNothing() {
		Product product = this.fixtures.product("10.00", 3);
		List<StockChange> changes = List.of(
				new StockChange(product, TestFixtures.WAREHOUSE, 2, MovementKind.PURCHASE_RECEIPT, "DOC-A1", 1),
				new StockChange(product, TestFixtures.WAREHOUSE, -6, MovementKind.SALES_SHIPMENT, "DOC-A1", 2));

		assertThatThrownBy(() -> this.stock.post(changes)).isInstanceOf(InsufficientStockException.class)
			.hasMessageContaining("cannot be taken out");

		assertThat(this.ledgers.onHand(product.getSku(), TestFixtures.WAREHOUSE)).isEqualTo(3);
		assertThat(this.ledgers.movements("DOC-A1")).isEmpty();
	}

	@Test
	void postsEachDocumentLineOnceHoweverOftenItIsAsked() {
		Product product = this.fixtures.product("10.00", 0);
		String reference = "DOC-" + product.getSku();
		List<StockChange> changes = List.of(
				new StockChange(product, TestFixtures.WAREHOUSE, 4, MovementKind.PURCHASE_RECEIPT, reference, 1,
						new BigDecimal("6.00")),
				new StockChange(product, TestFixtures.WAREHOUSE, -1, MovementKind.SALES_SHIPMENT, reference, 1));

		this.stock.post(changes);
		this.stock.post(changes);

		assertThat(this.ledgers.movements(reference)).hasSize(2);
		assertThat(this.ledgers.onHand(product.getSku(), TestFixtures.WAREHOUSE)).isEqualTo(3);
		assertThat(this.ledgers.levelsNotEqualToMovements()).isEmpty();
		assertThat(this.ledgers.valuationsNotEqualToMovements()).isEmpty();
	}

	@Test
	void keepsAMovingAverageThatUnitsLeaveAtAndTheLastUnitsTakeWhatValueIsLeft() {
		Product product = this.fixtures.product("Ten 十", "20.00", "0.13", 3, "10.00");
		String reference = "DOC-" + product.getSku();
		// 3 at 10.00 and 2 at 12.50: 55.00 for 5, 11.00 each
		this.stock.post(List.of(new StockChange(product, TestFixtures.WAREHOUSE, 2, MovementKind.PURCHASE_RECEIPT,
				reference, 1, new BigDecimal("12.50"))));
		assertThat(this.stock.averageCost(product.getId())).isEqualByComparingTo("11.00");

		// 2 out at the average; 1 in at 9.00: 42.00 for 4, 10.50 each
		List<StockMovement> out = this.stock.post(
				List.of(new StockChange(product, TestFixtures.WAREHOUSE, -2, MovementKind.SALES_SHIPMENT, reference, 2),
						new StockChange(product, TestFixtures.WAREHOUSE, 1, MovementKind.PURCHASE_RECEIPT, reference, 3,
								new BigDecimal("9.00"))));
		assertThat(out).extracting((movement) -> movement.getUnitCost() + " " + movement.getMovedValue())
			.containsExactly("11.00 -22.00", "9.00 9.00");
		assertThat(this.stock.averageCost(product.getId())).isEqualByComparingTo("10.50");

		// 3 of 4 at 10.50, then the last one takes the 10.50 left
		this.stock.post(List
			.of(new StockChange(product, TestFixtures.WAREHOUSE, -3, MovementKind.SALES_SHIPMENT, reference, 4)));
		List<StockMovement> last = this.stock.post(List
			.of(new StockChange(product, TestFixtures.WAREHOUSE, -1, MovementKind.SALES_SHIPMENT, reference, 5)));
		assertThat(last).singleElement()
			.satisfies((movement) -> assertThat(movement.getMovedValue()).isEqualByComparingTo("-10.50"));
		assertThat(this.stock.averageCost(product.getId())).isEqualByComparingTo("0.00");
		assertThat(this.ledgers.valuationsNotEqualToMovements()).isEmpty();
	}

	@Test
	void givesTheLastUnitsTheValueLeftWhenTheirCostWouldTakeMore() {
		Product product = this.fixtures.product("Three 三", "20.00", "0.13", 3, "10.00");
		String reference = "DOC-" + product.getSku();

		// three units worth 30.00 sent back at 12.00 each: they take the 30.00 there is
		List<StockMovement> out = this.stock.post(List.of(new StockChange(product, TestFixtures.WAREHOUSE, -3,
				MovementKind.SALES_SHIPMENT, reference, 1, new BigDecimal("12.00"))));

		assertThat(out).singleElement()
			.satisfies((movement) -> assertThat(movement.getMovedValue()).isEqualByComparingTo("-30.00"));
		assertThat(this.ledgers.valuationsNotEqualToMovements()).isEmpty();
	}

	@Test
	void postsDocumentsInTurnExactlyAsOneAfterTheOther() {
		// the same documents on two fresh products: one by one, and in one turn
		Product oneByOne = this.fixtures.product("One 一", "20.00", "0.13", 0, null);
		Product inTurn = this.fixtures.product("Turn 轮", "20.00", "0.13", 0, null);
		List<StockLedger.Posting> postings = documents(inTurn);
		documents(oneByOne).forEach((posting) -> this.stock.post(posting.changes(), posting.at()));
		// posted once already: the turn leaves it as it is
		this.stock.post(postings.get(0).changes(), postings.get(0).at());

		List<List<StockMovement>> moved = this.stock.postInTurn(postings);

		assertThat(moved.get(0)).as("posted before").isEmpty();
		assertThat(moved.get(3)).as("the same lines again in the same turn").isEmpty();
		assertThat(moved.stream().flatMap(List::stream).map(StockLedgerIntegrationTest::moved)).containsExactly(
				"PURCHASE_RECEIPT WT-B 3 9.00 27.00", "SALES_SHIPMENT WT-A -2 9.40 -18.80",
				"SALES_SHIPMENT WT-B -1 9.40 -9.40");
		for (String warehouse : List.of(TestFixtures.WAREHOUSE, TestFixtures.OTHER_WAREHOUSE)) {
			assertThat(this.ledgers.onHand(inTurn.getSku(), warehouse))
				.isEqualTo(this.ledgers.onHand(oneByOne.getSku(), warehouse));
		}
		assertThat(this.ledgers.onHand(inTurn.getSku(), TestFixtures.WAREHOUSE)).isEqualTo(0);
		assertThat(this.ledgers.onHand(inTurn.getSku(), TestFixtures.OTHER_WAREHOUSE)).isEqualTo(2);
		assertThat(this.stock.averageCost(inTurn.getId()))
			.isEqualByComparingTo(this.stock.averageCost(oneByOne.getId()))
			.isEqualByComparingTo("9.40");
		assertThat(this.ledgers.levelsNotEqualToMovements()).isEmpty();
		assertThat(this.ledgers.valuationsNotEqualToMovements()).isEmpty();
	}

	@Test
	void refusesATurnOfWhichOneDocumentTakesTooMuchAndWritesNothing() {
		Product product = this.fixtures.product("10.00", 3);
		String reference = "DOC-" + product.getSku();
		List<StockLedger.Posting> postings = List.of(
				new StockLedger.Posting(List.of(new StockChange(product, TestFixtures.WAREHOUSE, -2,
						MovementKind.SALES_SHIPMENT, reference + "-1", 1)), Instant.parse("2026-01-02T10:00:00Z")),
				new StockLedger.Posting(List.of(new StockChange(product, TestFixtures.WAREHOUSE, -2,
						MovementKind.SALES_SHIPMENT, reference + "-2", 1)), Instant.parse("2026-01-03T10:00:00Z")));

		assertThatThrownBy(() -> this.stock.postInTurn(postings)).isInstanceOf(InsufficientStockException.class);

		assertThat(this.ledgers.onHand(product.getSku(), TestFixtures.WAREHOUSE)).isEqualTo(3);
		assertThat(this.ledgers.movements(reference + "-1")).isEmpty();
	}

	/**
	 * Opening stock of 2 at 10.00 in one warehouse, a receipt of 3 at 9.00 in the other
	 * (5 worth 47.00: 9.40 each), a shipment from both, then the same receipt again.
	 */
	private static List<StockLedger.Posting> documents(Product product) {
		String reference = "DOC-" + product.getSku();
		Instant day = Instant.parse("2026-01-01T09:00:00Z");
		StockChange receipt = new StockChange(product, TestFixtures.OTHER_WAREHOUSE, 3, MovementKind.PURCHASE_RECEIPT,
				reference + "-2", 1, new BigDecimal("9.00"));
		return List.of(
				new StockLedger.Posting(List.of(new StockChange(product, TestFixtures.WAREHOUSE, 2,
						MovementKind.OPENING, reference + "-1", 0, new BigDecimal("10.00"))), day),
				new StockLedger.Posting(List.of(receipt), day.plus(Duration.ofDays(1))),
				new StockLedger.Posting(List.of(
						new StockChange(product, TestFixtures.OTHER_WAREHOUSE, -1, MovementKind.SALES_SHIPMENT,
								reference + "-3", 2),
						new StockChange(product, TestFixtures.WAREHOUSE, -2, MovementKind.SALES_SHIPMENT,
								reference + "-3", 1)),
						day.plus(Duration.ofDays(2))),
				new StockLedger.Posting(List.of(receipt), day.plus(Duration.ofDays(3))));
	}

	private static String moved(StockMovement movement) {
		return "%s %s %d %s %s".formatted(movement.getKind(), movement.getWarehouseCode(), movement.getQuantity(),
				movement.getUnitCost(), movement.getMovedValue());
	}

}

package io.returnsdesk.inventory;

import java.math.BigDecimal;
import java.util.List;

import io.returnsdesk.catalog.Product;
import io.returnsdesk.finance.GeneralLedger;
import io.returnsdesk.finance.JournalLine;
import io.returnsdesk.finance.UnbalancedEntryException;
import io.returnsdesk.support.IntegrationTest;
import io.returnsdesk.support.Ledgers;
import io.returnsdesk.support.TestFixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static io.returnsdesk.finance.Account.CASH;
import static io.returnsdesk.finance.Account.SALES_REVENUE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The ledgers' own guarantees: stock never below zero, each document line posted once,
 * every entry balanced.
 */
@IntegrationTest
class StockLedgerIntegrationTest {

	@Autowired
	StockLedger stock;

	@Autowired
	GeneralLedger finance;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	Ledgers ledgers;

	@Test
	void refusesToTakeMoreThanIsOnHandAndWritesNothing() {
		Product product = this.fixtures.product("10.00", 3);
		List<StockChange> changes = List.of(
				new StockChange(product, TestFixtures.WAREHOUSE, 2, MovementKind.CUSTOMER_RETURN, "DOC-A1", 1),
				new StockChange(product, TestFixtures.WAREHOUSE, -6, MovementKind.SUPPLIER_RETURN, "DOC-A1", 2));

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
				new StockChange(product, TestFixtures.WAREHOUSE, 4, MovementKind.CUSTOMER_RETURN, reference, 1),
				new StockChange(product, TestFixtures.WAREHOUSE, -1, MovementKind.SCRAP, reference, 1));

		this.stock.post(changes);
		this.stock.post(changes);

		assertThat(this.ledgers.movements(reference)).hasSize(2);
		assertThat(this.ledgers.onHand(product.getSku(), TestFixtures.WAREHOUSE)).isEqualTo(3);
		assertThat(this.ledgers.levelsNotEqualToMovements()).isEmpty();
	}

	@Test
	void refusesAnEntryThatDoesNotBalanceAndPostsABalancedOneOnce() {
		String reference = "JE-" + System.nanoTime();
		assertThatThrownBy(() -> this.finance.post(reference,
				List.of(JournalLine.debit(SALES_REVENUE, new BigDecimal("10.00")),
						JournalLine.credit(CASH, new BigDecimal("9.99")))))
			.isInstanceOf(UnbalancedEntryException.class)
			.hasMessage("The entry of %s does not balance: debits 10.00, credits 9.99".formatted(reference));
		assertThat(this.ledgers.postings(reference)).isEmpty();

		List<JournalLine> entry = List.of(JournalLine.debit(SALES_REVENUE, new BigDecimal("10.00")),
				JournalLine.credit(CASH, new BigDecimal("10.00")));
		this.finance.post(reference, entry);
		this.finance.post(reference, entry);
		assertThat(this.ledgers.postings(reference)).containsExactly("6001 10.00 0.00", "1001 0.00 10.00");
	}

}

package io.returnsdesk.finance;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import io.returnsdesk.catalog.StoreScope;
import io.returnsdesk.inventory.MovementKind;
import io.returnsdesk.inventory.StockLedger;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sets what returns moved in stock, at cost, beside the balance of merchandise inventory
 * (1405), to which returns post every such movement: the two are equal, and the
 * difference, which must be zero, is what finance looks for.
 */
@Service
public class InventoryReconciliation {

	/** The movements that returns make, each posted to 1405 at its value. */
	public static final Set<MovementKind> RETURN_MOVEMENTS = EnumSet.of(MovementKind.CUSTOMER_RETURN,
			MovementKind.SCRAP, MovementKind.SUPPLIER_RETURN, MovementKind.REPLACEMENT_SHIPMENT,
			MovementKind.REPLACEMENT_RECEIPT);

	private final StockLedger stock;

	private final GeneralLedger ledger;

	private final Clock clock;

	InventoryReconciliation(StockLedger stock, GeneralLedger ledger, Clock clock) {
		this.stock = stock;
		this.ledger = ledger;
		this.clock = clock;
	}

	/** Both sides at the end of a day, the merchant's. */
	@Transactional(readOnly = true)
	public Reconciliation asOf(LocalDate day) {
		return asOf(day, StoreScope.everyStore());
	}

	/**
	 * Both sides at the end of a day for the stores: the movements in their warehouses,
	 * the entries of their returns. They agree as long as the stores' returns came back
	 * to the stores' own warehouses.
	 */
	@Transactional(readOnly = true)
	public Reconciliation asOf(LocalDate day, StoreScope scope) {
		Instant end = day.plusDays(1).atStartOfDay(this.clock.getZone()).toInstant();
		Map<MovementKind, BigDecimal> moved = this.stock.valueMoved(RETURN_MOVEMENTS, end, scope);
		BigDecimal account = this.ledger.trialBalance(GeneralLedger.FIRST, day, scope)
			.stream()
			.filter((balance) -> balance.account().getCode().equals(Account.INVENTORY.code()))
			.map(AccountBalance::balance)
			.findFirst()
			.orElse(BigDecimal.ZERO.setScale(2));
		return new Reconciliation(day, moved, account, this.stock.valueOnHand(scope));
	}

	/**
	 * What returns moved at cost by kind and in all, the balance of 1405, their
	 * difference, and, for reference, the value of all goods on hand (which the
	 * merchant's own books carry: purchases and sales are not posted here).
	 */
	public record Reconciliation(LocalDate asOf, Map<MovementKind, BigDecimal> movedByKind,
			BigDecimal inventoryAccountBalance, BigDecimal valueOnHand) {

		/** What returns moved at cost, in all. */
		public BigDecimal movedByReturns() {
			return this.movedByKind.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
		}

		/** Stock less account: zero when the books agree with the stock ledger. */
		public BigDecimal difference() {
			return movedByReturns().subtract(this.inventoryAccountBalance);
		}

	}

}

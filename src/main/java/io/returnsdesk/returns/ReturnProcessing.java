package io.returnsdesk.returns;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.returnsdesk.catalog.Product;
import io.returnsdesk.inventory.StockLedger;
import io.returnsdesk.inventory.Warehouses;
import io.returnsdesk.notification.NotificationKind;
import io.returnsdesk.notification.Notifier;
import io.returnsdesk.notification.Recipient;
import io.returnsdesk.returns.ReturnOrder.Processing;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records what the warehouse did with a return, and finance sending it back for
 * correction.
 */
@Service
public class ReturnProcessing {

	private final ReturnOrders returns;

	private final Warehouses warehouses;

	private final StockLedger ledger;

	private final Notifier notifier;

	private final Clock clock;

	ReturnProcessing(ReturnOrders returns, Warehouses warehouses, StockLedger ledger, Notifier notifier, Clock clock) {
		this.returns = returns;
		this.warehouses = warehouses;
		this.ledger = ledger;
		this.notifier = notifier;
		this.clock = clock;
	}

	/**
	 * Records the warehouse, refund and the condition of each line. Refuses a refund
	 * above the value of the lines, an unknown warehouse or method, and a supplier return
	 * whose goods are not in the warehouse.
	 */
	@Transactional
	public void record(String number, String actor, String warehouseCode, String refundMethod, BigDecimal refundAmount,
			Set<Integer> scrapLineNos) {
		ReturnOrder order = ReturnReview.find(this.returns, number);
		if (warehouseCode == null || !this.warehouses.existsById(warehouseCode)) {
			throw new ReturnRuleViolation("warehouseCode", "'%s' is not a warehouse".formatted(warehouseCode));
		}
		RefundMethod method = ReturnRequests.parse(RefundMethod.class, "refundMethod", refundMethod);
		if (order.getType() == ReturnType.SUPPLIER) {
			checkStockFor(order, warehouseCode);
		}
		order.recordProcessing(actor, this.clock.instant(),
				new Processing(warehouseCode, method, refundAmount, scrapLineNos));
	}

	private void checkStockFor(ReturnOrder order, String warehouseCode) {
		Map<Product, Integer> leaving = new LinkedHashMap<>();
		order.getLines()
			.forEach((line) -> leaving.merge(line.getOrderLine().getProduct(), line.getQuantity(), Integer::sum));
		leaving.forEach((product, quantity) -> {
			int onHand = this.ledger.onHand(product.getId(), warehouseCode);
			if (onHand < quantity) {
				throw new ReturnRuleViolation("warehouseCode",
						"Warehouse %s holds %d unit(s) of %s; the supplier return sends %d".formatted(warehouseCode,
								onHand, product.getSku(), quantity));
			}
		});
	}

	/** Sends a processed return back to the warehouse with finance's note. */
	@Transactional
	public void reopen(String number, String actor, String note) {
		ReturnOrder order = ReturnReview.find(this.returns, number);
		order.reopenProcessing(actor, this.clock.instant(), note);
		this.notifier.notify(List.of(Recipient.group(ReturnReview.WAREHOUSE_GROUP)),
				NotificationKind.PROCESSING_REOPENED, number,
				Notifier.facts("number", number, "actor", actor, "note", order.getConfirmationNote()));
	}

}

package io.returnsdesk.returns;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.returnsdesk.catalog.Product;
import io.returnsdesk.inventory.StockLedger;
import io.returnsdesk.inventory.Warehouses;
import io.returnsdesk.notification.NotificationKind;
import io.returnsdesk.notification.Notifier;
import io.returnsdesk.notification.Recipient;
import io.returnsdesk.returns.ReturnOrder.Processing;
import io.returnsdesk.sales.OriginalOrders;
import io.returnsdesk.sales.TradeOrderLine;

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

	private final ReturnRequests requests;

	private final OriginalOrders orders;

	private final Notifier notifier;

	private final Clock clock;

	ReturnProcessing(ReturnOrders returns, Warehouses warehouses, StockLedger ledger, ReturnRequests requests,
			OriginalOrders orders, Notifier notifier, Clock clock) {
		this.returns = returns;
		this.warehouses = warehouses;
		this.ledger = ledger;
		this.requests = requests;
		this.orders = orders;
		this.notifier = notifier;
		this.clock = clock;
	}

	/**
	 * Records the warehouse, the refund and what came back of each line on which day.
	 * Refuses a refund above the value of the units received, an unknown warehouse or
	 * method, a receipt that breaks {@link GoodsReceipt}'s rules, and a supplier return
	 * whose goods are not in the warehouse. Units that did not come back are released.
	 */
	@Transactional
	public void record(String number, String actor, String warehouseCode, String refundMethod, BigDecimal refundAmount,
			GoodsReceipt receipt) {
		ReturnOrder order = ReturnReview.find(this.returns, number);
		if (warehouseCode == null || !this.warehouses.existsById(warehouseCode)) {
			throw new ReturnRuleViolation("warehouseCode", "'%s' is not a warehouse".formatted(warehouseCode));
		}
		RefundMethod method = ReturnRequests.parse(RefundMethod.class, "refundMethod", refundMethod);
		// processed before and sent back by finance: it holds what it received then, and
		// may now hold more only of units no other return took meanwhile
		boolean heldLess = order.getLines().stream().anyMatch((line) -> line.getReceivedQuantity() != null);
		if (heldLess) {
			this.orders.lockForReturn(order.getOrder().getNumber());
		}
		ZoneId zone = this.clock.getZone();
		Instant now = this.clock.instant();
		order.recordProcessing(actor, now, new Processing(warehouseCode, method, refundAmount, receipt,
				LocalDate.ofInstant(now, zone), LocalDate.ofInstant(order.getRequestedAt(), zone)));
		if (heldLess) {
			checkStillReturnable(order);
		}
		if (order.getType() == ReturnType.SUPPLIER) {
			checkStockFor(order, warehouseCode);
		}
	}

	private void checkStillReturnable(ReturnOrder order) {
		Map<Integer, Integer> free = this.requests.returnableQuantities(order.getOrder(), order.getId());
		Map<TradeOrderLine, Integer> held = new LinkedHashMap<>();
		order.getLines().forEach((line) -> held.merge(line.getOrderLine(), line.getHeldQuantity(), Integer::sum));
		held.forEach((orderLine, quantity) -> {
			int available = free.getOrDefault(orderLine.getLineNo(), 0);
			if (quantity > available) {
				throw new ReturnRuleViolation(GoodsReceipt.RECEIVED,
						"Only %d unit(s) of %s on order %s are not held by other returns; %d received".formatted(
								available, orderLine.getProduct().getSku(), order.getOrder().getNumber(), quantity));
			}
		});
	}

	private void checkStockFor(ReturnOrder order, String warehouseCode) {
		Map<Product, Integer> leaving = new LinkedHashMap<>();
		order.getLines()
			.forEach((line) -> leaving.merge(line.getOrderLine().getProduct(), line.getHeldQuantity(), Integer::sum));
		leaving.forEach((product, quantity) -> {
			int onHand = this.ledger.onHand(product.getId(), warehouseCode);
			if (onHand < quantity) {
				throw new ReturnRuleViolation("warehouseCode",
						"Warehouse %s holds %d unit(s) of %s; the supplier return sends %d".formatted(warehouseCode,
								onHand, product.getSku(), quantity));
			}
		});
	}

	/**
	 * Sends a processed return back to the warehouse with finance's note, telling it what
	 * it recorded as having come back.
	 */
	@Transactional
	public void reopen(String number, String actor, String note) {
		ReturnOrder order = ReturnReview.find(this.returns, number);
		order.reopenProcessing(actor, this.clock.instant(), note);
		Map<String, Object> facts = Notifier.facts("number", number, "actor", actor, "note",
				order.getConfirmationNote());
		facts.putAll(ReceiptFacts.of(order));
		this.notifier.notify(List.of(Recipient.group(ReturnReview.WAREHOUSE_GROUP)),
				NotificationKind.PROCESSING_REOPENED, number, facts);
	}

}

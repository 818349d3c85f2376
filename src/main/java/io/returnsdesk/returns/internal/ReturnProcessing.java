package io.returnsdesk.returns.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import io.returnsdesk.inventory.StockLedger;
import io.returnsdesk.inventory.Warehouses;
import io.returnsdesk.returns.ProcessingReopened;
import io.returnsdesk.returns.RefundMethod;
import io.returnsdesk.returns.ReturnProcessed;
import io.returnsdesk.returns.ReturnRuleViolation;
import io.returnsdesk.returns.ReturnStateException;
import io.returnsdesk.returns.ReturnType;
import io.returnsdesk.sales.OriginalOrders;

import org.springframework.context.ApplicationEventPublisher;
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

	private final OriginalOrders orders;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final RestockingFees fees;

	ReturnProcessing(ReturnOrders returns, Warehouses warehouses, StockLedger ledger, OriginalOrders orders,
			ApplicationEventPublisher events, Clock clock, RestockingFees fees) {
		this.fees = fees;
		this.returns = returns;
		this.warehouses = warehouses;
		this.ledger = ledger;
		this.orders = orders;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Records the warehouse, the refund and what came back of each line on which day; the
	 * restocking fee is priced again on the units received, and without a refund amount
	 * the refund is their value less the fee. Refuses a refund above the value of the
	 * units received less the fee, an unknown warehouse or method, a receipt that breaks
	 * {@link GoodsReceipt}'s rules, and a supplier return whose goods are not in the
	 * warehouse. Units that did not come back are released. Publishes
	 * {@link ReturnProcessed}.
	 */
	@Transactional
	public void record(String number, String actor, String warehouseCode, String refundMethod, BigDecimal refundAmount,
			GoodsReceipt receipt) {
		ReturnOrder order = this.returns.getByNumber(number);
		if (order.isReturnless()) {
			throw new ReturnRuleViolation("receivedQuantities",
					"The customer keeps the goods of return %s (a returnless refund): nothing comes back to record"
						.formatted(number));
		}
		if (warehouseCode == null || !this.warehouses.existsById(warehouseCode)) {
			throw new ReturnRuleViolation("warehouseCode", "'%s' is not a warehouse".formatted(warehouseCode));
		}
		RefundMethod method = ClientText.choice(RefundMethod.class, "refundMethod", refundMethod);
		// processed before and sent back by finance: it holds what it received then, and
		// may now hold more only of units no other return took meanwhile
		boolean heldLess = order.getLines().stream().anyMatch((line) -> line.getReceivedQuantity() != null);
		if (heldLess) {
			this.orders.lockForReturn(order.getOrder().getNumber());
		}
		ZoneId zone = this.clock.getZone();
		Instant now = this.clock.instant();
		order.recordProcessing(
				actor, now, new ProcessingRecord(warehouseCode, method, refundAmount, receipt,
						LocalDate.ofInstant(now, zone), LocalDate.ofInstant(order.getRequestedAt(), zone)),
				this.fees.rates(PolicyFacts.of(order)));
		if (heldLess) {
			ReceivedStillReturnable.require(order, this.returns.returnable(order.getOrder(), order.getId()));
		}
		if (order.getType() == ReturnType.SUPPLIER) {
			SupplierReturnFromStock.require(order, warehouseCode, this.ledger);
		}
		this.events.publishEvent(new ReturnProcessed(number, actor, warehouseCode, method,
				order.getSettlement().getRefundAmount(), ReceivedUnitsOf.of(order)));
	}

	/**
	 * Records a returnless refund: the customer keeps the goods, nothing is received, the
	 * units stay returned, and the refund, to the original payment, is the value of the
	 * units asked for less the restocking fee. Throws unless the policy decided the
	 * return returnless. Publishes {@link ReturnProcessed}.
	 */
	@Transactional
	public void recordReturnless(String number, String actor) {
		ReturnOrder order = this.returns.getByNumber(number);
		if (!order.isReturnless()) {
			throw new ReturnStateException(number, order.getStatus(), "refunded without its goods coming back");
		}
		ZoneId zone = this.clock.getZone();
		Instant now = this.clock.instant();
		order.recordProcessing(actor, now, ProcessingRecord.returnless(LocalDate.ofInstant(now, zone),
				LocalDate.ofInstant(order.getRequestedAt(), zone)), this.fees.rates(PolicyFacts.of(order)));
		this.events.publishEvent(new ReturnProcessed(number, actor, null, order.getSettlement().getRefundMethod(),
				order.getSettlement().getRefundAmount(), ReceivedUnitsOf.of(order)));
	}

	/**
	 * Sends a processed return back to the warehouse with finance's note:
	 * {@link ProcessingReopened}.
	 */
	@Transactional
	public void reopen(String number, String actor, String note) {
		ReturnOrder order = this.returns.getByNumber(number);
		order.reopenProcessing(actor, this.clock.instant(), note);
		this.events.publishEvent(
				new ProcessingReopened(number, actor, order.getConfirmationNote(), ReceivedUnitsOf.of(order)));
	}

}

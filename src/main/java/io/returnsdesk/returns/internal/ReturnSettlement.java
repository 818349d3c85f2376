package io.returnsdesk.returns.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.returnsdesk.inventory.MovementKind;
import io.returnsdesk.inventory.StockChange;
import io.returnsdesk.inventory.StockHolds;
import io.returnsdesk.inventory.StockLedger;
import io.returnsdesk.returns.ReplacementShipped;
import io.returnsdesk.returns.ReturnConfirmed;
import io.returnsdesk.returns.ReturnStateException;
import io.returnsdesk.returns.ReturnStatus;
import io.returnsdesk.returns.ReturnType;
import io.returnsdesk.sales.OriginalOrders;
import io.returnsdesk.sales.ReplacementLine;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The effects of a confirmed return on stock, its status and the replacement of an
 * exchange (the books are {@link ReturnBooks}'). Each step can run again, as a retried
 * job does, without posting anything twice.
 */
@Service
public class ReturnSettlement {

	private final ReturnOrders returns;

	private final StockLedger stock;

	private final ReturnBooks books;

	private final OriginalOrders orders;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final StockHolds holds;

	ReturnSettlement(ReturnOrders returns, StockLedger stock, ReturnBooks books, OriginalOrders orders,
			ApplicationEventPublisher events, Clock clock, StockHolds holds) {
		this.holds = holds;
		this.returns = returns;
		this.stock = stock;
		this.books = books;
		this.orders = orders;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Moves the goods that came back: a customer return's units received come into the
	 * warehouse (and those written off go out again as scrap); a supplier return's units
	 * handed to the supplier leave it.
	 */
	@Transactional
	public void postStockMovements(String number) {
		ReturnOrder order = settled(number);
		List<StockChange> changes = new ArrayList<>();
		for (ReturnLine line : order.getLines()) {
			var product = line.getOrderLine().getProduct();
			// at the cost the units left with (sold) or came in with (bought)
			var cost = line.getOrderLine().getUnitCost();
			// a returnless refund's units stay with the customer: nothing moves
			int received = line.getReturnedUnits();
			if (order.getType() == ReturnType.SUPPLIER) {
				if (received > 0) {
					changes.add(new StockChange(product, order.getSettlement().getWarehouseCode(), -received,
							MovementKind.SUPPLIER_RETURN, number, line.getLineNo(), cost));
				}
				continue;
			}
			if (received > 0) {
				changes.add(new StockChange(product, order.getSettlement().getWarehouseCode(), received,
						MovementKind.CUSTOMER_RETURN, number, line.getLineNo(), cost));
			}
			if (line.getScrappedQuantity() > 0) {
				changes.add(new StockChange(product, order.getSettlement().getWarehouseCode(),
						-line.getScrappedQuantity(), MovementKind.SCRAP, number, line.getLineNo(), cost));
			}
		}
		this.stock.post(changes);
	}

	/**
	 * Marks the return confirmed, tells {@link ReturnConfirmed} in the same transaction,
	 * and notifies the requester and the warehouse, with what came back.
	 */
	@Transactional
	public void markConfirmed(String number, String actor) {
		ReturnOrder order = settled(number);
		if (order.getStatus() == ReturnStatus.CONFIRMED) {
			return;
		}
		order.confirm(actor, this.clock.instant());
		this.events.publishEvent(new ReturnConfirmed(number, order.getType(), order.getReason(),
				order.getOrder().getStoreCode(), order.getConfirmedAt(),
				order.getLines()
					.stream()
					.map((line) -> new ReturnConfirmed.Line(line.getOrderLine().getProduct().getId(),
							line.getReturnedUnits(), valueOf(line, line.getReturnedUnits()),
							line.getHeldQuantity() - line.getReturnedUnits(),
							valueOf(line, line.getHeldQuantity() - line.getReturnedUnits())))
					.toList(),
				order.getRequestedBy(), actor, order.getSettlement().getRefundMethod(),
				order.getSettlement().getRefundAmount(), ReceivedUnitsOf.of(order)));
	}

	/**
	 * Ships an exchange's replacements, as many as came back: to a customer from the
	 * warehouse that held them (the original order's), releasing the hold; from a
	 * supplier into the warehouse that took the return.
	 */
	@Transactional
	public void raiseReplacement(String number) {
		ReturnOrder order = settled(number);
		List<ReplacementLine> replacements = order.getLines()
			.stream()
			.filter((line) -> line.getReturnedUnits() > 0)
			.map((line) -> new ReplacementLine(line.getOrderLine().getLineNo(),
					(line.getExchangeProduct() != null) ? line.getExchangeProduct() : line.getOrderLine().getProduct(),
					line.getReturnedUnits()))
			.toList();
		String warehouse = (order.getType() == ReturnType.CUSTOMER) ? order.getOrder().getWarehouseCode()
				: order.getSettlement().getWarehouseCode();
		this.orders.shipReplacement(order.getOrder().getNumber(), number, warehouse, replacements);
		this.holds.release(number);
		this.books.postReplacement(number);
		this.events.publishEvent(
				new ReplacementShipped(number, order.getOrder().getNumber(), order.getRequestedBy(), warehouse));
	}

	private static BigDecimal valueOf(ReturnLine line, int units) {
		return line.getUnitPrice().multiply(BigDecimal.valueOf(units));
	}

	private ReturnOrder settled(String number) {
		ReturnOrder order = this.returns.getByNumber(number);
		if (order.getStatus() != ReturnStatus.PROCESSED && order.getStatus() != ReturnStatus.CONFIRMED) {
			throw new ReturnStateException(number, order.getStatus(), "settled");
		}
		return order;
	}

}

package io.returnsdesk.returns.internal;

import io.returnsdesk.returns.ReturnRuleViolation;
import io.returnsdesk.sales.OrderType;
import io.returnsdesk.sales.TradeOrder;

/**
 * A return references an original order whose goods have left (a sales order shipped) or
 * arrived (a purchase order received): only they can come back.
 */
public final class OriginalOrderFulfilled {

	private OriginalOrderFulfilled() {
	}

	/** Throws unless the order's goods have moved. */
	public static void require(TradeOrder order) {
		if (!order.isFulfilled()) {
			throw new ReturnRuleViolation("orderNumber", "Order %s has not been %s yet; only its goods can be returned"
				.formatted(order.getNumber(), (order.getType() == OrderType.SALES) ? "shipped" : "received"));
		}
	}

}

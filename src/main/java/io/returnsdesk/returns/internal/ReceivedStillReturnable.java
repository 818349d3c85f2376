package io.returnsdesk.returns.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import io.returnsdesk.returns.ReturnRuleViolation;
import io.returnsdesk.sales.TradeOrderLine;

/**
 * A return processed again after finance sent it back holds, of each order line, no more
 * units than other returns left free: while it held fewer, another return may have taken
 * the rest.
 */
final class ReceivedStillReturnable {

	private ReceivedStillReturnable() {
	}

	/**
	 * Throws unless the units the return now holds are free.
	 * @param free units of each order line (by line number) not held by other returns
	 */
	static void require(ReturnOrder order, Map<Integer, Integer> free) {
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

}

package io.returnsdesk.sales;

import java.time.Instant;
import java.util.List;

/**
 * An order's goods left for the customer (sales) or arrived from the supplier (purchase):
 * its original shipment, published inside the transaction that records it.
 *
 * @param orderNumber the order
 * @param type sales or purchase
 * @param storeCode the order's store
 * @param at when the goods moved
 * @param lines the units of each product
 */
public record OrderFulfilled(String orderNumber, OrderType type, String storeCode, Instant at, List<Line> lines) {

	/** Units of one product in the shipment. */
	public record Line(long productId, int quantity) {

	}

}

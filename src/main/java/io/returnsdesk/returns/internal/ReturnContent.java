package io.returnsdesk.returns.internal;

import java.math.BigDecimal;
import java.util.List;

import io.returnsdesk.catalog.Product;
import io.returnsdesk.returns.Resolution;
import io.returnsdesk.returns.ReturnReason;
import io.returnsdesk.sales.TradeOrderLine;

/**
 * The content of a request, checked: why, what is wanted back, and which units.
 */
public record ReturnContent(ReturnReason reason, String reasonDetail, Resolution resolution,
		List<RequestedLine> lines) {

	/**
	 * Units of an original order line asked back; for an exchange, the article to ship
	 * instead (the line's own, or another) and the price it is sold at.
	 */
	public record RequestedLine(TradeOrderLine orderLine, int quantity, Product exchangeProduct,
			BigDecimal exchangeUnitPrice) {

		public RequestedLine(TradeOrderLine orderLine, int quantity) {
			this(orderLine, quantity, null, null);
		}

		/** The same units, exchanged for the article at the price. */
		RequestedLine exchangedFor(Product product, BigDecimal unitPrice) {
			return new RequestedLine(this.orderLine, this.quantity, product, unitPrice);
		}

	}

}

package io.returnsdesk.returns.internal;

import java.util.List;

import io.returnsdesk.returns.Resolution;
import io.returnsdesk.returns.ReturnReason;
import io.returnsdesk.sales.TradeOrderLine;

/**
 * The content of a request, checked: why, what is wanted back, and which units.
 */
public record ReturnContent(ReturnReason reason, String reasonDetail, Resolution resolution,
		List<RequestedLine> lines) {

	/** Units of an original order line asked back. */
	public record RequestedLine(TradeOrderLine orderLine, int quantity) {

	}

}

package io.returnsdesk.returns;

import java.math.BigDecimal;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What a customer asks for on the public page: units of lines of their order, by SKU, and
 * why; the order is theirs when the phone it was placed with ends in {@code phoneLast4}.
 * Always a refund: an exchange is agreed with a clerk. Values come as typed and are
 * checked by {@link CustomerReturns}.
 */
@Schema(name = "CustomerReturnRequest")
public record CustomerReturnRequest(String orderNumber, String phoneLast4, String reason, String reasonDetail,
		List<Line> lines) {

	/** Units of an article of the order, by SKU. */
	@Schema(name = "CustomerReturnRequestLine")
	public record Line(String sku, BigDecimal quantity) {

	}

}

package io.returnsdesk.returns;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a clerk asks for: units of lines of an original order, why, and refund or
 * exchange. Values come as typed by the client and are checked by {@link ReturnRequests}.
 */
public record ReturnRequest(String orderNumber, String reason, String reasonDetail, String resolution,
		List<Line> lines) {

	/**
	 * Units of an article, by SKU, and by line number where the SKU is on several lines.
	 */
	public record Line(String sku, Integer lineNo, BigDecimal quantity) {

	}

}

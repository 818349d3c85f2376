package io.returnsdesk.returns;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.lang.Nullable;

/**
 * A return as its customer follows it: status, lines, amounts and the steps it went
 * through. No staff names, no internal notes: of what people wrote only the reason of a
 * rejection, which is written for the requester.
 */
public record CustomerReturnView(String number, ReturnStatus status, String orderNumber, Instant requestedAt,
		List<Line> lines, BigDecimal totalAmount, @Nullable BigDecimal refundAmount, List<Step> steps) {

	/** Units asked for, and those received once the warehouse has counted them. */
	@Schema(name = "CustomerReturnLine")
	public record Line(String sku, String name, int quantity, @Nullable Integer receivedQuantity) {

	}

	/** A step: when the return reached a status, and a rejection's reason. */
	@Schema(name = "CustomerReturnStep")
	public record Step(Instant at, ReturnStatus status, @Nullable String reason) {

	}

}

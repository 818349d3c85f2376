package io.returnsdesk.returns;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A return as a row of the history list.
 */
public record ReturnSummary(String number, ReturnType type, ReturnStatus status, String orderNumber, String partyName,
		String storeCode, String requestedBy, Instant requestedAt, ReturnReason reason, Resolution resolution,
		BigDecimal totalAmount) {

	static ReturnSummary of(ReturnOrder order) {
		return new ReturnSummary(order.getNumber(), order.getType(), order.getStatus(), order.getOrder().getNumber(),
				order.getOrder().getParty().getName(), order.getOrder().getStoreCode(), order.getRequestedBy(),
				order.getRequestedAt(), order.getReason(), order.getResolution(), order.getTotalAmount());
	}

}

package io.returnsdesk.returns;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A return as a row of the history list and of its export.
 */
public record ReturnSummary(String number, ReturnType type, ReturnStatus status, String orderNumber, String partyCode,
		String partyName, String storeCode, String requestedBy, Instant requestedAt, ReturnReason reason,
		String reasonDetail, Resolution resolution, BigDecimal totalAmount, RefundMethod refundMethod,
		BigDecimal refundAmount) {

}

package io.returnsdesk.returns;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.springframework.lang.Nullable;

/**
 * A return as a row of the history list and of its export. The day the goods came back
 * and the units received are null until the return is processed, and so are the units
 * written off, of which none can be before. A returnless refund is one where the customer
 * keeps the goods.
 */
public record ReturnSummary(String number, ReturnType type, ReturnStatus status, String orderNumber, String partyCode,
		String partyName, String storeCode, String requestedBy, Instant requestedAt, @Nullable LocalDate returnedOn,
		ReturnReason reason, @Nullable String reasonDetail, Resolution resolution, Long unitsAsked,
		@Nullable Long unitsReceived, @Nullable Long unitsWrittenOff, BigDecimal totalAmount,
		@Nullable RefundMethod refundMethod, @Nullable BigDecimal refundAmount, boolean returnless) {

}

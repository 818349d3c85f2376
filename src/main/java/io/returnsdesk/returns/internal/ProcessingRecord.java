package io.returnsdesk.returns.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.returnsdesk.returns.RefundMethod;
import io.returnsdesk.returns.ReturnType;

/**
 * What the warehouse recorded, and the merchant's days it is checked against: today, and
 * the day the return was requested.
 */
record ProcessingRecord(String warehouseCode, RefundMethod refundMethod, BigDecimal refundAmount, GoodsReceipt receipt,
		LocalDate today, LocalDate requestedOn) {

	/**
	 * The units received and written off of each of the return's lines; throws when the
	 * refund, the receipt or its day breaks a rule (in that order).
	 */
	Map<ReturnLine, GoodsReceipt.Units> count(String number, ReturnType type, List<ReturnLine> lines) {
		if (this.refundAmount != null) {
			RefundWithinReceivedValue.requireAmount(this.refundAmount);
		}
		Map<ReturnLine, GoodsReceipt.Units> counted = this.receipt.count(number, type, lines);
		returnedOn();
		return counted;
	}

	/**
	 * The day the goods came back: the receipt's, checked against today and the request.
	 */
	LocalDate returnedOn() {
		return this.receipt.day(this.today, this.requestedOn);
	}

}

package io.returnsdesk.returns.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.returnsdesk.returns.RefundMethod;
import io.returnsdesk.returns.ReturnType;

/**
 * What the warehouse recorded, and the merchant's days it is checked against: today, and
 * the day the return was requested. A returnless refund has no receipt: nothing came
 * back, no warehouse took it, and the refund is the value asked for less the fee.
 */
record ProcessingRecord(String warehouseCode, RefundMethod refundMethod, BigDecimal refundAmount, GoodsReceipt receipt,
		LocalDate today, LocalDate requestedOn) {

	/** A returnless refund, to the original payment. */
	static ProcessingRecord returnless(LocalDate today, LocalDate requestedOn) {
		return new ProcessingRecord(null, RefundMethod.ORIGINAL_PAYMENT, null, null, today, requestedOn);
	}

	/**
	 * The units received and written off of each of the return's lines; throws when the
	 * refund, the receipt or its day breaks a rule (in that order).
	 */
	Map<ReturnLine, GoodsReceipt.Units> count(String number, ReturnType type, List<ReturnLine> lines) {
		if (this.refundAmount != null) {
			RefundWithinReceivedValue.requireAmount(this.refundAmount);
		}
		if (this.receipt == null) {
			Map<ReturnLine, GoodsReceipt.Units> nothing = new LinkedHashMap<>();
			lines.forEach((line) -> nothing.put(line, new GoodsReceipt.Units(0, 0)));
			return nothing;
		}
		Map<ReturnLine, GoodsReceipt.Units> counted = this.receipt.count(number, type, lines);
		returnedOn();
		return counted;
	}

	/**
	 * The day the goods came back: the receipt's, checked against today and the request;
	 * none for a returnless refund.
	 */
	LocalDate returnedOn() {
		return (this.receipt != null) ? this.receipt.day(this.today, this.requestedOn) : null;
	}

}

package io.returnsdesk.returns.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.returnsdesk.returns.RefundMethod;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * How a processed return is settled: the warehouse that took the goods, the day they came
 * back, and the refund's method and amount. All empty until the return is processed; the
 * warehouse and the day stay empty for a returnless refund.
 */
@Embeddable
public class Settlement {

	private String warehouseCode;

	@Enumerated(EnumType.STRING)
	private RefundMethod refundMethod;

	private BigDecimal refundAmount;

	private LocalDate returnedOn;

	/** An empty settlement: nothing processed yet. */
	public Settlement() {
	}

	Settlement(ProcessingRecord processing, BigDecimal refund) {
		this.returnedOn = processing.returnedOn();
		this.warehouseCode = processing.warehouseCode();
		this.refundMethod = processing.refundMethod();
		this.refundAmount = refund.setScale(2);
	}

	public String getWarehouseCode() {
		return this.warehouseCode;
	}

	public RefundMethod getRefundMethod() {
		return this.refundMethod;
	}

	public BigDecimal getRefundAmount() {
		return this.refundAmount;
	}

	public LocalDate getReturnedOn() {
		return this.returnedOn;
	}

}

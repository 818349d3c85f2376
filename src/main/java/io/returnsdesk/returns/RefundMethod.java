package io.returnsdesk.returns;

/**
 * How a refund is paid (or, for a supplier return, settled).
 */
public enum RefundMethod {

	ORIGINAL_PAYMENT("Original payment", "原路退回"), BANK_TRANSFER("Bank transfer", "银行转账"), CASH("Cash", "现金"),
	STORE_CREDIT("Store credit", "储值");

	private final String labelEn;

	private final String labelZh;

	RefundMethod(String labelEn, String labelZh) {
		this.labelEn = labelEn;
		this.labelZh = labelZh;
	}

	public String label() {
		return this.labelEn + " " + this.labelZh;
	}

}

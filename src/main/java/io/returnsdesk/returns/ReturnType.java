package io.returnsdesk.returns;

/**
 * A customer return brings goods in; a supplier return sends them out.
 */
public enum ReturnType {

	CUSTOMER("Customer return", "客户退货"), SUPPLIER("Supplier return", "供应商退货");

	private final String labelEn;

	private final String labelZh;

	ReturnType(String labelEn, String labelZh) {
		this.labelEn = labelEn;
		this.labelZh = labelZh;
	}

	public String label() {
		return this.labelEn + " " + this.labelZh;
	}

}

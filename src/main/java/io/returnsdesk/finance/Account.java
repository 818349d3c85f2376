package io.returnsdesk.finance;

/**
 * The accounts of the chart (企业会计准则) that returns post to, by code; their names and kinds
 * are the chart's ({@link ChartAccount}).
 */
public enum Account {

	CASH("1001"),

	BANK("1002"),

	CUSTOMER_RECEIVABLE("1122"),

	SUPPLIER_RETURN_RECEIVABLE("1221"),

	INVENTORY("1405"),

	STORE_CREDIT("2203"),

	OUTPUT_VAT("2221.01"),

	INPUT_VAT_TRANSFERRED_OUT("2221.03"),

	REFUNDS_PAYABLE("2241"),

	SALES_REVENUE("6001"),

	OTHER_INCOME("6051"),

	COST_OF_GOODS_SOLD("6401"),

	LOSSES("6711");

	private final String code;

	Account(String code) {
		this.code = code;
	}

	public String code() {
		return this.code;
	}

}

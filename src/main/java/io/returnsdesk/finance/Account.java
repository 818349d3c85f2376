package io.returnsdesk.finance;

/**
 * The accounts that returns post to, numbered after the Chinese chart of accounts.
 */
public enum Account {

	CASH("1001", "Cash", "库存现金"),

	BANK("1002", "Bank", "银行存款"),

	SUPPLIER_RETURN_RECEIVABLE("1221", "Receivable from suppliers for returns", "其他应收款-供应商退货"),

	INVENTORY("1405", "Merchandise inventory", "库存商品"),

	STORE_CREDIT("2203", "Customer store credit", "预收账款-储值"),

	CUSTOMER_REFUND_PAYABLE("2241", "Refunds payable to customers", "其他应付款-客户退款"),

	SALES_REVENUE("6001", "Sales revenue", "主营业务收入"),

	SUPPLIER_RETURN_LOSS("6711", "Loss on supplier returns", "营业外支出-退货损失");

	private final String code;

	private final String nameEn;

	private final String nameZh;

	Account(String code, String nameEn, String nameZh) {
		this.code = code;
		this.nameEn = nameEn;
		this.nameZh = nameZh;
	}

	public String code() {
		return this.code;
	}

	public String nameEn() {
		return this.nameEn;
	}

	public String nameZh() {
		return this.nameZh;
	}

}

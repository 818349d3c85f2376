package io.returnsdesk.sales;

/**
 * An order is open until its goods have been shipped (sales) or received (purchase).
 */
public enum OrderStatus {

	OPEN, FULFILLED

}

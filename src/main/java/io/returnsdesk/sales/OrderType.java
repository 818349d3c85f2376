package io.returnsdesk.sales;

/**
 * A sales order ships goods to a customer; a purchase order receives goods from a
 * supplier.
 */
public enum OrderType {

	SALES, PURCHASE

}

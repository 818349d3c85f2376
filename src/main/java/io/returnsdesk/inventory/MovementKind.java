package io.returnsdesk.inventory;

/**
 * Why stock changed; the sign of a movement's quantity says which way.
 */
public enum MovementKind {

	OPENING, PURCHASE_RECEIPT, SALES_SHIPMENT, CUSTOMER_RETURN, SCRAP, SUPPLIER_RETURN, REPLACEMENT_SHIPMENT,
	REPLACEMENT_RECEIPT

}

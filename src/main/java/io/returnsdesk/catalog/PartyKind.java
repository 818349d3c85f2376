package io.returnsdesk.catalog;

/**
 * Whether a party buys from the merchant or sells to it.
 */
public enum PartyKind {

	CUSTOMER, SUPPLIER

}

package io.returnsdesk.sales;

/**
 * Thrown when no original order has the number asked for.
 */
public class OrderNotFoundException extends RuntimeException {

	public OrderNotFoundException(String number) {
		super("There is no order " + number);
	}

}

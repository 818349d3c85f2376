package io.returnsdesk.returns;

/**
 * Thrown when no return has the number asked for.
 */
public class ReturnNotFoundException extends RuntimeException {

	public ReturnNotFoundException(String number) {
		super("There is no return " + number);
	}

}

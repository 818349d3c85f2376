package io.returnsdesk.returns;

/**
 * Thrown when a return is asked to do what its status does not allow.
 */
public class ReturnStateException extends RuntimeException {

	public ReturnStateException(String number, ReturnStatus status, String action) {
		super("Return %s is %s and cannot be %s".formatted(number, status, action));
	}

}

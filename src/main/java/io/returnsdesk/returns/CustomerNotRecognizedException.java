package io.returnsdesk.returns;

/**
 * Self-service could not tell who is asking: no such order or return, a wrong phone, or
 * an order that is not a customer's sale. Which one it was is never said.
 */
public class CustomerNotRecognizedException extends RuntimeException {

	public CustomerNotRecognizedException() {
		super("No return or order matches this number and these digits", null, false, false);
	}

}

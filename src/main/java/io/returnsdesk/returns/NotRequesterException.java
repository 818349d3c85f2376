package io.returnsdesk.returns;

/**
 * Thrown when someone other than the requester tries what only the requester may do:
 * revise or withdraw a rejected return.
 */
public class NotRequesterException extends RuntimeException {

	public NotRequesterException(String requester, String number, String verb) {
		super("Only %s, who requested return %s, can %s it".formatted(requester, number, verb));
	}

}

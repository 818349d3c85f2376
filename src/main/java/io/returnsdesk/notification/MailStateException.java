package io.returnsdesk.notification;

/**
 * What was asked of a mail of the outbox does not fit its status.
 */
public class MailStateException extends RuntimeException {

	public MailStateException(String message) {
		super(message);
	}

}

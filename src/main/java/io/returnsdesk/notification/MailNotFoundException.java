package io.returnsdesk.notification;

/**
 * There is no mail of that id in the outbox.
 */
public class MailNotFoundException extends RuntimeException {

	public MailNotFoundException(long id) {
		super("There is no mail %d in the outbox".formatted(id));
	}

}

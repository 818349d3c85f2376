package io.returnsdesk.webhooks;

/**
 * The delivery is not in a state that allows what was asked.
 */
public class WebhookStateException extends RuntimeException {

	public WebhookStateException(String message) {
		super(message);
	}

}

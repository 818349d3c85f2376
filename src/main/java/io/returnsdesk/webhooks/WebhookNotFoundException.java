package io.returnsdesk.webhooks;

/**
 * There is no such subscription or delivery.
 */
public class WebhookNotFoundException extends RuntimeException {

	public WebhookNotFoundException(String message) {
		super(message);
	}

}

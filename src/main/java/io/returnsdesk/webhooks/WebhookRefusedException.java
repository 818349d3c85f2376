package io.returnsdesk.webhooks;

/**
 * A subscription that cannot be made as asked: the field at fault and why.
 */
public class WebhookRefusedException extends RuntimeException {

	private final String field;

	public WebhookRefusedException(String field, String message) {
		super(message);
		this.field = field;
	}

	/** The field of the request at fault: url, events or secret. */
	public String getField() {
		return this.field;
	}

}

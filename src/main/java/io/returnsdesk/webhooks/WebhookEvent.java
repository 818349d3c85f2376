package io.returnsdesk.webhooks;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The events a webhook can subscribe to, by the name a receiver reads in the body's
 * {@code type} and the {@code X-Returns-Event} header.
 */
public enum WebhookEvent {

	/** A return was requested, or revised and resubmitted: it waits for approval. */
	RETURN_SUBMITTED("return.submitted"),
	/** An approver approved a return. */
	RETURN_APPROVED("return.approved"),
	/** An approver rejected a return. */
	RETURN_REJECTED("return.rejected"),
	/**
	 * The warehouse recorded what came back and the refund (again after a correction).
	 */
	RETURN_PROCESSED("return.processed"),
	/** Finance confirmed a return. */
	RETURN_CONFIRMED("return.confirmed");

	private final String code;

	WebhookEvent(String code) {
		this.code = code;
	}

	/** The name on the wire: {@code return.approved}. */
	public String code() {
		return this.code;
	}

	/** The event of a name on the wire, if there is one. */
	public static Optional<WebhookEvent> of(String code) {
		return Arrays.stream(values()).filter((event) -> event.code.equals(code)).findFirst();
	}

	/** Every name on the wire, in order. */
	public static List<String> codes() {
		return Arrays.stream(values()).map(WebhookEvent::code).toList();
	}

}
